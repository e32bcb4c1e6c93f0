// Your details: the reader fills in a few fields once; every text on the page shows them, copy buttons copy them,
// and a Word or OpenDocument file downloaded from the page carries them. Nothing is sent or kept in the browser:
// the details live in the page until the reader saves them to a file of their own, which opens on any page again.
// details-opener.js loads this script and the panel (window.svDetailsPanel) when the reader first asks for them.
(function () {
  "use strict";

  var ZIP_SCRIPT = new URL("vendor/fflate.js", document.currentScript.src).href;  // beside this script

  var WORD_PART = { docx: "word/document.xml", odt: "content.xml" };
  // The one run (docx) or span (odt) a marked placeholder is written as (seniorsite/outputs/word/convert.py).
  var MARKED = {
    docx: /<w:r><w:rPr><w:rStyle w:val="Placeholder" ?\/><\/w:rPr><w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g,
    odt: /<text:span text:style-name="Placeholder">([^<]*)<\/text:span>/g
  };
  var MAX_FILE_BYTES = 200000;

  function xmlText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function plainText(xml) {
    return xml.replace(/&#x([0-9a-f]+);/gi, function (whole, hex) { return String.fromCodePoint(parseInt(hex, 16)); })
      .replace(/&#([0-9]+);/g, function (whole, number) { return String.fromCodePoint(parseInt(number, 10)); })
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  }

  function setUp(panel) {
    var inputs = Array.prototype.slice.call(panel.querySelectorAll("[data-detail-field]"));
    var statusBox = panel.querySelector("[data-details-status]");
    var alertBox = panel.querySelector("[data-details-alert]");
    var fileInput = panel.querySelector("[data-details-file]");
    var format = panel.getAttribute("data-format");
    var version = parseInt(panel.getAttribute("data-version"), 10);
    var values = {};  // every detail the reader has typed or opened, also those this page does not ask for
    var typed = false;

    function message(name) { return panel.getAttribute("data-msg-" + name); }
    function say(text) { alertBox.textContent = ""; statusBox.textContent = text; }
    function warn(text) { statusBox.textContent = ""; alertBox.textContent = text; }
    function promptOf(id) {
      var input = panel.querySelector("[data-detail-field='" + id + "']");
      return input ? input.getAttribute("data-prompt") : null;
    }

    function show(id) {
      var value = values[id] || "";
      var prompt = promptOf(id);
      Array.prototype.forEach.call(document.querySelectorAll(".sv-fill[data-field='" + id + "']"), function (span) {
        span.textContent = value || prompt || span.textContent;
        span.classList.toggle("sv-fill--filled", Boolean(value));
      });
    }

    function save() {
      var saved = { format: format, version: version, details: values };
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([JSON.stringify(saved, null, 2) + "\n"], { type: "application/json" }));
      link.download = panel.getAttribute("data-file-name") + ".json";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      typed = false;
      say(message("saved"));
    }

    // Check a file's contents; return an error message name, or null when it can be opened.
    function problemWith(saved) {
      if (!saved || typeof saved !== "object" || Array.isArray(saved)) { return "error-broken"; }
      if (saved.format !== format) { return "error-format"; }
      if (typeof saved.version !== "number" || saved.version < 1 || Math.floor(saved.version) !== saved.version) { return "error-broken"; }
      if (saved.version > version) { return "error-version"; }
      var details = saved.details;
      if (!details || typeof details !== "object" || Array.isArray(details)) { return "error-broken"; }
      var texts = Object.keys(details).every(function (key) { return typeof details[key] === "string" && details[key].length <= 500; });
      return texts ? null : "error-broken";
    }

    function fill(saved) {
      values = {};
      Object.keys(saved.details).forEach(function (id) { if (saved.details[id].trim()) { values[id] = saved.details[id].trim(); } });
      inputs.forEach(function (input) {
        input.value = values[input.getAttribute("data-detail-field")] || "";
        show(input.getAttribute("data-detail-field"));
      });
      typed = false;
      say(message("opened"));
    }

    function open(file) {
      if (file.size > MAX_FILE_BYTES) { warn(message("error-broken")); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var saved;
        try { saved = JSON.parse(String(reader.result)); } catch (error) { warn(message("error-broken")); return; }
        var problem = problemWith(saved);
        if (problem) { warn(message(problem)); return; }
        if (typed && !window.confirm(message("confirm-replace"))) { return; }
        fill(saved);
      };
      reader.onerror = function () { warn(message("error-broken")); };
      reader.readAsText(file);
    }

    // The zip library is loaded only when a filled-in file is first asked for.
    var zipLibrary = null;
    function loadZip() {
      if (!zipLibrary) {
        zipLibrary = new Promise(function (resolve, reject) {
          if (window.fflate) { resolve(window.fflate); return; }
          var script = document.createElement("script");
          script.src = ZIP_SCRIPT;
          script.onload = function () { if (window.fflate) { resolve(window.fflate); } else { reject(new Error("no zip library")); } };
          script.onerror = function () { zipLibrary = null; reject(new Error("zip library not loaded")); };
          document.head.appendChild(script);
        });
      }
      return zipLibrary;
    }

    function filledPart(xml, kind) {
      var ids = {};
      inputs.forEach(function (input) { ids[input.getAttribute("data-prompt")] = input.getAttribute("data-detail-field"); });
      return xml.replace(MARKED[kind], function (whole, prompt) {
        var value = values[ids[plainText(prompt)]];
        if (!value) { return whole; }
        return kind === "docx" ? "<w:r><w:t xml:space=\"preserve\">" + xmlText(value) + "</w:t></w:r>" : xmlText(value);
      });
    }

    function filledFile(href, kind) {
      return Promise.all([loadZip(), fetch(href).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.arrayBuffer();
      })]).then(function (loaded) {
        var zip = loaded[0];
        var files = zip.unzipSync(new Uint8Array(loaded[1]));
        var part = WORD_PART[kind];
        files[part] = zip.strToU8(filledPart(zip.strFromU8(files[part]), kind));
        var entries = {};
        Object.keys(files).forEach(function (name) {
          entries[name] = name === "mimetype" ? [files[name], { level: 0 }] : [files[name], { level: 6 }];
        });
        return new Blob([zip.zipSync(entries, { mtime: new Date(1980, 0, 1) })], { type: kind === "docx"
          ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/vnd.oasis.opendocument.text" });
      });
    }

    function anyFilled() {
      return inputs.some(function (input) { return Boolean(values[input.getAttribute("data-detail-field")]); });
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-word-file]") : null;
      if (!link || !anyFilled() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
      event.preventDefault();
      var kind = link.getAttribute("data-word-file");
      filledFile(link.href, kind).then(function (blob) {
        var download = document.createElement("a");
        download.href = URL.createObjectURL(blob);
        download.download = link.getAttribute("download") || link.pathname.split("/").pop();
        document.body.appendChild(download);
        download.click();
        document.body.removeChild(download);
        window.setTimeout(function () { URL.revokeObjectURL(download.href); }, 1000);
        say(message("word-ready"));
      }, function () {
        warn(message("word-failed"));
        window.location.href = link.href;
      });
    });

    panel.addEventListener("input", function (event) {
      var id = event.target.getAttribute("data-detail-field");
      if (!id) { return; }
      var value = event.target.value.trim();
      if (value) { values[id] = value; } else { delete values[id]; }
      typed = true;
      show(id);
    });
    panel.querySelector("[data-details-action=save]").addEventListener("click", save);
    panel.querySelector("[data-details-action=open]").addEventListener("click", function () { fileInput.value = ""; fileInput.click(); });
    fileInput.addEventListener("change", function () { if (fileInput.files.length) { open(fileInput.files[0]); } });
  }

  // Put the panel under the page's button, with the fields the page's texts ask for, in the panel's order.
  function start() {
    var holder = document.getElementById("sv-details");
    if (!holder || holder.firstChild || typeof window.svDetailsPanel !== "string") { return; }
    holder.innerHTML = window.svDetailsPanel;  // written by the build from its escaped partial, never from a reader
    var wanted = (holder.getAttribute("data-fields") || "").split(" ");
    Array.prototype.forEach.call(holder.querySelectorAll("[data-detail-holder]"), function (field) {
      if (wanted.indexOf(field.getAttribute("data-detail-holder")) < 0) { field.parentNode.removeChild(field); }
    });
    setUp(holder.querySelector("[data-details-panel]"));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
