"""Texts to fill in: each `{{ id }}` shown as its field's prompt in a marked span, and the panel where a reader fills the fields once."""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import escape

from seniorsite.data.details import Details, Field
from seniorsite.data.placeholders import PLACEHOLDER, prose_pieces
from seniorsite.strings import Translate

PANEL_TEMPLATE = "partials/data/details-panel.html"
OPENER_TEMPLATE = "partials/data/details-opener.html"
FILL_CLASS = "sv-fill"  # the class of a field's span in a text: details.js fills it, the Word files mark it
# A filled-in span: details.js writes the value in place of the prompt; the Word files mark the same prompt.
FILL_SPAN = re.compile(rf'<span class="{FILL_CLASS}" data-field="(?P<id>[a-z0-9-]+)">')
EMPTY_FILL_SPAN = re.compile(rf'<span class="{FILL_CLASS}" data-field="(?P<id>[a-z0-9-]+)"></span>')
DETAILS_FILE_FORMAT = "seniorvaerktoejer-oplysninger"
DETAILS_FILE_VERSION = 1


def fill_span(field: Field, language: str) -> str:
    """Return a field's marked prompt as a text shows it until the reader fills it in."""
    return f'<span class="{FILL_CLASS}" data-field="{field.id}">{escape(field.prompt(language))}</span>'


def with_fill_spans(markdown: str) -> str:
    """Replace every `{{ id }}` outside code with an empty marked span, before Markdown can take its words for terms."""
    def span(match: re.Match[str]) -> str:
        """Return the empty marked span of one placeholder."""
        return f'<span class="{FILL_CLASS}" data-field="{match.group("id")}"></span>'

    return "".join(PLACEHOLDER.sub(span, piece) if prose else piece for _, piece, prose in prose_pieces(markdown))


def with_prompts(html: str, details: Details, language: str) -> str:
    """Write each field's prompt into its empty marked span, in the page's language (the build has checked every id)."""
    fields = {field.id: field for field in details.fields}
    return EMPTY_FILL_SPAN.sub(lambda match: fill_span(fields[match.group("id")], language), html)


def fields_on_page(html: str, details: Details) -> tuple[Field, ...]:
    """Return the fields a page's texts ask for, in the panel's order."""
    return details.used_in({match.group("id") for match in FILL_SPAN.finditer(html)})


def details_panel(details: Details, language: str, t: Translate, environment: Environment) -> str:
    """Return the panel with every field, where a reader fills in the details once, saves them to a file and opens it again."""
    return environment.get_template(PANEL_TEMPLATE).render(
        fields=details.fields, lang=language, t=t, file_format=DETAILS_FILE_FORMAT, file_version=DETAILS_FILE_VERSION,
    )


def with_details_opener(html: str, details: Details, language: str, t: Translate, environment: Environment, root: str) -> str:
    """Put the button that opens the panel before the first section of a written page whose texts have fields to fill in."""
    fields = fields_on_page(html, details)
    if not fields:
        return html
    title_end = html.find("</h1>")
    first_section = html.find("<h2", title_end)
    if title_end < 0 or first_section < 0:
        return html
    opener = environment.get_template(OPENER_TEMPLATE).render(fields=[field.id for field in fields], lang=language, t=t, root=root)
    return html[:first_section] + opener + html[first_section:]
