"""The pure-Python core (never imports Qt, never touches the store): records, vocabulary, ingest,
structure, figures, anchors, search, share files and export renderers."""
