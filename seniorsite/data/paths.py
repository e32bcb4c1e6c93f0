"""The tasks' step-by-step paths from data/paths.yml: each task's page and its steps across the tools, checked."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from seniorsite.data.data_files import EntryNamer, duplicate_id_problems, load_data_file
from seniorsite.data.page_links import PageLink, page_link, twin_source
from seniorsite.data.yaml_source import line_of
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from seniorsite.problems import Problem

PATHS_NOUNS = {"paths": "path", "steps": "step"}
# What a reader does at a step, in the order the schema lists them; the schema's enum must be exactly these.
ACTIONS = ("read", "fill-in", "form", "download", "check")
# The folders of the files the site builds beside the pages, shared by both languages (PDFs, Word and OpenDocument files).
FILE_FOLDERS = ("pdf", "dokumenter")
PATH_MARKER = re.compile(r"<!--\s*insert\s*:\s*path\s*-->")


class PathNamer(EntryNamer):
    """Names an entry of data/paths.yml as `path "seniorsamtale"` or `path "seniorsamtale", step 2`."""

    def __call__(self, path: list[str | int]) -> str:
        """Return the path's name, with the step's number when the field lies inside a step."""
        entries = self.document.get("paths") if isinstance(self.document, dict) else None
        if len(path) < 2 or path[0] != "paths" or not isinstance(path[1], int) or not isinstance(entries, list) or path[1] >= len(entries):
            return super().__call__(path)
        entry = entries[path[1]]
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        name = f'path "{entry_id}"' if isinstance(entry_id, str) and entry_id else f"path number {path[1] + 1}"
        return f"{name}, step {path[3] + 1}" if len(path) > 3 and path[2] == "steps" and isinstance(path[3], int) else name


@dataclass(frozen=True)
class Step:
    """One step of a path: where it is done (a page and heading, or a built file), its title, text and kind of action."""

    title: dict[str, str]
    text: dict[str, str]
    action: str
    page: PageLink | None = None  # the page (and heading) the step leads to
    file: str = ""  # or the built file, by its Danish name, like dokumenter/seniorvaerktoejer-invitation-da.docx

    def file_in(self, language: str) -> str:
        """Return the built file's name in a language (-da swapped for the language's own ending)."""
        return re.sub(rf"-{DEFAULT_LANGUAGE}(\.[a-z]+)$", rf"-{language}\1", self.file)


@dataclass(frozen=True)
class TaskPath:
    """One task: its own page, its title, who it is for, what they get, and its steps in order."""

    id: str
    page: PageLink
    title: dict[str, str]
    who: dict[str, str]
    gets: dict[str, str]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class StepPlace:
    """Where a page lies in one path: the path and the step's place in it (0 for the first)."""

    path: TaskPath
    index: int

    @property
    def step(self) -> Step:
        """Return the step itself."""
        return self.path.steps[self.index]

    @property
    def previous(self) -> Step | None:
        """Return the step before this one, or None for the first."""
        return self.path.steps[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> Step | None:
        """Return the step after this one, or None for the last."""
        return self.path.steps[self.index + 1] if self.index + 1 < len(self.path.steps) else None


@dataclass(frozen=True)
class Paths:
    """Every task in the order of the file, and for each page the steps it is, worked out once when the data is loaded."""

    paths: tuple[TaskPath, ...]
    places: dict[str, tuple[StepPlace, ...]] = field(default_factory=dict)  # by the Danish page's source under docs/

    @classmethod
    def of(cls, paths: tuple[TaskPath, ...]) -> Paths:
        """Return the tasks with each page's steps, in the order of the tasks."""
        places: dict[str, list[StepPlace]] = {}
        for task in paths:
            for index, step in enumerate(task.steps):
                if step.page is not None:
                    places.setdefault(step.page.source, []).append(StepPlace(task, index))
        return cls(paths, {source: tuple(found) for source, found in places.items()})

    def for_page(self, source: str) -> TaskPath | None:
        """Return the path whose own page is source (the Danish page's file under docs/), or None."""
        return next((task for task in self.paths if task.page.source == source), None)

    def steps_on(self, source: str) -> tuple[StepPlace, ...]:
        """Return every path's step that leads to the page source (the Danish page's file under docs/)."""
        return self.places.get(source, ())


def is_file_target(target: str) -> bool:
    """True when a step's target is a file the site builds (under pdf/ or dokumenter/), not a page."""
    return target.split("/", 1)[0] in FILE_FOLDERS and ".md" not in target


def _step_problems(entry: dict, steps: list, docs_dir: Path, problem: Callable[[int, str, str], Problem]) -> tuple[dict[int, PageLink], list[Problem]]:
    """Check each step's target (the page and heading exist; a file is a download; a page comes once; the last is a page); return the pages' links."""
    links, problems, seen = {}, [], {}
    for number, step in enumerate(steps):
        target = step.get("target") if isinstance(step, dict) else None
        if not isinstance(target, str):
            continue
        if is_file_target(target):
            if step.get("action") != "download":
                problems.append(problem(number, "action", f"'action' is {step.get('action')}, but the step leads to the file {target}; a step that leads to a file is a download"))
            continue
        link, more = page_link(target, docs_dir, lambda name, message, number=number: problem(number, name, message), "target")
        problems += more
        if link is not None:
            links[number] = link
        source = target.partition("#")[0]
        if source in seen:
            problems.append(problem(number, "target", f"'target' {target} is a page that step {seen[source] + 1} already leads to; a path visits each page once"))
        elif source == entry.get("page"):
            problems.append(problem(number, "target", f"'target' {target} is the path's own page; a step leads on to another page"))
        seen.setdefault(source, number)
    last = steps[-1] if steps else None
    last_target = last.get("target") if isinstance(last, dict) else None
    if isinstance(last_target, str) and is_file_target(last_target):
        problems.append(problem(len(steps) - 1, "target", f"'target' {last_target} is a file; the last step must be a page, where the reader ends up"))
    return links, problems


def _task(entry: dict, own: PageLink, links: dict[int, PageLink]) -> TaskPath:
    """Build a TaskPath from an entry that passed every check."""
    steps = tuple(
        Step(dict(step["title"]), dict(step["text"]), step["action"], page=links.get(number), file="" if number in links else step["target"])
        for number, step in enumerate(entry["steps"])
    )
    return TaskPath(entry["id"], own, dict(entry["title"]), dict(entry["who"]), dict(entry["gets"]), steps)


def _own_page_problems(target: str, docs_dir: Path, problem: Callable[[str, str], Problem]) -> tuple[PageLink | None, list[Problem]]:
    """Check that the task's own page exists in every language and holds the marker that shows the steps."""
    link, problems = page_link(target, docs_dir, problem)
    if problems or not docs_dir.is_dir():
        return link, problems
    for language in LANGUAGES:
        name = twin_source(target, language)
        if not PATH_MARKER.search((docs_dir / name).read_text(encoding="utf-8-sig")):
            problems.append(problem("page", f"'page' docs/{name} does not show the steps; put <!-- insert: path --> on it"))
    return (link if not problems else None), problems


def _schema_actions(schema_dir: Path) -> tuple[str, ...]:
    """Return the kinds of action the schema allows, to check they are the code's."""
    schema = json.loads((schema_dir / "paths.schema.json").read_text(encoding="utf-8"))
    return tuple(schema["properties"]["paths"]["items"]["properties"]["steps"]["items"]["properties"]["action"]["enum"])


def load_paths(path: Path, shown_as: str, schema_dir: Path, docs_dir: Path) -> tuple[Paths | None, list[Problem]]:
    """Load and check the tasks' paths; return them (None when there are problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "paths.schema.json", PATHS_NOUNS, PathNamer)
    entries = document.get("paths") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return None, problems
    if _schema_actions(schema_dir) != ACTIONS:
        problems.append(Problem(f"{schema_dir.name}/paths.schema.json", 0, f"the kinds of action must be exactly {', '.join(ACTIONS)} (seniorsite/data/paths.py)"))
    problems += duplicate_id_problems(document, "paths", shown_as, namer)
    seen_pages: dict[str, int] = {}
    checked: list[tuple[dict, PageLink | None, dict[int, PageLink]]] = []
    for index, entry in enumerate(entries):
        def problem(field: str, message: str, index: int = index) -> Problem:
            return Problem(shown_as, line_of(document, ["paths", index, field]), message, namer(["paths", index, field]))

        def step_problem(number: int, field: str, message: str, index: int = index) -> Problem:
            where = ["paths", index, "steps", number, field]
            return Problem(shown_as, line_of(document, where), message, namer(where))

        if not isinstance(entry, dict):
            continue
        own = entry.get("page")
        link, more = _own_page_problems(own, docs_dir, problem) if isinstance(own, str) and own.endswith(".md") else (None, [])
        problems += more
        if isinstance(own, str) and own in seen_pages:
            problems.append(problem("page", f"'page' {own} is already the page of the path at line {seen_pages[own]}; each task has its own page"))
        elif isinstance(own, str):
            seen_pages[own] = line_of(document, ["paths", index, "page"])
        steps = entry.get("steps")
        links, more = _step_problems(entry, steps, docs_dir, step_problem) if isinstance(steps, list) else ({}, [])
        problems += more
        checked.append((entry, link, links))
    if problems:
        return None, problems
    return Paths.of(tuple(_task(entry, own, links) for entry, own, links in checked if own is not None)), []

