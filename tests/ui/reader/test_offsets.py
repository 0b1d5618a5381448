"""Code-point <-> UTF-16 conversion, the one place positions change units."""

from hypothesis import given, strategies as st

from viewer.ui.reader.offsets import Utf16Map


def test_position_after_a_non_bmp_character_shifts_by_one():
    m = Utf16Map("𠀀41件")
    assert m.to_qt(1) == 2 and m.from_qt(2) == 1


@given(st.text(alphabet=st.sampled_from("a中𠀀😀\n")))
def test_round_trip_matches_utf16_length(text):
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        q = len(text[:i].encode("utf-16-le")) // 2
        assert m.to_qt(i) == q
        assert m.from_qt(q) == i
