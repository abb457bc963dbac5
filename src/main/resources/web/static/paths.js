// The page paths of the framework's parts, so every view links to them the same way.

export const releasePath = release => `/releases/${release}`;
export const domainPath = (release, id) => `${releasePath(release)}/domains/${id}`;
export const indexPath = release => `${releasePath(release)}/index`;
export const treePath = release => `${releasePath(release)}/tree`;
export const groupPath = (release, name) => `${releasePath(release)}/groups/${groupSlug(name)}`;

/** "Operations Readiness & Support" → "operations-readiness-and-support". */
export function groupSlug(name) {
  return name.toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
