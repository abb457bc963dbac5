// The page's one way to the data: the service's named queries and extension endpoints.

/** Runs a named query; resolves to its rows as plain objects of strings. */
export async function query(name, params = {}) {
  const qs = new URLSearchParams(params).toString();
  const resp = await fetch(`/api/queries/${encodeURIComponent(name)}${qs ? "?" + qs : ""}`,
    { headers: { Accept: "application/sparql-results+json" } });
  if (!resp.ok) throw new Error(await problem(resp));
  const json = await resp.json();
  return json.results.bindings.map(b => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

/** The message of a problem answer (RFC 9457 JSON), or the status line. */
export async function problem(resp) {
  try {
    const j = await resp.json();
    return j.detail || j.title || `${resp.status} ${resp.statusText}`;
  } catch (e) {
    return `${resp.status} ${resp.statusText}`;
  }
}

export async function getJson(url, init = {}) {
  const resp = await fetch(url, { ...init, headers: { Accept: "application/json", ...(init.headers || {}) } });
  if (!resp.ok) throw new Error(await problem(resp));
  return resp.json();
}

let releasesCache;
/** The releases in the store, oldest first. */
export function releases() {
  releasesCache ??= query("releases").then(rows => rows.map(r => r.release));
  return releasesCache;
}

export async function latestRelease() {
  const all = await releases();
  return all[all.length - 1];
}

/** Numeric order of process identifiers: 1.2.10 after 1.2.9. */
export function byIdentifier(a, b) {
  const x = a.split(".").map(Number), y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}
