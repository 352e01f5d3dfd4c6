// The review desk: keyboard review, add-by-selection popover, speaker picker.
// Every control also works without this file; this only makes the page fast to drive. htmx does
// the requests (verdict buttons, lazy panels, out-of-band updates); this file only moves focus,
// recolours highlights and reads the keyboard.
(function () {
  "use strict";

  // Conflicts (409) and invalid input (400) come back as fragments to show, not as errors.
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
  const idOf = (row) => row.id.slice(1); // a row is <li id="s123">
  const SHADES = ["v-none", "v-confirmed", "v-denied", "v-disputed"];
  let current = null; // id of the statement under review

  function marksOf(id) {
    return $$('mark.hl[data-s="' + id + '"], mark.hl[data-also~="' + id + '"]');
  }

  // Making a row current only restyles it (an outline, no size change) and never scrolls, unless
  // the keyboard moved there (`reveal`): a mouse user's pointer must stay on what it points at.
  function focusStatement(id, reveal) {
    $$(".is-current").forEach((el) => el.classList.remove("is-current"));
    const row = document.getElementById("s" + id);
    current = id;
    const marks = marksOf(id);
    marks.forEach((m) => m.classList.add("is-current"));
    if (!row) return null;
    row.classList.add("is-current");
    row.tabIndex = -1; // focusable by script (the keyboard), not a stop for Tab
    if (reveal) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
      // The text beside the list scrolls to the highlight only in the two-column desk, where it
      // cannot push the list around.
      const box = marks.length && marks[0].getBoundingClientRect();
      if (box && sideBySide() && (box.top < 80 || box.bottom > window.innerHeight - 40)) {
        marks[0].scrollIntoView({ block: "center" });
      }
    }
    return row;
  }

  // The text and the list side by side (a wide window), each scrolling on its own.
  function sideBySide() {
    const list = $(".statements");
    return !!list && getComputedStyle(list).position === "sticky";
  }

  function currentRow() {
    return (current && document.getElementById("s" + current)) || null;
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
        focusStatement(idOf(row), true);
        return;
      }
    }
  }

  // The row's panel (rationale, final verdict, comments, history, edit) loads in place of the
  // row's "more" link when first asked for; `then` runs once it is there.
  function withPanel(row, then) {
    if (!row) return;
    const panel = row.querySelector("details.more");
    if (panel) {
      panel.open = true;
      then(panel);
      return;
    }
    const link = row.querySelector("a.more");
    if (!link) return;
    document.body.addEventListener("htmx:afterSettle", function loaded() {
      const arrived = row.isConnected && row.querySelector("details.more");
      if (!arrived) return;
      document.body.removeEventListener("htmx:afterSettle", loaded);
      then(arrived);
    });
    link.click();
  }

  function focusIn(row, selector) {
    withPanel(row, (panel) => {
      const target = panel.querySelector(selector);
      if (!target) return;
      const details = target.closest("details:not(.more)");
      if (details && !details.open) {
        details.open = true;
        return; // its own content loads; see the afterSettle handler below
      }
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    });
  }

  // Verdict buttons ---------------------------------------------------------------------
  // Drawn by verdict-buttons.js as the page loads, and again whenever a row's block is swapped.
  const drawButtons = () => window.factcheck && window.factcheck.drawVerdictButtons();

  let pressed = null; // {row, value} of the last verdict button clicked, to give focus back to
  document.body.addEventListener("htmx:oobAfterSwap", drawButtons);
  document.body.addEventListener("htmx:afterSwap", drawButtons);

  // One listener sends every row's requests (no htmx attributes on 500 rows): a verdict button
  // posts to the desk, Accept to the statement, and the tools link loads the row's panel in its
  // place. Each request comes from its own element, so quick clicks on several rows never wait
  // on each other. A modified click on the link (new tab) is left to the browser.
  document.addEventListener("click", (event) => {
    if (!window.htmx || event.defaultPrevented) return;
    const target = event.target.closest(".verdict-buttons .vbtn, li.statement .accept, li.statement a.more");
    const row = target && target.closest("li.statement");
    if (!row) return;
    if (target.matches("a.more")) {
      if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      htmx.ajax("GET", target.getAttribute("href"), { source: target, target: target, swap: "outerHTML" });
    } else if (target.matches(".accept")) {
      event.preventDefault();
      htmx.ajax("POST", target.getAttribute("formaction"), { source: target, swap: "none" });
    } else {
      pressed = { row: row.id, value: target.value, focused: document.activeElement === target };
      htmx.ajax("POST", "verdicts/", {
        source: target,
        swap: "none",
        values: { statement: idOf(row), value: target.value, version: target.parentElement.dataset.version },
      });
    }
  });

  // Clicking a highlight makes its row current and shows it; clicking in a row makes it current.
  document.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (mark && !window.getSelection().toString()) {
      const row = focusStatement(mark.dataset.s, false);
      // Beside the text the list scrolls on its own; below it, scrolling would pull the text
      // from under the pointer.
      if (row && sideBySide()) row.scrollIntoView({ block: "nearest" });
      return;
    }
    const row = event.target.closest("li.statement");
    if (row && idOf(row) !== current) focusStatement(idOf(row), false);
  });
  document.addEventListener("focusin", (event) => {
    const row = event.target.closest && event.target.closest("li.statement");
    if (row && idOf(row) !== current) focusStatement(idOf(row), false);
  });

  // Keyboard review ---------------------------------------------------------------------
  // Single-key shortcuts (WCAG 2.1.4) can be turned off, and each moved to another key: both
  // are the user's preferences, kept on the server; the page brings their keys in #desk-keys
  // and the switch in the key list saves itself (htmx).
  const DEFAULT_KEYS = {
    next: "j", previous: "k", unreviewed: "n", confirmed: "1", denied: "2", disputed: "3",
    rationale: "r", comments: "c", final: "f", edit: "e", accept: "y", add: "a", help: "?",
  };
  const KEYS = Object.assign({}, DEFAULT_KEYS, readKeys());
  const ACTION_OF = {}; // key -> action
  Object.keys(KEYS).forEach((action) => (ACTION_OF[KEYS[action]] = action));
  ACTION_OF.ArrowDown = "next";
  ACTION_OF.ArrowUp = "previous";

  function readKeys() {
    const data = document.getElementById("desk-keys");
    try {
      return data ? JSON.parse(data.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  // The keys shown on the buttons are the user's, from here (CSS reads --key-<action>).
  ["confirmed", "denied", "disputed", "accept"].forEach((action) => {
    document.documentElement.style.setProperty("--key-" + action, JSON.stringify(KEYS[action]));
  });

  function shortcutsOn() {
    const box = $("#shortcuts-on");
    return !box || box.checked;
  }

  function applyShortcuts() {
    document.documentElement.classList.toggle("keys-on", shortcutsOn());
  }
  applyShortcuts();
  document.addEventListener("change", (event) => {
    if (event.target.id === "shortcuts-on") applyShortcuts();
  });

  // The desk is the review area; a key pressed anywhere else (the masthead, a dialog, a text
  // field) is left to the browser.
  function inDesk(target) {
    return target === document.body || !!target.closest("#review-body");
  }

  document.addEventListener("keydown", (event) => {
    // Escape closes the key list here and hands the keys back to the desk at once: left to
    // the browser, focus stays a moment on the hidden dialog's switch, where a key pressed
    // straight after (j) counts as typing and is lost.
    const help = $("#keys-help");
    if (event.key === "Escape" && help && help.open) {
      help.close();
      releaseFocus(help);
      event.preventDefault();
      return;
    }
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing) {
      if (event.key === "Escape") {
        const row = event.target.closest("li.statement");
        const picker = event.target.closest("[data-picker]");
        if (picker && picker.querySelector(".picker-list li")) {
          closePicker(picker);
        } else if (row) {
          event.target.blur();
          focusStatement(idOf(row), true);
        } else if (event.target.closest("#add-statement")) {
          hidePopover();
        } else {
          return; // not ours: a dialog closes, a field clears
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
    const action = ACTION_OF[event.key];
    if (action === "help") {
      // The key list (and the switch to turn shortcuts off) is always one key away.
      if (dialog) dialog.showModal();
      event.preventDefault();
      return;
    }
    if (!action || !shortcutsOn() || !inDesk(event.target)) return;
    const row = currentRow();
    switch (action) {
      case "next":
        move(1);
        break;
      case "previous":
        move(-1);
        break;
      case "unreviewed":
        move(1, true);
        break;
      case "confirmed":
      case "denied":
      case "disputed": {
        if (!row) return;
        const button = row.querySelector(".vbtn-" + action);
        if (button && !button.disabled) button.click();
        break;
      }
      case "rationale":
        focusIn(row, ".rationale-form textarea");
        break;
      case "final":
        focusIn(row, '.final-form input[type="radio"]:checked, .final-form input[type="radio"]');
        break;
      case "comments":
        focusIn(row, "details.thread textarea, details.thread");
        break;
      case "edit":
        withPanel(row, (panel) => {
          const edit = panel.querySelector("[data-edit]");
          if (edit) edit.click();
        });
        break;
      case "accept": {
        const accept = row && row.querySelector(".accept");
        if (accept) accept.click();
        break;
      }
      case "add":
        if (pending) showPopover(true);
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

  // Closing the key list any other way hands the keys back too. Focus left inside the closed
  // dialog is released; focus the browser gave back to the "Keyboard shortcuts" button that
  // opened it stays there, as a dialog's opener should have it.
  function releaseFocus(dialog) {
    const active = document.activeElement;
    if (active && dialog.contains(active)) active.blur();
  }
  const keysHelp = $("#keys-help");
  if (keysHelp) keysHelp.addEventListener("close", () => releaseFocus(keysHelp));

  // A verdict button sends what the reviewer typed in the row's open rationale form, not yet
  // saved, along with it, so nothing typed is lost.
  document.body.addEventListener("htmx:configRequest", (event) => {
    const button = event.detail.elt;
    if (!button.classList || !button.classList.contains("vbtn")) return;
    const row = button.closest("li.statement");
    const form = row && row.querySelector(".rationale-form");
    if (!form) return;
    const typed = $$("textarea", form).some((t) => t.value !== t.defaultValue);
    if (!typed) return;
    const params = event.detail.parameters;
    new FormData(form).forEach((value, name) => {
      if (name !== "value" && name !== "csrfmiddlewaretoken") params.set(name, value);
    });
  });

  function recolour(id, shade) {
    const targets = marksOf(id);
    const row = document.getElementById("s" + id);
    if (row) targets.push(row);
    targets.forEach((el) => {
      el.classList.remove(...SHADES);
      el.classList.add("v-" + shade);
    });
  }

  // After a verdict the server has redrawn the row's buttons, the progress line and the status
  // (out of band); the highlight in the text takes the new colour here, and an open rationale
  // form takes the new version so saving it next is not mistaken for a conflict.
  document.body.addEventListener("verdict-saved", (event) => {
    const { statement, shade, version, value } = event.detail;
    recolour(statement, shade);
    const form = document.getElementById("rationale-form-" + statement);
    if (form && version !== undefined) {
      form.elements.version.value = version;
      form.elements.current.value = value;
    }
  });

  document.body.addEventListener("statements-changed", (event) => {
    event.detail.shades.forEach(({ statement, shade }) => recolour(statement, shade));
  });

  // An accepted proposal's highlight loses its "proposed" look; the row was swapped already.
  document.body.addEventListener("statements-accepted", (event) => {
    event.detail.statements.forEach((id) => {
      marksOf(id).forEach((m) => m.classList.remove("hl-proposed"));
      if (String(current) === String(id)) focusStatement(id, false);
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
    focusStatement(String(event.detail.statement), true);
  });

  // After a swap that took the focused element away (a verdict button redrawn), focus returns
  // to the row, without scrolling, so the keyboard carries on from there.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const active = document.activeElement;
    const row = currentRow();
    // The verdict button that had focus comes back focused, drawn anew.
    if (pressed && pressed.focused && (!active || active === document.body)) {
      const again = $("#" + pressed.row + ' .vbtn[value="' + pressed.value + '"]');
      pressed = null;
      if (again) {
        again.focus({ preventScroll: true });
        return;
      }
    }
    if (row && (!active || active === document.body)) row.focus({ preventScroll: true });
    if (event.detail.target.id === "statement-panel" && current) {
      const again = document.getElementById("s" + current);
      if (again) again.classList.add("is-current");
    }
    // A lazy panel opened from the keyboard: focus its first field.
    const details = event.detail.target.closest && event.detail.target.closest("details[data-focus]");
    if (details && details.open && details.closest("li.statement") === row) {
      const field = details.querySelector(details.dataset.focus);
      if (field) field.focus({ preventScroll: true });
    }
  });

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
      if (row) focusStatement(idOf(row), false);
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
  // Tests (and people's tools) can tell the desk's keyboard is listening.
  document.documentElement.dataset.desk = "ready";
})();
