"""Every text in the data files that exists per language (`da:` / `en:`), with the lines it is written on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seniorsite.data.data_files import EntryNamer
from seniorsite.data.site_data import TRANSLATED_DATA_FILES
from seniorsite.data.validation import field_name
from seniorsite.data.yaml_source import LineDict, LineList, read_yaml
from seniorsite.languages import LANGUAGES

BLOCK_SCALAR_STARTS = ("|", ">")


@dataclass(frozen=True)
class LanguageText:
    """One language's text of one field of one entry, and the lines of the file it spans."""

    file: str
    entry: str
    field: str
    language: str
    text: str
    first_line: int
    last_line: int
    block: bool  # written as `da: |` with the text on the lines below the key


@dataclass(frozen=True)
class TranslatedField:
    """A field with a text per language; a language without a text is missing from `texts`."""

    file: str
    entry: str
    field: str
    line: int
    texts: dict[str, LanguageText]


def _language_maps(node: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], LineDict]]:
    """Yield the path and mapping of every `{da: …, en: …}` group in a document."""
    if isinstance(node, LineDict):
        if any(language in node for language in LANGUAGES):
            yield path, node
            return
        for key, value in node.items():
            yield from _language_maps(value, path + [key])
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield from _language_maps(value, path + [index])


def _text_lines(raw_lines: list[str], key_line: int, language: str) -> tuple[int, int, bool]:
    """Return the first and last line of a text whose key is on key_line, and whether it is a block below the key."""
    line = raw_lines[key_line - 1]
    stripped = line.lstrip()
    if not stripped.startswith(f"{language}:"):
        return key_line, key_line, False  # a flow mapping like `{da: …, en: …}` on one line
    block = stripped[len(language) + 1:].strip().startswith(BLOCK_SCALAR_STARTS)
    indent = len(line) - len(stripped)
    last = key_line
    for number in range(key_line + 1, len(raw_lines) + 1):
        text = raw_lines[number - 1]
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            break
        if text.strip():
            last = number
    return key_line, last, block


def translated_fields(project_dir: Path, data_file: str) -> list[TranslatedField]:
    """Return every field of a data file that holds texts per language, with each text's lines."""
    path = project_dir / data_file
    document = read_yaml(path, data_file)
    raw_lines = path.read_text(encoding="utf-8-sig").splitlines()
    name_entry = EntryNamer(document, TRANSLATED_DATA_FILES[data_file])
    fields = []
    for map_path, mapping in _language_maps(document, []):
        # A field outside any list of entries (a catalogue facet's title) is named by its group.
        entry = name_entry(map_path + ["da"]) or ".".join(str(step) for step in map_path[:-1])
        field = field_name(map_path)
        texts = {}
        for language in LANGUAGES:
            value = mapping.get(language)
            if isinstance(value, str) and value.strip():
                first, last, block = _text_lines(raw_lines, mapping.key_lines[language], language)
                texts[language] = LanguageText(data_file, entry, field, language, value, first, last, block)
        fields.append(TranslatedField(data_file, entry, field, mapping.line, texts))
    return fields
