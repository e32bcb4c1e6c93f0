"""What the build writes beside the pages: the calendars, the PDFs (pdf/) and the offline copy (offline/).

May import: whole_site/, page/, data/ and the top's modules; never editing/.
"""
