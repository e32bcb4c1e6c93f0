// The theme fetches the search index and starts its search worker (with lunr) on every page view,
// which is most of what a first view would download. Here both wait until the reader turns to
// search: the search field gets focus, search opens, or the pointer reaches it (a head start).
// Then the index request goes out and the worker starts at the theme's first message to it, and the
// search results' styles (moved out of the theme's main.css by seniorsite/whole_site/search_css.py) load,
// placed right after main.css so the cascade is as before. A page opened from a search result
// ("?h=") needs the index for its highlighting at once. Under file:// (the offline copy) the theme
// already loads the index only when search opens; only the styles wait here.
(function () {
  "use strict";
  // The names seniorsite/whole_site/search_css.py (SEARCH_RESULTS_STYLESHEET) and search_worker.py write.
  var RESULT_STYLES = "search-results.css";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search-stemming\.js/;
  var online = window.location.protocol !== "file:";
  var indexWanted = new URLSearchParams(window.location.search).has("h");
  var turned = false;
  var held = [];

  function loadResultStyles() {
    var main = document.querySelector("link[rel=stylesheet][href*='stylesheets/main.']");
    if (!main) { return; }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL(RESULT_STYLES, main.href).href;
    main.after(link);
  }

  function turnToSearch() {
    if (turned) { return; }
    turned = true;
    loadResultStyles();
    indexWanted = true;
    held.splice(0).forEach(function (start) { start(); });
  }

  function turnedToSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search']")) { turnToSearch(); }
  }
  document.addEventListener("focusin", turnedToSearch);
  document.addEventListener("pointerover", turnedToSearch);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) { turnToSearch(); }
  });
  if (!online) { return; }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.svSearchIndex = INDEX.test(new URL(String(url), window.location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var values = arguments;
    if (!request.svSearchIndex || indexWanted) {
      return send.apply(request, values);
    }
    held.push(function () { send.apply(request, values); });
  };

  // A stand-in for the search worker that starts the real one at the first message; until the
  // theme sends it the index, the theme only listens to it (with addEventListener).
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    var listeners = [];
    var worker = null;
    function real() {
      if (!worker) {
        worker = new RealWorker(url, options);
        listeners.forEach(function (listener) { worker.addEventListener.apply(worker, listener); });
      }
      return worker;
    }
    return {
      addEventListener: function () {
        listeners.push(arguments);
        if (worker) { worker.addEventListener.apply(worker, arguments); }
      },
      removeEventListener: function (type, handler) {
        listeners = listeners.filter(function (listener) { return listener[0] !== type || listener[1] !== handler; });
        if (worker) { worker.removeEventListener.apply(worker, arguments); }
      },
      postMessage: function () { var started = real(); return started.postMessage.apply(started, arguments); },
      terminate: function () { if (worker) { worker.terminate(); } }
    };
  }
  window.Worker = function (url, options) {
    return WORKER.test(String(url)) ? new LazyWorker(url, options) : new RealWorker(url, options);
  };
})();
