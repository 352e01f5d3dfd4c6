// Draws every review row's verdict buttons from the page's one <template id="verdict-buttons">;
// a row carries only data-version (of the user's verdict, sent back with a click) and data-mine
// (its value). Loaded (not deferred) right after the list, so the buttons are there as soon as
// the rows are, before the page's other scripts run; review.js calls it again after swaps.
(function () {
  "use strict";
  function drawVerdictButtons() {
    const template = document.getElementById("verdict-buttons");
    if (!template) return;
    document.querySelectorAll(".verdict-buttons:empty").forEach((group) => {
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Your verdict");
      group.append(template.content.cloneNode(true));
      const mine = group.dataset.mine && group.querySelector('[value="' + group.dataset.mine + '"]');
      if (mine) mine.setAttribute("aria-pressed", "true");
    });
  }
  window.factcheck = Object.assign(window.factcheck || {}, { drawVerdictButtons });
  drawVerdictButtons();
})();
