// Your details, on a page with texts to fill in: shows the button, and on the first press loads the panel
// (details-panel-<language>.js), its styles and details.js, which puts the panel under the button. The first
// view carries only the button; the form and its script load when the reader asks for them.
(function () {
  "use strict";

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element[name] = attributes[name]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function setUp(opener) {
    var button = opener.querySelector("button");
    var holder = opener.querySelector(".sv-details-holder");
    var alertBox = opener.querySelector("[data-details-load-alert]");
    var loading = null;
    button.addEventListener("click", function () {
      if (holder.firstChild) {
        holder.hidden = !holder.hidden;
        button.setAttribute("aria-expanded", String(!holder.hidden));
        return;
      }
      if (loading) { return; }
      loading = Promise.all([
        load("link", { rel: "stylesheet", href: opener.getAttribute("data-style") }),
        load("script", { src: opener.getAttribute("data-panel") })
      ]).then(function () {
        return load("script", { src: opener.getAttribute("data-script") });
      }).then(function () {
        button.setAttribute("aria-expanded", "true");
        alertBox.textContent = "";
        var first = holder.querySelector("input");
        if (first) { first.focus(); }
      }, function () {
        loading = null;
        alertBox.textContent = opener.getAttribute("data-failed");
      });
    });
    opener.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-details-opener]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
