"""The system packages the build, the tests and the publishing need: one list, one check, one install.

Run with the machine's own Python, before `.venv` exists (standard library only):

    python3 scripts/system_packages.py build      # what `make site` needs (`make serve`: serve)
    python3 scripts/system_packages.py test       # what `make test` needs (the build's share too)
    python3 scripts/system_packages.py publish    # what the publishing jobs in .github/ need
    python3 scripts/system_packages.py audit      # what the dependency audit needs (a venv)

What is missing is installed with apt-get when this user may (root, or sudo without a password);
otherwise a missing package that the work cannot do without stops it with one message that names
every missing piece and the exact commands for Debian/Ubuntu and macOS, and a missing package that
only makes it slower is named and the work goes on. `--no-install` never installs; `--look-for
KEY=NAME` makes the check look for another library or command (the tests use a name that does not
exist); `--list` prints the list.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

SHARES = ("build", "serve", "test", "publish", "audit")
BROWSER_VARIABLE = "SENIORSITE_BROWSER"
# Where a Chromium or Chrome usually is, after SENIORSITE_BROWSER: Debian's first (the one CI uses).
BROWSER_PLACES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "~/Applications/Chromium.app/Contents/MacOS/Chromium",
    "~/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
BROWSER_COMMANDS = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
# Homebrew's library folders, which macOS does not search by itself (WeasyPrint is told through DYLD_FALLBACK_LIBRARY_PATH).
HOMEBREW_LIBRARIES = ("/opt/homebrew/lib", "/usr/local/lib")


@dataclass(frozen=True)
class Requirement:
    """One system package: what it is for, how to tell it is there, and how to install it."""

    key: str
    name: str
    purpose: str
    shares: tuple[str, ...]
    kind: str  # "library" (every name in `look_for` must load), "command" (runs), "browser", "venv"
    look_for: tuple[tuple[str, ...], ...]  # per library or command: the names it goes by on Linux and macOS
    debian: tuple[str, ...]
    homebrew: str
    needed: bool = True
    without: str = ""  # for what is not needed: what happens without it
    note: str = ""  # where the commands below do not cover every machine


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "venv", "Python's venv module", "sets up .venv with the pinned packages", ("build", "serve", "test", "audit"), "venv",
        (("ensurepip",),), (f"python{sys.version_info.major}.{sys.version_info.minor}-venv",), "python@3.12",
    ),
    Requirement(
        "pango", "Pango", "lays out the PDFs (WeasyPrint)", ("build", "test"), "library",
        (("libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0"),
         ("libpangoft2-1.0.so.0", "libpangoft2-1.0.dylib", "libpangoft2-1.0-0")),
        ("libpango-1.0-0", "libpangoft2-1.0-0"), "pango",
    ),
    Requirement(
        "harfbuzz-subset", "HarfBuzz-Subset", "makes the PDFs' embedded fonts small (WeasyPrint)", ("build", "test"), "library",
        (("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0"),),
        ("libharfbuzz-subset0",), "harfbuzz", needed=False,
        without="WeasyPrint falls back to fontTools, which writes the same PDFs more slowly",
    ),
    Requirement(
        "git", "Git", "dates the pages and shows what waits for translation", ("test", "publish"), "command",
        (("git", "--version"),), ("git",), "git",
    ),
    Requirement(
        "chromium", "Chromium (or Google Chrome)", "runs the browser tests, Lighthouse and the search report", ("test",), "browser",
        (BROWSER_COMMANDS,), ("chromium",), "--cask chromium",
        note=f"On Ubuntu, Chromium comes as a snap (sudo snap install chromium); any Chromium or Chrome will do: "
             f"set {BROWSER_VARIABLE} to its program file if it is not in a usual place.",
    ),
    Requirement(
        "java", "Java", "runs the W3C Nu HTML Checker", ("test",), "command",
        (("java", "-version"),), ("default-jre-headless",), "openjdk",
        note="Homebrew's openjdk is not on the PATH by itself: follow the note `brew info openjdk` prints.",
    ),
    Requirement(
        "npm", "Node.js with npm", "installs and runs the checkers from npm (Nu HTML Checker, cspell, Lighthouse)", ("test",), "command",
        (("npm", "--version"),), ("npm",), "node",
    ),
    Requirement(
        "gh", "GitHub CLI", "comments a pull request's preview link (.github/scripts/preview-comment.sh)", ("publish",), "command",
        (("gh", "--version"),), ("gh",), "gh",
    ),
)
BY_KEY = {requirement.key: requirement for requirement in REQUIREMENTS}


def share(name: str) -> tuple[Requirement, ...]:
    """Return the requirements of one share (build, serve, test or publish), in the list's order."""
    return tuple(requirement for requirement in REQUIREMENTS if name in requirement.shares)


def find_browser(environment: Mapping[str, str] = os.environ, places: Sequence[str] = BROWSER_PLACES,
                 commands: Sequence[str] = BROWSER_COMMANDS) -> Path | None:
    """Return the browser to test with: SENIORSITE_BROWSER if set, else the first usual Chromium or Chrome found."""
    chosen = environment.get(BROWSER_VARIABLE, "").strip()
    if chosen:
        path = Path(chosen).expanduser()
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for place in places:
        path = Path(place).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path
    for command in commands:
        found = shutil.which(command, path=environment.get("PATH"))
        if found:
            return Path(found)
    return None


def browser_missing_message(environment: Mapping[str, str] = os.environ) -> str:
    """Say why no browser was found and how to get one."""
    chosen = environment.get(BROWSER_VARIABLE, "").strip()
    if chosen:
        return f"{BROWSER_VARIABLE} is set to {chosen}, which is not a program file on this machine: point it at Chromium or Chrome."
    return (f"No Chromium or Chrome was found (looked in {BROWSER_VARIABLE}, then {', '.join(BROWSER_PLACES[:2])} and the usual places "
            f"on Linux and macOS). {_install_commands([BY_KEY['chromium']])}")


def _library_loads(name: str) -> bool:
    """Tell whether the dynamic loader finds the library by this name (as WeasyPrint will ask for it)."""
    candidates = [name]
    if platform.system() == "Darwin" and "/" not in name:
        candidates += [str(Path(folder) / name) for folder in HOMEBREW_LIBRARIES]
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def _command_runs(arguments: Sequence[str]) -> bool:
    """Tell whether the command is on the PATH and answers its version question without failing."""
    if shutil.which(arguments[0]) is None:
        return False
    try:
        return subprocess.run(list(arguments), capture_output=True, timeout=60, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def is_present(requirement: Requirement) -> bool:
    """Tell whether this machine has the requirement, by the library or command that shows it."""
    if requirement.kind == "library":
        return all(any(_library_loads(name) for name in names) for names in requirement.look_for)
    if requirement.kind == "command":
        return all(_command_runs(arguments) for arguments in requirement.look_for)
    if requirement.kind == "browser":
        return find_browser(commands=requirement.look_for[0]) is not None
    if requirement.kind == "venv":
        return all(importlib.util.find_spec(name) is not None for name in requirement.look_for[0])
    raise ValueError(f"unknown kind of requirement: {requirement.kind}")


def shown_by(requirement: Requirement) -> str:
    """Say in words what the check looks for: 'the library libpango-1.0.so.0 and …'."""
    if requirement.kind == "library":
        return "the library " + " and ".join(names[0] for names in requirement.look_for)
    if requirement.kind == "command":
        return "the command " + " and ".join(" ".join(arguments) for arguments in requirement.look_for)
    if requirement.kind == "browser":
        return f"{BROWSER_VARIABLE}, then {BROWSER_PLACES[0]} and the usual places on Linux and macOS"
    return "the Python module " + ", ".join(requirement.look_for[0])


def looking_for(requirements: Iterable[Requirement], replacements: Sequence[str]) -> tuple[Requirement, ...]:
    """Apply --look-for KEY=NAME: the check looks for NAME (a library or command) instead of what the list names."""
    wanted: dict[str, str] = {}
    for replacement in replacements:
        key, sep, name = replacement.partition("=")
        if not sep or key not in BY_KEY or not name:
            raise SystemExit(f"--look-for takes KEY=NAME with KEY one of {', '.join(BY_KEY)}; got {replacement!r}")
        wanted[key] = name
    return tuple(replace(r, look_for=(_renamed(r, wanted[r.key]),)) if r.key in wanted else r for r in requirements)


def _renamed(requirement: Requirement, name: str) -> tuple[str, ...]:
    """Return what the check looks for under another name: a command keeps its version question."""
    return (name, *requirement.look_for[0][1:]) if requirement.kind == "command" else (name,)


def _install_commands(missing: Sequence[Requirement]) -> str:
    """Return the exact install commands for Debian/Ubuntu and macOS (Homebrew), and any note, for the missing pieces."""
    debian = " ".join(package for requirement in missing for package in requirement.debian)
    formulae = " ".join(r.homebrew for r in missing if not r.homebrew.startswith("--cask"))
    casks = " ".join(r.homebrew.removeprefix("--cask ") for r in missing if r.homebrew.startswith("--cask"))
    lines = [f"  Debian/Ubuntu:    sudo apt-get install {debian}"]
    if formulae:
        lines.append(f"  macOS (Homebrew): brew install {formulae}")
    if casks:
        lines.append(f"  macOS (Homebrew): brew install --cask {casks}")
    lines += [f"  {requirement.name}: {requirement.note}" for requirement in missing if requirement.note]
    return "Install with:\n" + "\n".join(lines)


def missing_message(task: str, needed: Sequence[Requirement], optional: Sequence[Requirement]) -> str:
    """Return the one message for what stops the work and what only slows it, with the commands that install both."""
    stops = "\n".join(f"  - {r.name}, which {r.purpose} (looked for {shown_by(r)})" for r in needed)
    slows = "\n".join(f"  - {r.name}, which {r.purpose}: {r.without}" for r in optional)
    commands = _install_commands([*needed, *optional])
    if needed:
        also = f"\nIt also lacks, though the work would go on without:\n{slows}" if optional else ""
        return (f"{task} cannot run: this machine lacks\n{stops}{also}\n{commands}\n"
                "Then run the command again. It stopped before anything was built. README.md, \"Setting up\", says more.")
    return f"{task} goes on without\n{slows}\n{commands}"


def _apt_prefix(run: Callable[..., subprocess.CompletedProcess]) -> list[str] | None:
    """Return how to call apt-get here (directly as root, or through sudo without a password), or None if this user cannot."""
    if shutil.which("apt-get") is None:
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and run(["sudo", "-n", "true"], capture_output=True, check=False).returncode == 0:
        return ["sudo", "-n", "DEBIAN_FRONTEND=noninteractive"]
    return None


def install(missing: Sequence[Requirement], run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> list[str]:
    """Install the missing pieces with apt-get where this user may; return the Debian packages installed (empty if it could not)."""
    prefix = _apt_prefix(run)
    packages = [package for requirement in missing for package in requirement.debian]
    if prefix is None or not packages:
        return []
    print(f"Installing from Debian: {' '.join(packages)}", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = ([*prefix, "apt-get", "update", "-qq"], [*prefix, "apt-get", "install", "-y", "-qq", *packages])
    for step in steps:
        done = run(step, env=environment, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"apt-get could not install them:\n{(done.stderr or done.stdout).strip()}", flush=True)
            return []
    print(f"Installed: {' '.join(packages)}", flush=True)
    return packages


def check(task: str, requirements: Sequence[Requirement], may_install: bool = True,
          present: Callable[[Requirement], bool] = is_present) -> int:
    """Check (and where allowed install) the requirements; print what is missing; return the exit code (0: go on)."""
    missing = [requirement for requirement in requirements if not present(requirement)]
    if missing and may_install and install(missing):
        missing = [requirement for requirement in missing if not present(requirement)]
        if missing:
            print("Installed, but still not found: " + ", ".join(requirement.name for requirement in missing), flush=True)
    needed = [requirement for requirement in missing if requirement.needed]
    optional = [requirement for requirement in missing if not requirement.needed]
    if missing:
        print(missing_message(task, needed, optional), file=sys.stderr if needed else sys.stdout, flush=True)
    return 1 if needed else 0


def listing() -> str:
    """Return the whole list as a table: share, package, what shows it, Debian and Homebrew names."""
    rows = [f"{'/'.join(r.shares):<22} {r.name:<28} {'needed' if r.needed else 'optional':<9} {' '.join(r.debian):<34} brew {r.homebrew}"
            for r in REQUIREMENTS]
    return "\n".join(rows)


def main(arguments: Sequence[str] | None = None) -> int:
    """Check one share of the list from the command line."""
    parser = argparse.ArgumentParser(description="Check (and install) the system packages a task needs.")
    parser.add_argument("share", nargs="?", choices=SHARES, help="what is about to run")
    parser.add_argument("--no-install", action="store_true", help="only check and say what is missing")
    parser.add_argument("--look-for", action="append", default=[], metavar="KEY=NAME",
                        help="look for another library or command for KEY (tests: a name that does not exist)")
    parser.add_argument("--list", action="store_true", help="print the whole list and stop")
    options = parser.parse_args(arguments)
    if options.list or options.share is None:
        print(listing())
        return 0
    task = {"build": "`make site`", "serve": "`make serve`", "test": "`make test`", "publish": "Publishing", "audit": "The audit"}[options.share]
    return check(task, looking_for(share(options.share), options.look_for), may_install=not options.no_install)


if __name__ == "__main__":
    sys.exit(main())
