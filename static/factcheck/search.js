// Search page: "/" jumps to the search box, as on most news and code sites.
(function () {
  "use strict";
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    const box = document.getElementById("id_q");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
})();
