// The alphabetical index of a release (/releases/R/index): every process by name, A to Z, filed
// under its first letter, with a row of letters to jump by; from the "release-index" named query.
import { query, releases } from "./api.js";
import { el, processLink, releaseSelect } from "./dom.js";
import { navigate } from "./nav.js";
import { releasePath, indexPath, treePath } from "./paths.js";

export async function showIndex(main, release) {
  const all = await releases();
  if (!all.includes(release)) {
    main.replaceChildren(el("h1", {}, `No release ${release}`),
      el("p", {}, "The releases in the store: ", all.map((r, i) => [i ? ", " : "", el("a", { href: indexPath(r) }, r)]), "."));
    return;
  }
  const rows = await query("release-index", { release });
  document.title = `eTOM ${release} A to Z – etom-kg`;
  const letters = new Map();
  for (const r of rows) {
    if (!letters.has(r.letter)) letters.set(r.letter, []);
    letters.get(r.letter).push(r);
  }
  const anchor = letter => `letter-${letter === "#" ? "other" : letter}`;
  main.replaceChildren(
    el("h1", {}, `Processes of release ${release}, A to Z`),
    el("div", { class: "toolbar" },
      el("span", {}, ...releaseSelect(all, release, r => navigate(indexPath(r)))),
      el("a", { href: releasePath(release) }, `About ${release}`),
      el("a", { href: treePath(release) }, "As a tree")),
    el("p", { class: "muted" }, `${rows.length} processes, by name.`),
    el("nav", { class: "letters", "aria-label": "Letters" },
      [...letters.keys()].map(l => el("a", { href: `#${anchor(l)}` }, l))),
    ...[...letters].map(([letter, entries]) =>
      el("section", { class: "index-letter", id: anchor(letter), "aria-labelledby": `${anchor(letter)}-h` },
        el("h2", { id: `${anchor(letter)}-h` }, letter),
        el("ul", { class: "process-index" }, entries.map(r => el("li", { "data-identifier": r.identifier },
          processLink(release, r.identifier, r.name), el("span", { class: "muted" }, ` · level ${r.level}`)))))));
  // The letters are page anchors: keep them from being taken for a page change.
  main.querySelector("nav.letters").addEventListener("click", e => {
    const a = e.target.closest("a");
    if (!a) return;
    e.preventDefault();
    const target = document.getElementById(a.getAttribute("href").slice(1));
    target.scrollIntoView();
    target.querySelector("a")?.focus({ preventScroll: true });
  });
}
