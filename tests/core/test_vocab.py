"""The vocabularies: every id has its name and colours, and every module uses vocab's one definition."""

import re

from viewer.core import vocab

HEX = re.compile(r"#[0-9a-f]{6}")


def test_every_id_has_a_chinese_name_and_no_name_lacks_an_id():
    assert tuple(vocab.ANNOTATION_KIND_NAMES) == vocab.ANNOTATION_KINDS
    assert tuple(vocab.FIGURE_KIND_NAMES) == vocab.FIGURE_KINDS
    assert tuple(vocab.DEFAULT_COLOUR_NAMES) == vocab.HIGHLIGHT_KEYS
    names = [*vocab.ANNOTATION_KIND_NAMES.values(), *vocab.FIGURE_KIND_NAMES.values(),
             *vocab.DEFAULT_COLOUR_NAMES.values()]
    assert all(name.strip() for name in names)


def test_every_highlight_colour_and_plain_mark_has_a_tint_and_a_hue():
    assert tuple(vocab.HIGHLIGHT_COLOURS) == vocab.HIGHLIGHT_KEYS
    assert vocab.DEFAULT_HIGHLIGHT in vocab.HIGHLIGHT_KEYS
    pairs = [*vocab.HIGHLIGHT_COLOURS.values(), vocab.NOTE_COLOURS, vocab.BOOKMARK_COLOURS]
    assert all(len(pair) == 2 and all(HEX.fullmatch(c) for c in pair) for pair in pairs)


def test_file_suffixes_name_known_formats_and_share_selections_known_kinds():
    assert set(vocab.EXPORT_SUFFIXES.values()) == set(vocab.EXPORT_FORMATS)
    assert all(suffix.startswith(".") and suffix == suffix.lower() for suffix in vocab.EXPORT_SUFFIXES)
    assert vocab.SHARE_SUFFIX == ".rvshare.json"
    assert vocab.SHARE_SELECTIONS["all"] == vocab.ANNOTATION_KINDS
    assert {k for kinds in vocab.SHARE_SELECTIONS.values() for k in kinds} == set(vocab.ANNOTATION_KINDS)


def test_the_older_names_are_vocabs_own_objects_not_copies():
    from viewer.core import export, figures, share
    from viewer import store

    assert export.KIND_NAMES is vocab.ANNOTATION_KIND_NAMES
    assert export.KIND_LABELS is vocab.FIGURE_KIND_NAMES
    assert export.DEFAULT_COLOUR_NAMES is vocab.DEFAULT_COLOUR_NAMES
    assert export.EXPORT_FORMATS is vocab.EXPORT_FORMATS
    assert figures.FIGURE_KINDS is vocab.FIGURE_KINDS
    assert store.ANNOTATION_KINDS is vocab.ANNOTATION_KINDS
    assert share.SUFFIX is vocab.SHARE_SUFFIX
    assert share.ONLY_CHOICES is vocab.SHARE_SELECTIONS
    assert share.KNOWN_COLOURS is vocab.HIGHLIGHT_KEYS
