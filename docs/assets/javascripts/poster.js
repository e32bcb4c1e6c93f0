// The poster's page: the reader chooses A4 or A3, and the print button prints the poster alone on one sheet of that
// paper (poster.css picks the sheet and the type size from the poster's data-paper). The details typed in the panel
// are already in the poster's text (details.js), so they are printed with it. Nothing is sent or kept.
(function () {
  "use strict";

  function setUp(controls) {
    var poster = document.querySelector(".sv-poster");
    if (!poster) { return; }
    var choices = Array.prototype.slice.call(controls.querySelectorAll("input[name='sv-poster-paper']"));

    function paper() {
      var chosen = choices.filter(function (choice) { return choice.checked; })[0];
      return chosen ? chosen.value : "a4";
    }
    function usePaper() { poster.setAttribute("data-paper", paper()); }

    choices.forEach(function (choice) { choice.addEventListener("change", usePaper); });
    controls.querySelector("[data-poster-print-button]").addEventListener("click", function () {
      usePaper();
      window.print();
    });
    usePaper();  // the browser may bring back an earlier choice; the browser's own print follows it too
    controls.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-poster-print]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
