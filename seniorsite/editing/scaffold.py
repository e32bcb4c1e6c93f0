"""`make new-example`, `make new-event`, `make new-faq`: a new entry in both languages, from arguments or questions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from seniorsite.editing.choices import choices_for
from seniorsite.editing.fields import ENTRY_KINDS, EXAMPLE, LANGUAGE_WORDS, EntryKind, field_help, option_names
from seniorsite.editing.new_entries import Refusal, new_data_entry, new_example
from seniorsite.editing.prompts import ask_missing
from seniorsite.problems import ContentError

MAKE_TARGETS = {"example": "new-example", "event": "new-event", "faq": "new-faq"}


def parser_for(kind: EntryKind, project_dir: Path) -> argparse.ArgumentParser:
    """Return the command line of one kind of entry: one option per field and language, with the allowed values."""
    parser = argparse.ArgumentParser(prog=f"make {MAKE_TARGETS[kind.name]} ARGS=", description=f"Nyt {kind.noun} på dansk og engelsk.")
    required = kind.required(project_dir)
    for field in kind.fields:
        described = field_help(project_dir, kind, field, required[field.key])
        for option in option_names(field):
            language = option.rsplit("-", 1)[1] if field.bilingual else ""
            help_text = f"({LANGUAGE_WORDS[language]}) {described}" if language else described
            if field.kind in ("choice", "choices"):
                help_text += " Tilladt: " + ", ".join(choice.id for choice in choices_for(project_dir, kind, field)) + "."
            if field.kind == "flag":
                parser.add_argument(f"--{option}", action="store_true", default=None, help=help_text)
            elif field.kind in ("items", "choices"):
                parser.add_argument(f"--{option}", action="append", help=help_text + " Giv den flere gange for flere.")
            else:
                parser.add_argument(f"--{option}", help=help_text)
    if kind is EXAMPLE:
        parser.add_argument("--slug", help="Filens navn (valgfrit); ellers laves det af den danske titel.")
    return parser


def given_values(kind: EntryKind, arguments: argparse.Namespace) -> dict[str, Any]:
    """Return the values given on the command line by option name; a list of ids may also be comma-separated."""
    values: dict[str, Any] = {}
    for field in kind.fields:
        for option in option_names(field):
            value = getattr(arguments, option.replace("-", "_"))
            if field.kind == "choices" and value:
                value = [part.strip() for item in value for part in item.split(",") if part.strip()]
            values[option] = value
    if kind is EXAMPLE:
        values["slug"] = arguments.slug
    return values


def missing_options(kind: EntryKind, values: dict[str, Any], required: dict[str, bool]) -> list[str]:
    """Return the options the site needs that were not given, like `--title-en`."""
    return [
        f"--{option}" for field in kind.fields if required[field.key]
        for option in option_names(field) if values.get(option) in (None, [], "")
    ]


def missing_message(kind: EntryKind, missing: list[str]) -> str:
    """Say in Danish which fields are missing and how to give them."""
    return (
        f"Disse felter mangler: {', '.join(missing)}\n"
        f"Giv dem med ARGS, fx: make {MAKE_TARGETS[kind.name]} ARGS='{missing[0]} \"…\"'\n"
        f"eller kør make {MAKE_TARGETS[kind.name]} i en terminal, så spørger den om dem én ad gangen. "
        f"Se alle felter med: make {MAKE_TARGETS[kind.name]} ARGS='--help'\nIntet er skrevet."
    )


def create(project_dir: Path, kind: EntryKind, values: dict[str, Any]) -> str:
    """Write the entry; return what was written, in Danish."""
    if kind is EXAMPLE:
        pages = new_example(project_dir, values)
        return "Skrevet: " + " og ".join(page.relative_to(project_dir).as_posix() for page in pages)
    path, line = new_data_entry(project_dir, kind, values)
    return f"Tilføjet: {kind.noun} \"{values['id']}\" i {path.relative_to(project_dir).as_posix()}, linje {line}"


def main(argv: list[str], project_dir: Path | None = None, terminal: bool | None = None) -> int:
    """Create one entry from `example|event|faq` and its options; ask for what is missing in a terminal."""
    project_dir = project_dir or Path.cwd()
    if not argv or argv[0] not in ENTRY_KINDS:
        print(f"Skriv hvad der skal laves: {' | '.join(ENTRY_KINDS)}", file=sys.stderr)
        return 2
    kind = ENTRY_KINDS[argv[0]]
    values = given_values(kind, parser_for(kind, project_dir).parse_args(argv[1:]))
    required = kind.required(project_dir)
    missing = missing_options(kind, values, required)
    terminal = sys.stdin.isatty() if terminal is None else terminal
    if missing and not terminal:
        print(missing_message(kind, missing), file=sys.stderr)
        return 2
    if terminal:
        values = ask_missing(input, project_dir, kind, values, required)
    try:
        print(create(project_dir, kind, values))
    except (ContentError, Refusal) as error:
        print(f"Intet er skrevet.\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
