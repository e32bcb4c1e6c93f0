// Danish and English stemming for the theme's search. The theme adds a trailing "*" to every word,
// and lunr skips stemming for such terms, so "seniorsamtaler" would never find "seniorsamtale".
// This sends each plain word twice: as typed (the theme makes it a prefix search) and as "word^1",
// which the theme leaves alone and lunr stems like the index. Theme message 2 is a search query.
(function () {
  "use strict";
  var QUERY = 2;
  var send = Worker.prototype.postMessage;
  function withStems(query) {
    return query.split(/\s+/).map(function (word) {
      return /^[\p{L}\p{N}]+$/u.test(word) ? word + " " + word + "^1" : word;
    }).join(" ");
  }
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      arguments[0] = { type: message.type, data: withStems(message.data) };
    }
    return send.apply(this, arguments);
  };
})();
