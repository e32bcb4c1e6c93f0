"""Which data files a page is made from (by its markers), and the links that let an editor change them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

from seniorsite.data.catalogue import CATALOGUE_FOLDER
from seniorsite.data.events import LOCAL_ZONE
from seniorsite.data.page_reviews import PageReview
from seniorsite.data.site_data import CATALOGUE_FILE, CONVERSATION_FILE, EVENTS_FILE, FAQ_FILE, GLOSSARY_FILE, POLICY_FILE, YEAR_CYCLE_FILE
from seniorsite.data.translations import page_twin
from seniorsite.page.dates import format_day
from seniorsite.page.last_changed import last_changed
from seniorsite.page.markers import MARKER
from seniorsite.strings import Translate


@dataclass(frozen=True)
class DataSource:
    """A data file a marker renders; edit_label is the interface string of its edit link, or '' for none."""

    file: str
    edit_label: str = ""


# The one map from a marker to the data it shows. The front page's next event gets no edit link: the page is not the events'.
MARKER_SOURCES: dict[str, DataSource] = {
    "faq": DataSource(FAQ_FILE, "edit.data.faq"),
    "events-upcoming": DataSource(EVENTS_FILE, "edit.data.events"),
    "events-past": DataSource(EVENTS_FILE, "edit.data.events"),
    "calendar-feed": DataSource(EVENTS_FILE, "edit.data.events"),
    "next-event": DataSource(EVENTS_FILE),
    "conversation-manager": DataSource(CONVERSATION_FILE, "edit.data.conversation"),
    "conversation-employee": DataSource(CONVERSATION_FILE, "edit.data.conversation"),
    "conversation-themes": DataSource(CONVERSATION_FILE, "edit.data.conversation"),
    "conversation-agreements": DataSource(CONVERSATION_FILE, "edit.data.conversation"),
    "conversation-form": DataSource(CONVERSATION_FILE, "edit.data.conversation"),
    "policy-form": DataSource(POLICY_FILE, "edit.data.policy"),
    "glossary": DataSource(GLOSSARY_FILE, "edit.data.glossary"),
    "catalogue": DataSource(CATALOGUE_FILE, "edit.data.catalogue"),
    "catalogue-tags": DataSource(CATALOGUE_FILE, "edit.data.catalogue"),
    "year-cycle": DataSource(YEAR_CYCLE_FILE, "edit.data.year_cycle"),
    "year-cycle-calendar": DataSource(YEAR_CYCLE_FILE, "edit.data.year_cycle"),
}


def data_sources(markdown: str) -> tuple[DataSource, ...]:
    """Return the data files a page's markers show, each once, in the order they first appear."""
    found = (MARKER_SOURCES.get(match.group("name")) for match in MARKER.finditer(markdown))
    return tuple(dict.fromkeys(source for source in found if source is not None))


def data_edit_url(repo_url: str, edit_uri: str, data_file: str) -> str:
    """Return the address that opens a data file in GitHub's editor, beside the pages' own edit address."""
    pages_edit = urljoin(repo_url.rstrip("/") + "/", edit_uri)
    return urljoin(pages_edit, "../" + data_file)


def page_meta(markdown: str, source: str, language: str, t: Translate, repo_url: str, edit_uri: str,
              catalogue_slugs: Iterable[str], git_times: Mapping[str, datetime], project_dir: Path,
              review: PageReview | None = None) -> dict[str, object]:
    """Return what a page's foot shows of its sources: each data file's edit link, the day its content last changed, its owner and review date."""
    sources = data_sources(markdown)
    meta: dict[str, object] = {"data_edits": [
        {"url": data_edit_url(repo_url, edit_uri, item.file), "label": t(item.edit_label), "file": item.file}
        for item in dict.fromkeys(item for item in sources if item.edit_label)
    ]}
    files = [f"docs/{source}", *(item.file for item in sources)]
    if any(item.file == MARKER_SOURCES["catalogue"].file for item in sources):
        files += [page_twin(Path(f"docs/{CATALOGUE_FOLDER}/{slug}.md"), language).as_posix() for slug in catalogue_slugs]
    changed = last_changed(files, git_times, project_dir)
    if changed is not None:
        day = changed.astimezone(LOCAL_ZONE).date()
        meta["last_changed"] = {"iso": day.isoformat(), "text": format_day(day, language, t)}
    if review is not None:
        meta["review"] = {"owner": review.owner, "iso": review.review.isoformat(), "text": format_day(review.review, language, t)}
    return meta
