// The conversation form: save the answers to a file on the reader's own device and open it again.
// Nothing is sent or stored in the browser; the page's policy (form-action 'none') forbids sending.
(function () {
  "use strict";

  function setUp(form) {
    var format = form.getAttribute("data-format");
    var version = parseInt(form.getAttribute("data-version"), 10);
    var statusBox = form.querySelector("[data-status]");
    var alertBox = form.querySelector("[data-alert]");
    var fileInput = form.querySelector("[data-file-input]");
    var removedBox = form.querySelector("[data-removed]");
    var removedList = form.querySelector("[data-removed-list]");
    var dirty = false;

    function message(name) { return form.getAttribute("data-msg-" + name); }
    function say(text) { alertBox.textContent = ""; statusBox.textContent = text; }
    function warn(text) { statusBox.textContent = ""; alertBox.textContent = text; }
    function questions() { return Array.prototype.slice.call(form.querySelectorAll("[data-question]")); }
    function details() { return Array.prototype.slice.call(form.querySelectorAll("[data-detail]")); }
    function role() { var chosen = form.querySelector("input[name=role]:checked"); return chosen ? chosen.value : "leder"; }

    // On paper a text field shows only what fits; a copy of each answer beside it prints whole (made here, so the
    // page carries no empty copies; without script the fields themselves print, with room to write).
    function mirror(field) {
      var copy = field.parentNode.querySelector(".sv-print-answer");
      if (!copy) {
        copy = document.createElement("div");
        copy.className = "sv-print-answer";
        copy.setAttribute("aria-hidden", "true");
        field.parentNode.appendChild(copy);
      }
      copy.textContent = field.value;
    }

    function showRole() {
      var chosen = role();
      Array.prototype.forEach.call(form.querySelectorAll("[data-role]"), function (section) {
        section.hidden = section.getAttribute("data-role") !== chosen;
      });
    }

    function collect() {
      var answers = {};
      questions().forEach(function (field) { if (field.value) { answers[field.name] = field.value; } });
      var fields = {};
      details().forEach(function (field) { if (field.value) { fields[field.name] = field.value; } });
      return { format: format, version: version, language: form.getAttribute("data-lang"), role: role(), details: fields, answers: answers };
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
      dirty = false;
      say(message("saved"));
    }

    function removedField(id, value) {
      var holder = document.createElement("div");
      holder.className = "sv-field";
      var label = document.createElement("label");
      label.setAttribute("for", "q-removed-" + id);
      label.textContent = message("removed-label") + " " + id;
      var area = document.createElement("textarea");
      area.id = "q-removed-" + id;
      area.name = id;
      area.rows = 4;
      area.setAttribute("data-question", "");
      area.value = value;
      holder.appendChild(label);
      holder.appendChild(area);
      removedList.appendChild(holder);
      mirror(area);
    }

    // Check a file's contents; return an error message name, or null when it can be opened.
    function problemWith(saved) {
      if (!saved || typeof saved !== "object" || Array.isArray(saved)) { return "error-broken"; }
      if (saved.format !== format) { return "error-format"; }
      if (typeof saved.version !== "number" || saved.version < 1 || Math.floor(saved.version) !== saved.version) { return "error-broken"; }
      if (saved.version > version) { return "error-version"; }
      var answers = saved.answers;
      if (!answers || typeof answers !== "object" || Array.isArray(answers)) { return "error-broken"; }
      var texts = Object.keys(answers).every(function (key) { return typeof answers[key] === "string"; });
      var fields = saved.details === undefined || (typeof saved.details === "object" && saved.details !== null && !Array.isArray(saved.details));
      return texts && fields ? null : "error-broken";
    }

    function fill(saved) {
      removedList.textContent = "";
      var known = {};
      questions().forEach(function (field) { known[field.name] = field; field.value = ""; });
      details().forEach(function (field) { field.value = (saved.details && typeof saved.details[field.name] === "string") ? saved.details[field.name] : ""; });
      var missing = 0;
      Object.keys(saved.answers).forEach(function (id) {
        if (known[id]) { known[id].value = saved.answers[id]; } else { removedField(id, saved.answers[id]); missing += 1; }
      });
      removedBox.hidden = missing === 0;
      var wanted = form.querySelector("input[name=role][value='" + (saved.role === "medarbejder" ? "medarbejder" : "leder") + "']");
      if (wanted) { wanted.checked = true; }
      showRole();
      questions().forEach(mirror);
      dirty = false;
      say(message("opened"));
    }

    function open(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var saved;
        try { saved = JSON.parse(String(reader.result)); } catch (error) { warn(message("error-broken")); return; }
        var problem = problemWith(saved);
        if (problem) { warn(message(problem)); return; }
        if (dirty && !window.confirm(message("confirm-replace"))) { return; }
        fill(saved);
      };
      reader.onerror = function () { warn(message("error-broken")); };
      reader.readAsText(file);
    }

    function clear() {
      if (!window.confirm(message("confirm-clear"))) { return; }
      questions().concat(details()).forEach(function (field) { field.value = ""; });
      removedList.textContent = "";
      removedBox.hidden = true;
      questions().forEach(mirror);
      dirty = false;
      say(message("cleared"));
    }

    form.addEventListener("input", function (event) {
      if (event.target === fileInput) { return; }  // choosing a file to open is not typing
      if (event.target.hasAttribute("data-question")) { mirror(event.target); }
      dirty = true;
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "role") { showRole(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-action=save]").addEventListener("click", save);
    form.querySelector("[data-action=open]").addEventListener("click", function () { fileInput.value = ""; fileInput.click(); });
    form.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    form.querySelector("[data-action=clear]").addEventListener("click", clear);
    fileInput.addEventListener("change", function () { if (fileInput.files.length) { open(fileInput.files[0]); } });
    window.addEventListener("beforeprint", function () { questions().forEach(mirror); });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });

    form.querySelector(".sv-form-bar").hidden = false;
    document.documentElement.classList.add("sv-form-ready");
    questions().forEach(mirror);
    showRole();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-private-form]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
