// Small behaviours shared by every page; the review desk's own live in review.js.
// Every control also works without JavaScript. No inline handlers anywhere: the
// Content-Security-Policy allows scripts from our own files only, so behaviour is wired here.
(function () {
  "use strict";

  // <input data-autosubmit>: submit its form as soon as it changes (a <noscript> button does it
  // without JavaScript).
  document.addEventListener("change", (event) => {
    const field = event.target.closest("[data-autosubmit]");
    if (field && field.form) field.form.requestSubmit();
  });

  // [data-poll-when-visible]: an htmx poller that skips its request while the tab is hidden.
  // (An hx-trigger filter would do it, but htmx evaluates filters with eval, which the CSP
  // forbids.)
  document.addEventListener("htmx:confirm", (event) => {
    const poller = event.target.closest("[data-poll-when-visible]");
    if (poller && document.visibilityState !== "visible") event.preventDefault();
  });

  // <button data-print>: print the page.
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });

  // A form whose submit takes a while (fetching a web page) says so and can't be sent twice.
  document.addEventListener("submit", (event) => {
    const button = event.target.querySelector("button[data-busy]");
    if (!button || event.defaultPrevented) return;
    const address = event.target.querySelector("input[name=address]");
    if (address && !address.value.trim()) return;
    button.dataset.idle = button.textContent;
    button.disabled = true;
    button.textContent = button.dataset.busy;
  });
  // Coming back to the page (the Back button) finds the button ready again.
  window.addEventListener("pageshow", () => {
    for (const button of document.querySelectorAll("button[data-busy][data-idle]")) {
      button.disabled = false;
      button.textContent = button.dataset.idle;
    }
  });
})();
