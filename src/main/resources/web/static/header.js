// The site header's menu button: on a narrow screen the navigation folds away behind it, so the
// header stays one line. Without this script the button stays hidden and the navigation shown.
(function () {
  "use strict";
  const header = document.querySelector("header.top");
  const button = header && header.querySelector(".menu-button");
  const nav = document.getElementById("main-nav");
  if (!button || !nav) return;
  header.classList.add("has-menu");
  button.hidden = false;
  const open = yes => {
    button.setAttribute("aria-expanded", String(yes));
    header.classList.toggle("menu-open", yes);
  };
  button.addEventListener("click", () => open(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("click", e => { if (e.target.closest("a")) open(false); });
  document.addEventListener("keydown", e => {
    if (e.key === "Escape" && header.classList.contains("menu-open")) { open(false); button.focus(); }
  });
})();
