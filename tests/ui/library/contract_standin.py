"""TEMPORARY: the catalogue contract's records (helpers/CATALOGUE_API.md) until the catalogue branch lands;
installed only where viewer lacks them. Delete after `git merge main`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CatalogueEntry:
    id: int
    title: str
    issuer: str
    issued: str
    year: int | None
    kind: str
    source_name: str
    sections: int
    figures: int
    notes: int
    imported_at: str
    last_opened_at: str | None
    removed_at: str | None


@dataclass(frozen=True)
class CatalogueFilter:
    text: str = ""
    kind: str | None = None
    year: int | None = None
    issuer: str | None = None
    removed: bool = False


@dataclass(frozen=True)
class CatalogueFacets:
    kinds: list = field(default_factory=list)
    years: list = field(default_factory=list)
    issuers: list = field(default_factory=list)


REPORT_KINDS = ("work_report", "rule_of_law_report", "regulation", "notice", "other")
_NAMES = {"work_report": "政府工作报告", "rule_of_law_report": "法治政府建设报告", "regulation": "条例/办法/规定",
          "notice": "通知/意见", "other": "其他"}


def install() -> None:
    from viewer.core import model, vocab
    from viewer.ui import labels

    for name, value in (("CatalogueEntry", CatalogueEntry), ("CatalogueFilter", CatalogueFilter),
                        ("CatalogueFacets", CatalogueFacets)):
        if not hasattr(model, name):
            setattr(model, name, value)
    if not hasattr(vocab, "REPORT_KINDS"):
        vocab.REPORT_KINDS = REPORT_KINDS
    if not hasattr(labels, "report_kind_label"):
        labels.report_kind_label = lambda kind: _NAMES.get(kind, kind)
