"""Run the W3C Nu HTML Checker (vnu.jar from npm's vnu-jar) over a built site and list its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(site: Path, jar: Path = VNU_JAR) -> list[str]:
    """Return every error the checker finds in the site's HTML files, as 'page:line: message'."""
    if not jar.is_file():
        raise FileNotFoundError(f"{jar} is missing: run `make test` (it installs vnu-jar with npm ci)")
    completed = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    report = json.loads(completed.stderr or "{}")
    errors = []
    for message in report.get("messages", []):
        if message.get("type") == "error" or message.get("subType") == "fatal":
            page = message.get("url", "").removeprefix("file:").removeprefix(str(site.resolve()) + "/")
            errors.append(f"{page}:{message.get('lastLine', 0)}: {message.get('message', '')}")
    if completed.returncode not in (0, 1) or (completed.returncode == 1 and not errors):
        raise RuntimeError(f"the HTML checker did not run: {completed.stderr[:500]}")
    return errors


if __name__ == "__main__":
    found = html_errors(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print("\n".join(found) or "The Nu HTML Checker found no errors.")
    sys.exit(1 if found else 0)
