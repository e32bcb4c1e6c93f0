"""Ask an editor in the terminal, in Danish, for each field not given on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from seniorsite.editing.choices import Choice, choices_for, field_label
from seniorsite.editing.fields import LANGUAGE_WORDS, EntryKind, Field, field_help, option_names

Ask = Callable[[str], str]
YES = ("j", "ja", "y", "yes")


def _pick(choices: tuple[Choice, ...], answer: str) -> str | None:
    """Return the id an answer names, by its number in the list or by the id itself; None when it names none."""
    answer = answer.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1].id
    return answer if answer in {choice.id for choice in choices} else None


def _ask_choices(ask: Ask, question: str, choices: tuple[Choice, ...], many: bool, limits: tuple[int, int]) -> Any:
    """Show the allowed values numbered and ask until the answer names one (or, for a list, between the limits)."""
    print("\n".join(f"  {number}. {choice.option}" for number, choice in enumerate(choices, start=1)))
    while True:
        answers = [part for part in ask(question).replace(",", " ").split() if part]
        picked = [_pick(choices, answer) for answer in answers]
        fewest, most = limits if many else (1, 1)
        if answers and None not in picked and fewest <= len(picked) <= most:
            return picked if many else picked[0]
        print(f"  Skriv {'mellem ' + str(fewest) + ' og ' + str(most) + ' numre' if many else 'ét nummer'} fra listen.")


def _ask_items(ask: Ask, question: str) -> list[str]:
    """Ask for one item a line until an empty line; at least one."""
    items: list[str] = []
    while True:
        item = ask(f"{question} {len(items) + 1} (tom linje slutter): ").strip()
        if item:
            items.append(item)
        elif items:
            return items


def ask_field(ask: Ask, project_dir: Path, kind: EntryKind, field: Field, option: str, required: bool) -> Any:
    """Ask for one missing value of a field; an optional one may be skipped with Enter (None)."""
    label = field_label(project_dir, kind, field)
    language = option.rsplit("-", 1)[1] if field.bilingual else ""
    name = f"{label} ({LANGUAGE_WORDS[language]})" if language else label
    print(f"\n{name} – {field_help(project_dir, kind, field, required)}" + ("" if required else " Tryk Enter for at springe over."))
    if field.kind in ("choice", "choices"):
        limits = kind.item_limits(project_dir, field) if field.kind == "choices" else (1, 1)
        return _ask_choices(ask, "Nummer > ", choices_for(project_dir, kind, field), field.kind == "choices", limits)
    if field.kind == "flag":
        return ask("(j/n) > ").strip().lower() in YES
    if field.kind == "items":
        return _ask_items(ask, "Punkt")
    while True:
        answer = ask("> ").strip()
        if answer or not required:
            return answer or None


def ask_missing(ask: Ask, project_dir: Path, kind: EntryKind, values: dict[str, Any], required: dict[str, bool]) -> dict[str, Any]:
    """Return the values with every field that was not given asked for, in the fields' order."""
    filled = dict(values)
    for field in kind.fields:
        for option in option_names(field):
            if filled.get(option) in (None, [], ""):
                filled[option] = ask_field(ask, project_dir, kind, field, option, required[field.key])
    return filled
