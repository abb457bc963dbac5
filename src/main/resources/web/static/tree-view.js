// The hierarchy of a release as a tree (/releases/R/tree), opened level by level as SKOS browsers
// do: the domains first, each process's children asked for ("process-children" named query) when
// it is first opened. The WAI-ARIA tree pattern: one item in the Tab order, arrow keys move,
// Right opens or goes to the first child, Left closes or goes to the parent, Enter follows the link.
import { query, releases } from "./api.js";
import { el, releaseSelect } from "./dom.js";
import { navigate } from "./nav.js";
import { releasePath, indexPath, treePath } from "./paths.js";

export async function showTree(main, release) {
  const all = await releases();
  if (!all.includes(release)) {
    main.replaceChildren(el("h1", {}, `No release ${release}`),
      el("p", {}, "The releases in the store: ", all.map((r, i) => [i ? ", " : "", el("a", { href: treePath(r) }, r)]), "."));
    return;
  }
  const tree = el("ul", { role: "tree", class: "process-tree", id: "process-tree", "aria-label": `eTOM ${release} hierarchy` });
  tree.append(...items(release, await query("process-children", { release, parent: "top" })));
  tree.querySelector("[role=treeitem]")?.setAttribute("tabindex", "0");
  tree.addEventListener("keydown", e => keys(e, tree, release));
  tree.addEventListener("click", e => {
    const toggle = e.target.closest(".toggle");
    if (toggle) { e.preventDefault(); const item = toggle.closest("[role=treeitem]"); focus(tree, item); open(item, release, item.getAttribute("aria-expanded") !== "true"); }
  });
  document.title = `eTOM ${release} tree – etom-kg`;
  main.replaceChildren(
    el("h1", {}, `Hierarchy of release ${release}`),
    el("div", { class: "toolbar" },
      el("span", {}, ...releaseSelect(all, release, r => navigate(treePath(r)))),
      el("a", { href: `/map?release=${release}` }, "Its map"),
      el("a", { href: indexPath(release) }, "A to Z"),
      el("a", { href: releasePath(release) }, `About ${release}`)),
    el("p", { class: "muted", id: "tree-help" }, "Open a process to see the processes beneath it. Keys: arrows move, Right opens, Left closes, Enter opens the process page."),
    tree);
}

function items(release, rows) {
  return rows.map(r => {
    const parent = Number(r.children) > 0;
    const link = el("a", { href: `/process/${release}/${r.identifier}`, tabindex: "-1" }, el("span", { class: "id" }, r.identifier), " ", r.name);
    return el("li", { role: "treeitem", "aria-level": r.level, "aria-expanded": parent ? "false" : undefined, tabindex: "-1",
        "data-identifier": r.identifier, "aria-label": `${r.identifier} ${r.name}` },
      el("span", { class: "toggle", "aria-hidden": "true" }, parent ? "▸" : ""), link,
      parent ? el("span", { class: "muted" }, ` (${r.children})`) : null);
  });
}

/** Opens or closes an item; its children are asked for the first time it opens. */
async function open(item, release, expand) {
  if (!item.hasAttribute("aria-expanded")) return;
  item.setAttribute("aria-expanded", String(expand));
  item.querySelector(":scope > .toggle").textContent = expand ? "▾" : "▸";
  let group = item.querySelector(":scope > [role=group]");
  if (expand && !group) {
    group = el("ul", { role: "group" });
    item.append(group);
    group.append(...items(release, await query("process-children", { release, parent: item.dataset.identifier })));
  }
}

function visible(tree) {
  return [...tree.querySelectorAll("[role=treeitem]")].filter(i => !i.parentElement.closest("[role=treeitem][aria-expanded=false]"));
}

function focus(tree, item) {
  for (const i of tree.querySelectorAll("[role=treeitem][tabindex='0']")) i.setAttribute("tabindex", "-1");
  item.setAttribute("tabindex", "0");
  item.focus();
}

async function keys(e, tree, release) {
  const item = e.target.closest("[role=treeitem]");
  if (!item) return;
  const shown = visible(tree), i = shown.indexOf(item);
  const go = target => { if (target) { e.preventDefault(); focus(tree, target); } };
  switch (e.key) {
    case "ArrowDown": go(shown[i + 1]); break;
    case "ArrowUp": go(shown[i - 1]); break;
    case "Home": go(shown[0]); break;
    case "End": go(shown[shown.length - 1]); break;
    case "ArrowRight":
      e.preventDefault();
      if (item.getAttribute("aria-expanded") === "false") await open(item, release, true);
      else if (item.getAttribute("aria-expanded") === "true") go(item.querySelector(":scope > [role=group] > [role=treeitem]"));
      break;
    case "ArrowLeft":
      e.preventDefault();
      if (item.getAttribute("aria-expanded") === "true") open(item, release, false);
      else go(item.parentElement.closest("[role=treeitem]"));
      break;
    case "Enter":
      e.preventDefault();
      navigate(item.querySelector(":scope > a").getAttribute("href"));
      break;
  }
}
