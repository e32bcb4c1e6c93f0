"""Word (.docx) and OpenDocument (.odt) files from HTML fragments, written by pandoc in the site's identity.

`reference.py` makes the reference documents pandoc copies its styles from; `convert.py` writes the files.
"""
