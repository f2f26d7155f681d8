// redflags pages: the CSRF header for htmx, keyboard moves in lists. No eval, no inline script
// (the Content-Security-Policy allows scripts from this origin only).
"use strict";

(function () {
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") || "" : "";
  }

  // htmx sends the session's CSRF token with every request it makes; a form marked
  // data-drop-empty leaves out its empty optional fields (the API refuses an empty region)
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form[data-drop-empty]");
    if (form) {
      var names = form.getAttribute("data-drop-empty");
      names = names === "*" ? Object.keys(event.detail.parameters) : names.split(" ");
      names.forEach(function (name) {
        if (event.detail.parameters[name] === "") {
          delete event.detail.parameters[name];
        }
      });
    }
  });

  // j / k move between the rows of a list, Enter (on the link) opens one
  function rowLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("table.list tr.row a.row-link"));
  }

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    if (event.key !== "j" && event.key !== "k") {
      return;
    }
    var links = rowLinks();
    if (!links.length) {
      return;
    }
    var at = links.indexOf(document.activeElement);
    var next = event.key === "j" ? at + 1 : at - 1;
    if (at < 0) {
      next = 0;
    }
    next = Math.max(0, Math.min(links.length - 1, next));
    links[next].focus();
    var row = links[next].closest("tr");
    if (row && row.scrollIntoView) {
      row.scrollIntoView({ block: "nearest" });
    }
    event.preventDefault();
  });

  // a swapped panel takes the focus back to its message, so a keyboard user hears the outcome
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.querySelector) {
      return;
    }
    var said = target.querySelector('[role="alert"], [role="status"]');
    if (said) {
      said.setAttribute("tabindex", "-1");
      said.focus({ preventScroll: false });
    }
  });
})();
