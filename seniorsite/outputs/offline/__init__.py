"""An offline copy of the built site as a zip: browses from file:// in every language, asks no host for anything."""
