"""Check editors' Markdown pages before the build reads them: UTF-8, twins, and nothing hostile."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from seniorsite.data.safe_text import EVENT_HANDLER as ANY_HANDLER
from seniorsite.data.safe_text import HTML_TAG
from seniorsite.data.translations import missing_translations
from seniorsite.data.yaml_source import read_yaml_text
from seniorsite.problems import ContentError, Problem

FORBIDDEN_ELEMENTS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base")
FORBIDDEN_ELEMENT = re.compile(r"<\s*(" + "|".join(FORBIDDEN_ELEMENTS) + r")\b", re.I)
# An on...= attribute in an HTML tag or in a Markdown attribute list like { onclick="…" }.
EVENT_HANDLER = re.compile(r"(?:<[a-z][^>]*|\{[^}\n]*)\son[a-z]+\s*=", re.I)
SCRIPT_ADDRESS = re.compile(r"(?:\]\(\s*<?|\b(?:href|src|action|formaction|data)\s*=\s*[\"']?)\s*(?:javascript|vbscript|data)\s*:", re.I)
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _blank_code(lines: list[str]) -> list[str]:
    """Blank out fenced code and code spans: Markdown shows them as text, so they are harmless."""
    blanked, fenced = [], False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
            blanked.append("")
        else:
            blanked.append("" if fenced else CODE_SPAN.sub("", line))
    return blanked


def front_matter_end(lines: list[str]) -> int:
    """Return the index of the closing '---' of the front matter, or 0 when there is none."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((index for index, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), 0)


def hostile_markup_problems(text: str, shown_as: str) -> list[Problem]:
    """Return a Problem for each line that carries script, a frame, an object, a style or a handler."""
    lines = text.splitlines()
    front_end = front_matter_end(lines)
    problems = []
    current_key = ""
    for index, line in enumerate(_blank_code(lines)):
        in_front_matter = 0 < index < front_end
        key = FRONT_MATTER_KEY.match(line) if in_front_matter else None
        current_key = key.group(1) if key else current_key
        where = f"front matter '{current_key}'" if in_front_matter else ""

        def report(message: str, line_number: int = index + 1, where: str = where) -> None:
            problems.append(Problem(shown_as, line_number, message, where))

        element = FORBIDDEN_ELEMENT.search(line)
        if element:
            report(f"the <{element.group(1).lower()}> element is not allowed in a page; pages may not carry script, frames, objects or styles")
        elif in_front_matter and HTML_TAG.search(line):
            report("HTML is not allowed in the front matter; write plain text")
        if EVENT_HANDLER.search(line) or (in_front_matter and ANY_HANDLER.search(line)):
            report("an event handler (like onclick=) is not allowed in a page")
        # Entities count inside attributes, where jav&#x61;script: still runs.
        if SCRIPT_ADDRESS.search(html.unescape(line)):
            report("a javascript:, vbscript: or data: address is not allowed; link to an https:// address or a page")
    return problems


def read_front_matter(text: str, shown_as: str) -> Any:
    """Return a page's front matter as line-numbered data, or None when it has none; bad YAML raises ContentError."""
    lines = text.splitlines()
    end = front_matter_end(lines)
    return read_yaml_text("\n".join(lines[1:end]), shown_as, first_line=2) if end else None


def front_matter_problems(text: str, shown_as: str) -> list[Problem]:
    """Return the problems of front matter that is not YAML fields (MkDocs would show it as text)."""
    try:
        fields = read_front_matter(text, shown_as)
    except ContentError as error:
        return [Problem(p.file, p.line, p.message.replace("the YAML cannot be read", "the front matter cannot be read") + "; put quotes around a text that holds ': '", "front matter") for p in error.problems]
    if fields is not None and not isinstance(fields, dict):
        return [Problem(shown_as, 2, "the front matter must be fields like 'description: …'", "front matter")]
    return []


def page_problems(docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Check every page: it is UTF-8, it has all its language versions, and it carries nothing hostile."""
    problems = missing_translations(docs_dir, languages)
    for path in sorted(docs_dir.rglob("*.md")):
        shown_as = f"docs/{path.relative_to(docs_dir).as_posix()}"
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            problems.append(Problem(shown_as, line, "the file is not saved as UTF-8; save it as UTF-8 and try again"))
            continue
        problems += hostile_markup_problems(text, shown_as)
        problems += front_matter_problems(text, shown_as)
    return problems
