// A process page at /process/RELEASE/ID: what the graph knows of one process of one release.
import { query, getJson, releases, byIdentifier } from "./api.js";
import { el, processLink, releaseSelect, table } from "./dom.js";
import { navigate } from "./nav.js";
import { releasePath, domainPath, groupPath } from "./paths.js";
import { flowPath } from "./flow-view.js";
import { showMissing } from "./missing-view.js";

/** What the server takes for a process identifier (ProcessIdentifier): anything else names no process. */
const IDENTIFIER = /^[12](\.(0|[1-9][0-9]{0,3}))+$/;

export async function showProcess(main, release, id) {
  const p = { id, release };
  const all = await releases();
  if (!all.includes(release)) return notFound(main, release, id, all);
  if (!IDENTIFIER.test(id)) return notFound(main, release, id);
  const [card, path, subtree, components, abes, history, extensionRows, flows] = await Promise.all([
    query("process-card", p), query("path-to-root", p), query("subtree", p), query("process-components", p),
    query("process-sid-abes", p), query("process-history", p), query("process-extensions", p), query("process-flows", p)]);
  if (!card.length) return id.startsWith("2.") ? showExtensionProcess(main, release, id) : notFound(main, release, id);
  const head = card[0];
  document.title = `${id} ${head.name} (${release}) – etom-kg`;

  const sameIn = new Map(history.filter(h => h.identifier).map(h => [h.version, h.identifier]));
  const switcher = releaseSelect(all, release, r => {
    if (sameIn.has(r)) navigate(`/process/${r}/${sameIn.get(r)}`);
    else document.getElementById("release-note").textContent = `This process has no counterpart in release ${r}.`;
  });

  const groups = card.filter(c => c.group);
  main.replaceChildren(
    el("nav", { class: "breadcrumbs", "aria-label": "Breadcrumbs" },
      el("ol", {}, el("li", {}, el("a", { href: `/map?release=${release}` }, `eTOM ${release}`)),
        path.sort((a, b) => a.level - b.level).map((s, i, arr) => el("li", {},
          i === arr.length - 1 ? el("span", { "aria-current": "page" }, `${s.identifier} ${s.name}`) : processLink(release, s.identifier, s.name))))),
    el("h1", { id: "process-title" }, el("span", { class: "id" }, head.identifier), " ", head.name),
    el("div", { class: "toolbar" }, el("span", {}, ...switcher), el("span", { id: "release-note", class: "muted", role: "status" }),
      exportMenu(release, id),
      el("a", { href: "/sparql?" + new URLSearchParams({ query: `DESCRIBE <https://w3id.org/etom-kg/release/${release}/process/${id}>` }) }, "Open in the SPARQL editor")),
    el("dl", { class: "facts" },
      el("dt", {}, "Release"), el("dd", {}, el("a", { href: releasePath(release) }, release)),
      el("dt", {}, "Level"), el("dd", {}, head.level),
      el("dt", {}, "Domain"), el("dd", {}, domainLink(release, head.domain, path)),
      el("dt", {}, "Parent"), el("dd", {}, head.parent ? processLink(release, head.parent, head.parentName) : "—"),
      el("dt", {}, "Vertical groups"), el("dd", { id: "vertical-groups" }, groups.length
        ? groups.map((g, i) => [i ? ", " : "", el("a", { href: groupPath(release, g.group) }, g.group), g.basis === "derived" ? " (derived from 25.5)" : ""]) : "none")),
    el("div", { class: "sections" },
      section("children", "Beneath it", childrenTree(release, id, subtree)),
      section("extensions", "Extension processes beneath it", extensionsTable(extensionRows)),
      flows.length ? section("flows", "In end-to-end flows", flowList(flows)) : null,
      section("components", "ODA components and Open APIs", componentsTable(components)),
      section("sid", "SID entities", abes.length ? table(abes, [["entity", "Entity"], ["direction", "It"], ["via", "Stated on"],
        ["components", "From"], ["basis", "Basis"]]) : el("p", { class: "muted" }, "No SID entities are linked to this process or its level-2 process.")),
      section("history", "Across releases", historyTable(history, release))));
}

/** The process as data: its description in each RDF syntax, from its IRI with the syntax's suffix. */
function exportMenu(release, id) {
  const iri = `/release/${release}/process/${id}`;
  return el("details", { class: "menu", id: "export-menu" }, el("summary", {}, "Export"),
    el("ul", {}, [["ttl", "Turtle"], ["jsonld", "JSON-LD"], ["rdf", "RDF/XML"], ["nt", "N-Triples"]].map(([ext, name]) =>
      el("li", {}, el("a", { href: `${iri}.${ext}`, download: `etom-${release}-${id}.${ext}`, "data-format": ext }, name)))));
}

/** The domain, linked to its page through the process's level-1 ancestor (the domain's own process). */
function domainLink(release, name, path) {
  const top = path.find(s => Number(s.level) === 1);
  return name && top ? el("a", { href: domainPath(release, top.identifier) }, name) : (name ?? "—");
}

/** The stored extensions' flows that have this process as a step, each linked to its diagram. */
function flowList(flows) {
  return el("ul", { class: "links", id: "flow-list" }, flows.map(f => el("li", {},
    el("a", { href: flowPath(f.extension, f.flow) }, f.flow), el("span", { class: "muted" }, ` · step ${f.position} · extension ${f.extension}`))));
}

function section(id, title, body) {
  return el("section", { id, "aria-labelledby": id + "-h" }, el("h2", { id: id + "-h" }, title), body);
}

/** A CSP's own process (TM Forum's 2.x numbering) from a stored extension of the release. */
async function showExtensionProcess(main, release, id) {
  const [x] = await query("extension-process", { id, release });
  if (!x) return notFound(main, release, id);
  const path = x.reference ? await query("path-to-root", { id: x.reference, release }) : [];
  document.title = `${id} ${x.name} (${x.extension}) – etom-kg`;
  main.replaceChildren(
    el("nav", { class: "breadcrumbs", "aria-label": "Breadcrumbs" },
      el("ol", {}, el("li", {}, el("a", { href: `/map?release=${release}` }, `eTOM ${release}`)),
        path.sort((a, b) => a.level - b.level).map(s => el("li", {}, processLink(release, s.identifier, s.name))),
        x.parent !== x.reference ? el("li", {}, processLink(release, x.parent, x.parentName)) : null,
        el("li", {}, el("span", { "aria-current": "page" }, `${id} ${x.name}`)))),
    el("h1", { id: "process-title" }, el("span", { class: "id" }, id), " ", x.name),
    el("p", { class: "notice" }, `A process of the extension “${x.extension}”, not of TM Forum's framework.`),
    el("dl", { class: "facts", id: "extension-process" },
      el("dt", {}, "Extension"), el("dd", {}, x.extension),
      el("dt", {}, "Extends release"), el("dd", {}, release),
      el("dt", {}, "Level"), el("dd", {}, x.level),
      el("dt", {}, "Definition"), el("dd", {}, x.definition ?? "—"),
      el("dt", {}, "Parent"), el("dd", {}, processLink(release, x.parent, x.parentName)),
      el("dt", {}, "Beneath"), el("dd", {}, x.reference ? processLink(release, x.reference, x.referenceName) : "—"),
      el("dt", {}, "Accountable"), el("dd", {}, x.accountable || "—"),
      el("dt", {}, "Responsible"), el("dd", {}, x.responsible || "—"),
      el("dt", {}, "KPIs"), el("dd", {}, x.kpis || "—")),
    x.reference ? el("p", {}, el("a", { href: `/process/${release}/${x.reference}#extensions` },
      `Every extension process beneath ${x.reference} ${x.referenceName}`)) : null);
}

function notFound(main, release, id, all) {
  if (all) return showMissing(main, `No release ${release} in this store`, id,
    el("p", {}, "The releases it holds: ", all.map((r, i) => [i ? ", " : "", el("a", { href: `/process/${r}/${id}` }, r)]), "."));
  showMissing(main, `No process ${id} in release ${release}`, id,
    el("p", {}, "Search for it below, or see the ", el("a", { href: `/map?release=${release}` }, `map of ${release}`), "."));
}

/** Children as a tree of disclosure widgets: each level opens on demand, down to level 7. */
function childrenTree(release, id, subtree) {
  const kids = new Map();
  for (const r of subtree) if (r.parent) (kids.get(r.parent) ?? kids.set(r.parent, []).get(r.parent)).push(r);
  for (const list of kids.values()) list.sort((a, b) => byIdentifier(a.identifier, b.identifier));
  const node = r => {
    const link = processLink(release, r.identifier, r.name);
    const below = kids.get(r.identifier);
    if (!below) return el("li", { class: "leaf", "data-identifier": r.identifier }, link, el("span", { class: "muted" }, ` · level ${r.level}`));
    return el("li", { "data-identifier": r.identifier },
      el("details", {}, el("summary", {}, link, el("span", { class: "muted" }, ` · level ${r.level} · ${below.length} beneath`)),
        el("ul", {}, below.map(node))));
  };
  const top = kids.get(id) ?? [];
  if (!top.length) return el("p", { class: "muted" }, "No processes beneath it in this release.");
  return el("ul", { class: "tree", id: "children-tree" }, top.map(node));
}

function historyTable(history, release) {
  return table(history, [
    ["version", "Release", h => h.version === release ? el("strong", {}, h.version) : h.version],
    ["identifier", "Identifier", h => h.identifier ? el("a", { href: `/process/${h.version}/${h.identifier}` }, h.identifier) : "—"],
    ["name", "Name"], ["change", "Change"], ["rule", "Matched by"]], { id: "history-table" });
}

function componentsTable(rows) {
  if (!rows.length) return el("p", { class: "muted" }, "No ODA component supports this process or one beneath it.");
  const byComponent = new Map();
  for (const r of rows) {
    const c = byComponent.get(r.component) ?? { ...r, apis: [] };
    if (r.api) c.apis.push(`${r.api} ${r.apiName}`);
    byComponent.set(r.component, c);
  }
  return table([...byComponent.values()], [["component", "Component"], ["componentName", "Name"],
    ["apis", "Open APIs it exposes", c => c.apis.length ? el("ul", {}, c.apis.map(a => el("li", {}, a))) : "—"],
    ["servedProcesses", "Serves"], ["basis", "Basis"]], { id: "components-table" });
}

function extensionsTable(rows) {
  if (!rows.length) return el("p", { class: "muted" }, "No stored extension has processes beneath this one.");
  return table(rows, [["extension", "Extension"],
    ["identifier", "Identifier", r => el("a", { href: `/process/${r.attachedIn}/${r.identifier}` }, r.identifier)], ["name", "Name"], ["level", "Level"],
    ["accountable", "Accountable"], ["responsible", "Responsible"], ["kpis", "KPIs"], ["attachedIn", "Written for"]], { id: "extensions-table" });
}
