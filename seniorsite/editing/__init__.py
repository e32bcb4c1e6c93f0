"""Editors' tools beside the build: scaffolding, issue forms, translation status, spelling and CI annotations.

May import: page/, data/ and the top's modules; the build uses its translation status through the hooks, never page/ itself.
"""
