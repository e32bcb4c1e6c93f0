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
