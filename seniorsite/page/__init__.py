"""One page: its markers rendered through the partials, what every page's Markdown and HTML gets, its policy, dates and sources.

May import: data/ and the top's modules; never whole_site/, outputs/ or editing/ (the hooks hand it what those know).
"""
