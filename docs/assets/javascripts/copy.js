// Copy buttons of the communication kit: copy the ready-to-use text below the button as plain text
// and say "Copied" to screen readers through the status beside the button.
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function setUp(holder) {
    var button = holder.querySelector(".sv-copy__button");
    var status = holder.querySelector(".sv-copy__status");
    var block = holder.nextElementSibling;
    var heading = holder.previousElementSibling;
    while (heading && !/^H[2-4]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
    if (heading && heading.id) { button.setAttribute("aria-describedby", heading.id); }
    button.addEventListener("click", function () {
      status.textContent = "";
      copyText(block.innerText.trim()).then(function () {
        status.textContent = button.getAttribute("data-done");
      }, function () {
        status.textContent = button.getAttribute("data-failed");
      });
    });
    holder.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".sv-copy"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
