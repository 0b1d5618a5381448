"""Find in a report: offsets in code points, case- and width-insensitive, bounded."""

from hypothesis import given, strategies as st

from viewer.core.search import MAX_HITS, TextSearcher, fold


def test_hits_are_code_point_ranges_in_order():
    text = "法治政府，法治社会，法治国家"
    assert TextSearcher(text).find_all("法治") == [(0, 2), (5, 7), (10, 12)]


def test_one_character_chinese_query_finds_every_occurrence():
    assert len(TextSearcher("局里局外局").find_all("局")) == 3


def test_fullwidth_and_halfwidth_brackets_match_each_other():
    searcher = TextSearcher("（一）总则 (二)附则 ＡＰＰ")
    assert searcher.find_all("(一)") == [(0, 3)]
    assert searcher.find_all("（二）") == [(6, 9)]
    assert searcher.find_all("app") == [(12, 15)]


def test_non_bmp_characters_keep_offsets_aligned():
    text = "𠀀𠀀法治"
    assert TextSearcher(text).find_all("法治") == [(2, 4)]


def test_empty_query_finds_nothing_and_limit_caps_hits():
    searcher = TextSearcher("a" * 100)
    assert searcher.find_all("") == []
    assert len(searcher.find_all("a", limit=7)) == 7


@given(st.text(), st.text(min_size=1, max_size=4))
def test_fold_keeps_length_and_hits_fit_the_text(text, query):
    assert len(fold(text)) == len(text)
    for start, end in TextSearcher(text).find_all(query):
        assert fold(text[start:end]) == fold(query)


def test_a_query_with_more_hits_than_the_limit_says_there_are_more():
    text = "法治政府建设。" * 10_050                      # a large report: 10,050 hits of 法治
    result = TextSearcher(text).find("法治")
    assert len(result.hits) == MAX_HITS and result.more
    assert result.hits[-1] == (7 * (MAX_HITS - 1), 7 * (MAX_HITS - 1) + 2)


def test_exactly_the_limit_is_not_more():
    result = TextSearcher("局" * 12).find("局", limit=12)
    assert len(result.hits) == 12 and not result.more
    assert TextSearcher("局" * 13).find("局", limit=12).more


@given(st.text(alphabet="ab局", max_size=60), st.sampled_from(["a", "ab", "局", "b局"]),
       st.integers(min_value=1, max_value=20))
def test_find_is_find_all_capped_with_more_telling_what_was_cut(text, query, limit):
    everything = TextSearcher(text).find_all(query, limit=10 ** 6)
    result = TextSearcher(text).find(query, limit=limit)
    assert result.hits == everything[:limit]
    assert result.more == (len(everything) > limit)
