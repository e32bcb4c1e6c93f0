"""Compiled theme templates kept in memory for the whole run, shared by both languages' builds and every `mkdocs serve` rebuild."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in a dict: a template whose source changed is compiled again (Jinja checks its checksum)."""

    def __init__(self) -> None:
        """Start empty."""
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from memory when this template was compiled before."""
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the freshly compiled template."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# One per process: hooks.py is loaded afresh at each `mkdocs serve` rebuild, this module is not.
THEME_TEMPLATES = MemoryBytecodeCache()
