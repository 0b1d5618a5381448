"""The search query parser: terms, "quoted phrases", -excluded terms, width folding, and its two errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.errors import ReportViewerError
from viewer.core.messages import render
from viewer.core.search import fold
from viewer.core.search_query import QUOTES, SearchQuery, parse_query


def test_terms_phrases_and_exclusions_are_told_apart():
    assert parse_query('依法  "行政 复议" -调解 -"人民 法院"') == SearchQuery(("依法", "行政 复议"), ("调解", "人民 法院"))


def test_chinese_curly_quotes_make_a_phrase():
    assert parse_query("“法治 政府”").terms == ("法治 政府",)


def test_full_width_forms_fold_to_half_width_and_case():
    assert parse_query("ＧＤＰ　（一）").terms == ("gdp", "(一)")


def test_a_lone_minus_and_a_minus_inside_a_term_are_ordinary_characters():
    assert parse_query("- 5-10").terms == ("-", "5-10")


def test_repeated_terms_count_once():
    assert parse_query("法 法 -调 -调") == SearchQuery(("法",), ("调",))


@pytest.mark.parametrize("query", ["", "   ", "-调解", '""', '-"行政"'])
def test_a_query_with_nothing_to_find_is_refused(query):
    with pytest.raises(ReportViewerError) as excinfo:
        parse_query(query)
    assert excinfo.value.code == "search.empty_query"
    assert "\n" not in render(excinfo.value, "zh")


def test_an_unclosed_quote_is_refused_naming_the_query():
    with pytest.raises(ReportViewerError) as excinfo:
        parse_query('依法 "行政')
    assert excinfo.value.code == "search.unclosed_quote"
    assert '依法 "行政' in render(excinfo.value, "en")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('法调解 　-"“”ＡａＢ(（1１\t'), max_size=30) | st.text(max_size=30))
def test_any_string_parses_to_folded_nonempty_terms_or_the_projects_error(query):
    try:
        parsed = parse_query(query)
    except ReportViewerError as exc:
        assert exc.code in {"search.empty_query", "search.unclosed_quote"}
        return
    assert parsed.terms
    for term in parsed.terms + parsed.excluded:
        assert term and term == fold(term) and term == term.strip()
        assert not set(term) & QUOTES
        assert term in fold(query)
