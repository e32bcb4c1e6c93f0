"""Fixtures: one full build of the real site per test run, served locally, and a browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import BROWSER_MISSING, CHROMIUM, CHROMIUM_ARGUMENTS, PROJECT, BuildResult, build, serve


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the real project once, in strict mode, dated 5 September 2023."""
    result = build(PROJECT, tmp_path_factory.mktemp("build") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site_url(built_site: BuildResult) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 for the browser tests."""
    with serve(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Start the browser (Debian's Chromium in CI) through Playwright; a missing browser fails the run, never skips it."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, BROWSER_MISSING
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGUMENTS,
        )
        yield chromium
        chromium.close()
