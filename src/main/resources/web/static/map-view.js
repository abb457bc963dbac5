// The map page: the chart of a release, the release switcher, an extension overlay and export.
import { query, getJson, releases, latestRelease } from "./api.js";
import { el, releaseSelect, count } from "./dom.js";
import { drawChart, drawForPage, overlay, enableArrowKeys, linkTwins, keepLabelsInView } from "./map-chart.js";
import { exportSvg, exportPng } from "./export.js";
import { navigate } from "./nav.js";
import { overlayStatus } from "./overlay.js";
import { releasePath } from "./paths.js";

/** Draws the print copy of the map on the page now; set by each map drawn. */
let forPrint = () => {};
addEventListener("beforeprint", () => forPrint());
matchMedia("print").addEventListener("change", e => { if (e.matches) forPrint(); });

export async function showMap(main, params) {
  const started = performance.now();
  const all = await releases();
  const release = all.includes(params.get("release")) ? params.get("release") : await latestRelease();
  const extensionName = params.get("extension") || "";
  const [rows, extensions] = await Promise.all([query("map", { release }), getJson("/api/extensions").catch(() => [])]);
  const fetched = performance.now();

  const go = (r, x) => navigate("/map?" + new URLSearchParams({ release: r, ...(x ? { extension: x } : {}) }), { replace: true });
  // Drawn to the page's width, so that at 1280 px and wider the whole chart shows without scrolling sideways.
  const svg = drawChart(rows, release, main.clientWidth - 2);
  enableArrowKeys(svg);
  linkTwins(svg);
  const level2 = new Set(rows.map(r => r.identifier)).size;
  const timing = el("p", { class: "timing", id: "map-timing" });
  const overlayInfo = el("div", { id: "overlay-info" });
  const exportNote = el("span", { class: "error-text", role: "status" });

  main.replaceChildren(
    el("h1", {}, `eTOM map, release ${release}`),
    el("div", { class: "toolbar" },
      el("span", {}, ...releaseSelect(all, release, r => go(r, extensionName))),
      el("a", { href: releasePath(release), id: "release-page" }, `About ${release}`),
      el("a", { href: `${releasePath(release)}/tree`, id: "tree-page" }, "Hierarchy tree"),
      el("span", {},
        el("label", { for: "overlay" }, "Extension overlay"),
        el("select", { id: "overlay", onchange: e => go(release, e.target.value) },
          el("option", { value: "" }, extensions.length ? "none" : "no extension stored"),
          extensions.map(x => el("option", { value: x.name, selected: x.name === extensionName }, `${x.name} (${x.release})`)))),
      el("button", { type: "button", class: "secondary", id: "export-svg", onclick: () => exportSvg(svg, `etom-${release}.svg`) }, "Export SVG"),
      el("button", { type: "button", class: "secondary", id: "export-png",
        onclick: () => exportPng(svg, `etom-${release}.png`).catch(e => { exportNote.textContent = e.message; }) }, "Export PNG"),
      exportNote),
    el("p", { class: "muted" }, `${level2} level-2 processes. `,
      rows.some(r => r.basis === "stated") ? `Vertical groups as release ${release} states them.`
        : "Vertical groups derived from release 25.5 through the crosswalk (only the 25.5 workbook states them).",
      " Tab or the arrow keys move between processes; Enter opens one."),
    downloads("release", release),
    ...(extensionName ? [downloads("extension", extensionName)] : []),   // replaceChildren would print a null
    overlayInfo,
    el("div", { class: "map-wrap" }, svg),
    timing);
  keepLabelsInView(svg, svg.parentElement);

  const drawn = performance.now();
  svg.dataset.renderMs = Math.round(drawn - started);
  svg.dataset.sinceNavigationMs = Math.round(drawn);   // from the page's load: the whole page when the map is the first view
  timing.textContent = `Drawn in ${Math.round(drawn - started)} ms (data ${Math.round(fetched - started)} ms, drawing ${Math.round(drawn - fetched)} ms).`;
  // For print, a copy drawn to fill a landscape page (the screen's is taller than wide), drawn when
  // the page is about to print, so that the screen pays nothing for it; only print shows it.
  let copy = null, marks = null;
  forPrint = () => {
    if (copy || !svg.isConnected) return;
    copy = drawForPage(rows, release);
    if (marks) overlay(copy, marks);
    svg.parentElement.after(copy);
  };
  if (extensionName) await showOverlay(svg, overlayInfo, extensionName, release, byLevel2 => {
    marks = byLevel2;
    if (copy) overlay(copy, byLevel2);
  });
}

const FORMATS = [["ttl", "Turtle"], ["jsonld", "JSON-LD"], ["nt", "N-Triples"], ["csv", "CSV"]];

/** Links to the downloads of a release or a stored extension, at the stable URLs /.well-known/void lists. */
function downloads(kind, name) {
  return el("p", { class: "muted downloads" }, `Download ${kind} ${name}: `,
    FORMATS.map(([suffix, label], i) => [i ? ", " : "",
      el("a", { href: `/download/${kind}/${encodeURIComponent(name)}.${suffix}`, download: "" }, label)]),
    // The exchange format every ArchiMate tool imports (Archi, BiZZdesign, Sparx EA...): levels 1-3, as export archimate gives.
    " · ", el("a", { href: `/download/${kind}/${encodeURIComponent(name)}.archimate.xml`, download: "", id: `archimate-${kind}` }, "Export to ArchiMate"));
}

async function showOverlay(svg, info, name, release, alsoMark) {
  info.replaceChildren(el("p", { class: "muted" }, `Checking extension ${name}…`));
  try {
    const { byLevel2, report, unplaced } = await overlayStatus(name, release);
    overlay(svg, byLevel2);
    alsoMark(byLevel2);
    const badge = report.conforms
      ? el("span", { class: report.warnings ? "badge warn" : "badge ok" }, report.warnings ? `conforms, ${count(report.warnings, "warning")}` : "conforms")
      : el("span", { class: "badge bad" }, `does not conform: ${count(report.violations, "violation")}, ${count(report.warnings, "warning")}`);
    info.replaceChildren(el("div", { class: "notice", id: "overlay-summary" },
      el("p", {}, el("strong", {}, `Extension ${name}`), ` (written for release ${report.release}`,
        report.release === release ? "" : `, placed on ${release} along the crosswalk`, "): ", badge, ". ",
        `Boxes with its processes are marked: `,
        el("span", { class: "badge ok" }, "✓ no findings"), " ", el("span", { class: "badge warn" }, "! warnings"), " ",
        el("span", { class: "badge bad" }, "✗ violations"), ", with the number of extension processes beneath."),
      unplaced.length ? el("p", {}, `${unplaced.length} of its processes have no level-2 process in this release: `,
        unplaced.map(p => p.identifier).join(", "), ".") : null,
      el("p", {}, el("a", { href: `/validate?extension=${encodeURIComponent(name)}` }, "See its report"))));
  } catch (e) {
    info.replaceChildren(el("p", { class: "error", role: "alert" }, `Overlay of ${name}: ${e.message}`));
  }
}
