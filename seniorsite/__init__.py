"""Plain, engine-independent code behind the Seniorværktøjer site: data, validation, rendering."""
