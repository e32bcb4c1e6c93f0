"""Check a YAML document against its JSON Schema and word each failure for an editor."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from seniorsite.data.yaml_source import line_of
from seniorsite.languages import LANGUAGE_NAMES
from seniorsite.problems import Problem

EntryNamer = Callable[[list[str | int]], str]


def schema_registry(schema_dir: Path) -> Registry:
    """Load every schema in the folder, so they can refer to each other by file name."""
    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def validator_for(schema_dir: Path, schema_name: str) -> Draft202012Validator:
    """Return a validator for one schema file, with its sibling schemas resolvable."""
    registry = schema_registry(schema_dir)
    schema = registry.contents(schema_name)
    return Draft202012Validator(schema, registry=registry)


def field_name(path: list[str | int]) -> str:
    """Name the field at the end of a path the way an editor writes it, e.g. 'question.en'."""
    keys = [str(step) for step in path if isinstance(step, str)]
    return ".".join(keys[-2:]) if len(keys) > 1 and keys[-1] in LANGUAGE_NAMES else (keys[-1] if keys else "the file")


def _type_words(expected: Any) -> str:
    """Say a JSON Schema type in plain words."""
    words = {"string": "a text", "object": "a group of fields", "array": "a list", "integer": "a whole number", "boolean": "true or false", "number": "a number"}
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join(words.get(kind, kind) for kind in kinds)


def plain_message(error: ValidationError) -> tuple[list[str | int], str]:
    """Turn one schema failure into (path to the field, sentence an editor understands)."""
    path = list(error.absolute_path)
    field = field_name(path)
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        if missing in LANGUAGE_NAMES:
            return path, f"the {LANGUAGE_NAMES[missing]} text '{field_name(path + [missing])}' is missing; every text needs Danish (da) and English (en)"
        return path, f"'{field_name(path + [missing])}' is missing"
    if error.validator == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(known)) if isinstance(error.instance, dict) else []
        name = extra[0] if extra else "?"
        return path + [name], f"'{name}' is not a known field here; use one of: {', '.join(known)}"
    if custom:
        return path, f"'{field}' {custom}"
    if error.validator == "enum":
        return path, f"'{field}' must be one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return path, f"'{field}' must be {_type_words(error.validator_value)}"
    if error.validator == "minLength":
        return path, f"'{field}' is empty"
    if error.validator == "maxLength":
        return path, f"'{field}' is too long: at most {error.validator_value} characters"
    if error.validator == "minItems":
        return path, f"'{field}' needs at least {error.validator_value} item(s)"
    return path, f"'{field}' is not valid: {error.message}"


def schema_problems(document: Any, validator: Draft202012Validator, shown_as: str, name_entry: EntryNamer) -> list[Problem]:
    """Return every schema failure in the document as a Problem with file, line, entry and field."""
    problems = []
    for error in validator.iter_errors(document):
        path, message = plain_message(error)
        problems.append(Problem(shown_as, line_of(document, path), message, name_entry(path)))
    return problems
