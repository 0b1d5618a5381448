"""What a use case changed, so each view refreshes only that."""

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
        """Both sets of changes, as one."""
        return AnnotationChanges(self.added + other.added, self.updated + other.updated,
                                 self.removed + other.removed,
                                 tuple(dict.fromkeys(self.documents + other.documents)))
