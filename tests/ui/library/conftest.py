"""书库 fixtures: a fake CatalogueSource over a list of entries (sorting, filtering and paging as the
backend does them), counting the pages it was asked for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from viewer.core.model import CatalogueEntry, CatalogueFacets, CatalogueFilter

KINDS = ("work_report", "rule_of_law_report", "regulation", "notice", "other")
ISSUERS = ("国务院", "北京市人民政府", "上海市人民政府", "司法部", "")


def make_entries(n: int) -> list[CatalogueEntry]:
    out = []
    for i in range(n):
        year = 2015 + i % 10
        out.append(CatalogueEntry(
            id=i + 1, title=f"报告{i + 1:05d}", issuer=ISSUERS[i % len(ISSUERS)], issued=f"{year}-03-05",
            year=year, kind=KINDS[i % len(KINDS)], source_name=f"report-{i + 1}.txt", sections=i % 40,
            figures=(i * 7) % 100, notes=i % 3, imported_at=f"2026-11-{1 + i % 28:02d}T08:00:00+00:00",
            last_opened_at=None if i % 2 else "2026-12-01T09:30:00+00:00", removed_at=None))
    return out


class FakeSource:
    """What services.catalogue answers, over a list; `pages` records every page asked for."""

    def __init__(self, entries):
        self.entries = list(entries)
        self.pages: list[tuple] = []

    def _passing(self, flt: CatalogueFilter):
        text = flt.text.lower()
        return [e for e in self.entries
                if (e.removed_at is not None) == flt.removed
                and (not text or text in e.title.lower() or text in e.issuer.lower() or text in e.source_name.lower())
                and (flt.kind is None or e.kind == flt.kind) and (flt.year is None or e.year == flt.year)
                and (flt.issuer is None or e.issuer == flt.issuer)]

    def count(self, flt):
        return len(self._passing(flt))

    def page(self, flt, sort, descending, offset, limit):
        self.pages.append((flt, sort, descending, offset, limit))
        rows = sorted(self._passing(flt), key=lambda e: (getattr(e, sort) is None, getattr(e, sort), e.id),
                      reverse=descending)
        return rows[offset:offset + limit]

    def facets(self, removed):
        rows = self._passing(CatalogueFilter(removed=removed))

        def counted(values):
            found: dict = {}
            for v in values:
                if v not in (None, ""):
                    found[v] = found.get(v, 0) + 1
            return sorted(found.items())

        return CatalogueFacets(kinds=counted(e.kind for e in rows),
                               years=sorted(counted(e.year for e in rows), reverse=True),
                               issuers=counted(e.issuer for e in rows))

    def entry(self, doc_id):
        return next(e for e in self.entries if e.id == doc_id)

    def update(self, doc_id, **fields):
        self.entries = [replace(e, **fields) if e.id == doc_id else e for e in self.entries]


@pytest.fixture
def fake_source():
    return FakeSource(make_entries(450))
