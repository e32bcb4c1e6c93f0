// Runs inside the theme's search worker, before the theme's own worker script (named after "?theme="
// in this script's address; seniorsite/whole_site/search_worker.py points the theme at this file).
// The theme makes every word a prefix ("word*"), which lunr neither stems nor checks against the
// words the site holds. Here each typed word is first looked up among the index's own words (caught
// as the theme builds its index) and rewritten for the theme:
// - a word the index holds, by its stem, is searched as that stem: whole in English, and in Danish
//   also as the start or the end of a compound ("pension" finds "pensionsalder" and "folkepension");
// - a word the index holds only as the start of longer words is searched as a prefix (as one types);
// - a long word the index does not hold is taken as a typo of the index's words one letter away;
// - two words the index holds written together ("senior samtale": "seniorsamtale"), a hyphenated word
//   ("part-time") and a compound the index holds apart ("tidligpension") must be found as one: the
//   joined word, or its parts side by side in one text;
// - an abbreviation and its glossary term (synonyms, from the search index's config) are one word.
// Every word the reader typed is then named found or missing as what was typed, never as a stem or a
// neighbour; a word the site does not hold finds nothing. A page ranks by all its matching sections.
(function () {
  "use strict";
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var SHORT = 4;  // a word this short (an abbreviation like "TR") is searched whole: "tr*" would find "trin"
  var TYPO_FROM = 7;  // a word this long may carry a typo of one letter
  var COMPOUND_FROM = 5;  // in Danish, a stem this long also finds the compounds that end with it
  var PART_FROM = 3;  // the shortest part of a compound written together
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  var settings = { lang: ["en"], synonyms: {} };
  var words = null;  // the index's own words (its terms), sorted
  var wordSet = {};
  var asStemmed = {};  // stems the theme passes on with "^1": lunr would stem them once more
  var units = [];  // the current query: what the reader typed, one unit per word or joined pair
  var capitals = {};  // each run of capitals in the site's text ("MED") with the words it stands in ("hovedmed")
  var written = [];  // the site's words as written, lower case, sorted

  function danish() { return settings.lang[0] !== "en"; }

  function stem(word) {
    var language = settings.lang[0];
    var stemmer = language === "en" ? self.lunr.stemmer : self.lunr[language] && self.lunr[language].stemmer;
    return stemmer ? stemmer(new self.lunr.Token(word, {})).toString() : word;
  }

  function isStopWord(word) {
    var language = settings.lang[0];
    var filter = language === "en" ? self.lunr.stopWordFilter : self.lunr[language] && self.lunr[language].stopWordFilter;
    return Boolean(filter) && !filter(new self.lunr.Token(word, {}));
  }

  // --- the index's words --------------------------------------------------------------------------

  function catchIndex() {
    // The theme builds its index with the lunr it puts on self; keep the words, and let stems this
    // script made pass lunr's search pipeline unchanged (stemming "convers" again gives "conver").
    if (!self.lunr || self.lunr.Builder.prototype.svCaught) { return; }
    var build = self.lunr.Builder.prototype.build;
    self.lunr.Builder.prototype.svCaught = true;
    self.lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      var pipeline = index.pipeline;
      var search = index.search;
      words = Object.keys(index.invertedIndex).sort();
      wordSet = {};
      words.forEach(function (word) { wordSet[word] = true; });
      index.pipeline = {
        runString: function (term, metadata) { return asStemmed[term] ? [term] : pipeline.runString(term, metadata); }
      };
      index.search = function () { return matching(search.apply(index, arguments)); };
      return index;
    };
  }

  function held(word) { return wordSet[word] === true; }

  function startsSome(sorted, prefix) {
    // True when a word of the sorted list starts with prefix (look where it would go).
    var low = 0;
    var high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < prefix) { low = middle + 1; } else { high = middle; }
    }
    return low < sorted.length && sorted[low].indexOf(prefix) === 0;
  }

  function beingTyped(plain) {
    // A word the reader is still typing starts a word of the site as written and, stemmed, an index
    // word. Only its stem starting one is no match: "seniorbolig", stemmed "seniorbo", is no "seniorbonus".
    return startsSome(written, plain) && startsSome(words, stem(plain));
  }

  function oneLetterApart(a, b) {
    // One letter added, dropped, changed, or two neighbours swapped ("seniorsamtlae").
    if (Math.abs(a.length - b.length) > 1 || a === b) { return false; }
    var at = 0;
    while (at < a.length && a[at] === b[at]) { at += 1; }
    return a.slice(at + 1) === b.slice(at + 1) || a.slice(at + 1) === b.slice(at) || a.slice(at) === b.slice(at + 1) ||
      (a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2));
  }

  function neighbours(plain, stemmed) {
    // The index's words one letter from the typed word's stem, and the stems of the site's own words
    // one letter from the typed word (English stems are short: "conversaton" is far from "convers").
    var found = words.filter(function (word) { return word.length >= TYPO_FROM - 2 && oneLetterApart(stemmed, word); });
    written.forEach(function (word) {
      if (word.length >= TYPO_FROM - 1 && oneLetterApart(plain, word) && held(stem(word)) && found.indexOf(stem(word)) === -1) {
        found.push(stem(word));
      }
    });
    return found;
  }

  function joinedStem(first, second) {
    // The word two words make written together, with or without a linking "s", if the index holds it.
    var found = null;
    [first + second, first + "s" + second].forEach(function (joined) {
      if (!found && held(stem(joined))) { found = stem(joined); }
    });
    return found;
  }

  function partsOf(plain) {
    // A compound the index holds only apart ("tidligpension": "tidlig" and "pension"), longest first part first.
    for (var at = plain.length - PART_FROM; at >= PART_FROM; at -= 1) {
      var first = plain.slice(0, at);
      var second = plain.slice(at);
      if (!isStopWord(first) && !isStopWord(second) && held(stem(first)) && held(stem(second))) {
        return [first, second];
      }
    }
    return null;
  }

  function wordsIn(docs) {
    // The site's words as written: the long ones for typos, and each run of capitals for abbreviations.
    var found = {};
    docs.forEach(function (doc) {
      ((doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
        var plain = word.toLowerCase();
        found[plain] = true;
        (word.match(/\p{Lu}{2,}/gu) || []).forEach(function (run) {
          var key = run.toLowerCase();
          capitals[key] = capitals[key] || [];
          if (capitals[key].indexOf(plain) === -1) { capitals[key].push(plain); }
        });
      });
    });
    return Object.keys(found).sort();
  }

  // --- a query's units ----------------------------------------------------------------------------
  // A unit is what the reader typed as one word: what is sent to the theme for it, the terms the theme
  // will name for it (keys), and which index words find it.

  function wordUnit(typed) {
    var plain = typed.toLowerCase();
    var synonyms = settings.synonyms[plain] || bySynonymStem(plain);
    if (synonyms) {
      var group = [plain].concat(synonyms.split(" "));
      return unit(typed, group.map(function (term) {
        return term.length <= SHORT ? { sent: term + "^1", key: term, finds: sameStem(term) } : prefixTerm(stem(term));
      }));
    }
    var stemmed = stem(plain);
    var inCapitals = capitalWords(typed, plain);
    if (inCapitals.length) { return unit(typed, inCapitals.map(heldTerm)); }
    if (isStopWord(plain)) { return stopUnit(plain); }
    if (plain.length <= SHORT) { return unit(typed, [{ sent: plain + "^1", key: plain, finds: sameStem(plain) }]); }
    if (held(stemmed)) {
      var terms = [heldTerm(stemmed)];
      if (danish() && stemmed.length >= COMPOUND_FROM) { terms.push({ sent: "*" + stemmed + "^1", key: stemmed, finds: ending(stemmed) }); }
      return unit(typed, terms);
    }
    if (beingTyped(plain)) { return unit(typed, [prefixTerm(stemmed)]); }
    var near = plain.length >= TYPO_FROM ? neighbours(plain, stemmed) : [];
    if (near.length) { return unit(typed, near.map(prefixTerm)); }
    var parts = plain.length >= 2 * PART_FROM ? partsOf(plain) : null;
    if (parts) { return phraseUnit(typed, null, parts); }
    return unit(typed, [exactTerm(stemmed)]);  // the site does not hold it: searched whole, it finds nothing
  }

  function hyphenUnit(typed) {
    // "part-time": the joined word if the index holds it, else its parts side by side (stop words left out).
    var pieces = typed.toLowerCase().split("-");
    var joined = stem(pieces.join(""));
    if (held(joined)) { return unit(typed, [heldTerm(joined)]); }
    var parts = pieces.filter(function (piece) { return !isStopWord(piece); });
    if (parts.length === 0) { return stopUnit(typed.toLowerCase()); }
    if (parts.length === 1) { return unit(typed, [exactTerm(stem(parts[0]))]); }
    return phraseUnit(typed, beingTyped(pieces.join("")) ? joined : null, parts);
  }

  function pairUnit(first, second) {
    // "senior samtale": the word "seniorsamtale", or the two words side by side.
    var joined = joinedStem(first.toLowerCase(), second.toLowerCase());
    return joined && phraseUnit(first + " " + second, joined, [first.toLowerCase(), second.toLowerCase()]);
  }

  function bySynonymStem(plain) {
    // Inflected forms count too ("tillidsrepræsentanten"): the list is looked up by stem as well.
    if (!settings.byStem) {
      settings.byStem = {};
      Object.keys(settings.synonyms).forEach(function (key) { settings.byStem[stem(key)] = settings.synonyms[key]; });
    }
    return settings.byStem[stem(plain)];
  }

  function capitalWords(typed, plain) {
    // An abbreviation typed in capitals that the index does not hold whole (MED is also the Danish
    // stop word "med"): the index words the site writes it in, in capitals ("HovedMED").
    if (typed.length < 2 || typed !== typed.toUpperCase() || (held(stem(plain)) && !isStopWord(plain))) { return []; }
    return (capitals[plain] || []).map(stem).filter(function (word, at, all) { return held(word) && all.indexOf(word) === at; });
  }

  function heldTerm(stemmed) {
    // A word the index holds: whole in English; in Danish also the start of a compound ("seniorsamtale*").
    return danish() ? prefixTerm(stemmed) : exactTerm(stemmed);
  }

  function sameStem(word) { var stemmed = stem(word); return function (term) { return term === stemmed || term === word; }; }
  function ending(stemmed) { return function (term) { return term.slice(-stemmed.length) === stemmed; }; }

  function prefixTerm(stemmed) {
    // The theme makes it a prefix ("stem*"), which lunr does not stem again.
    return { sent: stemmed, key: stemmed, finds: function (term) { return term.indexOf(stemmed) === 0; } };
  }

  function exactTerm(stemmed) {
    asStemmed[stemmed] = true;
    return { sent: stemmed + "^1", key: stemmed, finds: function (term) { return term === stemmed; } };
  }

  function stopUnit(plain) {
    // A stop word ("om", "the") is in no index: searched as a prefix it would find "område" or "then".
    return { typed: plain, stop: true, sent: [], keys: [plain], found: function () { return false; } };
  }

  function unit(typed, terms) {
    return {
      typed: typed.toLowerCase(),
      sent: terms.map(function (term) { return term.sent; }),
      keys: terms.map(function (term) { return term.key; }),
      found: function (metadata) {
        return Object.keys(metadata).some(function (word) { return terms.some(function (term) { return term.finds(word); }); });
      }
    };
  }

  function phraseUnit(typed, joined, parts) {
    // Found where the index holds the joined word, or where the parts stand side by side in one text
    // (the theme's positions count the words of a text in order; a stop word may stand between).
    // The last part may still be being typed ("part-ti"): then it is a prefix.
    var partTerms = parts.map(function (part, at) {
      var stemmed = stem(part);
      return at === parts.length - 1 && !held(stemmed) && beingTyped(part) ? prefixTerm(stemmed) : exactTerm(stemmed);
    });
    var joinedTerm = joined && (held(joined) ? heldTerm(joined) : prefixTerm(joined));
    var found = unit(typed, joinedTerm ? [joinedTerm].concat(partTerms) : partTerms);
    found.required = true;
    found.found = function (metadata) {
      if (joinedTerm && Object.keys(metadata).some(joinedTerm.finds)) { return true; }
      return ["title", "text"].some(function (field) { return sideBySide(metadata, partTerms, field); });
    };
    return found;
  }

  function sideBySide(metadata, partTerms, field) {
    var positions = partTerms.map(function (term) {
      return Object.keys(metadata).filter(term.finds).reduce(function (all, key) {
        return metadata[key][field] ? all.concat(metadata[key][field].position) : all;
      }, []);
    });
    return positions[0].some(function (start) {
      var at = start;
      return positions.slice(1).every(function (next) {
        var following = next.filter(function (position) { return position > at && position <= at + 2; });
        at = following[0];
        return following.length > 0;
      });
    });
  }

  function rewritten(query) {
    asStemmed = {};
    units = [];
    var parts = query.trim().split(/\s+/);
    var sent = [];
    for (var at = 0; at < parts.length; at += 1) {
      var part = parts[at];
      var next = parts[at + 1];
      var found = null;
      if (/^[\p{L}\p{N}]+$/u.test(part) && next && /^[\p{L}\p{N}]+$/u.test(next) && !isStopWord(part) && !isStopWord(next)) {
        found = pairUnit(part, next);
        if (found) { at += 1; }
      }
      if (!found && /^[\p{L}\p{N}]+$/u.test(part)) { found = wordUnit(part); }
      if (!found && /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(part)) { found = hyphenUnit(part); }
      if (found) {
        units.push(found);
        sent = sent.concat(found.sent);
      } else {
        sent.push(part);  // a word with the reader's own search syntax ("+", "-", "*", "~") goes as typed
      }
    }
    return sent.join(" ");
  }

  // --- the results ----------------------------------------------------------------------------------

  function matching(results) {
    // lunr's results, without those missing a word that must be found as one (a joined pair, a
    // hyphenated word); each unit a result holds is named by all its terms, so the theme counts it found.
    return results.filter(function (result) {
      var metadata = result.matchData.metadata;
      var found = units.filter(function (one) { return one.found(metadata); });
      found.forEach(function (one) { one.keys.forEach(function (key) { if (!metadata[key]) { metadata[key] = {}; } }); });
      return units.every(function (one) { return !one.required || found.indexOf(one) !== -1; });
    });
  }

  function namedAsTyped(terms) {
    // The theme names the terms it was sent; name each unit as the reader typed it: found, with the terms
    // a result link highlights, or missing. A stop word is neither. A page the theme lists for its
    // sections alone has no terms: withPageTerms gives it theirs.
    if (Object.keys(terms).length === 0) { return; }
    var found = units.map(function (one) { return one.keys.filter(function (key) { return terms[key]; }); });
    units.forEach(function (one) { one.keys.concat([one.typed]).forEach(function (key) { delete terms[key]; }); });
    units.forEach(function (one, at) {
      if (!one.stop) { found[at].forEach(function (key) { terms[key] = true; }); }
    });
    units.forEach(function (one, at) {
      if (!one.stop && !found[at].length && !terms[one.typed]) { terms[one.typed] = false; }
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

  function pageScore(page) {
    return page.reduce(function (sum, section) { return sum + section.score; }, 0);
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) { return; }
    catchIndex();
    if (message.type === SETUP && message.data && message.data.config) {
      settings.lang = message.data.config.lang || settings.lang;
      settings.synonyms = message.data.config.synonyms || {};
      settings.byStem = null;
      capitals = {};
      written = wordsIn(message.data.docs || []);
    } else if (message.type === QUERY && typeof message.data === "string" && self.lunr && words) {
      message.data = rewritten(message.data);
    }
  });

  var send = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) {
      message.data.items.forEach(function (page) {
        page.forEach(function (section) { if (section.terms) { namedAsTyped(section.terms); } });
        withPageTerms(page);
      });
      // A page that treats the words in several sections comes before one that names them once.
      message.data.items.sort(function (a, b) { return pageScore(b) - pageScore(a); });
    }
    return send.apply(self, arguments);
  };

  importScripts(new URL(new URL(here).searchParams.get("theme"), here).href);
  catchIndex();
})();
