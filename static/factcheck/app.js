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

  // <button data-print>: print the page.
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
})();
