"""The site's interface strings, read from the same language files the theme uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, UndefinedError

Translate = Callable[[str], str]


def strings_template_name(language: str) -> str:
    """Return the overrides path of a language's string file."""
    return f"partials/languages/site-{language}.html"


def load_strings(overrides_dir: Path, language: str) -> Translate:
    """Return t(key) for a language; an unknown key raises KeyError instead of showing nothing."""
    environment = Environment(loader=FileSystemLoader(str(overrides_dir)), undefined=StrictUndefined, autoescape=False)
    module = environment.get_template(strings_template_name(language)).make_module()

    def translate(key: str) -> str:
        """Return the string for key in this language."""
        try:
            value = str(module.t(key))
        except UndefinedError:
            value = ""
        if not value:
            raise KeyError(f"the interface string '{key}' is missing from overrides/{strings_template_name(language)}")
        return value

    return translate
