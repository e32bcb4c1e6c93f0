"""The fields an editor fills in for a new example, event or FAQ entry: one list for the issue forms and the scaffold."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from seniorsite.data.site_data import EVENTS_FILE, FAQ_FILE, SCHEMA_DIR
from seniorsite.languages import LANGUAGES

# line: one line of text; text: several lines (Markdown); items: a list, one item a line;
# choice / choices: one or several ids from a list; flag: yes or no.
FieldKind = Literal["line", "text", "items", "choice", "choices", "flag"]
# The schema's shared bilingual text types: a field that refers to one of these has a Danish and an English text.
# How the forms and questions name each language, in Danish.
LANGUAGE_WORDS = {"da": "dansk", "en": "engelsk"}
BILINGUAL_REFS = ("common.schema.json#/$defs/short_text", "common.schema.json#/$defs/long_text")


@dataclass(frozen=True)
class Field:
    """One thing the editor writes or picks, named as in the data, with its Danish label and help text."""

    key: str
    label: str
    help: str
    kind: FieldKind
    bilingual: bool = False
    # False for the parts of an example's page below its front matter, which the schema does not describe.
    in_schema: bool = True
    # For fields outside the schema: whether the editor must fill it in.
    page_required: bool = True


@dataclass(frozen=True)
class EntryKind:
    """A kind of entry (example, event, FAQ question): its schema, where it goes, and its fields."""

    name: str
    noun: str
    schema: str
    # The keys from the schema's root to the object that describes one entry.
    schema_path: tuple[str, ...]
    target: str
    fields: tuple[Field, ...]

    def entry_schema(self, project_dir: Path) -> dict[str, Any]:
        """Return the part of the schema that describes one entry."""
        node = json.loads((project_dir / SCHEMA_DIR / self.schema).read_text(encoding="utf-8"))
        for key in self.schema_path:
            node = node[key]
        return node

    def required(self, project_dir: Path) -> dict[str, bool]:
        """Return, for each field, whether the site needs it (from the schema, or the page's shape)."""
        needed = set(self.entry_schema(project_dir).get("required", []))
        return {field.key: (field.key in needed) if field.in_schema else field.page_required for field in self.fields}

    def item_limits(self, project_dir: Path, field: Field) -> tuple[int, int]:
        """Return the fewest and most values the schema allows for a field that holds a list."""
        schema = self.entry_schema(project_dir)
        node = schema["properties"][field.key]
        if node.get("$ref", "").startswith("#/$defs/"):
            root = json.loads((project_dir / SCHEMA_DIR / self.schema).read_text(encoding="utf-8"))
            node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
        return int(node.get("minItems", 0)), int(node.get("maxItems", 0))

    def field(self, key: str) -> Field:
        """Return the field with this key."""
        return next(field for field in self.fields if field.key == key)


def option_names(field: Field) -> list[str]:
    """Return the field's names as the editor passes them: `title-da` and `title-en`, or just `kind`."""
    if field.bilingual:
        return [f"{field.key}-{language}" for language in LANGUAGES]
    return [field.key]


def field_help(project_dir: Path, kind: EntryKind, field: Field, required: bool) -> str:
    """Return a field's help text, with the number of values a list takes and whether it may be left out."""
    words = [field.help] if field.help else []
    if field.kind == "choices":
        fewest, most = kind.item_limits(project_dir, field)
        words.append(f"Vælg {fewest}–{most}.")
    if not required:
        words.append("Kan udelades.")
    return " ".join(words)


ID_HELP = "Et kort navn med små bogstaver og bindestreger, fx {example}. Det bliver en del af adressen og må ikke ændres bagefter."

EXAMPLE = EntryKind(
    name="example", noun="eksempel", schema="catalogue-entry.schema.json", schema_path=(), target="docs/inspiration",
    fields=(
        Field("title", "Titel", "Eksemplets overskrift. Den vises på kortet i kataloget og øverst på siden.", "line", bilingual=True),
        Field("description", "Kort beskrivelse", "Én sætning til kortet i kataloget og til link-forhåndsvisninger.", "line", bilingual=True),
        # The facets' labels are their titles in data/catalogue.yml (see choices.field_label).
        Field("solution", "", "Vælg én.", "choice"),
        Field("themes", "", "", "choices"),
        Field("sectors", "", "", "choices"),
        Field("initiative", "", "Vælg én.", "choice"),
        Field("effort", "", "Vælg én.", "choice"),
        Field("intro", "Indledning", "Et kort afsnit om løsningen, før eksemplet.", "text", bilingual=True, in_schema=False),
        Field("example", "Eksempel", "Det tænkte eksempel. Siden skriver selv \"Et tænkt eksempel:\" foran.", "text", bilingual=True, in_schema=False),
        Field("steps", "Sådan gør I", "Trinene i rækkefølge, ét trin på hver linje.", "items", bilingual=True, in_schema=False),
        Field("cautions", "Vær opmærksom på", "Det, man skal passe på, ét punkt på hver linje.", "items", bilingual=True, in_schema=False),
    ),
)

EVENT = EntryKind(
    name="event", noun="arrangement", schema="events.schema.json", schema_path=("properties", "events", "items"), target=EVENTS_FILE,
    fields=(
        Field("id", "Id", ID_HELP.format(example="webinar-2024-03-05"), "line"),
        Field("kind", "Type", "Vælg den type, der passer bedst.", "choice"),
        Field("title", "Titel", "Arrangementets navn.", "line", bilingual=True),
        Field("description", "Beskrivelse", "Et par sætninger om arrangementet. Markdown er tilladt, HTML er ikke.", "text", bilingual=True),
        Field("location", "Sted", "Fx en by eller \"Online\".", "line", bilingual=True),
        Field("online", "Online", "Foregår arrangementet online?", "flag"),
        Field("start", "Start", "Dansk tid: dato og klokkeslæt som 2024-03-05T13:00, eller kun datoen som 2024-03-05 for en hel dag.", "line"),
        Field("end", "Slut", "Skrives som start, fx 2024-03-05T14:30. Skal med, når start har et klokkeslæt.", "line"),
        Field("registration", "Link til tilmelding", "En hel adresse, der begynder med https://", "line"),
        Field("recording", "Link til optagelse", "En hel adresse, der begynder med https://", "line"),
    ),
)

FAQ = EntryKind(
    name="faq", noun="spørgsmål", schema="faq.schema.json", schema_path=("properties", "questions", "items"), target=FAQ_FILE,
    fields=(
        Field("id", "Id", ID_HELP.format(example="hvem-betaler"), "line"),
        Field("topic", "Emne", "Det emne, spørgsmålet står under på siden.", "choice"),
        Field("question", "Spørgsmål", "Spørgsmålet, som en læser ville stille det.", "line", bilingual=True),
        Field("answer", "Svar", "Svaret i korte sætninger. Markdown er tilladt (fx **fed**, lister og links), HTML er ikke.", "text", bilingual=True),
    ),
)

ENTRY_KINDS = {kind.name: kind for kind in (EXAMPLE, EVENT, FAQ)}
