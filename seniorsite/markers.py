"""Markers in pages, like `<!-- insert: faq -->`, that the build replaces with rendered data."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from seniorsite.problems import ContentError, Problem

MARKER = re.compile(r"<!--\s*insert\s*:\s*(?P<name>[^\s>]*)\s*-->")


def replace_markers(markdown: str, renderers: Mapping[str, Callable[[], str]], shown_as: str) -> str:
    """Replace every marker with its rendering; an unknown marker stops the build with its line."""
    problems = []
    for match in MARKER.finditer(markdown):
        if match.group("name") not in renderers:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(sorted(renderers))
            problems.append(Problem(shown_as, line, f"the marker '{match.group(0)}' names no known data; use one of: {known}"))
    if problems:
        raise ContentError(problems)
    return MARKER.sub(lambda match: "\n\n" + renderers[match.group("name")]() + "\n\n", markdown)
