"""Plain, engine-independent code behind the Seniorværktøjer site, in the order of a build (see ARCHITECTURE.md).

data/ → page/ → whole_site/ → outputs/, with editing/ for the editors' tools; a stage imports only earlier stages and
the cross-cutting modules at this top (languages, strings, problems, run), and none of it imports MkDocs.
"""
