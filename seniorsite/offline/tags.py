"""Find the start tags of an HTML page, with their places in the text, without rewriting anything else."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Only the tags' own text is ever edited, so a page keeps every byte the theme and the hooks wrote
# (its inline scripts above all, whose hashes the page's security policy lists).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass(frozen=True)
class Tag:
    """One start or end tag: its name, attributes and where its text lies in the page."""

    name: str
    attributes: dict[str, str | None]
    start: int
    end: int
    closing: bool = False


class _TagParser(HTMLParser):
    """Collects every start and end tag with its offsets (the stdlib parser skips script bodies and comments)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for index, character in enumerate(html):
            if character == "\n":
                self.line_starts.append(index + 1)
        self.tags: list[Tag] = []

    def _offset(self) -> int:
        """Return the offset in the page of the tag being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a start tag and its extent."""
        start = self._offset()
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text() or "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record a self-closing tag as a start tag."""
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """Record an end tag (its end is found by the caller, at the next '>')."""
        start = self._offset()
        self.tags.append(Tag(tag, {}, start, start, closing=True))


def page_tags(html: str) -> list[Tag]:
    """Return every start and end tag of a page, in order, with its offsets."""
    parser = _TagParser(html)
    parser.feed(html)
    parser.close()
    return [
        Tag(tag.name, tag.attributes, tag.start, html.index(">", tag.start) + 1, closing=True) if tag.closing else tag
        for tag in parser.tags
    ]


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
