// A reader's own document as a Word or OpenDocument file, written in the browser from what they typed: a form
// (the conversation record, the senior-policy draft) hands over its text as blocks, and this script puts them into
// the build's shell for that document (dokumenter/seniorvaerktoejer-<document>-<language>.docx|odt, made by pandoc
// with the site's styles), in place of its one marker paragraph. Nothing is sent; the file is made on the device.
// A form loads this script only when the reader first asks for a file; it loads vendor/fflate.js the same way.
(function () {
  "use strict";

  var HERE = document.currentScript.src;
  var ZIP_SCRIPT = new URL("vendor/fflate.js", HERE).href;
  var MARKER = "SV-DOCUMENT-BODY";  // seniorsite/outputs/word/texts.py SHELL_MARKER
  var PART = { docx: "word/document.xml", odt: "content.xml" };
  var MARKER_PARAGRAPH = {
    docx: new RegExp("<w:p>(?:(?!</w:p>).)*" + MARKER + "(?:(?!</w:p>).)*</w:p>"),
    odt: new RegExp("<text:p\\b[^>]*>" + MARKER + "</text:p>")
  };
  var TYPES = {
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    odt: "application/vnd.oasis.opendocument.text"
  };
  // Each block's paragraph style in the shell (pandoc's reference documents, seniorsite/outputs/word/reference.py).
  var STYLES = {
    docx: { heading: "Heading2", subheading: "Heading3", text: "BodyText", note: "BodyText", signature: "BodyText", field: "BodyText" },
    odt: { heading: "Heading_20_2", subheading: "Heading_20_3", text: "Text_20_body", note: "Text_20_body", signature: "Text_20_body", field: "Text_20_body" }
  };
  var SIGNATURE_LINE = "\u00a0\n\n________________________________________";

  function xmlText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // One run of docx text, its line breaks kept; bold or italic when asked.
  function docxRun(text, look) {
    var properties = look === "bold" ? "<w:rPr><w:b/></w:rPr>" : look === "italic" ? "<w:rPr><w:i/></w:rPr>" : "";
    return String(text).split("\n").map(function (line, index) {
      return "<w:r>" + properties + (index ? "<w:br/>" : "") + "<w:t xml:space=\"preserve\">" + xmlText(line) + "</w:t></w:r>";
    }).join("");
  }
  function docxParagraph(style, runs) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + runs + "</w:p>";
  }

  // Text for an odt paragraph: line breaks kept, runs of spaces kept (ODF collapses them otherwise).
  function odtText(text) {
    return String(text).split("\n").map(function (line) {
      return xmlText(line).replace(/ {2,}/g, function (spaces) { return " <text:s text:c=\"" + (spaces.length - 1) + "\"/>"; });
    }).join("<text:line-break/>");
  }
  function odtSpan(style, text) {
    return "<text:span text:style-name=\"" + style + "\">" + odtText(text) + "</text:span>";
  }

  function docxBlock(block) {
    var style = STYLES.docx[block.type];
    if (block.type === "field") { return docxParagraph(style, docxRun(block.label + ": ", "bold") + docxRun(block.text || "")); }
    if (block.type === "note") { return docxParagraph(style, docxRun(block.text, "italic")); }
    if (block.type === "signature") { return docxParagraph(style, docxRun(SIGNATURE_LINE + "\n" + block.text)); }
    return docxParagraph(style, docxRun(block.text));
  }
  function odtBlock(block) {
    var style = STYLES.odt[block.type];
    if (block.type === "heading" || block.type === "subheading") {
      var level = block.type === "heading" ? 2 : 3;
      return "<text:h text:style-name=\"" + style + "\" text:outline-level=\"" + level + "\">" + odtText(block.text) + "</text:h>";
    }
    var body = block.type === "field" ? odtSpan("Strong_20_Emphasis", block.label + ": ") + odtText(block.text || "")
      : block.type === "note" ? odtSpan("Emphasis", block.text)
      : block.type === "signature" ? odtText(SIGNATURE_LINE + "\n" + block.text)
      : odtText(block.text);
    return "<text:p text:style-name=\"" + style + "\">" + body + "</text:p>";
  }

  // Return the shell's document part with the marker paragraph replaced by the blocks; throw when the shell has none.
  function filledPart(xml, kind, blocks) {
    if (!MARKER_PARAGRAPH[kind].test(xml)) { throw new Error("the shell has no marker paragraph"); }
    blocks.forEach(function (block) {
      if (!STYLES[kind][block.type]) { throw new Error("unknown block type " + block.type); }
    });
    var written = blocks.map(kind === "docx" ? docxBlock : odtBlock).join("");
    return xml.replace(MARKER_PARAGRAPH[kind], function () { return written; });
  }

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

  function shellAddress(options) {
    if (options.shell) { return new URL(options.shell, document.baseURI).href; }
    return new URL("../../dokumenter/seniorvaerktoejer-" + options.document + "-" + options.language + "." + options.kind, HERE).href;
  }

  // Return a Promise of the filled file as a Blob.
  function build(options) {
    var kind = options.kind;
    if (!PART[kind]) { return Promise.reject(new Error("unknown kind " + kind)); }
    return Promise.all([loadZip(), fetch(shellAddress(options)).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.arrayBuffer();
    })]).then(function (loaded) {
      var zip = loaded[0];
      var files = zip.unzipSync(new Uint8Array(loaded[1]));
      files[PART[kind]] = zip.strToU8(filledPart(zip.strFromU8(files[PART[kind]]), kind, options.blocks));
      var entries = {};
      Object.keys(files).forEach(function (name) {
        entries[name] = [files[name], { level: name === "mimetype" ? 0 : 6 }];  // ODF: the mimetype first and stored
      });
      return new Blob([zip.zipSync(entries, { mtime: new Date(1980, 0, 1) })], { type: TYPES[kind] });
    });
  }

  function save(blob, fileName) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  window.svDocumentFile = {
    build: build,
    download: function (options) {
      var name = /\.(docx|odt)$/.test(options.fileName) ? options.fileName : options.fileName + "." + options.kind;
      return build(options).then(function (blob) { save(blob, name); return blob; });
    }
  };
})();
