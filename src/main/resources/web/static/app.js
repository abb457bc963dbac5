// The app page: routes each permalink to its view and keeps links inside the page.
import { showMap } from "./map-view.js";
import { showProcess } from "./process-view.js";
import { showSearch } from "./search-view.js";
import { showValidate } from "./validate-view.js";
import { showMapping } from "./mapping-view.js";
import { showRelease, showDomain, showGroup } from "./reference-view.js";
import { showFlow } from "./flow-view.js";
import { showIndex } from "./index-view.js";
import { showTree } from "./tree-view.js";
import { el } from "./dom.js";
import { showMissing } from "./missing-view.js";
import { navigate, NAVIGATED } from "./nav.js";

const main = () => document.getElementById("main");

const routes = [
  [/^\/(map)?$/, (view, m, params) => showMap(view, params)],
  [/^\/process\/([0-9.]+)\/([0-9.]+)$/, (view, m) => showProcess(view, m[1], m[2])],
  [/^\/search$/, (view, m, params) => showSearch(view, params)],
  [/^\/validate$/, view => showValidate(view)],
  [/^\/mapping$/, view => showMapping(view)],
  [/^\/releases\/([0-9.]+)$/, (view, m) => showRelease(view, m[1])],
  [/^\/releases\/([0-9.]+)\/index$/, (view, m) => showIndex(view, m[1])],
  [/^\/releases\/([0-9.]+)\/tree$/, (view, m) => showTree(view, m[1])],
  [/^\/releases\/([0-9.]+)\/domains\/([0-9.]+)$/, (view, m) => showDomain(view, m[1], m[2])],
  [/^\/releases\/([0-9.]+)\/groups\/([a-z0-9-]+)$/, (view, m) => showGroup(view, m[1], m[2])],
  [/^\/extensions\/([^/]+)\/flows\/([^/]+)$/, (view, m) => showFlow(view, decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
];

async function route() {
  const path = location.pathname, params = new URLSearchParams(location.search);
  markCurrent(path);
  // Each visit draws into a fresh element: a slower earlier view that finishes late draws into
  // one no longer on the page, instead of over the page asked for since.
  const view = el("div", { class: "view" }, el("p", { class: "muted" }, "Loading…"));
  main().replaceChildren(view);
  for (const [pattern, show] of routes) {
    const m = path.match(pattern);
    if (m) {
      try {
        await show(view, m, params);
      } catch (e) {
        view.replaceChildren(el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, e.message));
      }
      return;
    }
  }
  showMissing(view, "Not found", "", el("p", {}, "No page at ", el("code", {}, path), "."));
}

function markCurrent(path) {
  for (const a of document.querySelectorAll("header.top nav a")) {
    const href = a.getAttribute("href");
    const current = href === path || (href === "/map" && (path === "/" || path.startsWith("/process/") || path.startsWith("/releases/")));
    if (current) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
}

window.addEventListener(NAVIGATED, e => {
  route().then(() => { if (!e.detail.replace) main().focus({ preventScroll: true }); });
});

document.addEventListener("click", e => {
  const a = e.target.closest("a");
  // SVG links (the map's boxes) keep href and target as attributes, not strings.
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.getAttribute("target") || a.hasAttribute("download")) return;
  const url = new URL(a.getAttribute("href"), location.href);
  if (url.origin !== location.origin || !routes.some(([p]) => p.test(url.pathname))) return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
  window.scrollTo(0, 0);
});

window.addEventListener("popstate", route);

document.querySelector(".quick-search")?.addEventListener("submit", e => {
  e.preventDefault();
  const q = document.getElementById("quick-q").value;
  navigate("/search?" + new URLSearchParams({ q }));
});

route();
