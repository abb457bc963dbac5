// The pages of the framework's parts, each in one release: the release itself (/releases/R), a
// domain (/releases/R/domains/ID) and a vertical group (/releases/R/groups/SLUG).
import { query, releases, byIdentifier } from "./api.js";
import { el, processLink, releaseSelect, table } from "./dom.js";
import { navigate } from "./nav.js";
import { releasePath, domainPath, groupPath, groupSlug, indexPath, treePath } from "./paths.js";
import { showMissing } from "./missing-view.js";

/** The release's counts, domains, vertical groups, quality flags and what changed since the one before. */
export async function showRelease(main, release) {
  const all = await releases();
  if (!all.includes(release)) return notFound(main, `No release ${release} in this store`, all);
  const previous = all[all.indexOf(release) - 1];
  const [levels, map, flags, changes] = await Promise.all([
    query("release-summary", { release }), query("map", { release }), query("flagged-elements", { release }),
    previous ? query("release-diff", { from: previous, to: release }) : Promise.resolve([])]);
  document.title = `eTOM ${release} – etom-kg`;
  const total = levels.reduce((n, l) => n + Number(l.count), 0);
  main.replaceChildren(
    el("h1", {}, `eTOM release ${release}`),
    el("div", { class: "toolbar" },
      el("span", {}, ...releaseSelect(all, release, r => navigate(releasePath(r)))),
      el("a", { href: `/map?release=${release}` }, "Its map"),
      el("a", { href: indexPath(release), id: "release-index" }, "Processes A to Z"),
      el("a", { href: treePath(release), id: "release-tree" }, "Hierarchy tree"), downloads(release)),
    el("p", {}, `${total} process elements: `, levels.map((l, i) => [i ? ", " : "", `${l.count} at level ${l.level}`]), "."),
    el("div", { class: "sections" },
      section("domains", "Domains", domainList(release, map)),
      section("groups", "Vertical groups", groupList(release, map)),
      section("changes", previous ? `What changed since ${previous}` : "What changed", changeSummary(previous, release, changes)),
      section("flags", "Quality flags", flagSummary(release, flags))));
}

/** A domain's level-2 processes with their vertical groups, and its counts per level. */
export async function showDomain(main, release, id) {
  const all = await releases();
  if (!all.includes(release)) return notFound(main, `No release ${release} in this store`, all);
  const [levels, map] = await Promise.all([query("domain-summary", { domain: id, release }), query("map", { release })]);
  const rows = map.filter(r => r.domainIdentifier === id);
  if (!rows.length) return notFound(main, `No domain ${id} in release ${release}`, all, release);
  const name = rows[0].domain;
  document.title = `${name} (${release}) – etom-kg`;
  main.replaceChildren(
    breadcrumbs(release, name),
    el("h1", {}, el("span", { class: "id" }, id), " ", name),
    el("div", { class: "toolbar" },
      el("span", {}, ...releaseSelect(all, release, r => navigate(domainPath(r, id)))),
      el("a", { href: `/process/${release}/${id}` }, "Its level-1 process and everything beneath")),
    el("p", {}, levels.map((l, i) => [i ? ", " : "", `${l.count} at level ${l.level}`]), "."),
    section("level2", "Its level-2 processes", processTable(release, onePerProcess(rows), "group")));
}

/** A vertical group's level-2 processes, domain by domain. */
export async function showGroup(main, release, slug) {
  const all = await releases();
  if (!all.includes(release)) return notFound(main, `No release ${release} in this store`, all);
  const map = await query("map", { release });
  const rows = map.filter(r => r.group && groupSlug(r.group) === slug);
  if (!rows.length) return notFound(main, `No vertical group “${slug}” in release ${release}`, all, release);
  const name = rows[0].group;
  document.title = `${name} (${release}) – etom-kg`;
  const derived = rows.some(r => r.basis === "derived");
  main.replaceChildren(
    breadcrumbs(release, name),
    el("h1", {}, name),
    el("div", { class: "toolbar" }, el("span", {}, ...releaseSelect(all, release, r => navigate(groupPath(r, name))))),
    el("p", { class: "muted" }, `${level2(new Set(rows.map(r => r.identifier)).size)} in this vertical group. `,
      derived ? "Vertical groups derived from release 25.5 through the crosswalk (only the 25.5 workbook states them)."
        : `As release ${release} states them.`),
    section("level2", "Its level-2 processes", processTable(release, rows, "domain")));
}

const level2 = n => `${n} level-2 process${n === 1 ? "" : "es"}`;

function breadcrumbs(release, here) {
  return el("nav", { class: "breadcrumbs", "aria-label": "Breadcrumbs" },
    el("ol", {}, el("li", {}, el("a", { href: releasePath(release) }, `eTOM ${release}`)),
      el("li", {}, el("span", { "aria-current": "page" }, here))));
}

function section(id, title, body) {
  return el("section", { id, "aria-labelledby": id + "-h" }, el("h2", { id: id + "-h" }, title), body);
}

function downloads(release) {
  const file = ext => `/download/release/${release}.${ext}`;
  return el("span", { class: "downloads" }, "Download: ",
    [["ttl", "Turtle"], ["jsonld", "JSON-LD"], ["nt", "N-Triples"], ["csv", "CSV"], ["archimate.xml", "ArchiMate"]].map(([ext, name], i) =>
      [i ? " · " : "", el("a", { href: file(ext), download: `etom-${release}.${ext}` }, name)]));
}

function domainList(release, map) {
  const domains = new Map();
  for (const r of map) if (r.domainIdentifier) (domains.get(r.domainIdentifier) ?? domains.set(r.domainIdentifier, { name: r.domain, ids: new Set() })
    .get(r.domainIdentifier)).ids.add(r.identifier);
  return el("ul", { class: "links", id: "domain-list" }, [...domains.keys()].sort(byIdentifier).map(id => el("li", {},
    el("a", { href: domainPath(release, id) }, el("span", { class: "id" }, id), " ", domains.get(id).name),
    el("span", { class: "muted" }, ` · ${level2(domains.get(id).ids.size)}`))));
}

function groupList(release, map) {
  const groups = new Map();
  for (const r of map) if (r.group) (groups.get(r.group) ?? groups.set(r.group, { column: Number(r.column), ids: new Set() }).get(r.group)).ids.add(r.identifier);
  if (!groups.size) return el("p", { class: "muted" }, "This release places no process in a vertical group.");
  return el("ul", { class: "links", id: "group-list" }, [...groups.entries()].sort((a, b) => a[1].column - b[1].column).map(([name, g]) =>
    el("li", {}, el("a", { href: groupPath(release, name) }, name), el("span", { class: "muted" }, ` · ${level2(g.ids.size)}`))));
}

function changeSummary(previous, release, changes) {
  if (!previous) return el("p", { class: "muted" }, `${release} is the earliest release in the store.`);
  const by = kind => changes.filter(c => c.change === kind);
  const [added, removed, renamed] = ["added", "removed", "renamed"].map(by);
  if (!changes.length) return el("p", {}, `No identifier was added, removed or renamed since ${previous}.`);
  return el("div", {},
    el("p", { id: "change-counts" }, `By identifier: ${added.length} added, ${removed.length} removed, ${renamed.length} renamed. `,
      "A renumbered process shows as removed under its old identifier and added under its new one; ",
      "a process page's “Across releases” follows it through the crosswalk."),
    [["added", "Added", added], ["removed", "Removed", removed], ["renamed", "Renamed", renamed]].filter(([, , rows]) => rows.length)
      .map(([kind, title, rows]) => el("details", { id: `changes-${kind}` }, el("summary", {}, `${title} (${rows.length})`),
        table(rows.sort((a, b) => byIdentifier(a.identifier, b.identifier)), [
          ["identifier", "Identifier", c => kind === "removed" ? el("a", { href: `/process/${previous}/${c.identifier}` }, c.identifier)
            : el("a", { href: `/process/${release}/${c.identifier}` }, c.identifier)],
          ...(kind === "renamed" ? [["fromName", `Name in ${previous}`], ["toName", `Name in ${release}`]]
            : [[kind === "removed" ? "fromName" : "toName", "Name"]])]))));
}

function flagSummary(release, flags) {
  if (!flags.length) return el("p", { class: "muted" }, "No element of this release carries a source quirk.");
  const byFlag = new Map();
  for (const f of flags) (byFlag.get(f.flag) ?? byFlag.set(f.flag, []).get(f.flag)).push(f);
  return el("div", { id: "flag-list" }, [...byFlag.entries()].map(([flag, rows]) => el("details", {},
    el("summary", {}, `${flag} (${rows.length})`),
    el("ul", {}, rows.sort((a, b) => byIdentifier(a.identifier, b.identifier)).map(r => el("li", {}, processLink(release, r.identifier, r.name)))))));
}

/** The map gives a process once per vertical group; a domain's page shows it once, its groups joined. */
function onePerProcess(rows) {
  const byId = new Map();
  for (const r of rows) {
    const p = byId.get(r.identifier) ?? byId.set(r.identifier, { ...r, groups: [] }).get(r.identifier);
    if (r.group) p.groups.push(r.group);
  }
  return [...byId.values()];
}

function processTable(release, rows, other) {
  const column = other === "group"
    ? ["groups", "Vertical groups", r => r.groups.length ? r.groups.map((g, i) => [i ? ", " : "", el("a", { href: groupPath(release, g) }, g)]) : "none"]
    : ["domain", "Domain", r => r.domainIdentifier ? el("a", { href: domainPath(release, r.domainIdentifier) }, r.domain) : r.domain];
  return table(rows.sort((a, b) => byIdentifier(a.identifier, b.identifier)),
    [["identifier", "Process", r => processLink(release, r.identifier, r.name)], column], { id: "process-table" });
}

function notFound(main, title, all, release) {
  showMissing(main, title, "",
    el("p", {}, "The releases it holds: ", all.map((r, i) => [i ? ", " : "", el("a", { href: releasePath(r) }, r)]), "."),
    release ? el("p", {}, el("a", { href: `/map?release=${release}` }, `The map of ${release}`), " shows its domains and vertical groups.") : null);
}
