// Runs inside the theme's search worker, before the theme's own worker script (named after "?theme="
// in this script's address; seniorsite/search_worker.py points the theme at this file).
// The theme's worker makes every word a prefix ("word*"), and lunr does not stem such words, so
// "seniorsamtaler*" would not find the stemmed "seniorsamtal" in the index. Here each plain word of a query is stemmed
// by the index's own language stemmer before the theme sees it, so the theme matches, marks and
// highlights the stem, and never calls a found word "missing". Words listed as synonyms (an
// abbreviation and its glossary term, from the search index's config) are searched together.
(function () {
  "use strict";
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var settings = { lang: ["en"], synonyms: {} };
  var groups = [];  // the current query's synonym groups: finding one of a group is finding the word
  var fuzzy = [];  // the current query's words also searched one letter away

  function stemmerFor(language) {
    if (language === "en") { return self.lunr.stemmer; }
    return self.lunr[language] && self.lunr[language].stemmer;
  }

  function stem(word, stemmer) {
    return stemmer ? stemmer(new self.lunr.Token(word, {})).toString() : word;
  }

  function synonymsOf(word, stemmer) {
    // Inflected forms count too ("tillidsrepræsentanten"): the list is looked up by stem as well.
    if (!settings.byStem) {
      settings.byStem = {};
      Object.keys(settings.synonyms).forEach(function (key) { settings.byStem[stem(key, stemmer)] = settings.synonyms[key]; });
    }
    return settings.synonyms[word] || settings.byStem[stem(word, stemmer)];
  }

  function searchTerm(word, stemmer) {
    // The theme then makes every term a prefix ("word*"), except one with a boost. A short word (an
    // abbreviation like "tr") gets "^1" so that it is searched whole: "tr*" would find "trin" and "trivsel".
    return word.length <= 4 ? word + "^1" : stem(word, stemmer);
  }

  function searchTerms(word, stemmer) {
    var plain = word.toLowerCase();
    var synonyms = synonymsOf(plain, stemmer);
    if (!synonyms) {
      // A long word may carry a typo: also look for words one letter away ("seniorsamtle"), never shown as missing.
      var stemmedWord = stem(plain, stemmer);
      if (plain.length < 7) { return [stemmedWord]; }
      fuzzy.push(stemmedWord);
      return [stemmedWord, stemmedWord + "~1"];
    }
    var group = [plain].concat(synonyms.split(" ")).map(function (term) { return searchTerm(term, stemmer); });
    groups.push(group.map(bare));
    return group;
  }

  function bare(term) { return term.replace(/(\*|\^1)$/, ""); }

  function withoutFuzzyTerms(terms) {
    // The theme names a term "word~1" as "word": the exact word's entry stays, so nothing is named twice.
    Object.keys(terms).forEach(function (key) { if (/~1$/.test(key)) { delete terms[key]; } });
  }

  function withoutUnfoundSynonyms(terms) {
    groups.forEach(function (group) {
      var keys = Object.keys(terms).filter(function (key) { return group.indexOf(bare(key)) !== -1; });
      if (keys.some(function (key) { return terms[key]; })) {
        keys.forEach(function (key) { if (!terms[key]) { delete terms[key]; } });
      }
    });
  }

  function withPageTerms(page) {
    // The theme lists a page whose sections matched with no terms of its own, so its link would
    // highlight nothing: give it the words its sections matched.
    page.forEach(function (section) {
      if (section.terms && Object.keys(section.terms).length === 0) {
        page.forEach(function (other) {
          Object.keys(other.terms || {}).forEach(function (key) { if (other.terms[key]) { section.terms[key] = true; } });
        });
      }
    });
  }

  function stemmed(query) {
    groups = [];
    fuzzy = [];
    var stemmer = stemmerFor(settings.lang[0]);
    return query.split(/(\s+)/).map(function (part) {
      return /^[\p{L}\p{N}]+$/u.test(part) ? searchTerms(part, stemmer).join(" ") : part;
    }).join("");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) { return; }
    if (message.type === SETUP && message.data && message.data.config) {
      settings.lang = message.data.config.lang || settings.lang;
      settings.synonyms = message.data.config.synonyms || {};
      settings.byStem = null;
    } else if (message.type === QUERY && typeof message.data === "string" && self.lunr) {
      message.data = stemmed(message.data);
    }
  });

  var send = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) {
      message.data.items.forEach(function (page) {
        page.forEach(function (section) {
          if (section.terms) { withoutFuzzyTerms(section.terms); withoutUnfoundSynonyms(section.terms); }
        });
        withPageTerms(page);
      });
    }
    return send.apply(self, arguments);
  };

  importScripts(new URL(new URL(here).searchParams.get("theme"), here).href);
})();
