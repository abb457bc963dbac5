// Draws the eTOM chart as SVG from the rows of the "map" named query: domains as rows,
// vertical groups as columns, level-2 processes as boxes in their cells (one box spanning adjacent
// groups), the Enterprise domain apart below. Pure drawing: no fetching.

import { domainPath, groupPath } from "./paths.js";

const SVG = "http://www.w3.org/2000/svg";
const LABEL_W = 132, GAP = 8, PAD = 6, LINE_H = 14, FONT = 11.5, STRIPE = 4;
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
/** Below this width the chart stops shrinking and the page scrolls it sideways, its domain names kept in view. */
export const MIN_WIDTH = 1040;
const AREAS = [["Strategy to Readiness", 1, 3], ["Operations", 4, 7]];
/** The Enterprise domain's row in the "map" query: it sits apart, below the operational chart, as on TM Forum's poster. */
const ENTERPRISE_ROW = 8;

export const COLUMNS = ["Strategy Management", "Capability Management", "Business Value Development",
  "Operations Readiness & Support", "Fulfillment", "Assurance", "Billing"];

function svgEl(tag, attrs = {}, ...children) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) n.setAttribute(k, v);
  for (const c of children) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}

let measureContext;
/** The width of a text in the chart's font, in pixels; a character count stands in when there is no canvas. */
function textWidth(text, font) {
  measureContext ??= document.createElement("canvas").getContext("2d");
  if (!measureContext) return text.length * FONT * 0.58;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** Splits a name into lines that fit `width` pixels of `font`, breaking between words. */
export function wrap(text, width, font = `${FONT}px ${FONT_FAMILY}`) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const longer = line ? line + " " + word : word;
    if (line && textWidth(longer, font) > width) { lines.push(line); line = word; }
    else line = longer;
  }
  if (line) lines.push(line);
  return lines;
}

/** Groups the query's rows into the chart's rows and, per process, the vertical groups (columns) it sits in. */
export function layout(rows) {
  const byRow = new Map();
  for (const r of rows) {
    const key = Number(r.row);
    if (!byRow.has(key)) byRow.set(key, { row: key, domain: r.domain, domainIdentifier: r.domainIdentifier, processes: new Map() });
    const row = byRow.get(key);
    if (!row.processes.has(r.identifier)) row.processes.set(r.identifier, { ...r, columns: [], groups: [], groupOf: new Map() });
    const p = row.processes.get(r.identifier);
    const col = r.column ? Number(r.column) : 0;   // 0: in no vertical group
    if (!p.columns.includes(col)) { p.columns.push(col); if (r.group) { p.groups.push(r.group); p.groupOf.set(col - 1, r.group); } }
  }
  const chartRows = [...byRow.values()].sort((a, b) => a.row - b.row);
  // Enterprise, and a row whose processes are in no vertical group at all, run across the chart below it.
  for (const r of chartRows) r.apart = r.row === ENTERPRISE_ROW || [...r.processes.values()].every(p => p.columns.every(c => c === 0));
  const otherColumn = chartRows.some(r => !r.apart && [...r.processes.values()].some(p => p.columns.includes(0)));
  return { rows: chartRows, otherColumn };
}

/**
 * A process's boxes in an operational row: one per run of adjacent columns, so a process in
 * adjacent vertical groups is one box spanning them and one in groups apart gets a box in each.
 * Columns are indexes from 0; a process in no group goes to `other`.
 */
export function runs(p, other) {
  const cols = p.columns.map(c => c === 0 ? other : c - 1).sort((a, b) => a - b);
  const out = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && c === last.to + 1) last.to = c; else out.push({ from: c, to: c });
  }
  return out;
}

/**
 * The chart as an SVG element, `width` pixels wide (at least MIN_WIDTH); `compact` puts a box's
 * identifier on its name's first line (for print, where height is what runs out). Each box is a link to
 * the process page; boxes carry data-identifier so overlays can find them. `release` forms the links.
 */
export function drawChart(rows, release, width = MIN_WIDTH, { compact = false } = {}) {
  const { rows: chartRows, otherColumn } = layout(rows);
  const columns = otherColumn ? [...COLUMNS, "No vertical group"] : COLUMNS;
  width = Math.max(MIN_WIDTH, Math.floor(width));
  const colW = Math.floor((width - LABEL_W - PAD) / columns.length);
  const boxW = colW - GAP;
  const spanW = n => n * colW - GAP;
  const svg = svgEl("svg", { xmlns: SVG, id: "etom-map", role: "group", "aria-label": `eTOM map of release ${release}`,
    "font-family": FONT_FAMILY, "font-size": FONT });
  svg.append(svgEl("title", {}, `eTOM release ${release}: level-2 processes by domain and vertical group`));
  // Colours come from the page's theme (etom.css) where there is one; the fallbacks are the light theme,
  // so that an exported SVG, which travels without the page, keeps them.
  const groupColours = ["#e3ecf9", "#e2f1e7", "#f1e6f6", "#fbeeda", "#dff0f3", "#fae5e3", "#efebdf", "#efefef"];
  const headColours = ["#c9daf2", "#c6e3d0", "#e2cdea", "#f5dbb2", "#bfe1e7", "#f2c9c4", "#ddd5bd", "#dcdcdc"];
  const style = svgEl("style", {}, `
    .area { fill: var(--map-area, #17324d); } .area-text { fill: var(--map-area-ink, #ffffff); font-weight: 700; font-size: 12px; }
    .col-head { stroke: var(--map-paper, #ffffff); } .col-text { fill: var(--map-ink, #1a1a1a); font-weight: 600; }
    .row-even { fill: var(--map-row-even, #eef2f7); } .row-odd { fill: var(--map-row-odd, #f7f9fb); }
    .row-label { fill: var(--map-row-label, #17324d); font-weight: 700; font-size: 13px; }
    .row-id { fill: var(--map-muted, #4a4a4a); font-size: 11px; } .corner { fill: var(--map-paper, #ffffff); }
    rect.box { stroke: var(--map-box-line, #5b6b7b); stroke-width: 1; } text.box-text { fill: var(--map-ink, #1a1a1a); }
    .box-id { fill: var(--map-muted, #4a4a4a); }
    a.twin rect.box { stroke-dasharray: 5 3; }
    ${groupColours.map((c, i) => `.g${i + 1} { fill: var(--map-g${i + 1}, ${c}); } .h${i + 1} { fill: var(--map-h${i + 1}, ${headColours[i]}); }`).join("\n    ")}
    rect.box.ext-ok { fill: var(--map-ok-bg, #dcf3e3); stroke: var(--map-ok, #1b6b34); stroke-width: 2; }
    rect.box.ext-warn { fill: var(--map-warn-bg, #fff0c2); stroke: var(--map-warn, #7a4d00); stroke-width: 2; }
    rect.box.ext-bad { fill: var(--map-bad-bg, #fde2e0); stroke: var(--map-bad, #a1231b); stroke-width: 2; }
    .badge-bg { fill: var(--map-area, #17324d); } .badge-text { fill: var(--map-area-ink, #ffffff); font-size: 10px; font-weight: 700; }`);
  svg.append(style);

  const colX = i => LABEL_W + i * colW;   // i from 0
  const colFont = `600 ${FONT}px ${FONT_FAMILY}`;
  const heads = columns.map(name => wrap(name, colW - 16, colFont));
  const headH = 28 + Math.max(...heads.map(l => l.length)) * LINE_H + 8;
  // Header: the two areas, then the vertical groups.
  for (const [name, from, to] of AREAS) {
    svg.append(svgEl("rect", { class: "area", x: colX(from - 1), y: 0, width: (to - from + 1) * colW - 2, height: 22 }));
    svg.append(svgEl("text", { class: "area-text", x: colX(from - 1) + 8, y: 15 }, name));
  }
  columns.forEach((name, i) => {
    // A vertical group's heading opens its page; the column of processes in no group has none.
    const head = i < COLUMNS.length ? svgEl("a", { href: groupPath(release, name), class: "col-link" }) : svgEl("g");
    head.append(svgEl("rect", { class: `col-head h${i + 1}`, x: colX(i), y: 24, width: colW - 2, height: headH - 28 }));
    heads[i].forEach((line, k) => head.append(svgEl("text", { class: "col-text", x: colX(i) + 8, y: 40 + k * LINE_H }, line)));
    svg.append(head);
  });

  const rowsGroup = svgEl("g", { class: "rows" });
  // The domain names are drawn last, over the boxes, so that they can stay in view while the chart scrolls sideways.
  const labels = svgEl("g", { class: "row-labels" }, svgEl("rect", { class: "corner", x: 0, y: 0, width: LABEL_W - 2, height: headH }));
  const labelFont = `700 13px ${FONT_FAMILY}`;
  let y = headH;
  const drawRow = (row, ri, placed, rowH) => {
    const group = svgEl("g", { class: "domain-row", "data-domain": row.domain });
    const rowClass = ri % 2 ? "row-odd" : "row-even";
    group.append(svgEl("rect", { class: rowClass, x: 0, y, width, height: rowH }));
    for (const p of placed) group.append(box(p, release, compact));
    rowsGroup.append(group);
    // The row's domain opens the domain's page; processes with no domain (a source quirk) get a plain label.
    const label = row.domainIdentifier ? svgEl("a", { href: domainPath(release, row.domainIdentifier), class: "row-link" }) : svgEl("g");
    label.append(svgEl("rect", { class: rowClass, x: 0, y, width: LABEL_W - 2, height: rowH }));
    const lines = wrap(row.domain, LABEL_W - 16, labelFont);
    lines.forEach((line, k) => label.append(svgEl("text", { class: "row-label", x: 8, y: y + 20 + k * 16 }, line)));
    label.append(svgEl("text", { class: "row-id", x: 8, y: y + 20 + lines.length * 16 }, row.domainIdentifier ?? ""));
    labels.append(label);
    y += rowH + 2;
  };
  const boxHeight = lines => PAD + LINE_H * (lines.length + (compact ? 0 : 1)) + 2;
  const boxLines = (p, w, twin) => wrap(compact ? `${p.identifier}${twin ? " ⇄" : ""} ${p.name}` : p.name, w - 12);

  const operational = chartRows.filter(r => !r.apart), apart = chartRows.filter(r => r.apart);
  operational.forEach((row, ri) => {
    // Spanning boxes first, at the top of their columns, then each column's own boxes beneath, by identifier.
    const items = [];
    for (const p of row.processes.values()) {
      const rs = runs(p, columns.length - 1);
      for (const run of rs) items.push({ p, run, twins: rs.length > 1 });
    }
    items.sort((a, b) => (b.run.to - b.run.from) - (a.run.to - a.run.from) || a.run.from - b.run.from || byId(a.p.identifier, b.p.identifier));
    const floor = columns.map(() => y + PAD);   // the next free y in each column
    const placed = [];
    for (const { p, run, twins } of items) {
      const w = spanW(run.to - run.from + 1);
      const lines = boxLines(p, w, twins);
      const h = boxHeight(lines) + (run.to > run.from ? STRIPE : 0);
      let top = y + PAD;
      for (let c = run.from; c <= run.to; c++) top = Math.max(top, floor[c]);
      for (let c = run.from; c <= run.to; c++) floor[c] = top + h + PAD;
      const groups = [];
      for (let c = run.from; c <= run.to; c++) if (p.groupOf.has(c)) groups.push(p.groupOf.get(c));
      const elsewhere = twins ? p.groups.filter(g => !groups.includes(g)) : [];
      placed.push({ r: p, x: colX(run.from), y: top, w, h, lines, run, groups, elsewhere });
    }
    drawRow(row, ri, placed, Math.max(Math.max(...floor) - y, 48));
  });

  for (const row of apart) {
    // Enterprise sits apart, under its own heading, its boxes flowing left to right across the chart.
    y += 12;
    const heading = svgEl("g", { class: "apart-heading" },
      svgEl("rect", { class: "area", x: colX(0), y, width: width - colX(0) - PAD, height: 22 }),
      svgEl("text", { class: "area-text", x: colX(0) + 8, y: y + 15 }, row.domain));
    rowsGroup.append(heading);
    y += 24;
    const placed = [];
    let cx = 0, cy = y + PAD, lineH = 0;
    for (const p of [...row.processes.values()].sort((a, b) => byId(a.identifier, b.identifier))) {
      const lines = boxLines(p, boxW, false), h = boxHeight(lines);
      if (cx === columns.length) { cx = 0; cy += lineH + PAD; lineH = 0; }
      placed.push({ r: p, x: colX(cx), y: cy, w: boxW, h, lines, run: { from: 0, to: 0 }, groups: p.groups, elsewhere: [], band: true });
      cx++; lineH = Math.max(lineH, h);
    }
    drawRow(row, 0, placed, Math.max(cy + lineH + PAD - y, 48));
  }
  svg.append(rowsGroup, labels);
  svg.setAttribute("width", width);
  svg.setAttribute("height", y);
  svg.setAttribute("viewBox", `0 0 ${width} ${y}`);
  return svg;
}

/**
 * The chart for a landscape page (A4 and A3 share its shape): drawn at the width that lets it,
 * scaled to fit the page, appear largest. Hidden on screen, out of the tab order and of the accessibility tree.
 */
export function drawForPage(rows, release, aspect = 277 / 185) {
  let best = null, bestScale = 0;
  for (const width of [1400, 1800, 2200, 2600]) {
    const svg = drawChart(rows, release, width, { compact: true });
    const h = Number(svg.getAttribute("height"));
    const scale = Math.min(1 / width, 1 / aspect / h);   // on a page 1 wide and 1/aspect high
    if (scale > bestScale) { best = svg; bestScale = scale; }
  }
  best.id = "etom-map-print";
  best.classList.add("map-print");
  best.setAttribute("aria-hidden", "true");
  return best;
}

function box({ r, x, y, w, h, lines, run, groups, elsewhere, band }, release, compact) {
  const spans = run.to > run.from;
  const also = elsewhere.length ? `; also in ${elsewhere.join(" and ")}` : "";
  const a = svgEl("a", { href: `/process/${release}/${r.identifier}`, class: elsewhere.length ? "process twin" : "process",
    "data-identifier": r.identifier, "data-group": groups[0] ?? "", "data-groups": groups.join("|"),
    "aria-label": `${r.identifier} ${r.name}${groups.length ? ", " + groups.join(", ") : ""}${also}` });
  a.append(svgEl("title", {}, `${r.identifier} ${r.name}${also}${r.basis === "derived" ? " (vertical group derived from release 25.5)" : ""}`));
  const colour = band || spans ? "g8" : `g${run.from + 1}`;
  a.append(svgEl("rect", { class: `box ${colour}`, x, y, width: w, height: h, rx: 3 }));
  let top = y;
  if (spans) {
    // A stripe in each spanned group's colour says which groups the one box stands for.
    const colW = (w + GAP) / (run.to - run.from + 1);
    for (let c = run.from; c <= run.to; c++)
      a.append(svgEl("rect", { class: `stripe h${c + 1}`, x: x + (c - run.from) * colW + (c === run.from ? 1 : 0), y: y + 1,
        width: colW - (c === run.to ? GAP + 2 : 0) - (c === run.from ? 1 : 0), height: STRIPE }));
    top += STRIPE;
  }
  if (compact) {
    lines.forEach((line, k) => a.append(svgEl("text", { class: "box-text", x: x + 6, y: top + PAD + 9 + LINE_H * k }, line)));
    return a;
  }
  a.append(svgEl("text", { class: "box-text box-id", x: x + 6, y: top + PAD + 9 }, r.identifier + (elsewhere.length ? " ⇄" : "")));
  lines.forEach((line, k) => a.append(svgEl("text", { class: "box-text", x: x + 6, y: top + PAD + 9 + LINE_H * (k + 1) }, line)));
  return a;
}

/** Hovering or focusing a box of a process drawn in several places lights up its other boxes. */
export function linkTwins(svg) {
  const light = (e, on) => {
    const a = e.target.closest?.("a.twin");
    if (!a) return;
    for (const t of svg.querySelectorAll(`a.twin[data-identifier="${a.dataset.identifier}"]`)) t.classList.toggle("lit", on);
  };
  svg.addEventListener("mouseover", e => light(e, true));
  svg.addEventListener("mouseout", e => light(e, false));
  svg.addEventListener("focusin", e => light(e, true));
  svg.addEventListener("focusout", e => light(e, false));
}

/** Keeps the domain names in view while `scroller` scrolls the chart sideways (SVG has no position: sticky). */
export function keepLabelsInView(svg, scroller) {
  const labels = svg.querySelector(".row-labels");
  scroller.addEventListener("scroll", () => {
    const scale = svg.viewBox.baseVal.width / svg.getBoundingClientRect().width;
    labels.setAttribute("transform", scroller.scrollLeft ? `translate(${scroller.scrollLeft * scale} 0)` : "");
  }, { passive: true });
}

function byId(a, b) {
  const x = a.split(".").map(Number), y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) { const d = (x[i] ?? -1) - (y[i] ?? -1); if (d) return d; }
  return 0;
}

/** Marks boxes with an overlay: status per level-2 identifier is "ok", "warn" or "bad", with a count. */
export function overlay(svg, statusById) {
  for (const old of svg.querySelectorAll(".overlay-badge")) old.remove();
  for (const a of svg.querySelectorAll("a.process")) {
    const rect = a.querySelector("rect.box");
    rect.classList.remove("ext-ok", "ext-warn", "ext-bad");
    a.removeAttribute("data-status");
    const s = statusById.get(a.dataset.identifier);
    if (!s) continue;
    rect.classList.add("ext-" + s.status);
    a.setAttribute("data-status", s.status);
    const x = Number(rect.getAttribute("x")) + Number(rect.getAttribute("width")) - 34, y = Number(rect.getAttribute("y")) + 3;
    const mark = { ok: "✓", warn: "!", bad: "✗" }[s.status];
    const g = svgEl("g", { class: "overlay-badge" },
      svgEl("rect", { class: "badge-bg", x, y, width: 31, height: 14, rx: 3 }),
      svgEl("text", { class: "badge-text", x: x + 4, y: y + 11 }, `${s.count} ${mark}`));
    a.append(g);
    a.setAttribute("aria-label", a.getAttribute("aria-label").replace(/ — .*$/, "") + ` — ${s.count} extension processes, ${s.label}`);
  }
}

/** Arrow keys move between boxes by position on the chart; Enter follows the link (native). */
export function enableArrowKeys(svg) {
  svg.addEventListener("keydown", e => {
    const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const d = dirs[e.key];
    const from = e.target.closest("a");
    if (!d || !from) return;
    const centre = a => { const r = a.getBBox(); return [r.x + r.width / 2, r.y + r.height / 2]; };
    const [fx, fy] = centre(from);
    let best = null, bestScore = Infinity;
    for (const a of svg.querySelectorAll("a")) {
      if (a === from) continue;
      const [x, y] = centre(a);
      const along = (x - fx) * d[0] + (y - fy) * d[1];
      if (along <= 1) continue;
      const across = Math.abs((x - fx) * d[1]) + Math.abs((y - fy) * d[0]);
      const score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = a; }
    }
    if (best) { e.preventDefault(); best.focus(); }
  });
}
