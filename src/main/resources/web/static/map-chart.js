// Draws the eTOM chart as SVG from the rows of the "map" named query: domains as rows,
// vertical groups as columns, level-2 processes as boxes in their cells. Pure drawing: no fetching.

import { domainPath, groupPath } from "./paths.js";

const SVG = "http://www.w3.org/2000/svg";
const LABEL_W = 150, COL_W = 186, BOX_W = 174, PAD = 6, LINE_H = 14, HEAD_H = 70, FONT = 11.5;
const CHARS_PER_LINE = 24;   // of the 11.5px system sans-serif in a 174px box, with padding
const AREAS = [["Strategy to Readiness", 1, 3], ["Operations", 4, 7]];

export const COLUMNS = ["Strategy Management", "Capability Management", "Business Value Development",
  "Operations Readiness & Support", "Fulfillment", "Assurance", "Billing"];

function svgEl(tag, attrs = {}, ...children) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) n.setAttribute(k, v);
  for (const c of children) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}

/** Splits a name into lines that fit a box, breaking between words. */
export function wrap(text, width = CHARS_PER_LINE) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
    else line = line ? line + " " + word : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Groups the query's rows into the chart's rows and cells. */
export function layout(rows) {
  const byRow = new Map();
  for (const r of rows) {
    const key = Number(r.row);
    if (!byRow.has(key)) byRow.set(key, { row: key, domain: r.domain, domainIdentifier: r.domainIdentifier, cells: new Map(), processes: new Set() });
    const row = byRow.get(key);
    row.processes.add(r.identifier);
    const col = r.column ? Number(r.column) : 0;   // 0: in no vertical group
    if (!row.cells.has(col)) row.cells.set(col, []);
    row.cells.get(col).push(r);
  }
  const chartRows = [...byRow.values()].sort((a, b) => a.row - b.row);
  // A row whose processes are in no vertical group at all (Enterprise) runs across the chart, as on TM Forum's.
  for (const r of chartRows) r.band = r.cells.size === 1 && r.cells.has(0);
  const otherColumn = chartRows.some(r => !r.band && r.cells.has(0));
  return { rows: chartRows, otherColumn };
}

/**
 * The chart as an SVG element. Each box is a link to the process page; boxes carry
 * data-identifier so overlays can find them. `release` forms the links.
 */
export function drawChart(rows, release) {
  const { rows: chartRows, otherColumn } = layout(rows);
  const columns = otherColumn ? [...COLUMNS, "No vertical group"] : COLUMNS;
  const width = LABEL_W + columns.length * COL_W + PAD;
  const svg = svgEl("svg", { xmlns: SVG, id: "etom-map", role: "group", "aria-label": `eTOM map of release ${release}`,
    "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", "font-size": FONT });
  svg.append(svgEl("title", {}, `eTOM release ${release}: level-2 processes by domain and vertical group`));
  const style = svgEl("style", {}, `
    .area { fill: #17324d; } .area-text { fill: #ffffff; font-weight: 700; font-size: 12px; }
    .col-head { fill: #dbe4ee; stroke: #ffffff; } .col-text { fill: #1a1a1a; font-weight: 600; }
    .row-even { fill: #eef2f7; } .row-odd { fill: #f7f9fb; } .row-label { fill: #17324d; font-weight: 700; font-size: 13px; }
    .row-id { fill: #4a4a4a; font-size: 11px; }
    rect.box { fill: #ffffff; stroke: #5b6b7b; stroke-width: 1; } text.box-text { fill: #1a1a1a; }
    .box-id { fill: #4a4a4a; }
    rect.box.ext-ok { fill: #dcf3e3; stroke: #1b6b34; stroke-width: 2; }
    rect.box.ext-warn { fill: #fff0c2; stroke: #7a4d00; stroke-width: 2; }
    rect.box.ext-bad { fill: #fde2e0; stroke: #a1231b; stroke-width: 2; }
    .badge-bg { fill: #17324d; } .badge-text { fill: #ffffff; font-size: 10px; font-weight: 700; }`);
  svg.append(style);

  const colX = i => LABEL_W + i * COL_W;   // i from 0
  // Header: the two areas, then the vertical groups.
  for (const [name, from, to] of AREAS) {
    svg.append(svgEl("rect", { class: "area", x: colX(from - 1), y: 0, width: (to - from + 1) * COL_W - 2, height: 22 }));
    svg.append(svgEl("text", { class: "area-text", x: colX(from - 1) + 8, y: 15 }, name));
  }
  columns.forEach((name, i) => {
    // A vertical group's heading opens its page; the column of processes in no group has none.
    const head = i < COLUMNS.length ? svgEl("a", { href: groupPath(release, name), class: "col-link" }) : svgEl("g");
    head.append(svgEl("rect", { class: "col-head", x: colX(i), y: 24, width: COL_W - 2, height: HEAD_H - 28 }));
    wrap(name, 24).forEach((line, k) => head.append(svgEl("text", { class: "col-text", x: colX(i) + 8, y: 40 + k * LINE_H }, line)));
    svg.append(head);
  });

  let y = HEAD_H;
  chartRows.forEach((row, ri) => {
    const group = svgEl("g", { class: "domain-row", "data-domain": row.domain });
    const placed = [];
    let rowH = 0;
    const place = (cellRows, x, maxWidth) => {
      // Boxes of one cell, stacked; a band flows them left to right across the chart.
      let cx = x, cy = y + PAD, lineH = 0;
      for (const r of cellRows.sort((a, b) => byId(a.identifier, b.identifier))) {
        const lines = wrap(r.name);
        const h = PAD + LINE_H * (lines.length + 1) + 2;
        if (maxWidth && cx + BOX_W > x + maxWidth) { cx = x; cy += lineH + PAD; lineH = 0; }
        placed.push({ r, x: cx, y: cy, h, lines });
        if (maxWidth) { cx += COL_W; lineH = Math.max(lineH, h); rowH = Math.max(rowH, cy + lineH - y); }
        else { cy += h + PAD; rowH = Math.max(rowH, cy - y - PAD); }
      }
    };
    if (row.band) place(row.cells.get(0), colX(0), columns.length * COL_W);
    else for (const [col, cellRows] of row.cells) place(cellRows, colX(col === 0 ? columns.length - 1 : col - 1), 0);
    rowH = Math.max(rowH + PAD, 48);
    group.append(svgEl("rect", { class: ri % 2 ? "row-odd" : "row-even", x: 0, y, width, height: rowH }));
    // The row's domain opens the domain's page; processes with no domain (a source quirk) get a plain label.
    const label = row.domainIdentifier ? svgEl("a", { href: domainPath(release, row.domainIdentifier), class: "row-link" }) : svgEl("g");
    label.append(svgEl("text", { class: "row-label", x: 8, y: y + 20 }, row.domain));
    label.append(svgEl("text", { class: "row-id", x: 8, y: y + 36 }, row.domainIdentifier ?? ""));
    group.append(label);
    for (const p of placed) group.append(box(p, release));
    svg.append(group);
    y += rowH + 2;
  });
  svg.setAttribute("width", width);
  svg.setAttribute("height", y);
  svg.setAttribute("viewBox", `0 0 ${width} ${y}`);
  return svg;
}

function box({ r, x, y, h, lines }, release) {
  const a = svgEl("a", { href: `/process/${release}/${r.identifier}`, class: "process", "data-identifier": r.identifier,
    "data-group": r.group ?? "", "aria-label": `${r.identifier} ${r.name}${r.group ? ", " + r.group : ""}` });
  a.append(svgEl("title", {}, `${r.identifier} ${r.name}${r.basis === "derived" ? " (vertical group derived from release 25.5)" : ""}`));
  a.append(svgEl("rect", { class: "box", x, y, width: BOX_W, height: h, rx: 3 }));
  a.append(svgEl("text", { class: "box-text box-id", x: x + 6, y: y + PAD + 9 }, r.identifier));
  lines.forEach((line, k) => a.append(svgEl("text", { class: "box-text", x: x + 6, y: y + PAD + 9 + LINE_H * (k + 1) }, line)));
  return a;
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
    const x = Number(rect.getAttribute("x")) + BOX_W - 34, y = Number(rect.getAttribute("y")) + 3;
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
