"""One build run: what is fixed for the run (switches, paths, data, strings, the moment, git's times) and what each language adds.

Made once by the adapter (hooks.py) and read by every event it hands on; it knows nothing of MkDocs. It assembles the stages,
so it may import any of them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment

from seniorsite.data.events import build_moment
from seniorsite.data.page_reviews import PageReview
from seniorsite.data.site_data import SiteData, SiteDataCache
from seniorsite.editing.status_view import waiting_view
from seniorsite.editing.translation_status import StatusOncePerRun
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from seniorsite.page.last_changed import git_change_times
from seniorsite.page.render import partials_environment
from seniorsite.strings import Translate, load_strings

if TYPE_CHECKING:
    from seniorsite.outputs.pdf.write import PdfFacts
    from seniorsite.outputs.word.convert import WordFacts
    from seniorsite.outputs.word.texts import WordText

PDF_SWITCH = "SENIORSITE_PDF"  # `make serve` sets it to 0: the preview reloads without writing PDFs
OFFLINE_SWITCH = "SENIORSITE_OFFLINE"  # `make serve` sets it to 0: the preview reloads without writing the offline zip
WORD_SWITCH = "SENIORSITE_WORD"  # `make serve` sets it to 0: the preview reloads without writing the Word and OpenDocument files


@dataclass(frozen=True)
class Switches:
    """What the environment turns off for a run: the PDFs, the offline zip and the Word files (`make serve` turns off all three)."""

    pdfs: bool = True
    offline: bool = True
    word: bool = True

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] = os.environ) -> Switches:
        """Read SENIORSITE_PDF, SENIORSITE_OFFLINE and SENIORSITE_WORD: '0' turns a part off, anything else (or nothing) leaves it on."""
        return cls(pdfs=environment.get(PDF_SWITCH, "1") != "0", offline=environment.get(OFFLINE_SWITCH, "1") != "0",
                   word=environment.get(WORD_SWITCH, "1") != "0")


@dataclass
class LanguageBuild:
    """What one language's build adds to the run: its PDFs, its posters' and its Word files (None until written, or when switched off) and its 404 page."""

    pdfs: dict[str, PdfFacts] | None = None
    posters: dict[str, PdfFacts] | None = None  # the poster's PDFs by paper ('a4', 'a3')
    word: dict[str, tuple[WordText, WordFacts]] | None = None
    not_found_page: str | None = None


@dataclass
class BuildRun:
    """The state of one build run, shared by both languages' builds (mkdocs-static-i18n builds each in turn)."""

    project_dir: Path
    switches: Switches = field(default_factory=Switches.from_environment)
    serve: bool = False  # `mkdocs serve`: each page's policy allows the live-reload script
    data_cache: SiteDataCache = field(default_factory=SiteDataCache)
    strings: dict[str, Translate] = field(default_factory=dict)
    now: datetime | None = None  # the build's 'now', so every page and calendar agrees on upcoming and past
    data: SiteData | None = None
    git_times: dict[str, datetime] = field(default_factory=dict)  # each content file's last commit time (empty without git)
    term_ids: dict[str, str] = field(default_factory=dict)  # the language's glossary terms and their entries' ids
    reviews: dict[str, PageReview] = field(default_factory=dict)  # each Danish page's owner and review date, by its path below docs/
    notices_said: set[str] = field(default_factory=set)  # WeasyPrint's notices about the machine, printed once per run
    languages: dict[str, LanguageBuild] = field(default_factory=lambda: {language: LanguageBuild() for language in LANGUAGES})
    translations: StatusOncePerRun = field(init=False)
    partials: Environment = field(init=False)

    def __post_init__(self) -> None:
        """Set up what depends on the project folder: the translation status and the partials' environment."""
        self.translations = StatusOncePerRun(self.project_dir)
        self.partials = partials_environment(self.overrides_dir)

    @property
    def overrides_dir(self) -> Path:
        """The theme overrides and the partials the data is rendered through."""
        return self.project_dir / "overrides"

    def load_data(self) -> tuple[SiteData, bool]:
        """Return the site's data, loaded and checked once per run (again only when a file changed); raise ContentError."""
        return self.data_cache.get(self.project_dir)

    def begin_language(self, language: str, data: SiteData) -> None:
        """Start one language's build: the first language of a run reads the strings, the moment and git's times; every language takes the data."""
        if language == DEFAULT_LANGUAGE or not self.strings:  # once per run: every language reads both
            self.strings = {name: load_strings(self.overrides_dir, name) for name in LANGUAGES}
        if language == DEFAULT_LANGUAGE or self.now is None:
            self.now = build_moment()  # the first language of each run sets it; the others reuse it
            self.git_times = git_change_times(self.project_dir)
            self.translations.reset(self.git_times)  # one git log per run, for the dates and the translation status
        self.data = data  # checked against the files once per language build, not once per page
        self.term_ids = data.glossary.entry_ids(language)

    def waiting_translations(self, t: Translate, edit_base: str) -> list[dict[str, str]] | None:
        """Return what waits for translation for the Bidrag page (worked out on first use in the run), or None without git."""
        return waiting_view(self.translations(), t, edit_base)
