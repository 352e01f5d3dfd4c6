// Small behaviours on top of server-rendered pages; every control also works without this file.
(function () {
  "use strict";

  function focusStatement(id, scroll) {
    document.querySelectorAll(".is-current").forEach((el) => el.classList.remove("is-current"));
    const row = document.getElementById("s" + id);
    if (row) {
      row.classList.add("is-current");
      if (scroll) row.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
    document.querySelectorAll('mark.hl[data-s="' + id + '"]').forEach((m, i) => {
      m.classList.add("is-current");
      if (scroll && i === 0 && !row) m.scrollIntoView({ block: "center" });
    });
    return row;
  }

  document.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (mark) {
      const row = focusStatement(mark.dataset.s, true);
      if (row) row.focus({ preventScroll: true });
      return;
    }
    const row = event.target.closest("li.statement");
    if (row && !event.target.closest("button, a, input, textarea, select")) {
      focusStatement(row.dataset.s, false);
      const mark = document.querySelector('mark.hl[data-s="' + row.dataset.s + '"]');
      if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  });

  // A verdict saved over htmx recolours the statement's highlights in the text as well.
  document.body.addEventListener("verdict-saved", (event) => {
    const { statement, value } = event.detail;
    const row = document.getElementById("s" + statement);
    const settled = row && row.querySelector(".final");  // the final verdict keeps its colour
    if (!settled) {
      document.querySelectorAll('mark.hl[data-s="' + statement + '"]').forEach((m) => {
        m.classList.remove("v-none", "v-confirmed", "v-denied", "v-disputed");
        m.classList.add("v-" + value);
      });
    }
    const bar = document.querySelector(".progress");
    if (bar) {
      const rows = document.querySelectorAll("li.statement");
      const done = document.querySelectorAll("li.statement:not(.v-none)").length;
      bar.setAttribute("aria-valuenow", done);
      bar.firstElementChild.style.width = (rows.length ? (100 * done) / rows.length : 0) + "%";
      const label = document.querySelector(".progress-label");
      if (label) label.innerHTML = "<strong>" + done + "</strong> of " + rows.length + " reviewed";
    }
  });
})();
