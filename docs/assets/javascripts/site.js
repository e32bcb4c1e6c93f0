// Open a question on the FAQ page when a link points at it (the browser does not open <details> itself).
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", openTarget);
  } else {
    openTarget();
  }
})();

// Follow the system's light or dark setting (the theme's own toggle would store the choice in
// localStorage, which this site never uses).
(function () {
  "use strict";
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function follow() {
    document.body.setAttribute("data-md-color-scheme", dark && dark.matches ? "slate" : "default");
  }
  if (dark) {
    follow();
    if (dark.addEventListener) { dark.addEventListener("change", follow); }
  }
})();

// WCAG 2.1.1: a table wider than the screen scrolls in its frame; the frame takes keyboard focus so
// that keyboard users can scroll it too (only where it really scrolls).
(function () {
  "use strict";
  function markScrollable() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (frame) {
      if (frame.scrollWidth > frame.clientWidth) {
        frame.setAttribute("tabindex", "0");
      } else {
        frame.removeAttribute("tabindex");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrollable);
  } else {
    markScrollable();
  }
  window.addEventListener("load", markScrollable);
  window.addEventListener("resize", markScrollable);
})();
