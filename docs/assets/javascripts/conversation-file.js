// The conversation form's files, loaded on the reader's first press of a button (conversation-form.js): save the
// answers to a file on the reader's own device and open it again, clear the form, and make the conversation's record
// (samtalereferat) as a Word or OpenDocument file through document-file.js. Nothing is sent or stored in the browser.
(function () {
  "use strict";

  var HERE = document.currentScript.src;  // document-file.js lies beside this script
  var OLDEST_VERSION = 1;  // version 1 had no agreement rows and no workplace; it opens as it is

  // The record as blocks for document-file.js, read from the form as the reader left it.
  function recordBlocks(form) {
    var language = form.getAttribute("data-lang");
    var agreementsBox = form.querySelector("[data-agreements]");
    var list = [];

    function shown(field) {
      if (field.type !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(field.value)) { return field.value.trim(); }
      return new Date(field.value + "T12:00:00").toLocaleDateString(language === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
    }
    function labelOf(field) {
      var label = form.querySelector("label[for='" + field.id + "']");
      return label ? label.textContent.trim() : field.name;
    }
    function filledRows() {
      return agreementsBox ? Array.prototype.filter.call(agreementsBox.querySelectorAll("[data-agreement]"), function (row) {
        return Array.prototype.some.call(row.querySelectorAll("[data-agreement-field]"), function (field) { return field.value.trim(); });
      }) : [];
    }
    function rowField(row, name) { return row.querySelector("[name=" + name + "]"); }

    ["workplace", "date", "manager", "employee"].forEach(function (name) {
      var field = form.querySelector("[data-detail][name=" + name + "]");
      if (field) { list.push({ type: "field", label: labelOf(field), text: shown(field) }); }
    });
    Array.prototype.forEach.call(form.querySelectorAll(".sv-form-section"), function (section) {
      if (section.hidden) { return; }
      var answered = Array.prototype.filter.call(section.querySelectorAll("[data-question]"), function (field) { return field.value.trim(); });
      var agreements = agreementsBox && section.contains(agreementsBox) ? filledRows() : [];
      var followup = section.querySelector("[data-detail][name=followup]");
      if (!answered.length && !agreements.length && !followup) { return; }
      list.push({ type: "heading", text: section.querySelector("legend").textContent.trim() });
      var privateNote = section.querySelector(".sv-form-private");
      if (privateNote && answered.length) { list.push({ type: "note", text: privateNote.textContent.trim() }); }
      answered.forEach(function (field) {
        list.push({ type: "subheading", text: labelOf(field) });
        list.push({ type: "text", text: field.value.trim() });
      });
      if (agreements.length) {
        list.push({ type: "subheading", text: document.getElementById(agreementsBox.getAttribute("aria-labelledby")).textContent.trim() });
        agreements.forEach(function (row, index) {
          list.push({ type: "text", text: (index + 1) + ". " + rowField(row, "what").value.trim() });
          list.push({ type: "field", label: agreementsBox.getAttribute("data-label-who"), text: shown(rowField(row, "who")) });
          list.push({ type: "field", label: agreementsBox.getAttribute("data-label-when"), text: shown(rowField(row, "when")) });
        });
      }
      if (followup) {
        list.push({ type: "field", label: labelOf(followup), text: shown(followup) });
        Array.prototype.forEach.call(form.querySelectorAll(".sv-signature"), function (line) {
          list.push({ type: "signature", text: line.textContent.trim() });
        });
      }
    });
    return list;
  }


  // Return the form's file actions; page is what conversation-form.js shares: messages, mirrors, roles and rows.
  function fileActions(form, page) {
    var format = form.getAttribute("data-format");
    var version = parseInt(form.getAttribute("data-version"), 10);
    var removedBox = form.querySelector("[data-removed]");
    var removedList = form.querySelector("[data-removed-list]");
    var agreementsBox = form.querySelector("[data-agreements]");
    var language = form.getAttribute("data-lang");
    var message = page.message;
    function questions() { return Array.prototype.slice.call(form.querySelectorAll("[data-question]")); }
    function keyOf(field) { return field.getAttribute("data-key") || field.id.replace(/^q-/, ""); }  // the question's id in data
    function details() { return Array.prototype.slice.call(form.querySelectorAll("[data-detail]")); }
    function role() { var chosen = form.querySelector("input[name=role]:checked"); return chosen ? chosen.value : "leder"; }
    function rows() { return agreementsBox ? Array.prototype.slice.call(agreementsBox.querySelectorAll("[data-agreement]")) : []; }
    function rowValue(row, name) { return row.querySelector("[name=" + name + "]").value; }
    function agreementsId() { return agreementsBox ? agreementsBox.getAttribute("aria-labelledby").replace(/^q-/, "") : null; }

    function collect() {
      var answers = {};
      questions().forEach(function (field) { if (field.value) { answers[keyOf(field)] = field.value; } });
      var fields = {};
      details().forEach(function (field) { if (field.value) { fields[field.name] = field.value; } });
      var agreements = rows().map(function (row) {
        return { what: rowValue(row, "what"), who: rowValue(row, "who"), when: rowValue(row, "when") };
      }).filter(function (agreement) { return agreement.what || agreement.who || agreement.when; });
      return { format: format, version: version, language: language, role: role(), details: fields, answers: answers, agreements: agreements };
    }

    function save() {
      var text = JSON.stringify(collect(), null, 2) + "\n";
      var link = document.createElement("a");
      var day = (form.querySelector("[name=date]").value || new Date().toISOString().slice(0, 10));
      link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      link.download = form.getAttribute("data-file-name") + "-" + day + ".json";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      page.setClean();
      page.say(message("saved"));
    }

    function removedField(id, value) {
      var holder = document.createElement("div");
      holder.className = "sv-field";
      var label = document.createElement("label");
      label.setAttribute("for", "q-removed-" + id);
      label.textContent = message("removed-label") + " " + id;
      var area = document.createElement("textarea");
      area.id = "q-removed-" + id;
      area.setAttribute("data-key", id);
      area.rows = 4;
      area.setAttribute("data-question", "");
      area.value = value;
      holder.appendChild(label);
      holder.appendChild(area);
      removedList.appendChild(holder);
      page.mirror(area);
    }

    // Check a file's contents; return an error message name, or null when it can be opened.
    function problemWith(saved) {
      if (!saved || typeof saved !== "object" || Array.isArray(saved)) { return "error-broken"; }
      if (saved.format !== format) { return "error-format"; }
      if (typeof saved.version !== "number" || saved.version < OLDEST_VERSION || Math.floor(saved.version) !== saved.version) { return "error-broken"; }
      if (saved.version > version) { return "error-version"; }
      var answers = saved.answers;
      if (!answers || typeof answers !== "object" || Array.isArray(answers)) { return "error-broken"; }
      var texts = Object.keys(answers).every(function (key) { return typeof answers[key] === "string"; });
      var fields = saved.details === undefined || (typeof saved.details === "object" && saved.details !== null && !Array.isArray(saved.details));
      var agreements = saved.agreements === undefined || (Array.isArray(saved.agreements) && saved.agreements.every(function (agreement) {
        return agreement && typeof agreement === "object" && ["what", "who", "when"].every(function (name) {
          return agreement[name] === undefined || typeof agreement[name] === "string";
        });
      }));
      return texts && fields && agreements ? null : "error-broken";
    }

    // One more row of what, who and by when, its labels numbered like the others.
    function addRow() {
      var last = rows()[rows().length - 1];
      var copy = last.cloneNode(true);
      var number = rows().length + 1;
      Array.prototype.forEach.call(copy.querySelectorAll("[data-agreement-field]"), function (field) {
        var label = copy.querySelector("label[for='" + field.id + "']");
        field.value = "";
        field.id = "sv-agreement-" + number + "-" + field.name;
        label.setAttribute("for", field.id);
        label.textContent = agreementsBox.getAttribute("data-label-" + field.name) + " (" + agreementsBox.getAttribute("data-label-agreement") + " " + number + ")";
      });
      last.parentNode.insertBefore(copy, last.nextSibling);
      Array.prototype.forEach.call(copy.querySelectorAll("[data-agreement-field]"), page.mirror);
      return copy;
    }

    function fillAgreements(agreements) {
      if (!agreementsBox) { return; }
      while (rows().length < agreements.length) { addRow(); }
      rows().forEach(function (row, index) {
        var agreement = agreements[index] || {};
        ["what", "who", "when"].forEach(function (name) { row.querySelector("[name=" + name + "]").value = agreement[name] || ""; });
      });
    }

    function fill(saved) {
      removedList.textContent = "";
      var known = {};
      questions().forEach(function (field) { known[keyOf(field)] = field; field.value = ""; });
      details().forEach(function (field) { field.value = (saved.details && typeof saved.details[field.name] === "string") ? saved.details[field.name] : ""; });
      var agreements = (saved.agreements || []).slice();
      if (agreementsBox && typeof saved.answers[agreementsId()] === "string") {
        agreements.unshift({ what: saved.answers[agreementsId()] });  // version 1 kept "who does what" as one text
      }
      fillAgreements(agreements);
      var missing = 0;
      Object.keys(saved.answers).forEach(function (id) {
        if (id === agreementsId()) { return; }
        if (known[id]) { known[id].value = saved.answers[id]; } else { removedField(id, saved.answers[id]); missing += 1; }
      });
      removedBox.hidden = missing === 0;
      var wanted = form.querySelector("input[name=role][value='" + (saved.role === "medarbejder" ? "medarbejder" : "leder") + "']");
      if (wanted) { wanted.checked = true; }
      page.showRole();
      page.mirrors();
      page.setClean();
      page.say(message("opened"));
    }

    function open(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var saved;
        try { saved = JSON.parse(String(reader.result)); } catch (error) { page.warn(message("error-broken")); return; }
        var problem = problemWith(saved);
        if (problem) { page.warn(message(problem)); return; }
        if (page.isDirty() && !window.confirm(message("confirm-replace"))) { return; }
        fill(saved);
      };
      reader.onerror = function () { page.warn(message("error-broken")); };
      reader.readAsText(file);
    }

    function clear() {
      if (!window.confirm(message("confirm-clear"))) { return; }
      questions().concat(details()).forEach(function (field) { field.value = ""; });
      fillAgreements([]);
      removedList.textContent = "";
      removedBox.hidden = true;
      page.mirrors();
      page.setClean();
      page.say(message("cleared"));
    }


    var writer = null;
    function download(kind) {
      if (!writer) {
        writer = new Promise(function (resolve, reject) {
          if (window.svDocumentFile) { resolve(window.svDocumentFile); return; }
          var script = document.createElement("script");
          script.src = new URL("document-file.js", HERE).href;
          script.onload = function () { if (window.svDocumentFile) { resolve(window.svDocumentFile); } else { reject(new Error("no writer")); } };
          script.onerror = function () { writer = null; reject(new Error("document-file.js not loaded")); };
          document.head.appendChild(script);
        });
      }
      var day = form.querySelector("[name=date]").value || new Date().toISOString().slice(0, 10);
      return writer.then(function (loaded) {
        return loaded.download({ document: "samtalereferat", language: language, kind: kind,
          fileName: form.getAttribute("data-record-name") + "-" + day, blocks: recordBlocks(form) });
      }).then(function () { page.say(message("file-ready")); }, function () { page.warn(message("file-failed")); });
    }

    return { save: save, open: open, clear: clear, download: download, addRow: addRow };
  }

  window.svConversationFile = fileActions;
})();
