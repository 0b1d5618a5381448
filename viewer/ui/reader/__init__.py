"""The reading pane and what steers it: section tree, figures table, find bar, offsets."""
