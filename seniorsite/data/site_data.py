"""All of the site's data, loaded and checked together, once per build run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seniorsite.data.catalogue import CATALOGUE_FOLDER, Catalogue, load_entries, load_facets
from seniorsite.data.conversation import CONVERSATION_NOUNS, Conversation, load_conversation
from seniorsite.data.details import DETAILS_FILE, DETAILS_NOUNS, Details, load_details
from seniorsite.data.events import EVENT_NOUNS, Event, load_events
from seniorsite.data.faq import FAQ_NOUNS, Faq, load_faq
from seniorsite.data.glossary import GLOSSARY_NOUNS, Glossary, load_glossary
from seniorsite.data.paths import PATHS_NOUNS, Paths, load_paths
from seniorsite.data.placeholders import data_placeholder_problems
from seniorsite.data.policy import POLICY_NOUNS, Policy, load_policy
from seniorsite.data.year_cycle import YEAR_CYCLE_NOUNS, YearCycle, load_year_cycle
from seniorsite.problems import ContentError

DATA_DIR = "data"
SCHEMA_DIR = "schemas"
DOCS_DIR = "docs"
FAQ_FILE = f"{DATA_DIR}/faq.yml"
EVENTS_FILE = f"{DATA_DIR}/events.yml"
CONVERSATION_FILE = f"{DATA_DIR}/conversation.yml"
GLOSSARY_FILE = f"{DATA_DIR}/glossary.yml"
CATALOGUE_FILE = f"{DATA_DIR}/catalogue.yml"
POLICY_FILE = f"{DATA_DIR}/policy.yml"
YEAR_CYCLE_FILE = f"{DATA_DIR}/year_cycle.yml"
PATHS_FILE = f"{DATA_DIR}/paths.yml"
# The data files whose texts come in both languages (spelling, translation status, placeholders), with the nouns that name their entries.
TRANSLATED_DATA_FILES: dict[str, dict[str, str]] = {
    FAQ_FILE: FAQ_NOUNS,
    EVENTS_FILE: EVENT_NOUNS,
    CONVERSATION_FILE: CONVERSATION_NOUNS,
    GLOSSARY_FILE: GLOSSARY_NOUNS,
    CATALOGUE_FILE: {"values": "value"},
    DETAILS_FILE: DETAILS_NOUNS,
    POLICY_FILE: POLICY_NOUNS,
    YEAR_CYCLE_FILE: YEAR_CYCLE_NOUNS,
    PATHS_FILE: PATHS_NOUNS,
}


@dataclass(frozen=True)
class SiteData:
    """The checked contents of every data file and of the catalogue's front matter."""

    faq: Faq
    events: tuple[Event, ...]
    conversation: Conversation
    glossary: Glossary
    catalogue: Catalogue
    details: Details
    policy: Policy
    year_cycle: YearCycle
    paths: Paths


def load_site_data(project_dir: Path) -> SiteData:
    """Load and check every data file; raise ContentError with all problems from all files."""
    schema_dir = project_dir / SCHEMA_DIR
    faq, problems = load_faq(project_dir / FAQ_FILE, FAQ_FILE, schema_dir)
    events, more = load_events(project_dir / EVENTS_FILE, EVENTS_FILE, schema_dir)
    problems += more
    conversation, more = load_conversation(project_dir / CONVERSATION_FILE, CONVERSATION_FILE, schema_dir)
    problems += more
    glossary, more = load_glossary(project_dir / GLOSSARY_FILE, GLOSSARY_FILE, schema_dir)
    problems += more
    details, more = load_details(project_dir / DETAILS_FILE, DETAILS_FILE, schema_dir)
    problems += more
    policy, more = load_policy(project_dir / POLICY_FILE, POLICY_FILE, schema_dir, project_dir / DOCS_DIR)
    problems += more
    year_cycle, more = load_year_cycle(project_dir / YEAR_CYCLE_FILE, YEAR_CYCLE_FILE, schema_dir, project_dir / DOCS_DIR)
    problems += more
    paths, more = load_paths(project_dir / PATHS_FILE, PATHS_FILE, schema_dir, project_dir / DOCS_DIR)
    problems += more
    if details is not None:
        files = {shown_as: (project_dir / shown_as, nouns) for shown_as, nouns in TRANSLATED_DATA_FILES.items() if shown_as != DETAILS_FILE}
        problems += data_placeholder_problems(files, details.ids)
    facets, more = load_facets(project_dir / CATALOGUE_FILE, CATALOGUE_FILE, schema_dir)
    problems += more
    entries: tuple = ()
    if facets is not None:
        entries, more = load_entries(project_dir / DOCS_DIR, facets, schema_dir)
        problems += more
    if problems or None in (faq, events, conversation, glossary, facets, details, year_cycle, policy, paths):
        raise ContentError(problems)
    return SiteData(faq=faq, events=events, conversation=conversation, glossary=glossary, catalogue=Catalogue(facets, entries), details=details,
                    year_cycle=year_cycle, policy=policy, paths=paths)


class SiteDataCache:
    """Keeps the loaded data until a data, schema or catalogue file changes, so one run loads it once."""

    def __init__(self) -> None:
        self._stamp: tuple | None = None
        self._data: SiteData | None = None
        self.loads = 0

    @staticmethod
    def _files_stamp(project_dir: Path) -> tuple:
        """Return the name, size and modification time of every file the data is read from."""
        files = sorted([
            *(project_dir / DATA_DIR).glob("*"),
            *(project_dir / SCHEMA_DIR).glob("*"),
            *(project_dir / DOCS_DIR / CATALOGUE_FOLDER).glob("*.md"),
        ])
        return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())

    def get(self, project_dir: Path) -> tuple[SiteData, bool]:
        """Return the data and whether it was loaded just now (False when it came from the cache)."""
        stamp = self._files_stamp(project_dir)
        if self._data is not None and stamp == self._stamp:
            return self._data, False
        self._data, self._stamp = None, None
        data = load_site_data(project_dir)
        self._data, self._stamp = data, stamp
        self.loads += 1
        return data, True
