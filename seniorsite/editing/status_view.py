"""What the 'translation-status' marker shows: each text waiting for translation, in the page's language."""

from __future__ import annotations

from seniorsite.editing.translation_status import TranslationStatus, TwinStatus
from seniorsite.strings import Translate


def age_words(twin: TwinStatus, t: Translate) -> str:
    """Say how much older the translation is, in the page's language."""
    days = twin.lag.days
    if days == 0:
        return t("translation.under_a_day")
    return t("translation.one_day") if days == 1 else t("translation.days").replace("{n}", str(days))


def waiting_items(status: TranslationStatus, t: Translate, edit_base: str) -> list[dict[str, str]]:
    """Return, for each text waiting for translation, where it is, a sentence saying how old it is and its edit link."""
    items = []
    for twin in status.waiting:
        older, newer = twin.older, twin.newest
        file = twin.files[older]
        sentence = (
            t("translation.older").replace("{older}", t(f"translation.adjective.{older}"))
            .replace("{newer}", t(f"translation.adjective.{newer}")).replace("{age}", age_words(twin, t))
        )
        where = file if twin.kind == "page" else f"{file}, {t('translation.line').replace('{line}', str(twin.lines[older]))}"
        items.append({
            "where": where, "entry": twin.entry, "sentence": sentence, "edit": edit_base + file,
            "edit_text": t("translation.edit").replace("{older}", t(f"translation.adjective.{older}")),
        })
    return items


def waiting_view(status: TranslationStatus | None, t: Translate, edit_base: str) -> list[dict[str, str]] | None:
    """Return what the 'translation-status' marker lists, or None when there is no status or git cannot date the files."""
    return waiting_items(status, t, edit_base) if status is not None and status.git_known else None
