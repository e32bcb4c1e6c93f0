"""Markers in pages, like `<!-- insert: faq -->`, that the build replaces with rendered data."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from seniorsite.problems import ContentError, Problem

MARKER = re.compile(r"<!--\s*insert\s*:\s*(?P<name>[^\s>]*)\s*-->")


class MarkerRefused(ValueError):
    """Raised by a marker's renderer when the marker does not belong on this page; the build names the marker's line."""


def body_line_offset(source: str, body: str) -> int:
    """Count the lines (front matter) that come before a page's body in its source file."""
    start = source.find(body.strip()[:200]) if body.strip() else -1
    return source.count("\n", 0, start) if start > 0 else 0


def replace_markers(markdown: str, renderers: Mapping[str, Callable[[], str]], shown_as: str, line_offset: int = 0) -> str:
    """Replace every marker with its rendering; an unknown marker stops the build with its line."""
    problems = []
    for match in MARKER.finditer(markdown):
        if match.group("name") not in renderers:
            line = line_offset + markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(sorted(renderers))
            problems.append(Problem(shown_as, line, f"the marker '{match.group(0)}' names no known data; use one of: {known}"))
    if problems:
        raise ContentError(problems)

    def render(match: re.Match[str]) -> str:
        """Render one marker; a renderer that refuses it becomes a problem at the marker's line."""
        try:
            return "\n\n" + renderers[match.group("name")]() + "\n\n"
        except MarkerRefused as refused:
            line = line_offset + markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(shown_as, line, f"the marker '{match.group(0)}' {refused}"))
            return ""

    rendered = MARKER.sub(render, markdown)
    if problems:
        raise ContentError(problems)
    return rendered
