"""Draw the link-preview images (1200×630 PNG, one per language) from the logo, with headless Chromium.

Run once when the identity changes: `.venv/bin/python scripts/make_share_images.py`. The images are
kept in the repository, so a build fetches and draws nothing.
"""

from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import sync_playwright
from system_packages import find_browser  # scripts/ is on the path when this runs

PROJECT = Path(__file__).resolve().parent.parent
IMAGES = PROJECT / "docs" / "assets" / "images"
CHROMIUM = str(find_browser() or "/usr/bin/chromium")  # SENIORSITE_BROWSER, then the usual places
TEXTS = {
    "da": ("Seniorværktøjer", "Værktøjer til en god seniorindsats i kommunerne", "Seniorpartnerskabet · KL og Forhandlingsfællesskabet"),
    "en": ("Senior tools", "Tools for a good senior effort in Danish municipalities", "The Senior Partnership · KL and Forhandlingsfællesskabet"),
}


def card_html(language: str) -> str:
    """Return the share card's page for one language, with the logo inline and the system's sans font."""
    title, subtitle, owner = (html.escape(text) for text in TEXTS[language])
    logo = (IMAGES / "logo.svg").read_text(encoding="utf-8")
    return f"""<!doctype html><html lang="{language}"><head><meta charset="utf-8"><style>
    body {{ margin: 0; width: 1200px; height: 630px; background: #0b5563; color: #fff;
           font-family: "DejaVu Sans", "Liberation Sans", sans-serif; display: flex; flex-direction: column;
           justify-content: center; padding: 0 90px; box-sizing: border-box; }}
    svg {{ width: 150px; height: 150px; margin-bottom: 40px; }}
    h1 {{ font-size: 84px; margin: 0 0 20px; letter-spacing: -1px; }}
    p {{ font-size: 40px; margin: 0 0 50px; line-height: 1.25; }}
    small {{ font-size: 28px; color: #f2c48d; }}
    </style></head><body>{logo}<h1>{title}</h1><p>{subtitle}</p><small>{owner}</small></body></html>"""


def main() -> None:
    """Write share-da.png and share-en.png beside the logo."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        for language in TEXTS:
            page.set_content(card_html(language))
            page.screenshot(path=str(IMAGES / f"share-{language}.png"))
        browser.close()


if __name__ == "__main__":
    main()
