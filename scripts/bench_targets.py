"""The targets `make bench` checks: each a measured value against its limit, printed as one PASS or FAIL line.

Another measurement adds its lines by appending `Target.at_most(...)` or `Target.at_least(...)` to the list
that `scripts/bench.py` prints with `print_targets`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One target: what is measured, the value, its limit, whether it held, and the unit both are in."""

    name: str
    measured: float
    limit: float
    passed: bool
    unit: str = ""
    text: str = ""  # a measurement told in words (several scores) instead of one number

    @classmethod
    def at_most(cls, name: str, measured: float, limit: float, unit: str = "") -> Target:
        """A target the measured value must not exceed (times, ratios, bytes)."""
        return cls(name, measured, limit, measured <= limit, unit)

    @classmethod
    def at_least(cls, name: str, measured: float, limit: float, unit: str = "") -> Target:
        """A target the measured value must reach (scores)."""
        return cls(name, measured, limit, measured >= limit, unit)

    @classmethod
    def told(cls, name: str, passed: bool, text: str) -> Target:
        """A target checked elsewhere (scripts/first_view.py), with its measurement in words."""
        return cls(name, 0.0, 0.0, passed, text=text)

    def line(self) -> str:
        """Return the target as `make bench` prints it."""
        verdict = "PASS" if self.passed else "FAIL"
        if self.text:
            return f"{verdict}  {self.name}: {self.text}"
        return f"{verdict}  {self.name}: {self.measured:.2f}{self.unit} (limit {self.limit:.2f}{self.unit})"


def print_targets(targets: list[Target]) -> bool:
    """Print every target's line; return True when all of them passed."""
    for target in targets:
        print(target.line())
    return all(target.passed for target in targets)
