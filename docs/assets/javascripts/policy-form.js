// The senior-policy builder: the answers become a draft policy as the reader types, part by part; the answers are
// saved to a file on the reader's own device and opened again (in either language), and the draft is printed or
// downloaded as a Word or OpenDocument file. Nothing is sent or stored in the browser; the page's policy
// (form-action 'none') forbids sending. document-file.js, the shared writer of those files, loads on first use.
// Kept short on purpose: the page's first view is counted.
(function () {
  "use strict";

  // The writer beside this script; the shells at the site's root, dokumenter/seniorvaerktoejer-seniorpolitik-<language>.docx|odt.
  var HERE = document.currentScript.src;

  function setUp(form) {
    function all(selector, root) { return Array.prototype.slice.call((root || form).querySelectorAll(selector)); }
    function one(selector) { return form.querySelector(selector); }
    function attr(name) { return form.getAttribute("data-" + name); }
    function detail(name) { return one("[data-detail=" + name + "]").value.trim(); }
    var language = attr("lang");
    var fileInput = one("[type=file]");
    var toggle = one("[data-action=more]");
    var menu = one(".sv-policy-more");
    // Each question by its id: its typed field (none for a choice) or its options, and whether it takes one option.
    var questions = {};
    all("[data-question]").forEach(function (holder) {
      var typed = holder.tagName === "FIELDSET" ? null : holder.querySelector("input, textarea");
      var options = typed ? [] : all("input", holder);
      questions[holder.getAttribute("data-question")] = { typed: typed, options: options, one: !typed && options[0].type === "radio" };
    });
    var ids = Object.keys(questions);
    // The answers of the file last opened: those this form has no question for are saved again as they were.
    var kept = {};
    var dirty = false;
    var writer = null;

    function say(name, alarm) {
      one("[data-status]").textContent = alarm ? "" : attr("msg-" + name);
      one("[data-alert]").textContent = alarm ? attr("msg-" + name) : "";
    }

    // An answer as the file keeps it, in no language: text as typed, a number as a number, choices by option id.
    function answerOf(question) {
      var typed = question.typed;
      var chosen = question.options.filter(function (option) { return option.checked && option.value; });
      if (typed) { return !typed.value.trim() ? null : typed.type === "number" ? Number(typed.value) : typed.value; }
      chosen = chosen.map(function (option) { return option.value; });
      return !chosen.length ? null : question.one ? chosen[0] : chosen;
    }

    // The draft as blocks, for the page and for document-file.js: the municipality (if given) and the date as notes,
    // then each part's heading and its sentences, or a note that it is not written yet. The title is in the file's shell.
    function blocks() {
      // The draft is dated the day it is read: printed, downloaded or saved.
      var day = new Date().toLocaleDateString(language === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
      var list = detail("municipality") ? [{ type: "note", text: detail("municipality") }] : [];
      list.push({ type: "note", text: attr("date").replace("{date}", day) });
      all("[data-part]").forEach(function (part) {
        var title = part.querySelector("legend").textContent;
        var body = [];
        all("[data-question]", part).forEach(function (holder) {
          var question = questions[holder.getAttribute("data-question")];
          var value = answerOf(question);
          var template = question.typed && question.typed.getAttribute("data-draft");
          if (template && value !== null) {
            // The answer in its sentence; an answer that starts the sentence starts it with a capital.
            value = template.split("{answer}").join(String(value).trim());
            value = template.indexOf("{answer}") ? value : value.charAt(0).toUpperCase() + value.slice(1);
            value.split("\n").forEach(function (line) { if (line.trim()) { body.push({ type: "text", text: line.trim() }); } });
          }
          // An option without a sentence of its own is its sentence.
          question.options.forEach(function (option) {
            if (option.checked && option.value) { body.push({ type: "text", text: option.getAttribute("data-draft") || option.parentNode.textContent.trim() }); }
          });
        });
        list.push({ type: "heading", text: title });
        list = list.concat(body.length ? body : [{ type: "note", text: attr("missing").replace("{part}", title.replace(/^\d+\.\s*/, "")) }]);
      });
      return list;
    }

    // The same draft on the page, under its title; not a live region, so it is not read aloud at every keystroke.
    function show() {
      var box = one("[data-draft-document]");
      var first = detail("municipality") ? 1 : 0;
      box.textContent = "";
      blocks().forEach(function (block, index) {
        if (index === first) { box.appendChild(document.createElement("h2")).textContent = attr("title"); }
        var made = box.appendChild(document.createElement(block.type === "heading" ? "h3" : "p"));
        made.textContent = block.text;
        made.className = index < first ? "sv-policy-place" : index > first && block.type === "note" ? "sv-policy-note" : "";
      });
    }

    function save() {
      var answers = Object.assign({}, kept);
      var facts = {};
      var link = document.createElement("a");
      ids.forEach(function (id) {
        delete answers[id];
        if (answerOf(questions[id]) !== null) { answers[id] = answerOf(questions[id]); }
      });
      all("[data-detail]").forEach(function (typed) { if (typed.value.trim()) { facts[typed.getAttribute("data-detail")] = typed.value; } });
      var saved = { format: attr("format"), version: Number(attr("version")), language: language, details: facts, answers: answers };
      link.href = URL.createObjectURL(new Blob([JSON.stringify(saved, null, 2) + "\n"], { type: "application/json" }));
      link.download = attr("file-name") + "-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link).click();
      link.remove();
      dirty = false;
      say("saved");
    }

    function isObject(value) { return Boolean(value) && typeof value === "object" && !Array.isArray(value); }

    function open(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var saved = null;
        // A file that is no JSON stays null: a broken file, said below.
        try { saved = JSON.parse(String(reader.result)); } catch (error) {}
        var answers = isObject(saved) && saved.answers;
        var facts = isObject(saved) && (saved.details || {});
        // Each answer a text, a number or a list of option ids; each fact a text.
        var good = isObject(answers) && isObject(facts) && Object.keys(answers).every(function (id) {
          return [].concat(answers[id]).every(function (item) { return typeof item === "string" || typeof item === "number"; });
        }) && Object.keys(facts).every(function (name) { return typeof facts[name] === "string"; });
        var version = isObject(saved) && saved.version;
        var wrong = !isObject(saved) ? "broken" : saved.format !== attr("format") ? "format" : typeof version !== "number" || !(version >= 1) || version % 1 ? "broken"
          : version > Number(attr("version")) ? "version" : good ? "" : "broken";
        if (wrong) { say(wrong, true); return; }
        if (dirty && !window.confirm(attr("msg-confirm-replace"))) { return; }
        kept = answers;
        all("[data-detail]").forEach(function (typed) { typed.value = facts[typed.getAttribute("data-detail")] || ""; });
        ids.forEach(function (id) {
          var given = id in answers ? [].concat(answers[id]) : [];
          if (questions[id].typed) { questions[id].typed.value = given.length ? given[0] : ""; }
          questions[id].options.forEach(function (option) { option.checked = option.value ? given.indexOf(option.value) >= 0 : !given.length; });
        });
        one("[data-kept]").hidden = Object.keys(answers).every(function (id) { return questions[id]; });
        dirty = false;
        show();
        say("opened");
      };
      reader.onerror = function () { say("broken", true); };
      reader.readAsText(file);
    }

    function clear() {
      if (!window.confirm(attr("msg-confirm-clear"))) { return; }
      all("[data-detail], textarea, [type=text], [type=number]").forEach(function (typed) { typed.value = ""; });
      // Every box unticked; each one-choice question back on its "not chosen yet".
      all("[type=radio], [type=checkbox]").forEach(function (option) { option.checked = !option.value; });
      kept = {};
      one("[data-kept]").hidden = true;
      dirty = false;
      show();
      say("cleared");
    }

    // The shared writer of Word and OpenDocument files, loaded the first time a reader asks for one.
    function download(type) {
      writer = writer || new Promise(function (resolve, reject) {
        var script = document.head.appendChild(document.createElement("script"));
        script.onload = function () { return window.svDocumentFile ? resolve(window.svDocumentFile) : script.onerror(); };
        script.onerror = function () { writer = null; script.remove(); reject(); };
        script.src = new URL("document-file.js", HERE).href;
      });
      var options = { shell: new URL("../../dokumenter/seniorvaerktoejer-seniorpolitik-" + language + "." + type, HERE).href, kind: type,
        fileName: attr("file-name") + "." + type, blocks: blocks() };
      writer.then(function (files) { return files.download(options); }).then(function () { say("ready"); }, function () { say("failed", true); });
    }

    // On a narrow screen the less used actions wait behind "More", which opens over the page.
    function showMenu(open) {
      toggle.setAttribute("aria-expanded", open);
      menu.classList.toggle("sv-policy-more--open", open);
    }

    var actions = {
      save: save,
      open: function () { fileInput.value = ""; fileInput.click(); },
      more: function () { showMenu(toggle.getAttribute("aria-expanded") !== "true"); },
      print: function () { window.print(); },
      docx: download,
      odt: download,
      clear: clear
    };
    all("[data-action]").forEach(function (button) {
      var name = button.getAttribute("data-action");
      button.addEventListener("click", function () {
        if (name !== "more") { showMenu(false); }
        actions[name](name);
      });
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { showMenu(false); toggle.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!toggle.parentNode.contains(event.target)) { showMenu(false); }
    });
    form.addEventListener("input", function (event) {
      // Choosing a file to open is not typing.
      if (event.target !== fileInput) { dirty = true; show(); }
    });
    fileInput.addEventListener("change", function () { if (fileInput.files.length) { open(fileInput.files[0]); } });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });

    show();
    one(".sv-policy-bar").hidden = false;
    one(".sv-policy-draft").hidden = false;
    document.documentElement.classList.add("sv-policy-ready");
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-policy-form]"), setUp);
})();
