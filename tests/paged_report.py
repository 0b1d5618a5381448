"""A paged plain-text report (form feeds between pages, as pdftotext writes) shared by the page tests."""

from __future__ import annotations

PAGE_1 = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件，同比\n"
PAGE_2 = "增长5.2%。全年结案38件。\n\n二、下一步打算\n\n一是加强学习。二是完善制度。\n"
PAGE_3 = "三是强化监督，确保各项工作落到实处。\n"
#: Three pages; the paragraph on page 1 goes on across the first form feed (it ends mid-sentence).
PAGED_TEXT = PAGE_1 + "\f" + PAGE_2 + "\f" + PAGE_3 + "\f"
PAGE_2_WORD = "全年结案"    # a phrase that stands on page 2 only
PAGE_3_WORD = "强化监督"


def paged_bytes() -> bytes:
    return PAGED_TEXT.encode("utf-8")


def long_paged_text(pages: int = 3, paragraphs: int = 40) -> str:
    """A report long enough to scroll: `paragraphs` numbered paragraphs a page, a section on each page;
    page 2 holds PAGE_2_WORD (and nothing else does)."""
    out = ["关于某项工作的报告\n\n"]
    numbers = "一二三四五六七八九十"
    for page in range(1, pages + 1):
        out.append(f"{numbers[page - 1]}、第{numbers[page - 1]}部分工作\n\n")
        for n in range(paragraphs):
            words = PAGE_2_WORD if page == 2 and n == paragraphs // 2 else "办理"
            out.append(f"第{page}部分的第{n + 1}段：全年{words}案件{n + 10}件，同比增长{n % 9 + 1}.5%。\n\n")
        out.append("\f")
    return "".join(out)
