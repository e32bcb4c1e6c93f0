// The inspiration catalogue's filter: shows the cards that match every chosen facet, keeps the
// choice in the address (so a filtered view can be shared) and announces the count.
(function () {
  "use strict";
  var FACETS = { solution: "solution", themes: "themes", sectors: "sectors" };

  function cardMatches(card, choice) {
    return Object.keys(choice).every(function (facet) {
      var values = (card.getAttribute("data-" + facet) || "").split(" ");
      return !choice[facet] || values.indexOf(choice[facet]) !== -1;
    });
  }

  function countText(catalogue, shown, total) {
    var key = shown === total ? "data-count-all" : shown === 0 ? "data-count-none" : "data-count-some";
    return catalogue.getAttribute(key).replace("{shown}", shown).replace("{total}", total);
  }

  function setUp(catalogue) {
    var form = catalogue.querySelector(".sv-filter");
    var count = catalogue.querySelector(".sv-catalogue__count");
    var cards = Array.prototype.slice.call(catalogue.querySelectorAll(".sv-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));

    function apply(updateAddress) {
      var choice = {};
      selects.forEach(function (select) { choice[FACETS[select.name]] = select.value; });
      var shown = 0;
      cards.forEach(function (card) {
        var match = cardMatches(card, choice);
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = countText(catalogue, shown, cards.length);
      if (updateAddress) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (select) {
          if (select.value) { params.set(select.name, select.value); } else { params.delete(select.name); }
        });
        var query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      select.value = wanted && known ? wanted : "";
      select.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    form.hidden = false;
    apply(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".sv-catalogue"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
