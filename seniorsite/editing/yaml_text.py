"""Write a new entry as YAML text in the data files' own style, to be appended below the others."""

from __future__ import annotations

import json
from typing import Any

import yaml

from seniorsite.languages import LANGUAGES

INDENT = "  "


def yaml_scalar(value: str | bool) -> str:
    """Return one value as YAML, quoted only when YAML needs it (PyYAML knows when)."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6).removesuffix("\n").removesuffix("\n...")


def yaml_flow_list(values: list[str]) -> str:
    """Return a short list of ids in the flow style the examples use: [a, b]."""
    return "[" + ", ".join(yaml_scalar(value) for value in values) + "]"


def _text_lines(key: str, text: str, depth: int) -> list[str]:
    """Return `key: text`, or a `key: |` block when the text has several lines."""
    pad = INDENT * depth
    if "\n" not in text.strip():
        return [f"{pad}{key}: {yaml_scalar(text.strip())}"]
    body = [f"{pad}{INDENT}{line.rstrip()}" if line.strip() else "" for line in text.strip().splitlines()]
    return [f"{pad}{key}: |", *body]


def entry_block(entry: dict[str, Any], quoted: tuple[str, ...] = ()) -> str:
    """Return one list item of a data file: `  - id: …` and its fields, each text as da/en below its key.

    Keys in `quoted` are written in double quotes, as the events file writes its dates.
    """
    lines: list[str] = []
    for key, value in entry.items():
        depth = 2
        if isinstance(value, dict):
            lines.append(f"{INDENT * depth}{key}:")
            for language in LANGUAGES:
                lines += _text_lines(language, value[language], depth + 1)
        elif key in quoted:
            lines.append(f"{INDENT * depth}{key}: {json.dumps(value, ensure_ascii=False)}")  # a JSON string is YAML too
        else:
            lines.append(f"{INDENT * depth}{key}: {yaml_scalar(value)}")
    lines[0] = INDENT + "- " + lines[0].lstrip()
    return "\n".join(lines) + "\n"


def appended(text: str, block: str) -> str:
    """Return a data file's text with the block added at its end, after one blank line."""
    return text.rstrip("\n") + "\n\n" + block
