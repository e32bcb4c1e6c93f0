"""The whole built site, after the last page is written: search index and worker, sitemaps, CSS pruning, own assets, links, checks.

May import: page/, data/ and the top's modules; never outputs/ or editing/.
"""
