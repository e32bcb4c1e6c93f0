"""The allowed values of the fields an editor picks from, read from the data and schemas that define them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seniorsite.data.catalogue import FACETS, Facet, load_facets
from seniorsite.data.faq import load_faq
from seniorsite.data.site_data import CATALOGUE_FILE, FAQ_FILE, SCHEMA_DIR
from seniorsite.editing.fields import EntryKind, Field
from seniorsite.languages import DEFAULT_LANGUAGE
from seniorsite.problems import ContentError
from seniorsite.strings import load_strings

OVERRIDES_DIR = "overrides"
# The interface string that names an event kind, as overrides/partials/data/events.html looks it up.
EVENT_KIND_STRING = "event.kind.{kind}"


@dataclass(frozen=True)
class Choice:
    """One allowed value: the id written in the data and its Danish label."""

    id: str
    label: str

    @property
    def option(self) -> str:
        """Return how a drop-down shows it: the label with the id, like 'Nedsat tid (nedsat-tid)'."""
        return f"{self.label} ({self.id})"


def catalogue_facets(project_dir: Path) -> dict[str, Facet]:
    """Return the catalogue's facets from data/catalogue.yml; a broken file raises ContentError."""
    facets, problems = load_facets(project_dir / CATALOGUE_FILE, CATALOGUE_FILE, project_dir / SCHEMA_DIR)
    if facets is None:
        raise ContentError(problems)
    return facets


def _catalogue_choices(project_dir: Path, facet: str) -> tuple[Choice, ...]:
    """Return a facet's values from data/catalogue.yml."""
    return tuple(Choice(value.id, value.label[DEFAULT_LANGUAGE]) for value in catalogue_facets(project_dir)[facet].values)


def field_label(project_dir: Path, kind: EntryKind, field: Field) -> str:
    """Return a field's Danish label; a catalogue facet's is its title in data/catalogue.yml."""
    if kind.name == "example" and field.key in FACETS:
        return catalogue_facets(project_dir)[field.key].title[DEFAULT_LANGUAGE]
    return field.label


def _topic_choices(project_dir: Path) -> tuple[Choice, ...]:
    """Return the FAQ's topics from data/faq.yml."""
    faq, problems = load_faq(project_dir / FAQ_FILE, FAQ_FILE, project_dir / SCHEMA_DIR)
    if faq is None:
        raise ContentError(problems)
    return tuple(Choice(topic.id, topic.title[DEFAULT_LANGUAGE]) for topic in faq.topics)


def _enum_choices(project_dir: Path, kind: EntryKind, field: Field) -> tuple[Choice, ...]:
    """Return a schema enum's values, each with the label the site shows for it."""
    t = load_strings(project_dir / OVERRIDES_DIR, DEFAULT_LANGUAGE)
    values = kind.entry_schema(project_dir)["properties"][field.key]["enum"]
    return tuple(Choice(value, t(EVENT_KIND_STRING.format(kind=value))) for value in values)


def choices_for(project_dir: Path, kind: EntryKind, field: Field) -> tuple[Choice, ...]:
    """Return the allowed values of a choice field of an entry kind, from its source of truth."""
    if kind.name == "example":
        return _catalogue_choices(project_dir, field.key)
    if kind.name == "faq" and field.key == "topic":
        return _topic_choices(project_dir)
    if kind.name == "event" and field.key == "kind":
        return _enum_choices(project_dir, kind, field)
    raise KeyError(f"no list of allowed values for {kind.name} field '{field.key}'")
