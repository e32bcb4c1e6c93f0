"""The site's languages and time zone: the one place they are named in code."""

from __future__ import annotations

DEFAULT_LANGUAGE = "da"
LANGUAGES: tuple[str, ...] = ("da", "en")
LANGUAGE_NAMES = {"da": "Danish", "en": "English"}
# Each language as a document states it (Word, OpenDocument): language and country.
DOCUMENT_LANGUAGES = {"da": "da-DK", "en": "en-GB"}
TIMEZONE = "Europe/Copenhagen"


def language_prefix(language: str) -> str:
    """Return the URL folder of a language relative to the site root ('' or 'en/')."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def language_base_url(base_url: str, language: str) -> str:
    """Return the relative URL from a page to its language's root, from the page's site base_url."""
    # The theme resolves its base as a folder only when it ends in a slash.
    prefix = language_prefix(language)
    return f"{base_url}/{prefix}" if prefix else base_url


def hreflang_links(site_url: str, twin_urls: dict[str, str]) -> list[dict[str, str]]:
    """Return absolute hreflang alternates for a page's twins, plus x-default (the Danish one)."""
    def absolute(url: str) -> str:
        return site_url + ("" if url in ("", "./", ".") else url)

    links = [{"lang": language, "href": absolute(twin_urls[language])} for language in LANGUAGES if language in twin_urls]
    if DEFAULT_LANGUAGE in twin_urls:
        links.append({"lang": "x-default", "href": absolute(twin_urls[DEFAULT_LANGUAGE])})
    return links


def site_root(site_url: str, language: str) -> str:
    """Return the site's root address, whether or not a language's build has put its folder on it."""
    prefix = language_prefix(language)
    return site_url.removesuffix(prefix) if prefix else site_url


def share_image_url(site_url: str, language: str) -> str:
    """Return the absolute address of a language's link-preview image (kept once, at the site root)."""
    return f"{site_root(site_url, language)}assets/images/share-{language}.png"
