"""The record of which annotations a use case changed, for the UI to refresh just those."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.model import Annotation


@dataclass(frozen=True)
class AnnotationChanges:
    """Which annotations a use case added, updated (incl. deleted/restored) or removed, by report."""
    added: tuple[Annotation, ...] = ()
    updated: tuple[Annotation, ...] = ()
    removed: tuple[str, ...] = ()        # uuids
    documents: tuple[int, ...] = ()      # report ids whose annotations changed

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def merged(self, other: "AnnotationChanges") -> "AnnotationChanges":
        """These changes followed by `other`'s (reports listed once, in first-seen order)."""
        return AnnotationChanges(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            removed=self.removed + other.removed,
            documents=tuple(dict.fromkeys(self.documents + other.documents)),
        )
