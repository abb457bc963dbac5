// Search at /search?q=…: process names (and descriptions a user imported) through the
// Lucene index behind the "search" named query, ranked, as you type; each hit with its path
// (domain › level 2 › …) and the words that matched marked.
import { query, releases, latestRelease } from "./api.js";
import { el, processLink, releaseSelect } from "./dom.js";

/**
 * The name as the search marked it: the service escapes the name, then wraps the matched words in
 * <mark>. It is read back into text and <mark> elements here, never set as HTML.
 */
export function marked(html) {
  const nodes = [];
  let inside = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === "<mark>") inside = true;
    else if (part === "</mark>") inside = false;
    else if (part) {
      const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      nodes.push(inside ? el("mark", {}, text) : text);
    }
  }
  return nodes;
}

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
        processLink(release, r.identifier, marked(r.marked ?? r.name)),
        el("span", { class: "muted" }, ` · level ${r.level}${r.match && r.match !== "name" ? " · matched in " + r.match : ""}`),
        r.path ? el("span", { class: "hit-path" }, el("span", { class: "visually-hidden" }, "in "), r.path) : null)));
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
      el("span", {}, ...releaseSelect(all, release, r => { release = r; relink(); run(); }))),
    el("p", { id: "search-help", class: "muted" }, "Results come as you type, best first; the last word may be the start of a word, and words match their other forms and telecom synonyms (billing finds Bill and Invoice). Arrow keys move through them. ",
      el("a", { href: `/releases/${release}/index`, id: "index-link" }, "All processes A to Z"), " · ",
      el("a", { href: `/releases/${release}/tree`, id: "tree-link" }, "The hierarchy as a tree")),
    status, results);
  // The A-to-Z and tree links follow the release chosen.
  const relink = () => {
    main.querySelector("#index-link")?.setAttribute("href", `/releases/${release}/index`);
    main.querySelector("#tree-link")?.setAttribute("href", `/releases/${release}/tree`);
  };
  input.focus();
  await run();
}
