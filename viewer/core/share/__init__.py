"""Share files (.rvshare.json, a W3C Web Annotation collection): the format, reading it, and the merge rules.

Building a share file from the library and applying an import are use cases: viewer.services.sharing.
"""

from viewer.core.share.jsonld import (
    CONTEXT, EXTENSION, FORMAT_VERSION, KINDS, KNOWN_COLOURS, MAX_FIELD_CHARS, MOTIVATIONS, ONLY_CHOICES, SUFFIX,
    annotation_to_jsonld, share_bytes, share_collection,
)
from viewer.core.share.merge import (
    ACTIONS, ImportPlan, KnownReport, LibraryFacts, PlannedChange, PlannedWrites, is_stale, plan_merge,
    planned_writes,
)
from viewer.core.share.reader import (
    MAX_ANNOTATIONS, MAX_DEPTH, MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_POSITION, SharedDocument, ShareFile,
    read_share, read_share_file,
)

__all__ = [
    "ACTIONS", "CONTEXT", "EXTENSION", "FORMAT_VERSION", "ImportPlan", "KINDS", "KNOWN_COLOURS", "KnownReport",
    "LibraryFacts", "MAX_ANNOTATIONS", "MAX_DEPTH", "MAX_DOCUMENTS", "MAX_FIELD_CHARS", "MAX_FILE_BYTES",
    "MAX_POSITION", "MOTIVATIONS", "ONLY_CHOICES", "PlannedChange", "PlannedWrites", "SUFFIX", "ShareFile",
    "SharedDocument", "annotation_to_jsonld", "is_stale", "plan_merge", "planned_writes", "read_share",
    "read_share_file", "share_bytes", "share_collection",
]
