"""Use cases without Qt: one transaction each, returning what changed."""
