"""Use cases over the library store (pure Python, no Qt, no SQL), each returning what it changed."""
