"""GitHub annotations: each problem shown on its file and line in a pull request, in the build's own words."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from seniorsite.problems import Problem

# GitHub Actions sets this in every job; annotations are printed only there.
ACTIONS_VARIABLE = "GITHUB_ACTIONS"
LEVELS = ("error", "warning", "notice")
# MkDocs' own warnings about a page's links name the file and the link, but no line.
LINK_WARNING = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:a|an) [\w ]*link '(?P<link>[^']+)'")


def in_github_actions() -> bool:
    """True when running as a GitHub Actions step."""
    return os.environ.get(ACTIONS_VARIABLE) == "true"


def _escape_message(text: str) -> str:
    """Escape a message as GitHub's workflow commands require (%, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a property value (file, title): the message escapes plus ':' and ','."""
    return _escape_message(text).replace(":", "%3A").replace(",", "%2C")


def annotation(file: str, line: int, message: str, level: str = "error", title: str = "") -> str:
    """Return one workflow command that shows message on file and line in a pull request."""
    if level not in LEVELS:
        raise ValueError(f"unknown annotation level {level!r}; use one of {', '.join(LEVELS)}")
    properties = [f"file={_escape_property(file)}"]
    if line > 0:
        properties.append(f"line={line}")
    if title:
        properties.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(properties)}::{_escape_message(message)}"


def problem_annotation(problem: Problem, level: str = "error") -> str:
    """Return the annotation for one editor's problem, worded as the build words it."""
    message = f"{problem.entry}: {problem.message}" if problem.entry else problem.message
    return annotation(problem.file, problem.line, message, level)


def problem_annotations(problems: Iterable[Problem], level: str = "error") -> str:
    """Return every problem's annotation, one per line, so an editor sees them all at once."""
    return "\n".join(problem_annotation(problem, level) for problem in problems)


def link_warning_annotation(message: str, docs_dir: Path, level: str = "error") -> str | None:
    """Turn MkDocs' warning about a page's link into an annotation on the line that holds the link; None for other messages."""
    found = LINK_WARNING.search(message)
    if found is None:
        return None
    source = docs_dir / found["file"]
    line = 0
    if source.is_file():
        lines = source.read_text(encoding="utf-8").splitlines()
        line = next((number for number, text in enumerate(lines, 1) if f"({found['link']}" in text or found["link"] in text), 0)
    return annotation(f"{docs_dir.name}/{found['file']}", line, message.strip(), level)
