"""Find the start tags of an HTML page, with their places in the text, without rewriting anything else."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import unescape

# Only the tags' own text is ever edited, so a page keeps every byte the theme and the hooks wrote
# (its inline scripts above all, whose hashes the page's security policy lists).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass(frozen=True)
class Tag:
    """One start or end tag: its name, attribute text and where its text lies in the page."""

    name: str
    attribute_text: str
    start: int
    end: int
    closing: bool = False

    @functools.cached_property
    def attributes(self) -> dict[str, str | None]:
        """The tag's attributes as the stdlib parser gives them (read on first use: most tags are never asked)."""
        return _attributes(" " + self.attribute_text) if self.attribute_text else {}

    def mentions(self, pattern: re.Pattern[str]) -> bool:
        """True when the tag's attribute text matches pattern (a cheap test before reading the attributes)."""
        return pattern.search(self.attribute_text) is not None


# One token of markup, as the stdlib's HTML parser sees it; a regular expression instead of html.parser
# because the offline copy reads every page and the parser took ~20 ms a page (most of the build at 2000
# examples). tests/test_offline.py checks both agree on every page of the built site.
TOKEN = re.compile(
    r"""<!--.*?(?:--!?>|\Z)"""                                            # a comment
    r"""|<[!?][^>]*>"""                                                # a doctype or processing instruction
    r"""|</(?P<end>[a-zA-Z][^\s/>]*)[^>]*>"""                          # an end tag
    r"""|<(?P<start>[a-zA-Z][^\s/>]*)(?P<attributes>(?:"[^"]*"|'[^']*'|[^'">])*)>""",  # a start tag
    re.S,
)
ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)  # the stdlib parser's own attribute pattern (html.parser.attrfind_tolerant)
RAW_TEXT_ELEMENTS = ("script", "style")


def _attributes(text: str) -> dict[str, str | None]:
    """Return a start tag's attributes as the stdlib parser gives them: lower-case names, unescaped values."""
    found: dict[str, str | None] = {}
    for match in ATTRIBUTE.finditer(text):
        name, rest, value = match.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] in ("'", '"') and value[:1] == value[-1:]:
            value = value[1:-1]
        found.setdefault(name.lower(), unescape(value) if value else value)
    return found


def page_tags(html: str) -> list[Tag]:
    """Return every start and end tag of a page, in order, with its offsets (script and style bodies skipped)."""
    tags: list[Tag] = []
    position = 0
    while (match := TOKEN.search(html, position)) is not None:
        position = match.end()
        if match.group("end"):
            tags.append(Tag(match.group("end").lower(), "", match.start(), match.end(), closing=True))
        elif match.group("start"):
            name = match.group("start").lower()
            tags.append(Tag(name, match.group("attributes"), match.start(), match.end()))
            if name in RAW_TEXT_ELEMENTS:
                closing = re.compile(rf"</{name}\s*>", re.I).search(html, position)
                position = closing.start() if closing else len(html)
    return tags


def element_extent(html: str, tags: list[Tag], index: int) -> tuple[int, int]:
    """Return where the element opened by tags[index] starts and ends (its end tag included)."""
    opening = tags[index]
    if opening.name in VOID_ELEMENTS or html[opening.start:opening.end].endswith("/>"):
        return opening.start, opening.end
    depth = 0
    for tag in tags[index:]:
        if tag.name == opening.name:
            depth += -1 if tag.closing else 1
            if depth == 0:
                return opening.start, tag.end
    raise ValueError(f"<{opening.name}> at offset {opening.start} is never closed")
