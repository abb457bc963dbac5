// The view for something the store does not hold, reached inside the app (the server answers a
// page loaded afresh with its own 404): it says what is missing, what there is instead, and
// offers search, filled with what was asked for when that is an identifier.
import { el } from "./dom.js";
import { navigate } from "./nav.js";

export function showMissing(view, title, q, ...instead) {
  document.title = "Not found – etom-kg";
  const input = el("input", { id: "missing-q", name: "q", type: "search", value: q ?? "", autocomplete: "off" });
  const search = el("form", { class: "toolbar", id: "missing-search", role: "search", action: "/search",
    onsubmit: e => { e.preventDefault(); navigate("/search?" + new URLSearchParams({ q: input.value })); } },
    el("label", { for: "missing-q" }, "Search processes"), input, el("button", { type: "submit" }, "Search"));
  view.replaceChildren(el("h1", { id: "not-found" }, title), ...instead.filter(Boolean), search);
}
