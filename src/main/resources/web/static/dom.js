// Small helpers to build elements without innerHTML, so data never becomes markup.

/** el("a", {href: "/x", class: "c"}, "text", child...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function processLink(release, identifier, name) {
  return el("a", { href: `/process/${release}/${identifier}` }, el("span", { class: "id" }, identifier), " ", name);
}

export function releaseSelect(all, current, onChange, id = "release") {
  const select = el("select", { id, onchange: e => onChange(e.target.value) },
    all.map(r => el("option", { value: r, selected: r === current }, r)));
  return [el("label", { for: id }, "Release"), select];
}

/**
 * A table from rows, with the given columns [key, heading, render?]. Each cell carries its
 * column's heading (data-label), which a narrow screen shows beside it when rows become cards.
 */
export function table(rows, columns, attrs = {}) {
  return el("table", { class: "data", ...attrs },
    el("thead", {}, el("tr", {}, columns.map(([, h]) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map(r => el("tr", {}, columns.map(([k, h, render]) => el("td", { "data-label": h }, render ? render(r) : (r[k] ?? "")))))));
}

/** "1 warning", "2 warnings". */
export function count(n, word) {
  return `${n} ${word}${Number(n) === 1 ? "" : "s"}`;
}
