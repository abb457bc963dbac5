// Moving between the app's pages without reloading: views ask, the app (app.js) routes.
// An event rather than a call keeps the views from importing the app that imports them.

export const NAVIGATED = "etom:navigated";

/** Goes to a page of the app, keeping the URL a permalink. */
export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  window.dispatchEvent(new CustomEvent(NAVIGATED, { detail: { replace } }));
}
