"""What a page shows of the tasks' paths: a task's steps, every task as a card, and where a step's page lies in its tasks."""

from __future__ import annotations

import re

from jinja2 import Environment

from seniorsite.data.paths import Paths, Step, StepPlace, TaskPath
from seniorsite.languages import language_prefix
from seniorsite.strings import Translate

PARTIALS = "partials/data"
FIRST_TITLE_END = re.compile(r"</h1>")
FILE_KINDS = {".pdf": "pdf", ".docx": "docx", ".odt": "odt"}


def step_href(step: Step, root: str, language: str) -> str:
    """Return the link from a page (root leads to its language's front page) to where the step is done, in the page's language."""
    if step.page is not None:
        return root + step.page.address
    return root + "../" * language_prefix(language).count("/") + step.file_in(language)  # the files lie at the site's root


def task_href(task: TaskPath, root: str) -> str:
    """Return the link from a page to a task's own page."""
    return root + task.page.address


def step_view(step: Step, number: int, root: str, language: str, t: Translate) -> dict[str, object]:
    """Return what the steps' partial needs to show one step: its number, link, title, text and kind of action."""
    kind = FILE_KINDS.get(step.file[step.file.rfind("."):], "") if step.file else ""
    return {
        "number": number, "href": step_href(step, root, language), "title": step.title[language], "text": step.text[language],
        "action": t(f"path.action.{step.action}"), "file": t(f"path.file.{kind}") if kind else "",
    }


def steps_html(task: TaskPath, root: str, language: str, t: Translate, environment: Environment) -> str:
    """Render a task's steps in order, each with its link, text and kind of action."""
    steps = [step_view(step, number, root, language, t) for number, step in enumerate(task.steps, start=1)]
    return environment.get_template(f"{PARTIALS}/path.html").render(lang=language, t=t, steps=steps)


def tasks_html(paths: Paths, root: str, language: str, t: Translate, environment: Environment) -> str:
    """Render every task as a card: its title linking to its page, who it is for and what they get."""
    cards = [{"href": task_href(task, root), "task": task} for task in paths.paths]
    return environment.get_template(f"{PARTIALS}/tasks.html").render(lang=language, t=t, cards=cards)


def _trail_line(place: StepPlace, root: str, language: str, t: Translate) -> dict[str, object]:
    """Return one line of a step's box: which step of which task, and the steps before and after it."""
    def move(step: Step | None) -> dict[str, str] | None:
        return {"href": step_href(step, root, language), "title": step.title[language]} if step else None

    where = t("path.step_of").replace("{number}", str(place.index + 1)).replace("{total}", str(len(place.path.steps)))
    return {"where": where, "href": task_href(place.path, root), "title": place.path.title[language],
            "previous": move(place.previous), "next": move(place.next)}


def with_step_box(html: str, places: tuple[StepPlace, ...], root: str, language: str, t: Translate, environment: Environment) -> str:
    """Put a page's place in its tasks (one line per task) right after its title; a page that is no step is returned as it is."""
    if not places:
        return html
    lines = [_trail_line(place, root, language, t) for place in places]
    box = environment.get_template(f"{PARTIALS}/step-box.html").render(lang=language, t=t, lines=lines).strip()
    match = FIRST_TITLE_END.search(html)
    return html[: match.end()] + box + html[match.end():] if match else box + html
