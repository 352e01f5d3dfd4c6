// The review desk: keyboard review, add-by-selection popover, speaker picker, lazy threads.
// Every control also works without this file; this only makes the page fast to drive.
(function () {
  "use strict";

  // Conflicts (409) and invalid input (422) come back as fragments to show, not as errors.
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409", swap: true, error: false },
      { code: "400", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
    ];
  }

  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const rows = () => $$("li.statement");
  let current = null; // id of the statement under review

  function marksOf(id) {
    return $$('mark.hl[data-s="' + id + '"], mark.hl[data-also~="' + id + '"]');
  }

  function focusStatement(id, opts) {
    opts = opts || {};
    $$(".is-current").forEach((el) => el.classList.remove("is-current"));
    const row = document.getElementById("s" + id);
    current = id;
    if (row) {
      row.classList.add("is-current");
      if (opts.focus !== false) row.focus({ preventScroll: true });
      if (opts.scroll !== false) row.scrollIntoView({ block: "nearest" });
    }
    const marks = marksOf(id);
    marks.forEach((m) => m.classList.add("is-current"));
    if (marks.length && opts.scrollText !== false) {
      const box = marks[0].getBoundingClientRect();
      if (box.top < 80 || box.bottom > window.innerHeight - 40) {
        marks[0].scrollIntoView({ block: "center" });
      }
    }
    return row;
  }

  function currentRow() {
    const row = current && document.getElementById("s" + current);
    return row || null;
  }

  function move(step, onlyUnreviewed) {
    const all = rows();
    if (!all.length) return;
    let index = all.indexOf(currentRow());
    for (let i = 0; i < all.length; i++) {
      index = index < 0 ? (step > 0 ? 0 : all.length - 1) : index + step;
      if (index < 0 || index >= all.length) return;
      const row = all[index];
      if (!onlyUnreviewed || !row.querySelector('.vbtn[aria-pressed="true"]')) {
        focusStatement(row.dataset.s);
        return;
      }
    }
  }

  function openDetails(row, selector, focusSelector) {
    const details = row && row.querySelector(selector);
    if (!details) return;
    details.open = true;
    const target = details.querySelector(focusSelector || "textarea, input, button");
    if (target) target.focus();
  }

  // Clicking a highlight focuses its row; clicking a row shows its highlight.
  document.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (mark && !window.getSelection().toString()) {
      focusStatement(mark.dataset.s, { scrollText: false });
      return;
    }
    const row = event.target.closest("li.statement");
    if (row && !event.target.closest("button, a, input, textarea, select, summary, label")) {
      focusStatement(row.dataset.s, { scroll: false });
    }
  });
  document.addEventListener("focusin", (event) => {
    const row = event.target.closest && event.target.closest("li.statement");
    if (row && row.dataset.s !== current) focusStatement(row.dataset.s, { focus: false, scroll: false });
  });

  // Keyboard review ---------------------------------------------------------------------
  const VERDICT_KEYS = { 1: "confirmed", 2: "denied", 3: "disputed" };

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing) {
      if (event.key === "Escape") {
        const row = event.target.closest("li.statement");
        const picker = event.target.closest("[data-picker]");
        if (picker && picker.querySelector(".picker-list li")) {
          closePicker(picker);
        } else if (row) {
          event.target.blur();
          focusStatement(row.dataset.s, { scroll: false });
        } else if (event.target.closest("#add-statement")) {
          hidePopover();
        }
        event.preventDefault();
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        const form = event.target.form;
        if (form) {
          event.preventDefault();
          const save = form.querySelector("[data-save-rationale]") || form.querySelector('[type="submit"]');
          form.requestSubmit(save || undefined);
        }
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const dialog = $("#keys-help");
    if (dialog && dialog.open) return;
    const row = currentRow();
    switch (event.key) {
      case "j":
      case "ArrowDown":
        move(1);
        break;
      case "k":
      case "ArrowUp":
        move(-1);
        break;
      case "n":
        move(1, true);
        break;
      case "1":
      case "2":
      case "3": {
        if (!row) return;
        const button = row.querySelector(".vbtn-" + VERDICT_KEYS[event.key]);
        if (button && !button.disabled) button.click();
        break;
      }
      case "r":
        openDetails(row, "details.rationale", "textarea");
        break;
      case "f":
        openDetails(row, "details.settle", 'input[type="radio"]:checked');
        break;
      case "c":
        openDetails(row, "details.thread", "textarea");
        break;
      case "e": {
        const edit = row && row.querySelector("[data-edit]");
        if (edit) edit.click();
        break;
      }
      case "y": {
        const accept = row && row.querySelector("[data-accept]");
        if (accept) accept.click();
        break;
      }
      case "a":
        if (pending) showPopover(true);
        break;
      case "?":
        if (dialog) dialog.showModal();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-help]")) {
      const dialog = $("#keys-help");
      if (dialog) dialog.showModal();
    }
  });

  // After a verdict: recolour the statement in the text and move the progress bar.
  document.body.addEventListener("verdict-saved", (event) => {
    const { statement, shade, counted } = event.detail;
    const row = document.getElementById("s" + statement);
    if (row) {
      row.classList.remove("v-none", "v-confirmed", "v-denied", "v-disputed");
      row.classList.add("v-" + shade);
    }
    marksOf(statement).forEach((m) => {
      m.classList.remove("v-none", "v-confirmed", "v-denied", "v-disputed");
      m.classList.add("v-" + shade);
    });
    if (counted) {
      const strong = $("#progress [data-reviewed]");
      const total = Number($("#progress [data-total]").textContent);
      const done = Number(strong.textContent) + 1;
      strong.textContent = done;
      const bar = $("#progress .progress");
      bar.setAttribute("aria-valuenow", done);
      bar.firstElementChild.style.width = (total ? (100 * done) / total : 0) + "%";
    }
    if (current == statement && row) row.focus({ preventScroll: true });
  });

  document.body.addEventListener("statements-changed", (event) => {
    event.detail.shades.forEach(({ statement, shade }) => {
      const targets = marksOf(statement);
      const row = document.getElementById("s" + statement);
      if (row) targets.push(row);
      targets.forEach((el) => {
        el.classList.remove("v-none", "v-confirmed", "v-denied", "v-disputed");
        el.classList.add("v-" + shade);
      });
    });
  });

  // A final verdict moves the settled count (and, for statements the editor had not reviewed,
  // the reviewed count) and can turn the article Done, or back to In review.
  document.body.addEventListener("verdict-saved", (event) => {
    const { settled, reviewed, status, status_label: label } = event.detail;
    if (settled === undefined) return;
    const add = (selector, delta) => {
      const el = $(selector);
      if (el && delta) el.textContent = Number(el.textContent) + delta;
    };
    add("#progress [data-settled]", settled);
    add("#progress [data-reviewed]", reviewed);
    const done = Number($("#progress [data-reviewed]").textContent);
    const total = Number($("#progress [data-total]").textContent);
    const bar = $("#progress .progress");
    bar.setAttribute("aria-valuenow", done);
    bar.firstElementChild.style.width = (total ? (100 * done) / total : 0) + "%";
    const pill = $(".article-head .status");
    if (pill && status) {
      pill.className = "status status-" + status;
      pill.textContent = label;
    }
  });

  // An accepted proposal's highlight loses its "proposed" look; the row was swapped already.
  document.body.addEventListener("statements-accepted", (event) => {
    event.detail.statements.forEach((id) => {
      marksOf(id).forEach((m) => m.classList.remove("hl-proposed"));
      const row = document.getElementById("s" + id);
      if (row && String(current) === String(id)) {
        row.classList.add("is-current");
        row.focus({ preventScroll: true });
      }
    });
    const bar = $("#proposals-bar strong");
    if (bar) {
      const left = Math.max(0, Number(bar.textContent) - event.detail.statements.length);
      if (left) bar.textContent = left;
      else $("#proposals-bar").remove();
    }
  });

  // "Accept all" re-renders the text and the list; say what happened where screen readers hear it.
  document.body.addEventListener("proposals-accepted", (event) => {
    const note = $("#live-note");
    if (!note) return;
    const p = document.createElement("p");
    p.textContent = event.detail.message;
    note.replaceChildren(p);
  });

  document.body.addEventListener("statement-added", (event) => {
    hidePopover();
    focusStatement(String(event.detail.statement));
  });

  // After a swap inside a row, keep keyboard focus on the row rather than losing it to <body>.
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const row = event.detail.target.closest && event.detail.target.closest("li.statement");
    const active = document.activeElement;
    if (row && (!active || active === document.body)) row.focus({ preventScroll: true });
    if (event.detail.target.id === "statement-panel" && current) {
      const again = document.getElementById("s" + current);
      if (again) again.classList.add("is-current");
    }
  });

  // Comments and history load when opened.
  document.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.lazy) return;
      if (details.dataset.loaded) return;
      details.dataset.loaded = "1";
      const body = details.querySelector(".lazy-body");
      htmx.ajax("GET", details.dataset.lazy, { target: body, swap: "innerHTML" }).then(() => {
        const focus = details.dataset.focus && details.querySelector(details.dataset.focus);
        if (focus && details.closest("li.statement") === currentRow()) focus.focus();
      });
    },
    true,
  );

  // Adding a statement by selecting text ------------------------------------------------
  let pending = null; // {start, end, text, rect}

  function offsetIn(paragraph, node, offset) {
    // Characters of the article text before (node, offset), counted from the paragraph's start.
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let count = 0;
    let text;
    while ((text = walker.nextNode())) {
      if (text === node) return count + offset;
      count += text.data.length;
    }
    if (node === paragraph) {
      let c = 0;
      for (let i = 0; i < offset; i++) c += paragraph.childNodes[i].textContent.length;
      return c;
    }
    return count;
  }

  function selectionSpan() {
    const article = $("#article-text");
    const selection = window.getSelection();
    if (!article || !selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) return null;
    const para = (n) => (n.nodeType === 1 ? n : n.parentElement).closest("p[data-o]");
    const first = para(range.startContainer);
    const last = para(range.endContainer);
    if (!first || !last) return null;
    const start = Number(first.dataset.o) + offsetIn(first, range.startContainer, range.startOffset);
    const end = Number(last.dataset.o) + offsetIn(last, range.endContainer, range.endOffset);
    const text = selection.toString();
    if (end <= start || !text.trim()) return null;
    return { start, end, text, rect: range.getBoundingClientRect() };
  }

  function showPopover(focus) {
    const form = $("#add-statement");
    if (!form || !pending) return;
    form.start.value = pending.start;
    form.end.value = pending.end;
    $("[data-quote]", form).textContent = pending.text.trim();
    $(".popover-error", form).textContent = "";
    form.hidden = false;
    // Below the selection when it fits in the window, else above it.
    const below = pending.rect.bottom + 8 + form.offsetHeight < window.innerHeight;
    const top = window.scrollY + (below ? pending.rect.bottom + 8 : pending.rect.top - form.offsetHeight - 8);
    const left = Math.max(8, Math.min(window.scrollX + pending.rect.left, window.scrollX + document.documentElement.clientWidth - form.offsetWidth - 16));
    form.style.top = top + "px";
    form.style.left = left + "px";
    if (focus) $("[data-picker-input]", form).focus();
  }

  function hidePopover() {
    const form = $("#add-statement");
    if (form) {
      form.hidden = true;
      closePicker(form);
    }
    pending = null;
  }

  function onSelectionEnd() {
    const span = selectionSpan();
    const editForm = $(".edit-slot .edit-form, .card .edit-form");
    if (span && editForm) {
      const use = $("[data-use-selection]", editForm);
      if (use) use.hidden = false;
    }
    if (!$("#article-text[data-can-add]")) return;
    if (span) {
      pending = span;
      showPopover(false);
    }
  }

  document.addEventListener("mouseup", (event) => {
    if (event.target.closest("#add-statement")) return;
    setTimeout(() => {
      if (!selectionSpan() && !event.target.closest("#add-statement")) {
        if (!$("#add-statement") || $("#add-statement").hidden || !$("#add-statement").contains(document.activeElement)) hidePopover();
      }
      onSelectionEnd();
    }, 0);
  });
  document.addEventListener("keyup", (event) => {
    if (event.shiftKey && !event.target.closest("input, textarea")) onSelectionEnd();
  });
  document.addEventListener("click", (event) => {
    if (event.target.closest("#add-statement [data-cancel]")) hidePopover();
    const use = event.target.closest("[data-use-selection]");
    if (use) {
      const span = selectionSpan();
      if (span) {
        use.form.start.value = span.start;
        use.form.end.value = span.end;
      }
    }
    if (event.target.closest("[data-cancel-edit]") && event.target.closest(".edit-slot")) {
      event.preventDefault();
      const slot = event.target.closest(".edit-slot");
      const row = slot.closest("li.statement");
      slot.innerHTML = "";
      if (row) focusStatement(row.dataset.s, { scroll: false });
    }
  });
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    // An error from the popover's request shows inside the popover, not over the article.
    const elt = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (elt && elt.id === "add-statement" && event.detail.xhr.status === 400) {
      event.detail.shouldSwap = false;
      $(".popover-error", elt).innerHTML = event.detail.serverResponse;
    }
  });

  // Speaker picker: results come from the server as you type; arrows and Enter choose.
  function closePicker(root) {
    $$(".picker-list", root).forEach((list) => (list.innerHTML = ""));
    $$("[data-picker-input]", root).forEach((input) => input.setAttribute("aria-expanded", "false"));
  }

  function choose(option) {
    const picker = option.closest("[data-picker]");
    $("[data-picker-id]", picker).value = option.dataset.id;
    const input = $("[data-picker-input]", picker);
    input.value = option.dataset.name;
    input.removeAttribute("aria-activedescendant");
    closePicker(picker);
    input.focus();
  }

  document.addEventListener("input", (event) => {
    const input = event.target.closest("[data-picker-input]");
    if (input) $("[data-picker-id]", input.closest("[data-picker]")).value = "";
  });
  document.addEventListener("mousedown", (event) => {
    const option = event.target.closest('.picker-list [role="option"]');
    if (option) {
      event.preventDefault();
      choose(option);
    }
  });
  document.addEventListener("keydown", (event) => {
    const input = event.target.closest("[data-picker-input]");
    if (!input) return;
    const options = $$('[role="option"]', input.closest("[data-picker]"));
    if (!options.length) return;
    let index = options.findIndex((o) => o.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      index = event.key === "ArrowDown" ? Math.min(options.length - 1, index + 1) : Math.max(0, index - 1);
      options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
      input.setAttribute("aria-activedescendant", options[index].id);
    } else if (event.key === "Enter" && index >= 0) {
      event.preventDefault();
      event.stopPropagation();
      choose(options[index]);
    }
  }, true);
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const list = event.detail.target;
    if (list.classList && list.classList.contains("picker-list")) {
      const input = $("[data-picker-input]", list.closest("[data-picker]"));
      const has = !!list.querySelector('[role="option"]');
      input.setAttribute("aria-expanded", has ? "true" : "false");
      if (document.activeElement !== input) closePicker(list.closest("[data-picker]"));
    }
  });
  document.addEventListener("focusout", (event) => {
    const picker = event.target.closest && event.target.closest("[data-picker]");
    if (picker) setTimeout(() => { if (!picker.contains(document.activeElement)) closePicker(picker); }, 150);
  });

  // Start on the statement named in the address (#s123), else the first one.
  document.addEventListener("DOMContentLoaded", () => {
    const match = location.hash.match(/^#s(\d+)$/);
    if (match && document.getElementById("s" + match[1])) focusStatement(match[1]);
  });
})();
