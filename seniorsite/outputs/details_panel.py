"""The details panel as a script per language, loaded only when a reader opens it: the first view carries a button, not the form."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from jinja2 import Environment

from seniorsite.data.details import Details
from seniorsite.page.fill_in import details_panel
from seniorsite.strings import Translate

PANEL_SCRIPT = "assets/javascripts/details-panel-{language}.js"
PANEL_GLOBAL = "svDetailsPanel"  # the name details.js reads the panel's HTML from


def panel_script(details: Details, language: str, t: Translate, environment: Environment) -> str:
    """Return a script that hands details.js the language's panel, rendered through its partial (escaped there)."""
    return f"window.{PANEL_GLOBAL} = {json.dumps(details_panel(details, language, t, environment), ensure_ascii=False)};\n"


def write_panel_scripts(site_dir: Path, details: Details, strings: Mapping[str, Translate], languages: Iterable[str], environment: Environment) -> list[Path]:
    """Write each language's panel script into the built site; return the files written."""
    written = []
    for language in languages:
        target = site_dir / PANEL_SCRIPT.format(language=language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(panel_script(details, language, strings[language], environment), encoding="utf-8")
        written.append(target)
    return written
