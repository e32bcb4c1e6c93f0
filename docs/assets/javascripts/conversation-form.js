// The conversation form on its page: show the buttons, the chosen role's preparation, and each answer in full on
// paper (the printout is the conversation's record). Saving, opening, clearing and the record as a Word or
// OpenDocument file load on the first press (conversation-file.js), so a reader who only reads carries none of it.
// Nothing is sent or stored in the browser; the page's policy (form-action 'none') forbids sending.
(function () {
  "use strict";

  var FILE_SCRIPT = new URL("conversation-file.js", document.currentScript.src).href;

  function setUp(form) {
    var statusBox = form.querySelector("[data-status]");
    var alertBox = form.querySelector("[data-alert]");
    var fileInput = form.querySelector("[data-file-input]");
    var language = form.getAttribute("data-lang");
    var dirty = false;
    var actions = null;

    function message(name) { return form.getAttribute("data-msg-" + name); }
    function say(text) { alertBox.textContent = ""; statusBox.textContent = text; }
    function warn(text) { statusBox.textContent = ""; alertBox.textContent = text; }
    function all(selector) { return Array.prototype.slice.call(form.querySelectorAll(selector)); }

    // A date as the reader's language writes it ("3. marts 2027", "3 March 2027"); empty stays empty.
    function shown(field) {
      if (field.type !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(field.value)) { return field.value; }
      return new Date(field.value + "T12:00:00").toLocaleDateString(language === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
    }

    // On paper a field shows only what fits, and an empty date its format; a copy of each answer beside it prints
    // whole, or as a blank line (made here, so the page carries no empty copies; without script the fields print).
    function mirror(field) {
      var copy = field.parentNode.querySelector(".sv-print-answer");
      if (!copy) {
        copy = document.createElement("div");
        copy.className = "sv-print-answer";
        copy.setAttribute("aria-hidden", "true");
        field.parentNode.appendChild(copy);
      }
      copy.textContent = shown(field);
    }
    function mirrors() { all("[data-question], [data-detail], [data-agreement-field]").forEach(mirror); }

    function showRole() {
      var chosen = form.querySelector("input[name=role]:checked");
      all("[data-role]").forEach(function (section) {
        section.hidden = section.getAttribute("data-role") !== (chosen ? chosen.value : "leder");
      });
    }

    var page = {
      message: message, say: say, warn: warn, shown: shown, mirror: mirror, mirrors: mirrors, showRole: showRole,
      isDirty: function () { return dirty; }, setClean: function () { dirty = false; }
    };

    // Run a file action once conversation-file.js is there; load it on the first press.
    function withActions(use) {
      if (!actions) {
        actions = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = FILE_SCRIPT;
          script.onload = function () { if (window.svConversationFile) { resolve(window.svConversationFile(form, page)); } else { reject(new Error("no actions")); } };
          script.onerror = function () { actions = null; reject(new Error("conversation-file.js not loaded")); };
          document.head.appendChild(script);
        });
      }
      actions.then(use, function () { warn(message("file-failed")); });
    }

    form.addEventListener("input", function (event) {
      if (event.target === fileInput) { return; }  // choosing a file to open is not typing
      if (event.target.matches("[data-question], [data-detail], [data-agreement-field]")) { mirror(event.target); }
      dirty = true;
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "role") { showRole(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-action]");
      var action = button && button.getAttribute("data-action");
      if (action === "print") { window.print(); }
      if (action === "open") { fileInput.value = ""; fileInput.click(); }
      if (action === "add-agreement") { withActions(function (loaded) { loaded.addRow().querySelector("[data-agreement-field]").focus(); }); }
      if (action === "save" || action === "clear") { withActions(function (loaded) { loaded[action](); }); }
      if (action === "docx" || action === "odt") { withActions(function (loaded) { loaded.download(action); }); }
    });
    fileInput.addEventListener("change", function () {
      if (fileInput.files.length) { var file = fileInput.files[0]; withActions(function (loaded) { loaded.open(file); }); }
    });
    window.addEventListener("beforeprint", mirrors);
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });

    form.querySelector(".sv-form-bar").hidden = false;
    document.documentElement.classList.add("sv-form-ready");
    mirrors();
    showRole();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-private-form]#sv-conversation"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
