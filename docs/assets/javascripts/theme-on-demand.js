// The theme's script (its bundle, about 35 KB gzipped) runs for a tenth of a second on a phone, and a page reads,
// scrolls to its anchors, opens its menu and prints without it: every part of the theme that needs it (search
// results, the table of contents following the reader, "Tilbage til toppen") first matters when the reader does
// something. So it loads at the reader's first key, touch, press, focus or scroll, or at once when the address asks
// for search (?q=) or a search result's highlighting (?h=). seniorsite/page/page_scripts.py writes this tag in place of
// the theme's and names the bundle in data-theme-bundle. The key that loads it does what the theme would have done:
// "/", "s" or "f" opens search, "p" or "," and "n" or "." go to the previous and next page, Enter presses a label.
(function () {
  "use strict";
  var loader = document.currentScript;
  var bundle = loader && loader.getAttribute("data-theme-bundle");
  if (!bundle) { return; }
  var FIRST_ACTS = ["keydown", "pointerdown", "touchstart", "focusin", "scroll", "wheel"];
  var SEARCH_KEYS = ["/", "s", "f"];
  var PAGE_KEYS = { p: "prev", ",": "prev", n: "next", ".": "next" };
  var SCROLL_SETTLE_MS = 150;
  var loaded = false;
  var settling = 0;
  var started = false;

  function editing(target) {
    return !!(target && target.closest && target.closest("input, textarea, select, [contenteditable]"));
  }

  function openSearch() {
    var toggle = document.getElementById("__search");
    var query = document.querySelector(".md-search__input");
    if (!toggle || !query) { return false; }
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    query.focus();
    return true;
  }

  // What the theme does with the key that loads it (its keyboard shortcuts), done here.
  function keyAsTheme(event) {
    if (event.type !== "keydown" || event.metaKey || event.ctrlKey || event.altKey) { return; }
    var target = event.target;
    if (event.key === "Enter" && target && target.tagName === "LABEL") {
      event.preventDefault();
      target.click();
      return;
    }
    if (editing(target)) { return; }
    if (SEARCH_KEYS.indexOf(event.key) >= 0 && openSearch()) {
      event.preventDefault();
      return;
    }
    var link = PAGE_KEYS[event.key] ? document.querySelector("link[rel=" + PAGE_KEYS[event.key] + "]") : null;
    if (link) { window.location.href = link.href; }
  }

  // The page already holds each table in the theme's frame (page_scripts.py), and the theme frames every table it
  // finds: just before it starts, each table leaves its frame, to be framed again in the same task, unseen.
  function unframeTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap > .md-typeset__table > table:not([class])"),
      function (table) { table.parentNode.parentNode.replaceWith(table); });
  }

  // The theme starts at DOMContentLoaded, long past when it loads here: while it runs its first lines, a listener
  // for that event is called at once instead.
  function startLate() {
    var listen = document.addEventListener;
    document.addEventListener = function (type, listener) {
      if (type !== "DOMContentLoaded" || document.readyState === "loading") { return listen.apply(this, arguments); }
      window.setTimeout(function () {
        var event = new Event("DOMContentLoaded");
        unframeTables();
        if (typeof listener === "function") { listener.call(document, event); } else { listener.handleEvent(event); }
      }, 0);
    };
    return function () { document.addEventListener = listen; };
  }

  function load() {
    if (loaded) { return; }
    loaded = true;
    FIRST_ACTS.forEach(function (type) { window.removeEventListener(type, onFirstAct, true); });
    var script = document.createElement("script");
    var restore = startLate();
    script.src = bundle;
    // Tells site.js to look at the tables again, once the theme has framed them; the page says it has started.
    script.onload = function () {
      restore();
      window.setTimeout(function () {
        window.requestAnimationFrame(function () {
          started = true;
          document.documentElement.setAttribute("data-sv-theme", "started");
          document.dispatchEvent(new Event("sv-theme-started"));
        });
      }, 0);
    };
    script.onerror = restore;
    document.body.appendChild(script);
  }

  // A press on a link leaves the page (or jumps in it, which scrolls): it waits for what comes next, and a scroll
  // just before it (the browser bringing the link into view) is let go. A scroll loads once it has lasted a moment.
  function onFirstAct(event) {
    if (event.type === "scroll" || event.type === "wheel") {
      if (!settling) { settling = window.setTimeout(load, SCROLL_SETTLE_MS); }
      return;
    }
    if (event.target && event.target.closest && event.target.closest("a[href]")) {
      window.clearTimeout(settling);
      settling = 0;
      return;
    }
    keyAsTheme(event);
    load();
  }

  // The search button puts the cursor in the search field, as the theme's does once it has started.
  document.addEventListener("click", function (event) {
    var query = document.querySelector(".md-search__input");
    if (!started && query && event.target && event.target.closest && event.target.closest("label[for='__search']")) { query.focus(); }
  });

  var asked = new URLSearchParams(window.location.search);
  if (asked.has("h") || asked.has("q")) {
    load();
    return;
  }
  FIRST_ACTS.forEach(function (type) { window.addEventListener(type, onFirstAct, { capture: true, passive: type !== "keydown" }); });
})();
