"""Re-anchoring annotations in changed text: position, exact quote, approximate quote, unplaced."""

import random
from dataclasses import dataclass

import pytest
from hypothesis import given, settings, strategies as st
from rapidfuzz.distance import Levenshtein

from viewer.core.anchors import Placement, QuoteSelector, quote_selector, reanchor, reanchor_all

P1 = "2020年,区司法局在区委、区政府的坚强领导下,坚持以习近平新时代中国特色社会主义思想为指导,全面推进法治政府建设。"
P2 = "全年共办理行政复议案件41件,依法纠正违法或不当行政行为3件,行政机关负责人出庭应诉率达到100%。"
P3 = "深入开展“八五”普法规划编制工作,组织法治宣传活动120余场,覆盖群众5万余人次。"
TEXT = "\n\n".join([P1, P2, P3])
INSERTED = "(新增)2021年是“十四五”开局之年,区司法局将继续深化法治政府建设,推动各项工作再上新台阶。\n\n"


@dataclass
class Note:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def note(text: str, quote: str, occurrence: int = 0) -> Note:
    """An annotation on the occurrence-th copy of quote in text, as the store would keep it."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    sel = quote_selector(text, start, start + len(quote))
    return Note(start, start + len(quote), sel.exact, sel.prefix, sel.suffix)


def place(text: str, n: Note, **kwargs) -> Placement:
    return reanchor(text, n.start, n.end, n.exact, n.prefix, n.suffix, **kwargs)


def similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(a, b)


# -- position and exact quote ------------------------------------------------------------------

def test_quote_selector_is_unchanged():
    assert quote_selector("甲乙丙丁戊", 2, 3, context=1) == QuoteSelector("丙", "乙", "丁")


def test_unchanged_text_places_by_position():
    n = note(TEXT, "依法纠正违法或不当行政行为3件")
    assert place(TEXT, n) == Placement(n.start, n.end, "position", 1.0)


def test_paragraph_inserted_before_places_by_exact_quote_at_shifted_offset():
    n = note(TEXT, "依法纠正违法或不当行政行为3件")
    changed = INSERTED + TEXT
    placed = place(changed, n)
    assert placed == Placement(n.start + len(INSERTED), n.end + len(INSERTED), "exact", 1.0)
    assert changed[placed.start:placed.end] == n.exact


def test_quote_moved_to_another_paragraph_is_still_found():
    n = note(TEXT, P2)
    changed = "\n\n".join([P1, P3, P2])
    placed = place(changed, n)
    assert (placed.method, changed[placed.start:placed.end]) == ("exact", P2)


# -- approximate quote -------------------------------------------------------------------------

def test_typo_fixed_inside_quote_places_fuzzy_on_corrected_span():
    old = TEXT.replace("行政复议", "行政复义")
    quote = "全年共办理行政复义案件41件,依法纠正违"
    assert len(quote) == 20
    n = note(old, quote)
    changed = INSERTED + TEXT
    placed = place(changed, n)
    corrected = changed.index("全年共办理行政复议案件41件,依法纠正违")
    assert placed.method == "fuzzy"
    assert (placed.start, placed.end) == (corrected, corrected + 20)
    assert placed.score == pytest.approx(0.95)


def test_character_inserted_into_quote_widens_the_span():
    n = note(TEXT, "组织法治宣传活动120余场")
    changed = TEXT.replace("组织法治宣传活动", "组织开展法治宣传活动")
    placed = place(changed, n)
    assert placed.method == "fuzzy"
    assert changed[placed.start:placed.end] == "组织开展法治宣传活动120余场"
    assert placed.score >= 0.85


def test_long_passage_moved_far_away_with_an_edit_is_found():
    rng = random.Random(3)
    words = ["法治", "政府", "建设", "推进", "行政", "执法", "监督", "服务", "改革", "群众", "依法", "工作"]
    paragraphs = ["".join(rng.choices(words, k=rng.randint(300, 700))) + "。" for _ in range(12)]
    long = paragraphs[2]
    assert len(long) > 1000                      # longer than the whole-text search takes directly
    n = note("\n".join(paragraphs), long)
    edited = long[:500] + "认真" + long[502:]
    changed = "\n".join(paragraphs[:2] + paragraphs[3:] + [edited])
    placed = place(changed, n, window=500)
    assert placed.method == "fuzzy"
    assert changed[placed.start:placed.end] == edited


def test_similarity_threshold_is_respected():
    n = note(TEXT, "全年共办理行政复议案件41件")          # 15 characters
    changed = TEXT.replace("行政复议案件41件", "行政诉讼案件52件")    # 4 of them changed
    assert place(changed, n).method == "unplaced"
    assert place(changed, n, min_similarity=0.7).method == "fuzzy"


# -- repeated quotes ---------------------------------------------------------------------------

REPEATED = ("一是持续优化营商环境,深化“放管服”改革,压减审批时限。"
            "二是加强执法监督,开展行政执法案卷评查,规范执法行为。"
            "三是服务民营企业,开展法治体检活动,持续优化营商环境,助力企业健康发展。")
QUOTE = "持续优化营商环境"


def test_repeated_quote_context_picks_the_right_copy_even_when_another_is_nearer():
    first, second = REPEATED.index(QUOTE), REPEATED.rindex(QUOTE)
    n = note(REPEATED, QUOTE, occurrence=1)
    # Shift the text so that the first copy lands exactly where the second one was.
    shifted = "某" * (second - first) + REPEATED
    placed = place(shifted, n)
    assert placed == Placement(second + (second - first), n.end + (second - first), "exact")
    # and the first copy, annotated, is found by its context too
    m = note(REPEATED, QUOTE, occurrence=0)
    assert place("前言。" + REPEATED, m).start == first + 3


def test_repeated_quote_without_context_goes_to_the_copy_nearest_the_old_position():
    first, second = REPEATED.index(QUOTE), REPEATED.rindex(QUOTE)
    changed = "前言。" + REPEATED
    assert reanchor(changed, second, second + len(QUOTE), QUOTE).start == second + 3
    assert reanchor(changed, first, first + len(QUOTE), QUOTE).start == first + 3
    # a tie in distance goes to the earlier copy; a position past the end still finds one
    assert reanchor(changed, 10_000, 10_008, QUOTE) == Placement(second + 3, second + 11, "exact")


# -- unplaced ----------------------------------------------------------------------------------

def test_deleted_quote_is_unplaced():
    n = note(TEXT, "依法纠正违法或不当行政行为3件,")
    changed = TEXT.replace("依法纠正违法或不当行政行为3件,", "")
    assert place(changed, n) == Placement(None, None, "unplaced", 0.0)


def test_deleted_paragraph_is_unplaced():
    n = note(TEXT, P2)
    assert place("\n\n".join([P1, P3]), n).method == "unplaced"


def test_quote_replaced_by_different_text_is_not_attached_to_a_similar_passage_elsewhere():
    quote = "组织法治宣传活动120余场"
    n = note(TEXT, quote)
    # The quoted words are rewritten; another paragraph has nearly the same words (similarity
    # 0.93 >= 0.85) in a different place: that must not inherit the note.
    elsewhere = "街道层面同步组织法治宣传活动120场,参与单位40家。"
    changed = "\n\n".join([P1, P2, P3.replace(quote, "开展公共法律服务进社区活动"), elsewhere])
    assert similarity(quote, "组织法治宣传活动120场") >= 0.85
    assert place(changed, n).method == "unplaced"


def test_short_quote_whose_surroundings_changed_beyond_recognition_is_unplaced():
    n = note(TEXT, "41件")
    rewritten = "\n\n".join([P1, "行政复议工作另行专题报告。", P3, "受理群众来信41件,均已按期办结。"])
    assert place(rewritten, n).method == "unplaced"
    # ... also when it is nowhere in the text any more
    assert place(rewritten.replace("41件", "14件"), n).method == "unplaced"


def test_short_quote_with_its_surroundings_is_found_after_an_edit():
    n = note(TEXT, "41件")
    changed = INSERTED + TEXT.replace("全年共办理", "全年共依法办理") + "\n\n受理群众来信41件。"
    placed = place(changed, n)
    assert placed.method == "exact"
    assert placed.start == changed.index("41件")       # the report's, not the letters'


# -- offsets -----------------------------------------------------------------------------------

def test_non_bmp_characters_before_the_quote_keep_code_point_offsets():
    n = note(TEXT, "依法纠正违法或不当行政行为3件")
    changed = "𠀀𠀁𪚥," + TEXT                         # three characters outside the BMP, and a comma
    placed = place(changed, n)
    assert placed == Placement(n.start + 4, n.end + 4, "exact")
    assert changed[placed.start:placed.end] == n.exact
    typo = place(changed.replace("不当行政", "不當行政"), n)
    assert (typo.method, typo.start, typo.end) == ("fuzzy", n.start + 4, n.end + 4)


# -- bookmarks (empty quotes) ------------------------------------------------------------------

def test_bookmark_is_placed_by_its_context():
    at = TEXT.index(P2)
    sel = quote_selector(TEXT, at, at)
    assert reanchor(TEXT, at, at, "", sel.prefix, sel.suffix) == Placement(at, at, "position")
    changed = INSERTED + TEXT
    moved = reanchor(changed, at, at, "", sel.prefix, sel.suffix)
    assert moved == Placement(at + len(INSERTED), at + len(INSERTED), "exact")
    edited = changed.replace("全年共办理", "全年共依法办理")
    near = reanchor(edited, at, at, "", sel.prefix, sel.suffix)
    assert (near.method, near.start) == ("fuzzy", at + len(INSERTED))
    gone = "\n\n".join([INSERTED, P3])
    assert reanchor(gone, at, at, "", sel.prefix, sel.suffix).method == "unplaced"


# -- many annotations --------------------------------------------------------------------------

def test_reanchor_all_keeps_order_and_pairs_each_annotation_with_its_placement():
    notes = [note(TEXT, "41件"), note(TEXT, P3), note(TEXT, "依法纠正违法或不当行政行为3件,")]
    changed = INSERTED + TEXT.replace("依法纠正违法或不当行政行为3件,", "")
    placed = reanchor_all(changed, notes)
    assert [a for a, _ in placed] == notes
    assert [p.method for _, p in placed] == ["exact", "exact", "unplaced"]
    tuples = [(a.start, a.end, a.exact, a.prefix, a.suffix) for a in notes]
    assert [p for _, p in reanchor_all(changed, tuples, key=lambda t: t)] == [p for _, p in placed]


def test_a_few_hundred_annotations_in_a_two_megabyte_text_are_quick():
    rng = random.Random(7)
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研"
    body = "".join(rng.choices(alphabet + ",。", k=700_000))      # about 2 MB of UTF-8
    notes = [note(body, body[at:at + 24]) for at in range(1000, 690_000, 2300)]
    assert len(notes) == 300
    changed = INSERTED + body[:300_000] + "。新增一段。" + body[300_000:]
    # a few quotes with a typo fixed and a few deleted: these need the approximate search
    for k in (2, 150, 290):
        typo = notes[k].exact
        changed = changed.replace(typo, typo[:12] + "议" + typo[13:], 1)
    for k in (5, 200, 299):
        changed = changed.replace(notes[k].exact, "", 1)
    placed = reanchor_all(changed, notes)
    methods = [p.method for _, p in placed]
    assert (methods.count("exact"), methods.count("fuzzy"), methods.count("unplaced")) == (294, 3, 3)
    assert all(similarity(changed[p.start:p.end], a.exact) >= 0.85 for a, p in placed if p.start is not None)


# -- properties --------------------------------------------------------------------------------

CHARS = "法治政府建设工作的和在一是了区市年件,。、“”𠀀𠀁 \n"
texts = st.text(alphabet=CHARS, max_size=300)


@settings(max_examples=100, deadline=None)
@given(st.data(), st.text(alphabet=CHARS, min_size=1, max_size=300))
def test_unchanged_text_returns_exactly_the_stored_span(data, text):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sel = quote_selector(text, start, end)
    placed = reanchor(text, start, end, sel.exact, sel.prefix, sel.suffix)
    assert placed == Placement(start, end, "position", 1.0)


@settings(max_examples=100, deadline=None)
@given(st.data(), st.text(alphabet=CHARS, min_size=1, max_size=300), texts)
def test_text_inserted_away_from_the_quote_finds_it_verbatim(data, text, inserted):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)))
    sel = quote_selector(text, start, end)
    cut = data.draw(st.sampled_from([0, max(0, start - 40), min(len(text), end + 40), len(text)]))
    if start - 32 < cut < end + 32:
        cut = 0 if start >= 32 else len(text)
    if start - 32 < cut < end + 32:
        return                                  # no room outside the quote's context
    changed = text[:cut] + inserted + text[cut:]
    placed = reanchor(changed, start, end, sel.exact, sel.prefix, sel.suffix)
    assert placed.method in ("position", "exact")
    assert changed[placed.start:placed.end] == sel.exact


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(-50, 400), st.integers(-50, 400), texts, st.text(alphabet=CHARS, max_size=40),
       st.text(alphabet=CHARS, max_size=40), st.floats(0.0, 1.0), st.integers(0, 100))
def test_any_input_never_raises_and_a_placement_is_inside_the_text_and_similar(
        text, start, end, exact, prefix, suffix, min_similarity, window):
    placed = reanchor(text, start, end, exact, prefix, suffix, min_similarity=min_similarity, window=window)
    assert placed.method in ("position", "exact", "fuzzy", "unplaced")
    if placed.method == "unplaced":
        assert placed == Placement(None, None, "unplaced", 0.0)
        return
    assert 0 <= placed.start <= placed.end <= len(text)
    found = text[placed.start:placed.end]
    if placed.method in ("position", "exact"):
        assert found == exact and placed.score == 1.0
    else:
        assert placed.score >= min_similarity
        if exact:
            assert similarity(found, exact) >= min_similarity
            assert abs(similarity(found, exact) - placed.score) < 1e-3
    if not exact:
        assert placed.start == placed.end


@settings(max_examples=200, deadline=None)
@given(st.data(), st.text(alphabet=CHARS, min_size=1, max_size=200), texts)
def test_edited_text_never_yields_a_bad_span(data, text, replacement):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sel = quote_selector(text, start, end)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, min(len(text), a + 10)))
    changed = text[:a] + replacement + text[b:]
    placed = reanchor(changed, start, end, sel.exact, sel.prefix, sel.suffix)
    if placed.start is not None:
        assert 0 <= placed.start <= placed.end <= len(changed)
        assert similarity(changed[placed.start:placed.end], sel.exact) >= 0.85 or not sel.exact
