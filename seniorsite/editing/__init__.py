"""Editors' tools: scaffolding, issue forms, translation status, spelling and CI annotations."""
