"""Exports from the window: annotation and figure files, share files, print and PDF."""
