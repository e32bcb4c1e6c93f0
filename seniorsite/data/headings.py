"""A page's outline from its Markdown source: each heading's level and explicit `{ #id }`, for comparing twins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from seniorsite.data.page_check import FENCE, front_matter_end

HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Heading:
    """One heading of a page: its level (1–6), the line it is on and its explicit id, if any."""

    level: int
    line: int
    anchor: str


def markdown_headings(text: str) -> list[Heading]:
    """Return the page's `#` headings in order, outside front matter and fenced code."""
    lines = text.splitlines()
    body_start = front_matter_end(lines) + 1 if front_matter_end(lines) else 0
    headings, fenced = [], False
    for index, line in enumerate(lines[body_start:], start=body_start):
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            anchor = EXPLICIT_ID.search(match.group("text"))
            headings.append(Heading(len(match.group("marks")), index + 1, anchor.group("id") if anchor else ""))
    return headings


def heading_mismatch(danish: list[int] | list[Heading], english: list[int] | list[Heading]) -> str:
    """Say in plain words how two twins' headings differ (levels in order, then explicit ids); '' when they match."""
    def level(item: int | Heading) -> int:
        return item.level if isinstance(item, Heading) else item

    danish_levels, english_levels = [level(h) for h in danish], [level(h) for h in english]
    if danish_levels != english_levels:
        position = next((i for i, (d, e) in enumerate(zip(danish_levels, english_levels, strict=False)) if d != e), min(len(danish_levels), len(english_levels)))
        return f"heading {position + 1} differs: Danish has {_outline(danish_levels)}, English has {_outline(english_levels)}"
    danish_ids = [h.anchor for h in danish if isinstance(h, Heading)]
    english_ids = [h.anchor for h in english if isinstance(h, Heading)]
    for number, (d, e) in enumerate(zip(danish_ids, english_ids, strict=False), start=1):
        if d != e:
            return f"heading {number} has the id {{ #{d} }} in Danish but {{ #{e} }} in English" if d and e else f"heading {number} has an explicit id in only one language"
    return ""


def _outline(levels: list[int]) -> str:
    """Write heading levels the way Markdown does, e.g. '#, ##, ##'."""
    return ", ".join("#" * level for level in levels) or "no headings"
