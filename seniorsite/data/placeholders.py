"""Placeholders like `{{ kommune }}` in pages and data texts: where they stand, and a problem for each that names no field."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from seniorsite.data.data_files import EntryNamer, text_leaves
from seniorsite.data.details import DETAILS_FILE
from seniorsite.data.page_check import CODE_SPAN, FENCE
from seniorsite.data.validation import field_name
from seniorsite.data.yaml_source import line_of, read_yaml
from seniorsite.problems import ContentError, Problem

PLACEHOLDER = re.compile(r"\{\{\s*(?P<id>[^{}\s]*)\s*\}\}")


def prose_pieces(source: str) -> Iterator[tuple[int, str, bool]]:
    """Yield every piece of a page's source with its line number and whether it is prose (not a code block or code span); joined, the pieces are the source."""
    fenced = False
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        if FENCE.match(line):
            fenced = not fenced
            yield number, line, False
            continue
        if fenced:
            yield number, line, False
            continue
        start = 0
        for code in CODE_SPAN.finditer(line):
            yield number, line[start:code.start()], True
            yield number, code.group(0), False
            start = code.end()
        yield number, line[start:], True


def placeholders_in_page(source: str) -> Iterator[tuple[int, str]]:
    """Yield the line number and id of every placeholder in a page's source, outside code blocks and code spans."""
    for number, piece, prose in prose_pieces(source):
        for match in PLACEHOLDER.finditer(piece) if prose else ():
            yield number, match.group("id")


def unknown_placeholder(field_id: str, known: Iterable[str]) -> str:
    """Return the words for a placeholder that names no field, with the nearest known name."""
    known = list(known)
    nearest = difflib.get_close_matches(field_id, known, n=1, cutoff=0.0)
    hint = f"; did you mean {{{{ {nearest[0]} }}}}?" if nearest else ""
    return f"the placeholder {{{{ {field_id} }}}}, which names no field in {DETAILS_FILE}{hint}"


def page_placeholder_problems(docs_dir: Path, known: Iterable[str]) -> list[Problem]:
    """Return a Problem for every placeholder in a page (front matter included) that names no field."""
    known = set(known)
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown_as = f"docs/{path.relative_to(docs_dir).as_posix()}"
        for line, field_id in placeholders_in_page(path.read_text(encoding="utf-8")):
            if field_id not in known:
                problems.append(Problem(shown_as, line, f"the page has {unknown_placeholder(field_id, known)}"))
    return problems


def data_placeholder_problems(files: Mapping[str, tuple[Path, dict[str, str]]], known: Iterable[str]) -> list[Problem]:
    """Return a Problem for every placeholder in a data file's texts that names no field, with its entry and field."""
    known = set(known)
    problems = []
    for shown_as, (path, nouns) in files.items():
        try:
            document = read_yaml(path, shown_as) if path.is_file() else None
        except ContentError:
            continue  # its loader has already reported why it cannot be read
        namer = EntryNamer(document, nouns)
        for where, text in text_leaves(document, []):
            for match in PLACEHOLDER.finditer(text):
                if match.group("id") not in known:
                    message = f"'{field_name(where)}' has {unknown_placeholder(match.group('id'), known)}"
                    problems.append(Problem(shown_as, line_of(document, where), message, namer(where)))
    return problems
