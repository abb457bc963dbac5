// Signing in for writes: the name and password are checked by the server (/api/session) and kept
// in this page's memory only, sent as HTTP Basic credentials with each write.
import { problem } from "./api.js";
import { el } from "./dom.js";

let current = null;

export function session() { return current; }

export function signInForm(onChange) {
  const user = el("input", { id: "signin-user", autocomplete: "username", required: true });
  const password = el("input", { id: "signin-password", type: "password", autocomplete: "current-password", required: true });
  const message = el("p", { id: "signin-message", role: "status" });
  const form = el("form", { id: "signin", class: "toolbar" },
    el("label", { for: "signin-user" }, "User"), user, el("label", { for: "signin-password" }, "Password"), password,
    el("button", { type: "submit", id: "signin-button" }, "Sign in"), message);
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const authorization = "Basic " + btoa(unescape(encodeURIComponent(user.value + ":" + password.value)));
    const resp = await fetch("/api/session", { headers: { Authorization: authorization, Accept: "application/json", "X-Requested-With": "etom-kg" } });
    if (!resp.ok) { message.textContent = resp.status === 401 ? "Wrong user name or password." : await problem(resp); return; }
    current = { user: (await resp.json()).user, authorization };
    onChange();
  });
  return form;
}
