"""The site's data: data/*.yml and the pages' sources read with line marks, checked against schemas, modelled as frozen classes.

May import: the top's languages, strings and problems only; never page/, whole_site/, outputs/ or editing/.
"""
