"""The reference documents pandoc copies its styles from: its own defaults, restyled in the site's identity."""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable, Mapping
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.dom import minidom

from seniorsite.outputs.offline.archive import EARLIEST_ZIP_TIME, FILE_MODE, UNIX

# The site's colours and font (docs/assets/stylesheets/site.css): headings 1-2 primary, heading 3 its dark shade.
PRIMARY = "0b5563"
PRIMARY_DARK = "063f4a"
HEADING_COLOURS = {1: PRIMARY, 2: PRIMARY, 3: PRIMARY_DARK}
HEADING_SIZES_PT = {1: 20, 2: 16, 3: 14}
FONT = "Source Sans Pro"
FALLBACK_FONT = "Arial"
BODY_SIZE_PT = 11
SPACE_AFTER_PT = 8
# A placeholder stands out until the reader fills it in: dark brown on light yellow (7.5:1).
PLACEHOLDER_STYLE = "Placeholder"
PLACEHOLDER_TEXT = "7a3e00"
PLACEHOLDER_BACKGROUND = "fff3bf"

REFERENCE_NAMES = ("reference.docx", "reference.odt")
MIMETYPE = "mimetype"
COMPRESS_LEVEL = 6

# Word reads a run's properties in the schema's order (CT_RPr); a new one goes in its place, not at the end.
RUN_PROPERTY_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
)
ODF_PROPERTY_ORDER = ("style:paragraph-properties", "style:text-properties")


@cache
def pandoc_path() -> str:
    """Return the pandoc binary that pypandoc-binary ships (imported only when a file is written)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def pandoc_default(name: str) -> bytes:
    """Return one of pandoc's own default data files (reference.docx, reference.odt) as bytes."""
    return subprocess.run([pandoc_path(), "--print-default-data-file", name], check=True, capture_output=True).stdout


def rewrite_zip(source: bytes, target: Path, edits: Mapping[str, Callable[[bytes], bytes]], date_time: tuple[int, ...] | None = None) -> None:
    """Copy a zip to target entry by entry, editing the named ones; mimetype first and stored, the rest in order.

    Each entry keeps its own date unless date_time is given, so the copy is the same whenever the source is.
    """
    with zipfile.ZipFile(BytesIO(source)) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    entries.sort(key=lambda entry: entry[0].filename != MIMETYPE)
    with zipfile.ZipFile(target, "w") as copy:
        for info, data in entries:
            entry = zipfile.ZipInfo(info.filename, date_time=date_time or info.date_time)
            entry.create_system = UNIX
            entry.external_attr = FILE_MODE << 16
            stored = info.filename == MIMETYPE
            edit = edits.get(info.filename)
            copy.writestr(entry, edit(data) if edit else data,
                          compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED, compresslevel=None if stored else COMPRESS_LEVEL)


def _placed(parent: minidom.Element, tag: str, order: tuple[str, ...]) -> minidom.Element:
    """Return parent's child of that tag, made and put in the schema's order if missing."""
    for child in parent.childNodes:
        if child.nodeType == child.ELEMENT_NODE and child.tagName == tag:
            return child
    made = parent.ownerDocument.createElement(tag)
    later = [child for child in parent.childNodes
             if child.nodeType == child.ELEMENT_NODE and child.tagName in order and order.index(child.tagName) > order.index(tag)]
    parent.insertBefore(made, later[0] if later else None)
    return made


def _set(element: minidom.Element, attributes: Mapping[str, str], remove: tuple[str, ...] = ()) -> minidom.Element:
    """Set the attributes on an element and remove others (a theme's colour or font would win over ours)."""
    for name in remove:
        if element.hasAttribute(name):
            element.removeAttribute(name)
    for name, value in attributes.items():
        element.setAttribute(name, value)
    return element


def _styles_by_id(document: minidom.Document, tag: str, key: str) -> dict[str, minidom.Element]:
    """Return a styles file's styles by their id or name."""
    return {style.getAttribute(key): style for style in document.getElementsByTagName(tag)}


def _docx_run_look(properties: minidom.Element, size_pt: int | None = None, colour: str | None = None, bold: bool = False) -> None:
    """Give Word run properties the site's font and, where asked, a size, a colour and bold."""
    _set(_placed(properties, "w:rFonts", RUN_PROPERTY_ORDER), {"w:ascii": FONT, "w:hAnsi": FONT}, remove=("w:asciiTheme", "w:hAnsiTheme"))
    if bold:
        _placed(properties, "w:b", RUN_PROPERTY_ORDER)
        _placed(properties, "w:bCs", RUN_PROPERTY_ORDER)
    if colour:
        _set(_placed(properties, "w:color", RUN_PROPERTY_ORDER), {"w:val": colour.upper()}, remove=("w:themeColor", "w:themeShade", "w:themeTint"))
    if size_pt:
        for tag in ("w:sz", "w:szCs"):
            _set(_placed(properties, tag, RUN_PROPERTY_ORDER), {"w:val": str(size_pt * 2)})  # Word counts half points


def _docx_placeholder_style(document: minidom.Document) -> minidom.Element:
    """Return the Word character style a placeholder's run takes: dark text on light yellow."""
    style = _set(document.createElement("w:style"), {"w:type": "character", "w:customStyle": "1", "w:styleId": PLACEHOLDER_STYLE})
    for tag, attributes in (("w:name", {"w:val": PLACEHOLDER_STYLE}), ("w:basedOn", {"w:val": "DefaultParagraphFont"}), ("w:qFormat", {})):
        style.appendChild(_set(document.createElement(tag), attributes))
    properties = style.appendChild(document.createElement("w:rPr"))
    _set(_placed(properties, "w:color", RUN_PROPERTY_ORDER), {"w:val": PLACEHOLDER_TEXT.upper()})
    _set(_placed(properties, "w:shd", RUN_PROPERTY_ORDER), {"w:val": "clear", "w:color": "auto", "w:fill": PLACEHOLDER_BACKGROUND.upper()})
    return style


def restyle_docx_styles(xml: bytes) -> bytes:
    """Restyle Word's styles.xml: the site's font at 11 pt, coloured bold headings, space after text, Placeholder."""
    document = minidom.parseString(xml)
    _docx_run_look(_placed(document.getElementsByTagName("w:rPrDefault")[0], "w:rPr", ()), size_pt=BODY_SIZE_PT)
    styles = _styles_by_id(document, "w:style", "w:styleId")
    _set(styles["BodyText"].getElementsByTagName("w:spacing")[0], {"w:before": "0", "w:after": str(SPACE_AFTER_PT * 20)})  # twentieths of a point
    for level, colour in HEADING_COLOURS.items():
        for style_id in (f"Heading{level}", f"Heading{level}Char"):
            _docx_run_look(_placed(styles[style_id], "w:rPr", ()), HEADING_SIZES_PT[level], colour, bold=True)
    document.documentElement.appendChild(_docx_placeholder_style(document))
    return document.toxml(encoding="UTF-8")


def add_docx_font(xml: bytes) -> bytes:
    """Add the site's font to Word's font table, with a sans-serif stand-in where it is not installed."""
    document = minidom.parseString(xml)
    font = _set(document.createElement("w:font"), {"w:name": FONT})
    for tag, value in (("w:altName", FALLBACK_FONT), ("w:charset", "00"), ("w:family", "swiss"), ("w:pitch", "variable")):
        font.appendChild(_set(document.createElement(tag), {"w:val": value}))
    document.documentElement.appendChild(font)
    return document.toxml(encoding="UTF-8")


def _odf_properties(style: minidom.Element, kind: str) -> minidom.Element:
    """Return an OpenDocument style's paragraph or text properties, made if missing."""
    return _placed(style, f"style:{kind}-properties", ODF_PROPERTY_ORDER)


def _odf_placeholder_style(document: minidom.Document) -> minidom.Element:
    """Return the OpenDocument text style a placeholder's span takes: dark text on light yellow."""
    style = _set(document.createElement("style:style"), {"style:name": PLACEHOLDER_STYLE, "style:family": "text"})
    _set(_odf_properties(style, "text"), {"fo:color": f"#{PLACEHOLDER_TEXT}", "fo:background-color": f"#{PLACEHOLDER_BACKGROUND}"})
    return style


def restyle_odt_styles(xml: bytes) -> bytes:
    """Restyle OpenDocument's styles.xml: the site's font at 11 pt, coloured bold headings, space after text, Placeholder."""
    document = minidom.parseString(xml)
    font_face = {"style:name": FONT, "svg:font-family": f"'{FONT}'", "style:font-family-generic": "swiss", "style:font-pitch": "variable"}
    document.getElementsByTagName("office:font-face-decls")[0].appendChild(_set(document.createElement("style:font-face"), font_face))
    defaults = {style.getAttribute("style:family"): style for style in document.getElementsByTagName("style:default-style")}
    _set(_odf_properties(defaults["paragraph"], "text"), {"style:font-name": FONT, "fo:font-size": f"{BODY_SIZE_PT}pt"})
    styles = _styles_by_id(document, "style:style", "style:name")
    _set(_odf_properties(styles["Text_20_body"], "paragraph"), {"fo:margin-top": "0pt", "fo:margin-bottom": f"{SPACE_AFTER_PT}pt"})
    _set(_odf_properties(styles["Heading"], "text"), {"style:font-name": FONT})
    for level, colour in HEADING_COLOURS.items():
        size = f"{HEADING_SIZES_PT[level]}pt"
        look = {"fo:color": f"#{colour}", "fo:font-size": size, "style:font-size-asian": size, "style:font-size-complex": size,
                "fo:font-weight": "bold", "style:font-weight-asian": "bold", "style:font-weight-complex": "bold"}
        _set(_odf_properties(styles[f"Heading_20_{level}"], "text"), look, remove=("fo:font-style", "style:font-style-asian", "style:font-style-complex"))
    document.getElementsByTagName("office:styles")[0].appendChild(_odf_placeholder_style(document))
    return document.toxml(encoding="UTF-8")


# Hand-written with minidom and zipfile: the build has no docx or odf library, and these are a few style edits.
# (minidom keeps every prefix and namespace declaration as written, where ElementTree would rename or drop them.)
REFERENCE_EDITS: dict[str, dict[str, Callable[[bytes], bytes]]] = {
    "reference.docx": {"word/styles.xml": restyle_docx_styles, "word/fontTable.xml": add_docx_font},
    "reference.odt": {"styles.xml": restyle_odt_styles},
}


def reference_files(workdir: Path) -> tuple[Path, Path]:
    """Write reference.docx and reference.odt into workdir, pandoc's defaults in the site's identity; return their paths."""
    workdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in REFERENCE_NAMES:
        target = workdir / name
        rewrite_zip(pandoc_default(name), target, REFERENCE_EDITS[name], date_time=EARLIEST_ZIP_TIME)
        paths.append(target)
    return paths[0], paths[1]
