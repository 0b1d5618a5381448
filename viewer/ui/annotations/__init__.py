"""Notes, bookmarks and highlights in the window: the notes panel, its actions and undo commands."""
