"""Your details: the fields a reader fills in once (data/details.yml), which the texts show wherever `{{ id }}` stands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seniorsite.data.data_files import duplicate_id_problems, duplicate_text_problems, load_data_file
from seniorsite.problems import Problem

DETAILS_FILE = "data/details.yml"
DETAILS_NOUNS = {"fields": "field"}
# How each kind of field is typed: the input's type and, for numbers, the phone's keyboard.
INPUT_TYPES = {"text": "text", "number": "text", "email": "email", "tel": "tel", "url": "url"}


@dataclass(frozen=True)
class Field:
    """One detail a reader fills in: its id, its name and help in each language, its kind and an example."""

    id: str
    prompts: dict[str, str]
    label: dict[str, str]
    help: dict[str, str]
    kind: str
    example: dict[str, str]

    def prompt(self, language: str) -> str:
        """Return what a text shows until the field is filled in: its prompt in brackets, '[kommunens navn]'."""
        return f"[{self.prompts[language]}]"

    @property
    def input_type(self) -> str:
        """Return the HTML input type for the field's kind."""
        return INPUT_TYPES[self.kind]


@dataclass(frozen=True)
class Details:
    """Every field, in the order the panel shows them."""

    fields: tuple[Field, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """Return every field's id, in order."""
        return tuple(field.id for field in self.fields)

    def by_id(self, field_id: str) -> Field:
        """Return the field with this id (KeyError when there is none)."""
        return {field.id: field for field in self.fields}[field_id]

    def used_in(self, field_ids: set[str]) -> tuple[Field, ...]:
        """Return the fields among the given ids, in the panel's order."""
        return tuple(field for field in self.fields if field.id in field_ids)


def load_details(path: Path, shown_as: str, schema_dir: Path) -> tuple[Details | None, list[Problem]]:
    """Load and check the fields; return them (None when there are problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "details.schema.json", DETAILS_NOUNS)
    if not isinstance(document, dict):
        return None, problems
    problems += duplicate_id_problems(document, "fields", shown_as, namer)
    problems += duplicate_text_problems(document, "fields", "prompt", "prompt", shown_as, namer)  # a filled-in Word file could not tell them apart
    if problems:
        return None, problems
    fields = tuple(
        Field(id=entry["id"], prompts=dict(entry["prompt"]), label=dict(entry["label"]), help=dict(entry["help"]), kind=entry["kind"], example=dict(entry["example"]))
        for entry in document["fields"]
    )
    return Details(fields), []
