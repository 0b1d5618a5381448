"""The non-GUI core: ingest, structure, figures, anchors, store, share, export. Never imports Qt."""
