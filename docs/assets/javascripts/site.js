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

// WCAG 2.1.1: a table wider than the screen scrolls in its frame; the frame takes keyboard focus so
// that keyboard users can scroll it too (only where it really scrolls). The theme's script, once it has loaded
// (theme-on-demand.js), puts each table in a new frame, which is looked at again.
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
  document.addEventListener("sv-theme-started", markScrollable);
})();

// Printing opens every <details>, so the paper holds every answer; afterwards those the reader had not opened
// close again. (The theme does the same once its script has loaded; then it finds them open and leaves them.)
(function () {
  "use strict";
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.splice(0).forEach(function (details) { details.open = false; });
  });
})();

// The theme fetches "sitemap.xml" beside every <link rel="alternate"> to map pages between
// languages. This site's alternates are each page's own twin (right for search engines), where no
// sitemap lies, and its language selector already links to the twin. So those requests end here,
// as a failed load that the theme ignores, instead of a 404 on every page view.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.svSkip = /\/sitemap\.xml$/.test(new URL(String(url), window.location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.svSkip) {
      return send.apply(this, arguments);
    }
    var request = this;
    window.setTimeout(function () {
      request.dispatchEvent(new ProgressEvent("error"));
    }, 0);
  };
})();

// Every page's "Udskriv siden" (partials/actions.html) opens the browser's print dialogue, where a
// reader can also save the page as PDF. Without scripts the button stays hidden (site.css).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("[data-sv-print]")) { window.print(); }
  });
})();
