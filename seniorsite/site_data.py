"""All of the site's data, loaded and checked together, once per build run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seniorsite.events import Event, load_events
from seniorsite.faq import Faq, load_faq
from seniorsite.problems import ContentError

DATA_DIR = "data"
SCHEMA_DIR = "schemas"
FAQ_FILE = f"{DATA_DIR}/faq.yml"
EVENTS_FILE = f"{DATA_DIR}/events.yml"


@dataclass(frozen=True)
class SiteData:
    """The checked contents of every data file."""

    faq: Faq
    events: tuple[Event, ...]


def load_site_data(project_dir: Path) -> SiteData:
    """Load and check every data file; raise ContentError with all problems from all files."""
    schema_dir = project_dir / SCHEMA_DIR
    faq, faq_problems = load_faq(project_dir / FAQ_FILE, FAQ_FILE, schema_dir)
    events, event_problems = load_events(project_dir / EVENTS_FILE, EVENTS_FILE, schema_dir)
    problems = faq_problems + event_problems
    if problems or faq is None or events is None:
        raise ContentError(problems)
    return SiteData(faq=faq, events=events)


class SiteDataCache:
    """Keeps the loaded data until a data or schema file changes, so one run loads it once."""

    def __init__(self) -> None:
        self._stamp: tuple | None = None
        self._data: SiteData | None = None
        self.loads = 0

    @staticmethod
    def _files_stamp(project_dir: Path) -> tuple:
        """Return the name, size and modification time of every data and schema file."""
        files = sorted([*(project_dir / DATA_DIR).glob("*"), *(project_dir / SCHEMA_DIR).glob("*")])
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
