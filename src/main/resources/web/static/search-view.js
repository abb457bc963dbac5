// Search at /search?q=…: process names (and descriptions a user imported) through the
// Lucene index behind the "search" named query, ranked, as you type.
import { query, releases, latestRelease } from "./api.js";
import { el, processLink, releaseSelect } from "./dom.js";

export async function showSearch(main, params) {
  const all = await releases();
  let release = all.includes(params.get("release")) ? params.get("release") : await latestRelease();
  const input = el("input", { id: "search-input", type: "search", value: params.get("q") ?? "", autocomplete: "off",
    "aria-controls": "search-results", "aria-describedby": "search-help" });
  const status = el("p", { id: "search-status", class: "muted", role: "status" });
  const results = el("ol", { id: "search-results", class: "results" });
  let asked = 0, timer;

  const run = async () => {
    if (!input.isConnected) return;   // the reader has moved on to another page
    const text = input.value.trim();
    const mine = ++asked;
    history.replaceState(null, "", "/search?" + new URLSearchParams({ q: input.value, release }));
    if (!text) { results.replaceChildren(); status.textContent = "Type part of a name or an identifier."; return; }
    try {
      const rows = await query("search", { text, release });
      if (mine !== asked) return;   // an answer to an older keystroke
      status.textContent = `${rows.length} ${rows.length === 1 ? "process" : "processes"} in release ${release} match “${text}”.`;
      results.replaceChildren(...rows.map(r => el("li", { "data-identifier": r.identifier },
        processLink(release, r.identifier, r.name), el("span", { class: "muted" }, ` · level ${r.level}${r.match && r.match !== "name" ? " · matched in " + r.match : ""}`))));
    } catch (e) {
      if (mine === asked) status.textContent = e.message;
    }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  input.addEventListener("keydown", e => {
    if (e.key === "ArrowDown") { const first = results.querySelector("a"); if (first) { e.preventDefault(); first.focus(); } }
  });
  results.addEventListener("keydown", e => {
    const links = [...results.querySelectorAll("a")], i = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
  });

  main.replaceChildren(
    el("h1", {}, "Search processes"),
    el("div", { class: "toolbar" },
      el("span", {}, el("label", { for: "search-input" }, "Name or identifier"), input),
      el("span", {}, ...releaseSelect(all, release, r => { release = r; run(); }))),
    el("p", { id: "search-help", class: "muted" }, "Results come as you type, best first; the last word may be the start of a word. Arrow keys move through them."),
    status, results);
  input.focus();
  await run();
}
