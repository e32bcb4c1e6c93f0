"""Read an editor's YAML file into plain data that remembers the line of every key and item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from seniorsite.problems import ContentError, Problem


class LineDict(dict):
    """A mapping that also records the line where it and each of its keys start."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A sequence that also records the line of each item."""

    line: int = 0
    item_lines: list[int]


class _DuplicateKey(yaml.MarkedYAMLError):
    """A key written twice in one mapping, which YAML would otherwise silently resolve."""


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers and leaves dates as text, so the schema checks them."""


# The same loader on libyaml's parser, several times faster; a file it refuses is read again by the
# pure-Python loader above, whose error messages the editors' corpus expects word for word.
_FastLineLoader = type("_FastLineLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})

# Dates stay strings: YAML would turn 2022-09-01 into a date but leave 2023-09-14T13:00 as text.
for _loader in (_LineLoader, _FastLineLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    """Build a LineDict, refusing a key that appears twice."""
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_text = str(key)
        if key_text in mapping:
            raise _DuplicateKey(
                problem=f"the key '{key_text}' appears twice in the same entry",
                problem_mark=key_node.start_mark,
            )
        mapping[key_text] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key_text] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    """Build a LineList that remembers each item's line."""
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, shown_as: str) -> Any:
    """Parse a YAML file; a file that is not valid UTF-8 YAML raises ContentError with its line."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError([Problem(shown_as, line, "the file is not saved as UTF-8; save it as UTF-8 and try again")]) from None
    return read_yaml_text(text, shown_as)


def read_yaml_text(text: str, shown_as: str, first_line: int = 1) -> Any:
    """Parse YAML text that starts at first_line of its file; errors and recorded lines count from there."""
    text = "\n" * (first_line - 1) + text
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise ContentError([Problem(shown_as, line, "a tab character is not allowed in YAML; indent with spaces")])
    try:
        document = yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError:
        document = None  # read again below, for the pure-Python loader's wording of the problem
    else:
        return _not_empty(document, shown_as)
    try:
        document = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise ContentError([Problem(shown_as, line, f"the YAML cannot be read: {error.problem}")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        reason = error.problem or "the file is not valid YAML"
        raise ContentError([Problem(shown_as, line, f"the YAML cannot be read: {reason} (check the indentation and quotes)")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(shown_as, 0, f"the YAML cannot be read: {error}")]) from None
    return _not_empty(document, shown_as)


def _not_empty(document: Any, shown_as: str) -> Any:
    """Return the document; an empty file raises ContentError saying what it must hold."""
    if document is None:
        raise ContentError([Problem(shown_as, 1, "the file is empty; see the comments in the original file for what it must hold")])
    return document


def without_keys(document: LineDict, keys: tuple[str, ...]) -> LineDict:
    """Return a copy of a mapping without some keys, keeping the lines of the rest."""
    kept = LineDict({key: value for key, value in document.items() if key not in keys})
    kept.line = document.line
    kept.key_lines = {key: line for key, line in getattr(document, "key_lines", {}).items() if key not in keys}
    return kept


def line_of(document: Any, path: list[str | int]) -> int:
    """Return the line of the deepest key or item along `path` that exists in the document."""
    node, line = document, getattr(document, "line", 0)
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(str(step), line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
