"""The one command-line definition: the verbs main() runs, the app's options, and how a command line is routed."""

import pytest

from viewer import cli
from viewer.cli.args import UsageError, build_app_parser, build_parser, first_word, parse_app_args


def _verb_names(parser):
    (verbs,) = [action for action in parser._actions if action.dest == "verb"]
    return set(verbs.choices)


def test_every_verb_the_parser_knows_is_one_main_runs():
    assert _verb_names(build_parser()) == set(cli.VERBS)


@pytest.mark.parametrize("argv,word", [
    (["--db", "lib.sqlite3", "list"], "list"),
    (["--lang", "en", "report.txt"], "report.txt"),
    (["--screenshot", "out.png", "--goto", "一、", "--find", "调解", "--size", "800x600"], None),
    (["--lang=zh", "tree", "1"], "tree"),
    (["--exit-after-show", "a.txt"], "a.txt"),
])
def test_first_word_skips_the_values_of_every_option_that_takes_one(argv, word):
    assert first_word(argv) == word


def test_the_app_options_come_with_their_defaults_and_the_size_split():
    args = parse_app_args(["r.txt", "--size", "1200x800"])
    assert (args.file, args.db, args.lang, args.width, args.height) == ("r.txt", None, None, 1200, 800)
    assert parse_app_args([]).size == "1400x900"


@pytest.mark.parametrize("argv,code", [
    (["--size", "100x100"], "gui.bad_size"),
    (["--size", "wide"], "gui.bad_size"),
    (["--bogus"], "cli.usage"),
    (["a.txt", "b.txt"], "cli.usage"),
])
def test_a_wrong_app_command_line_is_a_usage_error(argv, code):
    with pytest.raises(UsageError) as caught:
        parse_app_args(argv)
    assert caught.value.code == code


def test_the_app_parser_shares_db_and_lang_with_the_verbs():
    app = {o for a in build_app_parser()._actions for o in a.option_strings}
    verbs = {o for a in build_parser()._actions for o in a.option_strings}
    assert {"--db", "--lang"} <= app & verbs
