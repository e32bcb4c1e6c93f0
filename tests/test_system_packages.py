"""The system packages: one list, checked before `make site` and `make test` start, installed where allowed, else named."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import system_packages
from scripts.system_packages import BROWSER_VARIABLE, BY_KEY, browser_missing_message, check, find_browser, share
from tests.helpers import PROJECT, copy_project

NOT_THERE = "libseniorsite-findes-ikke-1.0.so.0"


def keys(name: str) -> list[str]:
    """Return the keys of one share of the list."""
    return [requirement.key for requirement in share(name)]


def test_the_list_names_what_each_command_needs() -> None:
    """The build needs venv and Pango (HarfBuzz-Subset only speeds it up); the tests add git, a browser, Java and npm."""
    assert keys("build") == ["venv", "pango", "harfbuzz-subset"]
    assert keys("serve") == ["venv"]  # the preview writes no PDFs
    assert keys("test") == ["venv", "pango", "harfbuzz-subset", "git", "chromium", "java", "npm"]
    assert keys("publish") == ["git", "gh"]
    assert [r.key for r in system_packages.REQUIREMENTS if not r.needed] == ["harfbuzz-subset"]
    assert BY_KEY["pango"].debian == ("libpango-1.0-0", "libpangoft2-1.0-0")
    assert BY_KEY["harfbuzz-subset"].debian == ("libharfbuzz-subset0",)
    for requirement in system_packages.REQUIREMENTS:
        assert requirement.debian and requirement.homebrew and requirement.purpose, requirement.key
        assert requirement.needed or requirement.without, requirement.key


def make(project: Path, target: str, arguments: str, extra_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a make target in a project copy with SYSTEM_CHECK_ARGS, this checkout's .venv linked in."""
    environment = {**os.environ, "SENIORSITE_PDF": "0"}
    if extra_path:
        environment["PATH"] = f"{extra_path}{os.pathsep}{environment['PATH']}"
    return subprocess.run(["make", target, f"SYSTEM_CHECK_ARGS={arguments}"], cwd=project,
                          env=environment, capture_output=True, text=True, timeout=300)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with its Makefile and scripts, and a published site/ that must stay as it is."""
    copied = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt", "package-lock.json"):
        shutil.copy2(PROJECT / name, copied / name)  # keeps the times, so make does not reinstall
    shutil.copytree(PROJECT / "scripts", copied / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (copied / ".venv").symlink_to(PROJECT / ".venv")
    (copied / "site").mkdir()
    (copied / "site" / "index.html").write_text("the published site", encoding="utf-8")
    return copied


def test_make_site_stops_before_mkdocs_when_pango_is_missing(project: Path) -> None:
    """Pointed at a Pango that does not exist, `make site` stops at once with one message: what is missing, and how to install it."""
    stopped = make(project, "site", f"--look-for pango={NOT_THERE} --no-install")
    said = stopped.stdout + stopped.stderr
    assert stopped.returncode != 0
    assert "`make site` cannot run: this machine lacks" in stopped.stderr
    assert f"Pango, which lays out the PDFs (WeasyPrint) (looked for the library {NOT_THERE})" in stopped.stderr
    assert "Debian/Ubuntu:    sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0" in stopped.stderr
    assert "macOS (Homebrew): brew install pango" in stopped.stderr
    assert "mkdocs" not in said and "Building documentation" not in said  # nothing started, nothing half-built
    assert not (project / ".site-build").exists()
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the published site"


def test_make_test_stops_before_any_test_when_java_is_missing(project: Path) -> None:
    """Pointed at a Java that does not exist, `make test` names it and stops before npm or pytest start."""
    environment_check = make(project, "test", "--no-install --look-for java=java-findes-ikke")
    assert environment_check.returncode != 0
    assert "`make test` cannot run: this machine lacks" in environment_check.stderr
    assert "Java, which runs the W3C Nu HTML Checker (looked for the command java-findes-ikke -version)" in environment_check.stderr
    assert re.search(r"Debian/Ubuntu: +sudo apt-get install .*\bdefault-jre-headless\b", environment_check.stderr)
    assert "-m pytest" not in environment_check.stdout and "npm ci" not in environment_check.stdout


def fake_command(folder: Path, name: str, body: str) -> None:
    """Write an executable shell script called name into folder."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def test_what_is_missing_is_installed_with_apt_get_and_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """As root (or with sudo that asks no password) the check installs the missing packages with apt-get and says which."""
    log = tmp_path / "apt-get.log"
    folder = tmp_path / "bin"
    fake_command(folder, "apt-get", f'echo "$@" >> {log}')
    fake_command(folder, "sudo", 'shift; shift; exec "$@"')  # sudo -n VAR=value apt-get …: run apt-get as it is
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    def present(requirement: system_packages.Requirement) -> bool:
        """Pango is there once apt-get has run; the rest is there already."""
        return requirement.key != "pango" or log.exists()

    assert check("`make site`", share("build"), present=present) == 0
    said = capsys.readouterr().out
    assert "Installing from Debian: libpango-1.0-0 libpangoft2-1.0-0" in said
    assert "Installed: libpango-1.0-0 libpangoft2-1.0-0" in said
    assert log.read_text(encoding="utf-8").splitlines() == ["update -qq", "install -y -qq libpango-1.0-0 libpangoft2-1.0-0"]


def test_an_install_that_does_not_help_still_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """If apt-get ran but the library is still not found, the check says so and stops with the install commands."""
    folder = tmp_path / "bin"
    fake_command(folder, "apt-get", "exit 0")
    fake_command(folder, "sudo", 'shift; shift; exec "$@"')
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    assert check("`make site`", share("build"), present=lambda requirement: requirement.key != "pango") == 1
    out, err = capsys.readouterr()
    assert "Installed, but still not found: Pango" in out
    assert "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0" in err


def test_without_a_way_to_install_a_missing_speedup_is_named_and_the_work_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing HarfBuzz-Subset only slows the PDFs: it is named with its install commands and the check lets the build go on."""
    code = check("`make site`", share("build"), may_install=False, present=lambda requirement: requirement.key != "harfbuzz-subset")
    out = capsys.readouterr().out
    assert code == 0
    assert "`make site` goes on without" in out
    assert "HarfBuzz-Subset, which makes the PDFs' embedded fonts small (WeasyPrint): WeasyPrint falls back to fontTools" in out
    assert "sudo apt-get install libharfbuzz-subset0" in out and "brew install harfbuzz" in out


def test_the_check_finds_a_real_library_and_command() -> None:
    """The real check, on this machine: Pango loads (the build needs it) and an unknown library or command does not."""
    assert system_packages.is_present(BY_KEY["pango"])
    assert system_packages.is_present(BY_KEY["git"])
    assert not system_packages.is_present(system_packages.looking_for([BY_KEY["pango"]], [f"pango={NOT_THERE}"])[0])
    assert not system_packages.is_present(system_packages.looking_for([BY_KEY["git"]], ["git=git-findes-ikke"])[0])


def test_the_browser_is_found_by_variable_then_in_the_usual_places(tmp_path: Path) -> None:
    """SENIORSITE_BROWSER comes first; then the usual Chromium and Chrome places; none found gives a message that says what to do."""
    chrome = tmp_path / "Google Chrome"
    fake_command(tmp_path, chrome.name, "exit 0")
    other = tmp_path / "chromium"
    fake_command(tmp_path, other.name, "exit 0")
    assert find_browser({BROWSER_VARIABLE: str(chrome)}, places=[str(other)]) == chrome
    assert find_browser({"PATH": ""}, places=[str(tmp_path / "none"), str(other)], commands=[]) == other
    assert find_browser({"PATH": str(tmp_path)}, places=[], commands=["chromium"]) == other
    assert find_browser({"PATH": ""}, places=[], commands=[]) is None
    message = browser_missing_message({})
    assert BROWSER_VARIABLE in message and "/usr/bin/chromium" in message
    assert "sudo apt-get install chromium" in message and "brew install --cask chromium" in message


def test_a_browser_variable_that_points_nowhere_is_said_plainly(tmp_path: Path) -> None:
    """A SENIORSITE_BROWSER that is no program file is never passed over for another browser: it is named."""
    wrong = str(tmp_path / "no-such-browser")
    assert find_browser({BROWSER_VARIABLE: wrong}, places=["/bin/sh"]) is None
    assert browser_missing_message({BROWSER_VARIABLE: wrong}) == (
        f"{BROWSER_VARIABLE} is set to {wrong}, which is not a program file on this machine: point it at Chromium or Chrome.")


def test_the_check_runs_with_the_machines_own_python() -> None:
    """The check runs before .venv exists: the plain `python3` with the standard library only, and lists every package."""
    listed = subprocess.run([shutil.which("python3") or sys.executable, "-I", "scripts/system_packages.py", "--list"],
                            cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    for requirement in system_packages.REQUIREMENTS:
        assert requirement.name in listed and " ".join(requirement.debian) in listed
