"""GitHub issue forms for a new example, event and FAQ question, generated from the schemas and data."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from seniorsite.editing.choices import choices_for, field_label
from seniorsite.editing.fields import EVENT, EXAMPLE, FAQ, LANGUAGE_WORDS, EntryKind, Field, field_help
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES

FORMS_DIR = ".github/ISSUE_TEMPLATE"
FLAG_OPTION = "Ja"
INTRO = (
    "Udfyld felterne, så lægger redaktionen det på sitet. Felter med en stjerne (*) skal udfyldes.\n\n"
    "Sitet viser alt på både dansk og engelsk, så hver tekst har et felt for hvert sprog. "
    "Kan du ikke skrive den engelske tekst, så lad feltet stå tomt. "
    "Så sørger redaktionen for en oversættelse, før det kommer på sitet."
)
ENGLISH_NEEDED = "Sitet skal også have den engelske tekst. Lad feltet stå tomt, hvis den skal oversættes."


@dataclass(frozen=True)
class FormSpec:
    """One issue form: its file, its name and description on GitHub, and the sources it is made from."""

    kind: EntryKind
    file: str
    name: str
    description: str
    title: str
    labels: tuple[str, ...]
    sources: tuple[str, ...]


FORMS = (
    FormSpec(EXAMPLE, "eksempel.yml", "Nyt eksempel til inspirationskataloget", "Foreslå et nyt tænkt eksempel til Inspirationskataloget.",
             "Nyt eksempel: ", ("inspiration",), ("schemas/catalogue-entry.schema.json", "data/catalogue.yml")),
    FormSpec(EVENT, "arrangement.yml", "Nyt arrangement", "Bed om at få et arrangement på siden \"Arrangementer\".",
             "Nyt arrangement: ", ("arrangement",), ("schemas/events.schema.json", "overrides/partials/languages/site-da.html")),
    FormSpec(FAQ, "spoergsmaal.yml", "Nyt spørgsmål og svar", "Foreslå et nyt spørgsmål med svar til siden \"Spørgsmål og svar\".",
             "Nyt spørgsmål: ", ("faq",), ("schemas/faq.schema.json", "data/faq.yml")),
)


def _element(element_type: str, element_id: str, label: str, description: str, required: bool, **extra: Any) -> dict[str, Any]:
    """Return one issue form element in GitHub's shape."""
    attributes: dict[str, Any] = {"label": label}
    if description:
        attributes["description"] = description
    attributes.update(extra)
    element: dict[str, Any] = {"type": element_type, "id": element_id, "attributes": attributes}
    if element_type != "checkboxes":
        element["validations"] = {"required": required}
    return element


def field_elements(project_dir: Path, kind: EntryKind, field: Field, required: bool) -> list[dict[str, Any]]:
    """Return the form elements that ask for one field: one per language for a text, one drop-down for a choice."""
    label = field_label(project_dir, kind, field)
    help_text = field_help(project_dir, kind, field, required)
    if field.kind in ("choice", "choices"):
        options = [choice.option for choice in choices_for(project_dir, kind, field)]
        return [_element("dropdown", field.key, label, help_text, required, multiple=field.kind == "choices", options=options)]
    if field.kind == "flag":
        return [_element("checkboxes", field.key, label, help_text, False, options=[{"label": FLAG_OPTION}])]
    element_type = "input" if field.kind == "line" else "textarea"
    if not field.bilingual:
        return [_element(element_type, field.key, label, help_text, required)]
    elements = []
    for language in LANGUAGES:
        danish = language == DEFAULT_LANGUAGE
        description = help_text if danish else (ENGLISH_NEEDED if required else "Kan udelades.")
        elements.append(_element(element_type, f"{field.key}-{language}", f"{label} ({LANGUAGE_WORDS[language]})", description, required and danish))
    return elements


def form_of(project_dir: Path, spec: FormSpec) -> dict[str, Any]:
    """Return one issue form as data: GitHub's keys, an introduction, then each field's elements."""
    required = spec.kind.required(project_dir)
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for field in spec.kind.fields:
        body += field_elements(project_dir, spec.kind, field, required[field.key])
    return {"name": spec.name, "description": spec.description, "title": spec.title, "labels": list(spec.labels), "body": body}


class _FormDumper(yaml.SafeDumper):
    """Writes text with line breaks as a `|` block, so the introduction reads as written."""


def _text_block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Represent text with line breaks as a literal block, any other text as usual."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_FormDumper.add_representer(str, _text_block)


def form_text(project_dir: Path, spec: FormSpec) -> str:
    """Return the text of one form's file, with a first comment that says where it comes from."""
    header = (
        f"# Lavet af `make issue-forms` ud fra {' og '.join(spec.sources)}.\n"
        "# Ret ikke i denne fil; ret kilderne og kør `make issue-forms` igen.\n"
    )
    return header + yaml.dump(form_of(project_dir, spec), Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=140)


def write_forms(project_dir: Path) -> list[Path]:
    """Write every generated form into .github/ISSUE_TEMPLATE; return the files written."""
    folder = project_dir / FORMS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in FORMS:
        path = folder / spec.file
        path.write_text(form_text(project_dir, spec), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Regenerate the issue forms of the project in the current folder (or the folder given)."""
    project_dir = Path(argv[0]) if argv else Path.cwd()
    for path in write_forms(project_dir):
        print(f"skrevet: {path.relative_to(project_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
