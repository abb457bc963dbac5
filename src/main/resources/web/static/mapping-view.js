// The mapping page: drop BPMN models (or open a draft import bpmn wrote, or a stored extension with
// ?extension=NAME), go through its activities with their best eTOM parents,
// accept or change each one (from the suggestions or by searching as you type), see the draft
// validate after every change, and save it as an extension when signed in. The server drafts;
// this page only keeps the parents chosen and asks again with them.
import { releases, latestRelease, query, problem } from "./api.js";
import { el } from "./dom.js";
import { reportView, saveForm } from "./validate-view.js";

const SOURCE = { suggested: ["warn", "Suggested"], chosen: ["ok", "Chosen"], model: ["ok", "Stated"],
  subprocess: ["ok", "Sub-process"], process: ["ok", "eTOM process"] };

export async function showMapping(main) {
  const all = await releases();
  let release = await latestRelease();
  const releaseSelect = el("select", { id: "mapping-release" }, all.map(r => el("option", { value: r, selected: r === release }, r)));
  const name = el("input", { id: "mapping-name", value: "my-processes", pattern: "[A-Za-z0-9._-]+", required: true });
  const namespace = el("input", { id: "mapping-namespace", type: "url", size: 36, placeholder: "https://csp.example/NAME/" });
  const fileInput = el("input", { id: "bpmn-file", type: "file", accept: ".bpmn,.xml", multiple: true });
  const drop = el("div", { class: "dropzone", id: "bpmn-dropzone" },
    el("p", {}, "Drop BPMN 2.0 models here (Camunda Modeler, bpmn.io, Signavio, ARIS, Bizagi), or ",
      el("label", { for: "bpmn-file" }, "choose them"), ":"), fileInput);
  const draftInput = el("input", { id: "draft-file", type: "file", accept: ".ttl" });
  const reopen = el("p", {}, "Or open a draft already imported (the .ttl file ", el("code", {}, "import bpmn"), " wrote): ",
    el("label", { for: "draft-file" }, "choose it"), " ", draftInput);
  const status = el("p", { id: "mapping-status", class: "muted", role: "status" });
  const out = el("div", { id: "mapping-result" });

  let models = [];           // the files dropped or chosen, as sent
  let draftText = null;      // or a draft as Turtle, opened again
  let stored = new URLSearchParams(location.search).get("extension");   // or a stored extension
  const chosen = new Map();  // "file#activity id" -> identifier
  let asked = 0, validations = 0, lastChosen = null;

  const ask = () => {
    const qs = new URLSearchParams();
    for (const [key, id] of chosen) qs.set("parent." + key, id);
    const accept = { Accept: "application/json" };
    if (draftText !== null) {   // a draft opened again: the server renumbers the chosen parents in it
      return fetch("/api/mapping/draft?" + qs, { method: "POST", body: draftText, headers: { ...accept, "Content-Type": "text/turtle" } });
    }
    if (stored) {
      qs.set("extension", stored);
      return fetch("/api/mapping/draft?" + qs, { headers: accept });
    }
    qs.set("release", release);
    qs.set("name", name.value);
    if (namespace.value.trim()) qs.set("namespace", namespace.value.trim());
    const form = new FormData();
    for (const f of models) form.append("model", f, safeName(f.name));
    return fetch("/api/import/bpmn?" + qs, { method: "POST", body: form, headers: accept });
  };

  const draft = async () => {
    if (!(models.length || draftText !== null || stored) || !main.isConnected) return;
    const mine = ++asked;
    status.textContent = `Drafting ${models.length ? models.map(f => f.name).join(", ") : stored ?? "the draft"}…`;
    const resp = await ask();
    if (mine !== asked) return;   // a later change has asked again
    if (!resp.ok) {
      status.textContent = "";
      out.replaceChildren(el("p", { class: "error", role: "alert", id: "mapping-error" }, await problem(resp)));
      return;
    }
    const result = await resp.json();
    if (!models.length) {   // a draft states its release
      release = result.release;
      releaseSelect.value = release;
    }
    status.textContent = "Validating the draft…";
    const checked = await fetch("/api/validate?release=" + encodeURIComponent(release), { method: "POST", body: result.turtle,
      headers: { "Content-Type": "text/turtle", Accept: "application/json" } });
    if (mine !== asked) return;
    const report = checked.ok ? await checked.json() : null;
    const file = new File([result.turtle], name.value + ".ttl", { type: "text/turtle" });
    const suggested = result.activities.filter(a => a.suggested).length;
    status.textContent = `${result.activities.length} activities, ${suggested} with a suggested parent to review.`;
    out.replaceChildren(
      activityTable(result.activities, release, (key, id) => { chosen.set(key, id); lastChosen = key; draft(); }),
      report ? reportView(report, "the draft") : el("p", { class: "error", role: "alert" }, await problem(checked)),
      report ? saveForm(report, { file, type: "text/turtle" }, release) : "",
      el("details", {}, el("summary", {}, "The draft as Turtle"), el("pre", { id: "mapping-turtle" }, result.turtle)));
    out.dataset.validations = String(++validations);
    // The table is drawn anew: the reader carries on from the row they changed.
    const row = [...out.querySelectorAll("#mapping-table tr")].find(r => r.dataset.activity === lastChosen);
    row?.querySelector("select")?.focus();
  };

  const open = async files => {
    if (!files.length) return;
    models = [...files];
    draftText = null;
    stored = null;
    chosen.clear();
    if (name.value === "my-processes") name.value = files[0].name.replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
    await draft();
  };
  fileInput.addEventListener("change", () => open(fileInput.files));
  draftInput.addEventListener("change", async () => {
    const f = draftInput.files[0];
    if (!f) return;
    draftText = await f.text();
    models = [];
    stored = null;
    chosen.clear();
    if (name.value === "my-processes") name.value = f.name.replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
    await draft();
  });
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => { e.preventDefault(); drop.classList.remove("over"); open(e.dataTransfer.files); });
  releaseSelect.addEventListener("change", () => { release = releaseSelect.value; chosen.clear(); draft(); });
  name.addEventListener("change", draft);
  namespace.addEventListener("change", draft);

  main.replaceChildren(el("h1", {}, "Map BPMN activities to eTOM"),
    el("p", {}, "Each activity of your model becomes a process of yours under an eTOM parent: the one the model states, or the best suggestion. "
      + "Review the suggested ones, change any parent, and save the draft as an extension. Nothing is stored unless you save it."),
    el("div", { class: "toolbar" },
      el("span", {}, el("label", { for: "mapping-release" }, "Release"), releaseSelect),
      el("span", {}, el("label", { for: "mapping-name" }, "Extension name"), name),
      el("span", {}, el("label", { for: "mapping-namespace" }, "Namespace"), namespace)),
    drop, reopen, status, out);
  if (stored) {
    name.value = stored;
    await draft();
  }
}

/** The name a model is sent under: what the server takes as a file name, and how rows and errors name it. */
const safeName = name => name.replace(/[^\w .()-]+/g, "_").replace(/^\./, "_");

/** One row per activity; a suggested or changed parent can be picked from the suggestions or searched for. */
function activityTable(activities, release, choose) {
  return el("table", { class: "data", id: "mapping-table" },
    el("thead", {}, el("tr", {}, ["Model", "Lane", "Activity", "Parent", "", "Change the parent"].map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, activities.map(a => {
      const key = `${a.file}#${a.id}`;
      const [cls, word] = SOURCE[a.source];
      return el("tr", { "data-activity": key, "data-source": a.source },
        el("td", { "data-label": "Model" }, a.file), el("td", { "data-label": "Lane" }, a.lane ?? ""), el("td", { "data-label": "Activity" }, a.name),
        el("td", { class: "parent", "data-label": "Parent" }, el("span", { class: "id" }, a.parent.identifier), " ", a.parent.name),
        el("td", {}, el("span", { class: "badge " + cls }, word)),
        el("td", { "data-label": "Change the parent" }, a.source === "suggested" || a.source === "chosen" ? change(a, key, release, choose) : ""));
    })));
}

function change(a, key, release, choose) {
  const options = a.suggestions.some(s => s.identifier === a.parent.identifier) ? a.suggestions : [a.parent, ...a.suggestions];
  const select = el("select", { "aria-label": `Parent of ${a.name}`, class: "parent-choice" },
    options.map(s => el("option", { value: s.identifier, selected: s.identifier === a.parent.identifier, title: s.reason ?? "" },
      `${s.identifier} ${s.name}${s.score !== undefined ? " (" + s.score + ")" : ""}`)));
  select.addEventListener("change", () => choose(key, select.value));
  const input = el("input", { type: "search", class: "parent-search", placeholder: "or search…", autocomplete: "off", "aria-label": `Search a parent for ${a.name}` });
  const found = el("ul", { class: "parent-found" });
  let asked = 0, timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim(), mine = ++asked;
      if (!text) { found.replaceChildren(); return; }
      const rows = await query("search", { text, release });
      if (mine !== asked) return;   // an answer to an older keystroke
      found.replaceChildren(...rows.slice(0, 8).map(r => el("li", {},
        el("button", { type: "button", class: "secondary", "data-identifier": r.identifier, onclick: () => choose(key, r.identifier) },
          `${r.identifier} ${r.name}`))));
    }, 150);
  });
  return el("div", { class: "parent-change" }, select, input, found);
}
