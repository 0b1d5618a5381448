"""Dialogs: share, help, file choosers and the report chooser."""
