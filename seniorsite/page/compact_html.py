"""Write a page without blank lines and indentation: the same page to read, fewer bytes to load."""

from __future__ import annotations

import re

# Elements whose white space shows (or runs): left exactly as they are.
KEPT_AS_WRITTEN = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2>)", re.S | re.I)
LINE_BREAK_WITH_SPACE = re.compile(r"[ \t]*\n\s*")


def compact_html(html: str) -> str:
    """Replace each line break with its surrounding spaces and blank lines by one line break, outside pre, textarea, code, script and style."""
    parts = KEPT_AS_WRITTEN.split(html)
    # split() yields text, then each kept element with its tag name: [text, element, name, text, ...]
    return "".join(
        LINE_BREAK_WITH_SPACE.sub("\n", part) if index % 3 == 0 else part if index % 3 == 1 else ""
        for index, part in enumerate(parts)
    )
