"""Check a new example, event or FAQ question with the build's own checks, then write it; nothing is written when a check fails."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from seniorsite.data.catalogue import CATALOGUE_FOLDER, OVERVIEW_PAGES, load_entries
from seniorsite.data.events import load_events
from seniorsite.data.faq import load_faq
from seniorsite.data.page_check import page_problems
from seniorsite.data.page_reviews import page_reviews
from seniorsite.data.site_data import DOCS_DIR, SCHEMA_DIR
from seniorsite.data.translations import page_twin
from seniorsite.editing.choices import catalogue_facets
from seniorsite.editing.example_page import example_page
from seniorsite.editing.fields import EVENT, FAQ, EntryKind
from seniorsite.editing.yaml_text import appended, entry_block
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from seniorsite.page.page_parts import slugify
from seniorsite.problems import ContentError, Problem

# Where each data entry goes: its list in the file, how the file is checked, and the fields written in quotes.
DATA_LISTS = {EVENT.name: ("events", load_events, ("start", "end")), FAQ.name: ("questions", load_faq, ())}


class Refusal(Exception):
    """The editor's input cannot be written; the message says why, in Danish."""


def example_slug(values: dict[str, Any]) -> str:
    """Return the example's file name: the one given, or the Danish title made into a name (æ, ø, å as ae, oe, aa)."""
    return values.get("slug") or slugify(str(values[f"title-{DEFAULT_LANGUAGE}"]))


def new_example(project_dir: Path, values: dict[str, Any]) -> list[Path]:
    """Write an example's Danish and English pages to docs/inspiration/ after the build's checks pass; return them."""
    slug = example_slug(values)
    folder = project_dir / DOCS_DIR / CATALOGUE_FOLDER
    danish = folder / f"{slug}.md"
    pages = [page_twin(danish, language) for language in LANGUAGES]
    if not slug or slug in OVERVIEW_PAGES:
        raise Refusal(f"Navnet '{slug}' kan ikke bruges til et eksempel. Giv et andet navn med --slug.")
    for page in pages:
        if page.exists():
            raise Refusal(f"{page.relative_to(project_dir).as_posix()} findes allerede og bliver ikke overskrevet. "
                          "Vælg en anden titel, eller giv et andet navn med --slug.")
    texts = {page: example_page(values, language) for page, language in zip(pages, LANGUAGES, strict=True)}
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch)
        (docs / CATALOGUE_FOLDER).mkdir()
        for page, text in texts.items():
            (docs / CATALOGUE_FOLDER / page.name).write_text(text, encoding="utf-8")
        problems = page_problems(docs, LANGUAGES) + page_reviews(docs, project_dir / SCHEMA_DIR)[1]
        _, more = load_entries(docs, catalogue_facets(project_dir), project_dir / SCHEMA_DIR)
    if problems + more:
        raise ContentError(problems + more)
    for page, text in texts.items():
        page.write_text(text, encoding="utf-8")
    return pages


def data_entry(kind: EntryKind, values: dict[str, Any]) -> dict[str, Any]:
    """Return the entry as the data file holds it, in the fields' order, leaving out what was not given."""
    entry: dict[str, Any] = {}
    for field in kind.fields:
        if field.bilingual:
            texts = {language: values[f"{field.key}-{language}"] for language in LANGUAGES if values.get(f"{field.key}-{language}")}
            if texts:
                entry[field.key] = texts
        elif values.get(field.key) not in (None, "", False):
            entry[field.key] = values[field.key]
    return entry


def new_data_entry(project_dir: Path, kind: EntryKind, values: dict[str, Any]) -> tuple[Path, int]:
    """Append an event or FAQ question to its data file after the build's checks pass; return the file and the entry's line."""
    list_key, load, quoted = DATA_LISTS[kind.name]
    path = project_dir / kind.target
    entry = data_entry(kind, values)
    text = appended(path.read_text(encoding="utf-8-sig"), entry_block(entry, quoted))
    with tempfile.TemporaryDirectory() as scratch:
        candidate = Path(scratch) / path.name
        candidate.write_text(text, encoding="utf-8")
        loaded, problems = load(candidate, kind.target, project_dir / SCHEMA_DIR)
    if problems:
        raise ContentError(problems)
    entries = getattr(loaded, list_key, loaded)
    if entries[-1].id != entry.get("id"):
        raise ContentError([Problem(kind.target, 0, f"the new entry did not land at the end of '{list_key}'; the file must end with that list")])
    path.write_text(text, encoding="utf-8")
    return path, text.count("\n") - entry_block(entry, quoted).count("\n") + 1
