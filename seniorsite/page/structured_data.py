"""schema.org JSON-LD for the FAQ and events, serialised so it can sit safely in a <script> tag."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from seniorsite.data.events import Event
from seniorsite.data.faq import Faq
from seniorsite.data.safe_text import markdown_to_html, markdown_to_text
from seniorsite.strings import Translate


def script_tag(data: dict[str, Any]) -> Markup:
    """Return a JSON-LD script element; '<', '>' and '&' are escaped so no text can close the tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def faq_page(faq: Faq, language: str) -> dict[str, Any]:
    """Describe the FAQ as a schema.org FAQPage."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question[language],
                "acceptedAnswer": {"@type": "Answer", "text": str(markdown_to_html(question.answer[language]))},
            }
            for question in faq.questions
        ],
    }


def event_item(event: Event, language: str, page_url: str, t: Translate) -> dict[str, Any]:
    """Describe one event as a schema.org Event."""
    item: dict[str, Any] = {
        "@type": "Event",
        "@id": f"{page_url}#{event.id}",
        "name": event.title[language],
        "description": markdown_to_text(event.description[language]),
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "inLanguage": language,
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": t("organizer")},
        "url": f"{page_url}#{event.id}",
    }
    if event.online:
        item["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        item["location"] = {"@type": "VirtualLocation", "url": event.recording or event.registration or page_url}
    elif event.location:
        item["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        item["location"] = {"@type": "Place", "name": event.location[language], "address": event.location[language]}
    return item


def event_list(events: list[Event], language: str, page_url: str, t: Translate) -> dict[str, Any]:
    """Describe a list of events as a schema.org graph."""
    return {"@context": "https://schema.org", "@graph": [event_item(e, language, page_url, t) for e in events]}
