"""The desktop app (PySide6): the session between the library and the widgets, and the widgets."""
