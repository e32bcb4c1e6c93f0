"""Load one data file: read its YAML, check it against its schema and refuse unsafe text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from seniorsite.data.safe_text import unsafe_reason
from seniorsite.data.validation import field_name, schema_problems, validator_for
from seniorsite.data.yaml_source import LineDict, LineList, line_of, read_yaml
from seniorsite.languages import LANGUAGE_NAMES
from seniorsite.problems import ContentError, Problem


class EntryNamer:
    """Names the entry a path points into, like `event "webinar-2023-09-14"` or `question number 3`."""

    def __init__(self, document: Any, nouns: dict[str, str]):
        self.document = document
        self.nouns = nouns

    def __call__(self, path: list[str | int]) -> str:
        """Return the name of the deepest named entry on a path such as ['themes', 2, 'questions', 0, 'text']."""
        name, node = "", self.document
        for key, index in zip(path, path[1:], strict=False):
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            if key not in self.nouns or not isinstance(index, int):
                continue
            entry = node[index] if isinstance(node, list) and index < len(node) else None
            entry_id = (entry.get("id") or entry.get("role")) if isinstance(entry, dict) else None
            noun = self.nouns[str(key)]
            name = f'{noun} "{entry_id}"' if isinstance(entry_id, str) and entry_id else f"{noun} number {index + 1}"
        return name


def text_leaves(node: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Yield the path and value of every text in a document."""
    if isinstance(node, LineDict):
        for key, value in node.items():
            yield from text_leaves(value, path + [key])
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield from text_leaves(value, path + [index])
    elif isinstance(node, str):
        yield path, node


def unsafe_text_problems(document: Any, shown_as: str, name_entry: EntryNamer) -> list[Problem]:
    """Return a Problem for every text that carries HTML, an event handler or a script address."""
    problems = []
    for path, text in text_leaves(document, []):
        reason = unsafe_reason(text)
        if reason:
            problems.append(Problem(shown_as, line_of(document, path), f"'{field_name(path)}' {reason}", name_entry(path)))
    return problems


def load_data_file(path: Path, shown_as: str, schema_dir: Path, schema_name: str, nouns: dict[str, str],
                   namer_class: type[EntryNamer] = EntryNamer) -> tuple[Any, EntryNamer, list[Problem]]:
    """Read and check one data file; return the document, its entry namer (namer_class) and every problem found."""
    if not path.is_file():
        return None, namer_class(None, nouns), [Problem(shown_as, 0, "the file is missing")]
    try:
        document = read_yaml(path, shown_as)
    except ContentError as error:
        return None, namer_class(None, nouns), list(error.problems)
    namer = namer_class(document, nouns)
    problems = schema_problems(document, validator_for(schema_dir, schema_name), shown_as, namer)
    problems += unsafe_text_problems(document, shown_as, namer)
    return document, namer, problems


def duplicate_id_problems(document: Any, list_key: str, shown_as: str, name_entry: EntryNamer) -> list[Problem]:
    """Return a Problem for every entry whose id was already used earlier in the same list."""
    seen: dict[str, int] = {}
    problems = []
    entries = document.get(list_key) if isinstance(document, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(entry_id, str):
            continue
        line = line_of(document, [list_key, index, "id"])
        if entry_id in seen:
            problems.append(Problem(shown_as, line, f"'id' {entry_id} is already used at line {seen[entry_id]}; every id must be unique", name_entry([list_key, index])))
        else:
            seen[entry_id] = line
    return problems


def duplicate_text_problems(document: Any, list_key: str, field: str, noun: str, shown_as: str, name_entry: EntryNamer) -> list[Problem]:
    """Return a Problem for every entry whose text in a field is, in some language, already another entry's (any case)."""
    problems, seen = [], {}
    entries = document.get(list_key) if isinstance(document, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        texts = entry.get(field) if isinstance(entry, dict) else None
        for language, text in texts.items() if isinstance(texts, dict) else []:
            key = (language, str(text).casefold())
            line = line_of(document, [list_key, index, field, language])
            if key in seen:
                problems.append(Problem(shown_as, line, f"the {LANGUAGE_NAMES.get(language, language)} {noun} '{text}' is already used at line {seen[key]}", name_entry([list_key, index])))
            else:
                seen[key] = line
    return problems
