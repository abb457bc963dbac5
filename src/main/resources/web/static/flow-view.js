// A stored extension's end-to-end flow at /extensions/NAME/flows/FLOW: its BPMN diagram (a lane
// per accountable unit, the steps left to right), drawn by the vendored bpmn-js from the model
// the server exports, and its steps as a table.
import { query, problem, getJson } from "./api.js";
import { el, table } from "./dom.js";
import { showMissing } from "./missing-view.js";

let viewerLoaded;
/** bpmn-js is a classic script defining the global BpmnJS: loaded once, on the first flow opened. */
function loadViewer() {
  viewerLoaded ??= new Promise((resolve, reject) => {
    for (const css of ["diagram-js.css", "bpmn-js.css"])
      document.head.append(el("link", { rel: "stylesheet", href: `/static/vendor/bpmn-js/${css}` }));
    const s = el("script", { src: "/static/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js" });
    s.onload = () => resolve(window.BpmnJS);
    s.onerror = () => reject(new Error("the diagram viewer could not be loaded"));
    document.head.append(s);
  });
  return viewerLoaded;
}

export const flowPath = (extension, flow) => `/extensions/${encodeURIComponent(extension)}/flows/${encodeURIComponent(flow)}`;

export async function showFlow(main, extension, flow) {
  const extensions = await getJson("/api/extensions").catch(() => []);
  if (!extensions.some(x => x.name === extension)) {
    return showMissing(main, `No extension “${extension}” is stored`, "", el("p", {}, "The stored extensions: ",
      extensions.length ? extensions.map((x, i) => [i ? ", " : "", el("a", { href: `/map?extension=${encodeURIComponent(x.name)}` }, x.name)]) : "none", "."));
  }
  const model = `/download/extension/${encodeURIComponent(extension)}/flow/${encodeURIComponent(flow)}.bpmn`;
  const [resp, steps, BpmnJS] = await Promise.all([fetch(model), query("flow-steps", { flow }), loadViewer()]);
  const release = extensions.find(x => x.name === extension)?.release;
  if (!resp.ok) {
    return showMissing(main, `No flow “${flow}” in extension ${extension}`, "", el("p", {}, await problem(resp)));
  }
  document.title = `${flow} (${extension}) – etom-kg`;
  const canvas = el("div", { class: "flow-canvas", id: "flow-diagram", role: "img", "aria-label": `BPMN diagram of ${flow}` });
  main.replaceChildren(
    el("h1", {}, flow),
    el("p", { class: "muted" }, `An end-to-end flow of the extension “${extension}”: a lane per accountable unit, the steps left to right. `,
      el("a", { href: model, download: `${extension}-${flow}.bpmn` }, "Download the BPMN model"),
      " to open it in bpmn.io or Camunda Modeler."),
    canvas,
    el("h2", {}, "Its steps"),
    table(steps, [["position", "Step"], ["identifier", "Process", s => release ? el("a", { href: `/process/${release}/${s.identifier}` }, s.identifier) : s.identifier],
      ["name", "Name"],
      ["accountable", "Accountable"]], { id: "flow-steps" }));
  const viewer = new BpmnJS({ container: canvas });
  const { warnings } = await viewer.importXML(await resp.text());
  viewer.get("canvas").zoom("fit-viewport");
  canvas.dataset.warnings = warnings.length;
  canvas.dataset.drawn = "true";
}
