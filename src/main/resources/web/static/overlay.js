// An extension's processes placed on the map of a release, with its validation findings there.
import { query, getJson } from "./api.js";

const RANK = { ok: 0, warn: 1, bad: 2 };

/** Status per level-2 identifier, the report, and the processes with no level-2 home in the release. */
export async function overlayStatus(name, release) {
  const [rows, report] = await Promise.all([
    query("extension-overlay", { extension: name, release }),
    // Checked against the release it was written for: on another release's map its processes
    // are placed along the crosswalk (what moving would break is `./etom-kg migrate`'s question).
    getJson(`/api/extensions/${encodeURIComponent(name)}/report`)]);
  const worst = new Map();   // extension process IRI → status from its findings
  for (const f of report.findings) {
    const s = f.severity === "Violation" ? "bad" : f.severity === "Warning" ? "warn" : "ok";
    if (RANK[s] > RANK[worst.get(f.focusNode) ?? "ok"]) worst.set(f.focusNode, s);
  }
  const byLevel2 = new Map(), seen = new Set(), unplaced = [];
  for (const r of rows) {
    if (!r.under) { unplaced.push(r); continue; }
    const key = r.under + " " + r.process;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = worst.get(r.process) ?? "ok";
    const entry = byLevel2.get(r.under) ?? { count: 0, status: "ok" };
    entry.count++;
    if (RANK[s] > RANK[entry.status]) entry.status = s;
    entry.label = { ok: "no findings", warn: "with warnings", bad: "with violations" }[entry.status];
    byLevel2.set(r.under, entry);
  }
  return { byLevel2, report, unplaced };
}
