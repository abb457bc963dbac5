// The validate page: drop an extension file, read the report grouped by process with the fix
// for each finding, and store it only when a signed-in user chooses to save it.
import { releases, problem, getJson } from "./api.js";
import { el, count } from "./dom.js";
import { session, signInForm } from "./session.js";

const TYPES = { ttl: "text/turtle", turtle: "text/turtle", rdf: "application/rdf+xml", owl: "application/rdf+xml", xml: "application/rdf+xml",
  jsonld: "application/ld+json", json: "application/ld+json", nt: "application/n-triples", csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
const SEVERITY = { Violation: ["bad", "Violation"], Warning: ["warn", "Warning"], Info: ["ok", "Info"] };

export async function showValidate(main) {
  const params = new URLSearchParams(location.search);
  const all = await releases();
  const releaseSelect = el("select", { id: "validate-release" }, el("option", { value: "" }, "the one it names"),
    all.map(r => el("option", { value: r, selected: r === params.get("release") }, r)));
  const fileInput = el("input", { id: "extension-file", type: "file", accept: Object.keys(TYPES).map(t => "." + t).join(",") });
  const drop = el("div", { class: "dropzone", id: "dropzone" },
    el("p", {}, "Drop an extension file here (Turtle, RDF/XML, JSON-LD, N-Triples, or the CSV / Excel template), or ",
      el("label", { for: "extension-file" }, "choose one"), ":"), fileInput);
  const out = el("div", { id: "validate-result", "aria-live": "polite" });

  let current = null;   // { file, body, type }
  const validate = async file => {
    const ext = file.name.split(".").pop().toLowerCase();
    if (!TYPES[ext]) { out.replaceChildren(el("p", { class: "error", role: "alert" }, `${file.name}: not a file etom-kg reads (use .${Object.keys(TYPES).join(", .")})`)); return; }
    current = { file, type: TYPES[ext] };
    out.replaceChildren(el("p", { class: "muted" }, `Checking ${file.name}…`));
    const qs = releaseSelect.value ? "?release=" + encodeURIComponent(releaseSelect.value) : "";
    const resp = await fetch("/api/validate" + qs, { method: "POST", body: file, headers: { "Content-Type": current.type, Accept: "application/json" } });
    if (!resp.ok) { out.replaceChildren(el("p", { class: "error", role: "alert", id: "validate-error" }, (await problem(resp)).replaceAll("request body", file.name))); return; }
    const report = await resp.json();
    out.replaceChildren(reportView(report, file.name), saveForm(report, current, releaseSelect.value));
  };

  fileInput.addEventListener("change", () => fileInput.files[0] && validate(fileInput.files[0]));
  releaseSelect.addEventListener("change", () => current && validate(current.file));
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) validate(e.dataTransfer.files[0]); });

  main.replaceChildren(el("h1", {}, "Validate an extension"),
    el("p", {}, "Checks a CSP extension against the SHACL rules of etom-kg and the eTOM release it extends. Nothing is stored unless you save it."),
    el("div", { class: "toolbar" }, el("label", { for: "validate-release" }, "Check against release"), releaseSelect),
    drop, out);

  const stored = params.get("extension");
  if (stored) {
    try {
      const qs = params.get("release") ? "?release=" + encodeURIComponent(params.get("release")) : "";
      out.replaceChildren(reportView(await getJson(`/api/extensions/${encodeURIComponent(stored)}/report${qs}`), `stored extension ${stored}`));
    } catch (e) {
      out.replaceChildren(el("p", { class: "error", role: "alert" }, e.message));
    }
  }
}

/** The report, grouped by process, most severe first; each finding says what is wrong and the fix. */
export function reportView(report, source) {
  const byProcess = new Map();
  for (const f of report.findings) (byProcess.get(f.process) ?? byProcess.set(f.process, []).get(f.process)).push(f);
  const summary = report.conforms
    ? el("p", { class: "notice", id: "report-summary", "data-conforms": "true" }, el("span", { class: "badge ok" }, "Conforms"),
        ` ${source}: ${report.extension} against eTOM ${report.release} — ${count(report.warnings, "warning")}.`)
    : el("p", { class: "error", id: "report-summary", "data-conforms": "false" }, el("strong", {}, "Does not conform. "),
        `${source}: ${report.extension} against eTOM ${report.release} — ${count(report.violations, "violation")}, ${count(report.warnings, "warning")}.`);
  return el("section", { id: "report", "aria-labelledby": "report-h" }, el("h2", { id: "report-h" }, "Report"), summary,
    [...byProcess.entries()].map(([process, findings]) => el("div", { class: "report-process", "data-process": process },
      el("h3", {}, process),
      findings.map(f => el("p", { class: "finding", "data-severity": f.severity, "data-rule": f.rule },
        el("span", { class: "badge " + SEVERITY[f.severity][0] }, SEVERITY[f.severity][1]), " ",
        el("code", {}, f.rule), " ", f.message)))));
}

/** Saving: only a conforming extension, only by a signed-in user, only when they choose to. */
export function saveForm(report, current, release) {
  const box = el("fieldset", { id: "save" }, el("legend", {}, "Save to the store"));
  if (!report.conforms) {
    box.append(el("p", {}, "Fix the violations first: only an extension that conforms can be stored."));
    return box;
  }
  const name = el("input", { id: "save-name", value: current.file.name.replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-"),
    pattern: "[A-Za-z0-9._-]+", required: true });
  const result = el("p", { id: "save-result", role: "status" });
  const save = el("button", { type: "button", id: "save-button" }, "Save");
  const draw = () => {
    const who = session();
    box.replaceChildren(el("legend", {}, "Save to the store"),
      who ? el("p", {}, `Signed in as ${who.user}. `) : el("p", {}, "Sign in to save (a user of this server, see ./etom-kg user add)."),
      who ? el("div", { class: "toolbar" }, el("label", { for: "save-name" }, "Name"), name, save) : signInForm(draw),
      result);
  };
  save.addEventListener("click", async () => {
    const who = session();
    const qs = release ? "?release=" + encodeURIComponent(release) : "";
    const resp = await fetch(`/api/extensions/${encodeURIComponent(name.value)}${qs}`, { method: "PUT", body: current.file,
      headers: { "Content-Type": current.type, Accept: "application/json", Authorization: who.authorization, "X-Requested-With": "etom-kg" } });
    if (resp.ok) {
      result.replaceChildren(`Saved as ${name.value}. `, el("a", { href: `/map?extension=${encodeURIComponent(name.value)}` }, "See it on the map"), ".");
    } else {
      result.replaceChildren(el("span", { class: "error" }, (await problem(resp)).replaceAll("request body", current.file.name)));
    }
  });
  draw();
  return box;
}
