// The SPARQL editor page at /sparql: YASGUI (vendored, see vendor/yasgui/README.md) pointed at
// this server's /etom/sparql, the named queries of /api/queries as examples, and permalinks:
//   /sparql?query=URL-ENCODED-SPARQL[&tabTitle=NAME]   opens that query in a tab
//   /sparql?example=NAME[&PARAM=VALUE...]              opens a named query, its parameters bound
// Nothing here talks to another host: no prefix.cc, no LOV autocompletion, no endpoint catalogue.
(function () {
  "use strict";

  const ENDPOINT = location.origin + "/etom/sparql";
  const STORAGE_ID = "etom-kg.sparql";
  const DEFAULT_QUERY = `PREFIX etom: <https://w3id.org/etom-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# The level 1 and 2 processes of release 26.0, with their domain.
# Ctrl+Enter runs the query; the named queries beside the editor open as examples.
SELECT ?identifier ?name ?level ?domain
WHERE {
  ?release etom:version "26.0" .
  ?process a etom:ProcessElement ;
           skos:inScheme ?release ;
           skos:notation ?identifier ;
           rdfs:label ?name ;
           etom:level ?level .
  FILTER (?level <= 2)
  OPTIONAL { ?process etom:domain/rdfs:label ?domain }
}
ORDER BY ?level ?identifier
LIMIT 500
`;

  const status = document.getElementById("sparql-status");
  const list = document.getElementById("examples");
  const filter = document.getElementById("examples-filter");
  const examplesError = document.getElementById("examples-error");

  if (typeof window.Yasgui !== "function") {
    status.textContent = "The SPARQL editor did not load (/static/vendor/yasgui/yasgui.min.js).";
    status.className = "error";
    return;
  }
  const Yasgui = window.Yasgui;

  // Only the completers that work offline: prefixes from YASQE's bundled list, and the query's
  // own variables. "property" and "class" ask lov.linkeddata.es; prefixCcApi would ask prefix.cc.
  const offline = ["prefixes", "variables"].filter((n) => Yasgui.Yasqe.Autocompleters[n]);
  Yasgui.Yasqe.defaults.autocompleters = offline.slice();
  if (Yasgui.Yasqe.Autocompleters.prefixes) Yasgui.Yasqe.Autocompleters.prefixes.persistenceId = "etom-kg.prefixes";
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.defaults.yasqe.autocompleters = offline.slice();
  Yasgui.defaults.yasqe.prefixCcApi = null;
  Yasgui.defaults.endpointCatalogueOptions.getData = () => [{ endpoint: ENDPOINT }];
  plainResultTable(Yasgui.Yasr && Yasgui.Yasr.plugins.table);

  /**
   * YASR's table as a reader wants it: values plain ("4", not "4"^^xsd:integer), that is its
   * "Simple view" ticked unless the reader unticks it, and the row number kept in its own column
   * (YASR hides it in simple view, and gives it so little room that row 1 of "1.1" reads "11.1").
   * The table plugin has no option for either, so its defaults are set on its class.
   */
  function plainResultTable(Table) {
    if (!Table || !Table.prototype.draw) return;
    const draw = Table.prototype.draw, columns = Table.prototype.getColumns;
    Table.prototype.draw = function (config) { return draw.call(this, Object.assign({ compact: true }, this.persistentConfig, config)); };
    Table.prototype.getColumns = function () {
      const all = columns.call(this);
      if (all[0]) { all[0].visible = true; all[0].className = "row-number"; }
      return all;
    };
    Table.prototype.getSizeFirstColumn = function () {
      const rows = (this.yasr.results && this.yasr.results.getBindings() || []).length;
      return String(rows).length * 9 + 16;
    };
  }

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: ENDPOINT, method: "POST" },
    copyEndpointOnNewTab: false,
    populateFromUrl: false, // this page reads its own permalinks; a link must not choose the endpoint
    persistenceId: STORAGE_ID,
    autofocus: false,
    tabName: "Query",
    endpointCatalogueOptions: { getData: () => [{ endpoint: ENDPOINT }], keys: [] },
    yasqe: { value: DEFAULT_QUERY, prefixCcApi: null, resizeable: true, editorHeight: "320px" },
  });

  /** Every tab asks this server only, whatever an older session stored. */
  function pinEndpoint(tab) {
    if (tab && tab.getEndpoint() !== ENDPOINT) tab.setEndpoint(ENDPOINT);
    for (const input of document.querySelectorAll("#yasgui .autocompleteWrapper input")) {
      input.readOnly = true;
      input.title = "This page queries this server's /etom/sparql";
    }
  }
  for (const id of Object.keys(yasgui._tabs)) pinEndpoint(yasgui.getTab(id));
  yasgui.on("tabSelect", (y, id) => setTimeout(() => pinEndpoint(yasgui.getTab(id))));
  yasgui.on("tabAdd", (y, id) => setTimeout(() => pinEndpoint(yasgui.getTab(id))));
  yasgui.on("queryBefore", (y, tab) => pinEndpoint(tab));

  // ---- the status line a person (and a test) reads ----------------------------------------
  let started = 0;
  yasgui.on("query", () => {
    started = performance.now();
    status.className = "muted";
    status.textContent = "Running…";
  });
  yasgui.on("queryAbort", () => { status.textContent = "Stopped."; });
  // YASR takes the response after this event; read it once it has.
  yasgui.on("queryResponse", (y, tab) => setTimeout(() => report(tab, Math.round(performance.now() - started))));
  function report(tab, ms) {
    const results = tab.getYasr().results;
    status.className = "muted";
    if (!results) { status.textContent = "Answered in " + ms + " ms."; return; }
    if (results.hasError()) {
      const err = results.getError() || {};
      status.className = "error";
      status.textContent = "The query failed" + (err.status ? " (HTTP " + err.status + ")" : "") + ": see the answer below.";
      return;
    }
    const type = results.getType();
    if (type === "json" || type === "xml" || type === "csv" || type === "tsv") {
      const bindings = results.getBindings();
      if (bindings) {
        status.textContent = bindings.length + (bindings.length === 1 ? " row" : " rows") + " in " + ms + " ms.";
        return;
      }
      if (typeof results.getBoolean() === "boolean") { status.textContent = "Answer: " + results.getBoolean() + " (" + ms + " ms)."; return; }
    }
    status.textContent = "Answered in " + ms + " ms.";
  }

  // ---- opening queries -----------------------------------------------------------------------
  function openTab(name, text) {
    const tab = yasgui.addTab(true, {
      name: name,
      yasqe: { value: text },
      requestConfig: { endpoint: ENDPOINT },
    }, { avoidDuplicateTabs: true });
    pinEndpoint(tab);
    return tab;
  }

  async function problemText(resp) {
    try {
      const p = await resp.json();
      return p.error || p.detail || p.title || resp.statusText;
    } catch (e) {
      return resp.status + " " + resp.statusText;
    }
  }

  const titles = new Map(); // named query -> title, once /api/queries has answered

  /** Opens a named query with the given values (defaults for the rest) in a new tab named after it. */
  async function openExample(name, params) {
    const qs = new URLSearchParams(params || {}).toString();
    const resp = await fetch("/api/queries/" + encodeURIComponent(name) + "/sparql" + (qs ? "?" + qs : ""),
      { headers: { Accept: "application/sparql-query" } });
    if (!resp.ok) throw new Error("Cannot open the named query '" + name + "': " + (await problemText(resp)));
    const text = await resp.text();
    const tab = openTab(titles.get(name) || name, text);
    status.className = "muted";
    status.textContent = "Opened “" + (titles.get(name) || name) + "”. Run it with Ctrl+Enter or the run button.";
    return tab;
  }

  function showError(e) {
    status.className = "error";
    status.textContent = e.message || String(e);
  }

  // ---- the named queries as examples -----------------------------------------------------------
  function render(queries) {
    list.textContent = "";
    for (const q of queries) {
      titles.set(q.name, q.title);
      const li = document.createElement("li");
      li.dataset.name = q.name;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "example";
      button.dataset.name = q.name;
      const title = document.createElement("span");
      title.className = "example-title";
      title.textContent = q.title;
      const desc = document.createElement("span");
      desc.className = "example-description";
      desc.textContent = q.description || "";
      button.append(title, desc);
      const required = (q.parameters || []).filter((p) => p.required).map((p) => p.name);
      const optional = (q.parameters || []).filter((p) => !p.required).map((p) => p.name + " = " + p.default);
      if (required.length || optional.length) {
        const params = document.createElement("span");
        params.className = "example-params";
        params.textContent = [
          required.length ? "to bind: " + required.join(", ") : "",
          optional.length ? "defaults: " + optional.join(", ") : "",
        ].filter(Boolean).join(" · ");
        button.append(params);
      }
      button.setAttribute("aria-label", "Open “" + q.title + "” in a new tab. " + (q.description || ""));
      button.title = q.name + ".rq";
      button.addEventListener("click", () => openExample(q.name).catch(showError));
      li.append(button);
      list.append(li);
    }
    list.setAttribute("aria-busy", "false");
    applyFilter();
  }

  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const li of list.children) {
      const hay = (li.textContent + " " + li.dataset.name).toLowerCase();
      const match = words.every((w) => hay.includes(w));
      li.hidden = !match;
      if (match) shown++;
    }
    document.getElementById("examples-hint").textContent = words.length
      ? shown + " of " + list.children.length + " named queries match."
      : "Each opens in a new tab with its defaults filled in.";
  }
  filter.addEventListener("input", applyFilter);

  // Arrow keys move between the examples; Enter or Space opens one (it is a button).
  function visibleButtons() {
    return Array.from(list.querySelectorAll("li:not([hidden]) button.example"));
  }
  filter.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || (e.key === "Enter" && filter.value)) {
      const first = visibleButtons()[0];
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", (e) => {
    const buttons = visibleButtons();
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (e.key === "ArrowDown") next = buttons[Math.min(i + 1, buttons.length - 1)];
    else if (e.key === "ArrowUp") next = i === 0 ? filter : buttons[i - 1];
    else if (e.key === "Home") next = buttons[0];
    else if (e.key === "End") next = buttons[buttons.length - 1];
    if (next) { e.preventDefault(); next.focus(); }
  });

  const examplesLoaded = fetch("/api/queries", { headers: { Accept: "application/json" } })
    .then(async (resp) => {
      if (!resp.ok) throw new Error("The named queries could not be listed: " + (await problemText(resp)));
      return resp.json();
    })
    .then(render)
    .catch((e) => {
      list.setAttribute("aria-busy", "false");
      examplesError.hidden = false;
      examplesError.textContent = e.message || String(e);
    });

  // ---- permalinks ------------------------------------------------------------------------------
  const url = new URLSearchParams(location.search);
  if (url.has("query")) {
    openTab(url.get("tabTitle") || url.get("name") || "Linked query", url.get("query"));
  } else if (url.has("example")) {
    const params = {};
    for (const [k, v] of url) if (k !== "example") params[k] = v;
    examplesLoaded.then(() => openExample(url.get("example"), params)).catch(showError);
  }

  // For other scripts and tests: the YASGUI instance.
  window.etomSparql = { yasgui: yasgui, openExample: openExample, endpoint: ENDPOINT };
})();
