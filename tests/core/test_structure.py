"""Structure: numbered headings, run-in enumerations, articles and HTML hints become a section tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.structure import build_sections
from viewer.core.model import HeadingHint, SectionNode, iter_sections, section_path

from tests.conftest import GOLD, REPO, SAMPLE
from viewer.bench import STRUCTURE_CHUNKS
FOOTER = "扫一扫在手机打开当前页"


def flat(text: str, hints=()) -> list[tuple[str, str, int]]:
    """(number path, title, level) of every node, in document order."""
    out: list[tuple[str, str, int]] = []

    def walk(nodes, path):
        for node in nodes:
            p = f"{path}>{node.number}" if path else node.number
            out.append((p, node.title, node.level))
            walk(node.children, p)

    walk(build_sections(text, hints), "")
    return out


def paths(text: str, hints=()) -> list[str]:
    return [p for p, _, _ in flat(text, hints)]


def assert_well_formed(text: str, nodes: list[SectionNode]) -> None:
    def check(siblings, lo, hi, level):
        prev_end = lo
        for node in siblings:
            assert lo <= node.start <= node.heading_end <= node.end <= hi
            assert node.start >= prev_end
            assert node.level == level
            assert text[node.start:].startswith(node.number)
            assert node.start + len(node.number) <= node.heading_end
            assert node.title == node.title.strip()
            assert node.title in text[node.start:node.heading_end]
            prev_end = node.end
            check(node.children, node.heading_end, node.end, level + 1)

    check(nodes, 0, len(text), 1)


# --------------------------------------------------------------------------- the sample

def _gold_tree(nodes):
    keys = ("number", "title", "level", "start", "heading_end", "end", "run_in")
    return [{**{k: n[k] for k in keys}, "children": _gold_tree(n.get("children", []))}
            for n in nodes if not n.get("optional")]


def _parsed_tree(nodes):
    return [{**{k: v for k, v in n.items() if k != "children"}, "children": _parsed_tree(n["children"])}
            for n in nodes]


def test_sample_matches_gold_tree():
    if not GOLD.exists() or not SAMPLE.exists():
        pytest.skip(f"gold file {GOLD} or sample {SAMPLE} is not available in this checkout")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    raw = SAMPLE.read_text(encoding="utf-8")
    text = raw[:raw.rindex(FOOTER)]        # the gold ends sections where the footer line starts
    nodes = build_sections(text)
    assert _parsed_tree([n.to_dict() for n in nodes]) == _gold_tree(gold["sections"])
    assert_well_formed(text, nodes)


def test_a_million_character_report_gets_its_whole_tree():
    cn = "一二三四五六七八九十"
    filler = "坚持以人民为中心，深入推进法治政府建设，全年办理案件1.5万件，同比增长12.3%；第二次全体会议审议通过。"
    parts = ["标题\n"]
    for a in range(1, 10):
        parts.append(f"\n{cn[a - 1]}、第{a}部分\n")
        for b in range(1, 10):
            parts.append(f"\n（{cn[b - 1]}）小标题{b}\n\n")
            for c in range(1, 10):
                parts.append(f"{cn[c - 1]}是要点{c}。" + filler * 28 + "\n\n")
    text = "".join(parts)
    assert len(text) > 1_000_000
    nodes = build_sections(text)        # its speed is measured by `python -m viewer.bench`
    assert sum(1 for _ in iter_sections(nodes)) == 9 + 81 + 729


# --------------------------------------------------------------------------- basic shape

def test_title_line_is_not_a_section():
    assert paths("一、这是标题行\n\n一、总体要求\n") == ["一、"]
    assert flat("一、这是标题行\n\n一、总体要求\n")[0][1] == "总体要求"


def test_preamble_belongs_to_no_section():
    text = "报告\n\n2020年，我局做了大量工作。现报告如下：\n\n一、主要成效\n\n正文。\n"
    nodes = build_sections(text)
    assert nodes[0].start == text.index("一、")
    assert section_path(nodes, text.index("2020年")) == []


def test_section_end_is_next_sibling_or_ancestor_sibling_or_text_end():
    text = "标题\n\n一、甲\n\n（一）子一\n\n正文。\n\n（二）子二\n\n正文。\n\n二、乙\n\n正文。\n"
    one, two = build_sections(text)
    sub1, sub2 = one.children
    assert sub1.end == text.index("（二）")
    assert sub2.end == one.end == text.index("二、")
    assert two.end == len(text)


def test_levels_are_numbered_from_one_by_nesting():
    nodes = build_sections("标题\n\n一、甲\n\n（一）子\n\n1.孙\n\n（1）曾孙\n")
    assert [n.level for n in iter_sections(nodes)] == [1, 2, 3, 4]


# --------------------------------------------------------------------------- GB/T 9704 numbering

def test_gbt_four_levels_nest_in_order():
    text = ("标题\n\n一、总体要求\n\n（一）指导思想\n\n1.坚持党的领导\n\n（1）加强领导\n\n（2）完善制度\n\n"
            "2.坚持依法行政\n\n（二）基本原则\n\n二、主要任务\n")
    assert paths(text) == ["一、", "一、>（一）", "一、>（一）>1.", "一、>（一）>1.>（1）", "一、>（一）>1.>（2）",
                           "一、>（一）>2.", "一、>（二）", "二、"]


def test_fullwidth_and_halfwidth_brackets_are_same_level():
    text = "标题\n\n一、甲\n\n（一）全角\n\n(二)半角\n\n（三)混合\n\n(1)半角\n\n（2）全角\n"
    assert paths(text) == ["一、", "一、>（一）", "一、>(二)", "一、>（三)", "一、>（三)>(1)", "一、>（三)>（2）"]


def test_dot_variants_are_same_level():
    text = "标题\n\n一、甲\n\n1.半角点\n\n2．全角点\n\n3、顿号\n"
    assert paths(text) == ["一、", "一、>1.", "一、>2．", "一、>3、"]


def test_chinese_numbers_run_past_ten():
    cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    cn += [f"十{d}" for d in "三四五六七八九"] + ["二十", "二十一"]
    text = "标题\n\n" + "".join(f"{c}、第{i + 1}部分\n\n" for i, c in enumerate(cn))
    assert paths(text) == [f"{c}、" for c in cn]


def test_chinese_numbers_up_to_ninety_nine():
    def cn(n):
        digits = "一二三四五六七八九"
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
        return head + (digits[ones - 1] if ones else "")

    text = "标题\n\n" + "".join(f"{cn(i)}、节{i}\n\n" for i in range(1, 100))
    got = paths(text)
    assert len(got) == 99 and got[-1] == "九十九、" and got[19] == "二十、"


def test_multi_digit_arabic_numbers():
    text = "标题\n\n一、甲\n\n" + "".join(f"{i}.要点{i}\n\n" for i in range(1, 13)) + "（1）细目\n"
    got = paths(text)
    assert got[-2:] == ["一、>12.", "一、>12.>（1）"]
    assert len(got) == 14


def test_fullwidth_digits_are_numbers():
    assert paths("标题\n\n一、甲\n\n１．第一\n\n２．第二\n") == ["一、", "一、>１．", "一、>２．"]


def test_levels_follow_nesting_not_a_fixed_table():
    # 一是 directly under 二、 is level 2, and a document whose top numbering is （一） starts at level 1
    assert flat("标题\n\n一、甲\n\n一是要点。二是要点。\n")[1] == ("一、>一是", "要点", 2)
    assert flat("标题\n\n（一）甲\n\n（二）乙\n") == [("（一）", "甲", 1), ("（二）", "乙", 1)]
    assert paths("标题\n\n一、甲\n\n1.跳过一级\n") == ["一、", "一、>1."]


def test_new_major_style_does_not_nest_under_minor_one():
    text = "标题\n\n说明：\n\n1.第一点\n\n2.第二点\n\n一、正式内容\n\n（一）子\n"
    assert paths(text) == ["1.", "2.", "一、", "一、>（一）"]


def test_paragraph_heading_closes_run_ins_of_earlier_paragraphs():
    text = "标题\n\n一、甲\n\n我们做了以下工作：一是加强领导，二是完善制度。\n\n（一）第一项\n\n（二）第二项\n"
    assert paths(text) == ["一、", "一、>一是", "一、>二是", "一、>（一）", "一、>（二）"]


def test_minor_numbering_nests_under_paragraph_run_in():
    text = "标题\n\n一、甲\n\n一是加强领导。具体如下：\n\n（1）建立机制\n\n（2）明确责任\n\n二是完善制度。\n"
    assert paths(text) == ["一、", "一、>一是", "一、>一是>（1）", "一、>一是>（2）", "一、>二是"]


# --------------------------------------------------------------------------- titles

def test_own_line_heading_title_is_rest_of_line():
    text = "标题\n\n一、 2020年推进法治政府建设的主要举措和成效  \n\n正文。\n"
    node = build_sections(text)[0]
    assert node.title == "2020年推进法治政府建设的主要举措和成效"
    assert not node.run_in
    assert node.heading_end == node.start + len("一、 2020年推进法治政府建设的主要举措和成效")


def test_run_in_title_is_first_clause():
    text = "标题\n\n（一）深入推进严格公正文明执法。继续深化改革；加强建设。\n"
    node = build_sections(text)[0]
    assert node.run_in and node.title == "深入推进严格公正文明执法"
    assert text[node.heading_end] == "。"


def test_run_in_title_stops_at_semicolons_too():
    assert flat("标题\n\n一、甲\n\n一是加强领导;正文。二是完善制度；正文。\n")[1][1] == "加强领导"
    assert flat("标题\n\n一、甲\n\n一是加强领导;正文。二是完善制度；正文。\n")[2][1] == "完善制度"


def test_long_run_in_title_is_cut_at_first_comma():
    clause = "有效提升行政决策科学化、民主化、法治化水平全面落实" + "甲" * 10
    text = f"标题\n\n（一）{clause},严格调查研究、公众参与和合法性审核等各项法定程序要求。\n"
    assert len(clause) > 30
    long_text = f"标题\n\n（一）{clause}{'乙' * 5},严格调查研究。\n"
    assert build_sections(text)[0].title == clause              # clause > 40, comma at <= 40
    assert len(build_sections(long_text)[0].title) == 40         # comma beyond 40: first 40 characters


def test_clause_of_exactly_forty_characters_is_kept():
    clause = "甲" * 40
    assert build_sections(f"标题\n\n（一）{clause}，{'乙' * 30}。\n")[0].title == clause
    assert build_sections(f"标题\n\n（一）{clause}。{'乙' * 30}。\n")[0].title == clause


def test_run_in_title_never_runs_past_the_next_marker():
    text = "标题\n\n一、甲\n\n一是打通渠道二是有效搭建平台。三是主动服务。\n"
    nodes = build_sections(text)[0].children
    assert [n.title for n in nodes] == ["打通渠道", "有效搭建平台", "主动服务"]
    assert nodes[0].heading_end == nodes[1].start


def test_numbers_are_copied_verbatim():
    text = "标题\n\n一、甲\n\n(一)半角\n\n1．全角点\n\n（1）全角括号\n"
    assert [n.number for n in iter_sections(build_sections(text))] == ["一、", "(一)", "1．", "（1）"]


# --------------------------------------------------------------------------- 一是 / 二是 run-ins

def test_several_shi_run_ins_in_one_paragraph():
    text = "标题\n\n一、不足\n\n仍有问题需要破解。一是营商环境有待优化。二是执法有待规范。三是文件管理有待加强。\n"
    assert flat(text)[1:] == [("一、>一是", "营商环境有待优化", 2), ("一、>二是", "执法有待规范", 2),
                              ("一、>三是", "文件管理有待加强", 2)]


def test_shi_may_follow_semicolon_or_colon():
    text = "标题\n\n一、甲\n\n主要有：一是认识不足；二是投入不够;三是机制不全。\n"
    assert paths(text) == ["一、", "一、>一是", "一、>二是", "一、>三是"]


def test_shi_at_paragraph_starts():
    text = "标题\n\n一、履职\n\n一是发挥领导作用。正文。\n\n二是推动责任落实。正文。\n\n三是加强队伍建设。\n"
    nodes = build_sections(text)[0].children
    assert [(n.number, n.title, n.run_in) for n in nodes] == [
        ("一是", "发挥领导作用", True), ("二是", "推动责任落实", True), ("三是", "加强队伍建设", True)]
    assert nodes[0].end == text.index("二是")


def test_shi_continuation_without_punctuation_in_same_paragraph():
    text = "标题\n\n一、甲\n\n一是加强监管服务。正文为两区打通渠道二是有效搭建平台。\n"
    assert paths(text) == ["一、", "一、>一是", "一、>二是"]


def test_shi_inside_a_sentence_without_a_break_starts_no_run():
    text = "标题\n\n一、甲\n\n坚持实事求是一是一、二是二的作风。统一是关键，唯一是目标，二是指第二。\n"
    assert paths(text) == ["一、"]


def test_stray_shi_opens_no_section():
    assert paths("标题\n\n一、甲\n\n正文。三是没有前文。\n\n三是也不行。\n") == ["一、"]


def test_lone_yi_shi_without_er_shi_opens_nothing():
    assert paths("标题\n\n一、甲\n\n正文。一是孤立的。\n") == ["一、"]


def test_shi_run_in_before_the_first_part_is_a_top_level_node():
    # a review list before the first 一、 takes the level the (empty) stack gives it; 一、 closes it
    text = "标题\n\n过去一年：一是稳增长，二是促改革。\n\n一、工作回顾\n"
    assert flat(text) == [("一是", "稳增长，", 1), ("二是", "促改革", 1), ("一、", "工作回顾", 1)]
    text = "标题\n\n一是稳增长。正文。\n\n二是促改革。正文。\n\n一、工作回顾\n\n（一）子\n"
    assert paths(text) == ["一是", "二是", "一、", "一、>（一）"]
    text = "标题\n\n根据通知，（1）号文件已经下发；（2）号文件另发。\n\n一、工作回顾\n"
    assert paths(text) == ["一、"]         # （1）（2） before any part stay text
    text = "标题\n\n一是甲。正文：\n\n（1）细目\n\n（2）细目\n\n二是乙。\n\n（一）正式\n\n1.项\n"
    assert paths(text) == ["一是", "一是>（1）", "一是>（2）", "二是", "（一）", "（一）>1."]   # minor styles nest


def test_shi_run_restarts_under_each_parent():
    text = "标题\n\n一、甲\n\n（一）子\n\n一是甲。二是乙。\n\n（二）子\n\n一是丙。二是丁。\n"
    assert paths(text) == ["一、", "一、>（一）", "一、>（一）>一是", "一、>（一）>二是",
                           "一、>（二）", "一、>（二）>一是", "一、>（二）>二是"]


# --------------------------------------------------------------------------- 一要 / 第一， run-ins

def test_yao_run_ins_inside_a_paragraph_and_at_paragraph_starts():
    text = "标题\n\n一、要求\n\n做好工作，一要提高认识；二要加强领导；三要狠抓落实。\n"
    assert flat(text)[1:] == [("一、>一要", "提高认识", 2), ("一、>二要", "加强领导", 2), ("一、>三要", "狠抓落实", 2)]
    text = "标题\n\n一、要求\n\n一要提高认识。正文。\n\n二要加强领导。正文。\n\n三要狠抓落实。\n"
    assert paths(text) == ["一、", "一、>一要", "一、>二要", "一、>三要"]


def test_yao_inside_words_opens_nothing():
    assert paths("标题\n\n一、要求\n\n统一要求，进一步要求各地。唯一要做的是落实，二要素。\n") == ["一、"]
    assert paths("标题\n\n一、要求\n\n会议指出，一要素齐全。\n") == ["一、"]          # no 二要 follows
    far = "标题\n\n一、要求\n\n会议指出，一要素齐全。\n\n" + "正文。" * 1200 + "\n\n二要素。\n"
    assert paths(far) == ["一、"]                                                  # 二要 too far away


def test_yao_and_shi_are_separate_series():
    text = "标题\n\n一、要求\n\n一是加强领导，一要明确责任，二要压实责任。二是完善制度。\n"
    assert paths(text) == ["一、", "一、>一是", "一、>一是>一要", "一、>一是>二要", "一、>二是"]


def test_di_comma_run_ins_at_sentence_starts():
    text = "标题\n\n一、要求\n\n几点意见。第一，提高认识。第二，加强领导。第三，狠抓落实。\n"
    assert flat(text)[1:] == [("一、>第一，", "提高认识", 2), ("一、>第二，", "加强领导", 2),
                              ("一、>第三，", "狠抓落实", 2)]
    text = "标题\n\n一、要求\n\n第一，提高认识。正文。\n\n第二,加强领导。正文。\n"
    assert paths(text) == ["一、", "一、>第一，", "一、>第二,"]


def test_di_comma_in_the_middle_of_a_sentence_is_a_rank_not_a_run_in():
    assert paths("标题\n\n一、成绩\n\n全市排名第一，位居前列，综合考核第二，较去年提升。\n") == ["一、"]
    text = "标题\n\n一、成绩\n\n主要有：第一，提高认识；全市排名第二，位居前列。\n"
    assert paths(text) == ["一、", "一、>第一，"]            # 排名第二 does not continue the series
    assert paths("标题\n\n一、成绩\n\n名列第一，第二次会议。\n") == ["一、"]


# --------------------------------------------------------------------------- two 一是 series in one section

def test_a_list_restarting_inside_a_paragraph_stays_text():
    text = ("标题\n\n一、工作\n\n一是加强领导。正文。\n\n二是完善制度。正文，主要有：一是建机制，二是定责任，"
            "三是抓落实。\n\n三是强化保障。正文。\n")
    assert flat(text)[1:] == [("一、>一是", "加强领导", 2), ("一、>二是", "完善制度", 2), ("一、>三是", "强化保障", 2)]


def test_paragraph_start_series_replaces_an_earlier_in_paragraph_one():
    text = "标题\n\n一、工作\n\n总体看：一是甲，二是乙，三是丙。\n\n一是加强领导。正文。\n\n二是完善制度。正文。\n"
    assert flat(text)[1:] == [("一、>一是", "加强领导", 2), ("一、>二是", "完善制度", 2)]
    nodes = build_sections(text)
    assert nodes[0].children[0].start == text.index("一是加强")


def test_a_paragraph_start_series_continued_inline_is_kept():
    # 一是 opens at a paragraph start and 二是 runs on inside it: one series, nothing is dropped
    text = "标题\n\n一、工作\n\n一是加强领导。二是完善制度。\n\n一是另起。二是另起。\n"
    assert paths(text) == ["一、", "一、>一是", "一、>二是"]


# --------------------------------------------------------------------------- numbers running on across groups

RUN_ON = ("标题\n\n一、任务\n\n（一）甲\n\n1.任务一\n\n2.任务二\n\n（二）乙\n\n3.任务三\n\n4.任务四\n\n"
          "（三）丙\n\n5.任务五\n\n二、保障\n\n1.保障一\n")


def test_item_numbers_running_on_across_groups_stay_under_their_group():
    assert paths(RUN_ON) == ["一、", "一、>（一）", "一、>（一）>1.", "一、>（一）>2.", "一、>（二）", "一、>（二）>3.",
                             "一、>（二）>4.", "一、>（三）", "一、>（三）>5.", "二、", "二、>1."]


def test_run_on_must_continue_the_number_and_the_depth():
    text = "标题\n\n一、任务\n\n（一）甲\n\n1.任务一\n\n2.任务二\n\n（二）乙\n\n4.跳号\n"
    assert paths(text) == ["一、", "一、>（一）", "一、>（一）>1.", "一、>（一）>2.", "一、>（二）"]
    text = "标题\n\n一、任务\n\n1.任务一\n\n2.任务二\n\n二、保障\n\n（一）乙\n\n3.不同深度\n"
    assert paths(text) == ["一、", "一、>1.", "一、>2.", "二、", "二、>（一）"]


def test_run_ins_do_not_run_on_across_groups():
    text = "标题\n\n一、甲\n\n（一）子\n\n一是甲。正文。\n\n二是乙。\n\n（二）子\n\n三是不接续。\n"
    assert paths(text) == ["一、", "一、>（一）", "一、>（一）>一是", "一、>（一）>二是", "一、>（二）"]


def test_a_list_restarting_after_the_body_under_its_own_heading_opens_its_own_series():
    text = RUN_ON.replace("二、保障\n\n1.保障一\n", "附件\n\n1.术语一\n\n2.术语二\n")
    nodes = build_sections(text)
    assert [(n.number, n.title, n.level) for n in nodes] == [("一、", "任务", 1), ("", "附件", 1)]
    assert [(n.number, n.title, n.level) for n in nodes[1].children] == [("1.", "术语一", 2), ("2.", "术语二", 2)]
    assert paths(text)[:-3] == paths(RUN_ON)[:-2]         # the body keeps its tree


# --------------------------------------------------------------------------- unnumbered parts

def test_unnumbered_part_titles_head_their_run_ins():
    text = ("标题\n\n一年来的工作回顾\n\n一是加强领导。正文。\n\n二是完善制度。正文。\n\n2021年工作安排\n\n"
            "一是深化改革。正文。\n\n二是优化服务。正文。\n")
    assert flat(text) == [("", "一年来的工作回顾", 1), ("一是", "加强领导", 2), ("二是", "完善制度", 2),
                          ("", "2021年工作安排", 1), ("一是", "深化改革", 2), ("二是", "优化服务", 2)]


def test_unnumbered_part_titles_head_run_ins_written_inside_the_next_paragraph():
    text = ("标题\n\n一年来的工作回顾\n\n过去一年，我们：一是稳增长，二是促改革。\n\n2021年工作安排\n\n"
            "今年要：一是抓项目，二是优服务。\n")
    assert [(n.number or n.title, n.level) for n in iter_sections(build_sections(text))] == [
        ("一年来的工作回顾", 1), ("一是", 2), ("二是", 2), ("2021年工作安排", 1), ("一是", 2), ("二是", 2)]
    text = "标题\n\n区长 张三\n\n过去一年：一是稳增长，二是促改革。\n\n一、工作回顾\n"
    assert paths(text) == ["一是", "二是", "一、"]                # one such line alone heads nothing


def test_parallel_unnumbered_parts_each_head_a_numbered_list():
    text = "标题\n\n上篇 工作回顾\n\n一、领导\n\n正文。\n\n二、制度\n\n下篇 工作安排\n\n一、改革\n\n二、服务\n"
    assert [(title, level) for _, title, level in flat(text)] == [
        ("上篇 工作回顾", 1), ("领导", 2), ("制度", 2), ("下篇 工作安排", 1), ("改革", 2), ("服务", 2)]
    assert [n.title for n in build_sections(text)] == ["上篇 工作回顾", "下篇 工作安排"]


def test_an_unnumbered_title_inside_a_part_heads_its_restarted_list_there():
    # 二、 is still to come, so the title stays inside 一、 (a sibling of the first list's items)
    text = ("标题\n\n一、甲\n\n一是加强。正文。\n\n二是完善。正文。\n\n典型经验\n\n一是经验。正文。\n\n"
            "二是经验。\n\n二、乙\n\n正文。\n")
    assert [(n.number or n.title, n.level) for n in iter_sections(build_sections(text))] == [
        ("一、", 1), ("一是", 2), ("二是", 2), ("典型经验", 2), ("一是", 3), ("二是", 3), ("二、", 1)]


def test_short_lead_lines_inside_numbered_groups_are_not_part_titles():
    text = ("标题\n\n一、任务\n\n（一）重点\n\n主要任务\n\n1.甲\n\n2.乙\n\n（二）保障\n\n主要任务\n\n1.丙\n\n2.丁\n")
    assert paths(text) == ["一、", "一、>（一）", "一、>（一）>1.", "一、>（一）>2.", "一、>（二）", "一、>（二）>1.",
                           "一、>（二）>2."]


def test_a_single_short_line_before_the_first_part_is_not_a_heading():
    assert paths("标题\n\n区长 张三\n\n一、回顾\n\n正文。\n\n二、安排\n") == ["一、", "二、"]
    assert paths("标题\n\n一年来的工作回顾\n\n一是加强领导。\n\n二是完善制度。\n") == ["一是", "二是"]


def test_an_unnumbered_title_standing_between_numbered_parts_is_a_heading():
    text = "标题\n\n一、回顾\n\n正文。\n\n二、安排\n\n正文。\n\n专栏 重点项目\n\n正文说明。\n\n三、保障\n\n正文。\n"
    assert flat(text) == [("一、", "回顾", 1), ("二、", "安排", 1), ("", "专栏 重点项目", 1), ("三、", "保障", 1)]


def test_short_lines_that_head_nothing_stay_text():
    text = "标题\n\n一、回顾\n\n正文。\n\n二、安排\n\n正文。\n\n重庆市某某局\n\n2021年1月5日\n"
    assert paths(text) == ["一、", "二、"]                       # a signature and a date after the body
    text = "标题\n\n一、回顾\n\n（一）甲\n\n图1 各月案件数\n\n正文。\n\n（二）乙\n"
    assert paths(text) == ["一、", "一、>（一）", "一、>（二）"]   # a caption before prose
    text = "标题\n\n一、回顾\n\n正文。\n\n二、安排\n\n主要做法，包括以下\n\n三、保障\n"
    assert paths(text) == ["一、", "二、", "三、"]                # punctuation: a sentence, not a title


# --------------------------------------------------------------------------- inline （1）（2）

def test_inline_paren_enumeration_becomes_children():
    text = "标题\n\n一、甲\n\n主要包括：（1）加强领导；（2）完善制度；（3）强化保障。\n"
    assert flat(text)[1:] == [("一、>（1）", "加强领导", 2), ("一、>（2）", "完善制度", 2), ("一、>（3）", "强化保障", 2)]


def test_lone_inline_paren_opens_no_section():
    text = "标题\n\n一、甲\n\n根据通知，（1）号文件已经下发。另见第（2）项。\n\n按照，（1）办理。\n"
    assert paths(text) == ["一、"]


def test_inline_paren_does_not_continue_a_list_of_another_paragraph():
    text = "标题\n\n一、甲\n\n（1）第一项。\n\n另外说明；（2）不是第二项。\n\n（2）第二项。\n"
    assert paths(text) == ["一、", "一、>（1）", "一、>（2）"]
    assert flat(text)[2][1] == "第二项"


def test_circled_and_parenthesised_digit_characters():
    text = "标题\n\n一、甲\n\n包括：①加强领导；②完善制度。\n\n⑴第一\n\n⑵第二\n"
    assert paths(text) == ["一、", "一、>①", "一、>②", "一、>⑴", "一、>⑵"]


def test_right_parenthesis_numbers_are_a_style_of_their_own():
    text = "标题\n\n一、甲\n\n1.要点\n\n1)细目\n\n2）细目\n\n2.要点\n"
    assert paths(text) == ["一、", "一、>1.", "一、>1.>1)", "一、>1.>2）", "一、>2."]


def test_chinese_numerals_are_read_as_numbers():
    from viewer.core.structure import _cn_to_int

    cases = {"一": 1, "十": 10, "十一": 11, "二十": 20, "九十九": 99, "一百": 100, "一百零二": 102,
             "一百一十": 110, "一千零一十": 1010, "一千二百六十": 1260, "一〇二": 102}
    assert {k: _cn_to_int(k) for k in cases} == cases
    assert [_cn_to_int(bad) for bad in ("零", "一百零", "十十", "百十百")] == [None] * 4


# --------------------------------------------------------------------------- noise

def test_decimal_number_inside_sentence_opens_no_section():
    text = "标题\n\n一、甲\n\n投入1.5亿元。\n\n1.5亿元用于建设。\n\n2020.5完成。\n"
    assert paths(text) == ["一、"]


def test_meeting_ordinal_never_opens_a_section():
    text = "标题\n\n一、甲\n\n第二次全体会议召开。\n\n召开第二次全体会议。\n"
    assert paths(text) == ["一、"]


def test_marker_out_of_sequence_is_plain_text():
    assert paths("标题\n\n一、甲\n\n三、跳号\n\n二、乙\n") == ["一、", "二、"]
    assert paths("标题\n\n一、甲\n\n（二）没有第一\n\n2.没有第一\n") == ["一、"]


def test_inline_list_of_numbers_is_not_a_heading():
    assert paths("标题\n\n一、甲\n\n一、二、三等奖各一名。\n\n一、二季度增长较快。\n") == ["一、"]


# --------------------------------------------------------------------------- regulations

REGULATION = (
    "某市物业管理条例\n\n"
    "第一章 总则\n\n"
    "第一条 为了规范物业管理活动，维护业主合法权益，根据有关法律、行政法规，结合本市实际，制定本条例。\n\n"
    "第二条 本条例适用于本市行政区域内的物业管理活动。\n\n"
    "第二章 业主\n\n"
    "第一节 业主大会\n\n"
    "第三条　有下列情形之一的，应当召开业主大会：\n（一）经百分之二十以上业主提议的；\n（二）发生重大事故的。\n\n"
    "第四条 依照本条例第三条规定召开会议。\n\n"
    "第二节 业主委员会\n\n"
    "第五条 业主委员会由业主大会选举产生。\n"
)


def test_regulation_chapters_sections_and_articles():
    assert paths(REGULATION) == [
        "第一章", "第一章>第一条", "第一章>第二条",
        "第二章", "第二章>第一节", "第二章>第一节>第三条", "第二章>第一节>第三条>（一）",
        "第二章>第一节>第三条>（二）", "第二章>第一节>第四条", "第二章>第二节", "第二章>第二节>第五条"]


def test_regulation_titles():
    got = {p: t for p, t, _ in flat(REGULATION)}
    assert got["第一章"] == "总则"
    assert got["第二章>第一节"] == "业主大会"
    assert got["第一章>第一条"] == "为了规范物业管理活动"          # clause > 40: cut at the first comma
    assert got["第一章>第二条"] == "本条例适用于本市行政区域内的物业管理活动"


def test_article_numbers_continue_across_chapters():
    # 第五条 continues the articles although 第二节 closed 第四条's parent
    assert "第二章>第二节>第五条" in paths(REGULATION)


def test_article_numbers_with_hundreds_and_arabic_digits():
    articles = ["第九十九条", "第一百条", "第一百零一条", "第一百零二条", "第一百一十条"]
    text = "条例\n\n" + "".join(f"第{n}条 内容{n}。\n" for n in ["一"]) + "".join(
        f"{a} 内容。\n" for a in articles)
    assert paths(text) == ["第一条"]              # 九十九 does not follow 一
    text = "条例\n\n" + "".join(f"第{i}条 内容。\n" for i in range(1, 13))
    assert paths(text)[-1] == "第12条"
    seq = ["九十八", "九十九", "一百", "一百零一", "一百零二", "一百零三", "一百零四", "一百零五", "一百零六",
           "一百零七", "一百零八", "一百零九", "一百一十", "一百一十一"]
    text = "条例\n\n第一章 总则\n\n" + "".join(f"第{i}条 内容。\n" for i in _cn_run(1, 97)) + "".join(
        f"第{s}条 内容。\n" for s in seq)
    got = paths(text)
    assert got[-1] == "第一章>第一百一十一条" and len(got) == 1 + 111


def _cn_run(lo: int, hi: int) -> list[str]:
    digits = "一二三四五六七八九"
    out = []
    for n in range(lo, hi + 1):
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
        out.append(head + (digits[ones - 1] if ones else ""))
    return out


def test_chapter_must_stand_on_its_own_line():
    text = "条例\n\n第一章规定的事项，由市政府负责。\n\n第一章 总则\n"
    assert paths(text) == ["第一章"]
    assert build_sections(text)[0].start == text.index("第一章 总则")


def test_articles_are_run_in():
    got = {n.number: n.run_in for n in iter_sections(build_sections(REGULATION))}
    assert got["第一条"] and got["第五条"] and not got["第一章"]


def test_table_of_contents_is_not_the_section_tree():
    text = ("某某条例\n\n目录\n第一章　总　　则\n第二章　管理职责\n第三章　附　　则\n\n"
            "第一章　总　　则\n第一条　为了加强管理，制定本条例。\n第二章　管理职责\n第二条　市政府负责。\n"
            "第三章　附　　则\n第三条　本条例自公布之日起施行。\n")
    nodes = build_sections(text)
    assert paths(text) == ["第一章", "第一章>第一条", "第二章", "第二章>第二条", "第三章", "第三章>第三条"]
    assert nodes[0].start == text.index("第一章", text.index("第三章"))


def test_a_short_line_between_the_table_of_contents_and_the_body_is_no_part_title():
    text = ("某某条例\n\n目录\n第一章　总　　则\n第二章　管理职责\n\n正文部分\n\n第一章　总　　则\n"
            "第一条　为了加强管理，制定本条例。\n第二章　管理职责\n第二条　市政府负责。\n")
    assert paths(text) == ["第一章", "第一章>第一条", "第二章", "第二章>第二条"]
    text = "报告\n\n目录\n一、回顾\n二、安排\n\n报告正文\n\n一、回顾\n\n正文。\n\n二、安排\n\n正文。\n"
    assert paths(text) == ["一、", "二、"]
    assert build_sections(text)[0].start == text.index("一、回顾\n\n正文")


# the same small regulation as a plain-text file and as a public law collection ships it in Markdown
CIVILITY_ARTICLES = {
    "第一条": "为了引导和促进文明行为，结合本市实际，制定本条例。",
    "第二条": "本条例适用于本市行政区域内文明行为的促进工作。",
    "第三条": "公民应当自觉维护公共秩序，遵守下列规定：\n（一）乘坐公共交通工具时依次排队；\n（二）不在公共场所大声喧哗。",
    "第四条": "违反本条例第三条规定的，由有关部门予以劝阻。",
    "第五条": "公民应当维护公共卫生。",
    "第六条": "依照本条例第十条的规定处理；第十条另有规定的除外。",
    "第七条": "本条例自2025年1月1日起施行。",
}
CIVILITY_PLAN = [("第一章 总则", None, ["第一条", "第二条"]),
                 ("第二章 文明行为规范", "第一节 公共秩序", ["第三条", "第四条"]),
                 (None, "第二节 公共卫生", ["第五条", "第六条"]),
                 ("第三章 附则", None, ["第七条"])]
CIVILITY_TREE = [
    "第一章", "第一章>第一条", "第一章>第二条",
    "第二章", "第二章>第一节", "第二章>第一节>第三条", "第二章>第一节>第三条>（一）", "第二章>第一节>第三条>（二）",
    "第二章>第一节>第四条", "第二章>第二节", "第二章>第二节>第五条", "第二章>第二节>第六条",
    "第三章", "第三章>第七条"]


def _civility(markdown: bool) -> str:
    out = ["# 某某市文明行为促进条例\n\n<!-- INFO END -->\n" if markdown else "某某市文明行为促进条例\n"]
    if markdown:
        out.append("## 目录\n\n" + "".join(f"- {chapter}\n" for chapter, _, _ in CIVILITY_PLAN if chapter))
    for chapter, section, articles in CIVILITY_PLAN:
        if chapter:
            out.append(("## " if markdown else "") + chapter + "\n")
        if section:
            out.append(("### " if markdown else "") + section + "\n")
        out.extend(f"{a} {CIVILITY_ARTICLES[a]}\n" for a in articles)
    return "\n".join(out)


def _regulation_nodes(markdown: bool):
    from viewer.core.ingest import ingest_bytes

    doc = ingest_bytes(_civility(markdown).encode("utf-8"), "条例.md" if markdown else "条例.txt")
    return doc.text, build_sections(doc.text, doc.hints)


@pytest.mark.parametrize("markdown", [False, True], ids=["plain-text", "markdown"])
def test_a_regulation_has_its_chapters_sections_and_articles_in_plain_text_and_markdown(markdown):
    text, nodes = _regulation_nodes(markdown)
    assert_well_formed(text, nodes)
    got = []

    def walk(siblings, path):
        for node in siblings:
            p = f"{path}>{node.number}" if path else node.number
            got.append(p)
            walk(node.children, p)

    walk(nodes, "")
    assert got == CIVILITY_TREE                  # the Markdown 目录 and its list are no sections
    titles = {n.number: n.title for n in iter_sections(nodes)}
    assert (titles["第一章"], titles["第一节"], titles["第三章"]) == ("总则", "公共秩序", "附则")
    assert titles["第六条"] == "依照本条例第十条的规定处理"      # 第十条 inside an article opens nothing


def test_markdown_chapter_headings_nest_their_sections_even_at_the_same_heading_level():
    text = "条例\n\n第一章 总则\n\n第一条 内容。\n\n第二章 管理\n\n第一节 一般规定\n\n第二条 内容。\n\n附则\n"
    hints = [_hint(text, piece) for piece in ("第一章 总则", "第二章 管理", "第一节 一般规定")]
    assert paths(text, hints) == ["第一章", "第一章>第一条", "第二章", "第二章>第一节", "第二章>第一节>第二条"]


def test_a_markdown_table_of_contents_before_chapter_headings_is_not_the_tree():
    text = ("条例\n\n目录\n\n第一章 总则\n第二章 管理\n\n第一章 总则\n\n第一条 内容。\n\n"
            "第二章 管理\n\n第二条 依照本条例第一条处理。\n")
    hints = [_hint(text, "目录"), _hint(text, "第一章 总则", nth=1), _hint(text, "第二章 管理", nth=1)]
    nodes = build_sections(text, hints)
    assert [(n.number or n.title, n.level) for n in iter_sections(nodes)] == [
        ("第一章", 1), ("第一条", 2), ("第二章", 1), ("第二条", 2)]
    assert nodes[0].start == text.index("第一章 总则", text.index("第二章"))
    assert_well_formed(text, nodes)


def test_an_unnumbered_heading_with_text_of_its_own_stays_before_the_chapters():
    text = "条例\n\n说明\n\n本条例经审议通过。\n\n第一章 总则\n\n第一条 内容。\n"
    hints = [_hint(text, "说明"), _hint(text, "第一章 总则")]
    assert [(n.number or n.title, n.level) for n in iter_sections(build_sections(text, hints))] == [
        ("说明", 1), ("第一章", 1), ("第一条", 2)]


def test_a_bold_article_number_takes_its_first_clause_as_title():
    text = "条例\n\n第一条 为了加强管理，制定本条例。\n\n第二条 本条例适用于本省。\n"
    hints = [_hint(text, "第一条", kind="bold", level=None), _hint(text, "第二条", kind="bold", level=None)]
    assert [(p, t) for p, t, _ in flat(text, hints)] == [("第一条", "为了加强管理，制定本条例"),
                                                        ("第二条", "本条例适用于本省")]


def test_restart_after_real_sections_stays_plain_text():
    text = "标题\n\n一、甲\n\n正文。\n\n二、乙\n\n正文。\n\n一、重复的编号\n\n正文。\n"
    assert paths(text) == ["一、", "二、"]


def test_book_and_part_headings_outrank_chapters():
    text = "法典\n\n第一编 总则\n\n第一章 基本规定\n\n第一条 内容。\n\n第二编 物权\n\n第一章 通则\n\n第二条 内容。\n"
    assert paths(text) == ["第一编", "第一编>第一章", "第一编>第一章>第一条",
                           "第二编", "第二编>第一章", "第二编>第一章>第二条"]


# --------------------------------------------------------------------------- HTML hints

def _hint(text: str, piece: str, kind: str = "heading", level: int | None = 2, nth: int = 0) -> HeadingHint:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return HeadingHint(start, start + len(piece), kind, level)


def test_hint_heading_title_is_exactly_the_hint_text():
    text = "报告\n\n总体情况概述与分析\n\n正文。\n"
    node = build_sections(text, [_hint(text, "总体情况概述与分析")])[0]
    assert (node.number, node.title, node.run_in) == ("", "总体情况概述与分析", False)


def test_hint_starting_with_a_marker_splits_number_and_title():
    text = "报告\n\n一、 工作回顾\n\n正文。\n"
    node = build_sections(text, [_hint(text, "一、 工作回顾")])[0]
    assert (node.number, node.title) == ("一、", "工作回顾")


def test_h1_equal_to_the_title_line_is_not_a_section():
    text = "某市政府工作报告\n\n某市政府工作报告\n\n一、回顾\n"
    hints = [_hint(text, "某市政府工作报告", level=1), _hint(text, "某市政府工作报告", level=1, nth=1)]
    assert paths(text, hints) == ["一、"]


def test_hint_levels_order_the_stack():
    text = "报告\n\n第一部分总览\n\n分项甲\n\n一、细目\n\n分项乙\n\n第二部分展望\n"
    hints = [_hint(text, "第一部分总览", level=2), _hint(text, "分项甲", level=3),
             _hint(text, "分项乙", level=3), _hint(text, "第二部分展望", level=2)]
    got = [(n.number or n.title, n.level) for n in iter_sections(build_sections(text, hints))]
    assert got == [("第一部分", 1), ("分项甲", 2), ("一、", 3), ("分项乙", 2), ("第二部分", 1)]


def test_numbered_hints_and_plain_numbered_paragraphs_are_siblings():
    text = "报告\n\n总体情况\n\n一、回顾\n\n正文。\n\n二、任务\n\n正文。\n"
    hints = [_hint(text, "总体情况"), _hint(text, "一、回顾"), _hint(text, "二、任务")]
    got = [(n.number or n.title, n.level) for n in iter_sections(build_sections(text, hints))]
    assert got == [("总体情况", 1), ("一、", 1), ("二、", 1)]      # all three are <h2>
    text = "报告\n\n一、回顾\n\n二、任务\n"
    assert paths(text, [_hint(text, "一、回顾")]) == ["一、", "二、"]


def test_bold_run_in_hint_is_a_run_in_heading():
    text = "报告\n\n一、任务\n\n坚持创新驱动。加强科技创新。\n\n扩大内需。促进消费。\n"
    hints = [_hint(text, "坚持创新驱动。", "bold", None), _hint(text, "扩大内需。", "bold", None)]
    nodes = build_sections(text, hints)[0].children
    assert [(n.number, n.title, n.run_in, n.level) for n in nodes] == [
        ("", "坚持创新驱动", True, 2), ("", "扩大内需", True, 2)]


def test_bold_emphasis_inside_a_sentence_is_not_a_heading():
    text = "报告\n\n一、任务\n\n2020年，我们取得了成绩。\n"
    assert paths(text, [_hint(text, "2020年", "bold", None)]) == ["一、"]


def test_hint_not_at_paragraph_start_is_ignored():
    text = "报告\n\n一、任务\n\n我们要求加强领导。\n"
    assert paths(text, [_hint(text, "加强领导", "bold", None)]) == ["一、"]


def test_hint_with_leading_blank_space_still_starts_its_paragraph():
    text = "报告\n\n一、任务\n\n  加强领导。正文。\n"
    hint = HeadingHint(text.index("\n\n  加强"), text.index("。正文") + 1, "bold")
    assert flat(text, [hint])[1] == ("一、>", "加强领导", 2)


def test_invalid_hints_are_ignored():
    text = "报告\n\n一、任务\n"
    hints = [HeadingHint(-5, 2, "heading", 2), HeadingHint(3, 999, "heading", 2), HeadingHint(4, 4, "bold"),
             HeadingHint(4, 6, "heading", 17)]
    assert paths(text, hints) == ["一、"]


# --------------------------------------------------------------------------- API helpers

def test_iter_sections_is_depth_first_in_document_order():
    text = "标题\n\n一、甲\n\n（一）子\n\n（二）子\n\n二、乙\n\n（一）子\n"
    starts = [n.start for n in iter_sections(build_sections(text))]
    assert starts == sorted(starts) and len(starts) == 5


def test_section_path_gives_the_chain_outermost_first():
    text = "标题\n\n一、甲\n\n（一）子\n\n一是要点。二是要点。\n\n二、乙\n"
    nodes = build_sections(text)
    assert [n.number for n in section_path(nodes, text.index("二是") + 3)] == ["一、", "（一）", "二是"]
    assert [n.number for n in section_path(nodes, text.index("二、"))] == ["二、"]
    assert section_path(nodes, 0) == []
    assert section_path(nodes, len(text) + 10) == []
    assert section_path([], 5) == []


def test_to_dict_has_the_contract_keys():
    d = build_sections("标题\n\n一、甲\n\n（一）子\n")[0].to_dict()
    assert list(d) == ["number", "title", "level", "start", "heading_end", "end", "run_in", "children"]
    assert d["children"][0]["number"] == "（一）"
    json.dumps(d, ensure_ascii=False)


def test_empty_and_degenerate_texts():
    for text in ["", "\n\n", "标题", "标题\n", "一、", "\n一、\n二、\n", "标题\n一、\n", "标题\n\n第一章\n"]:
        nodes = build_sections(text)
        assert_well_formed(text, nodes)
    assert paths("标题\n一、\n") == ["一、"]


def test_windows_line_ends_are_accepted():
    text = "标题\r\n\r\n一、总体要求\r\n\r\n（一）指导思想\r\n"
    assert flat(text) == [("一、", "总体要求", 1), ("一、>（一）", "指导思想", 2)]


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "一、", "二、", "三、", "十一、", "（一）", "(二)", "（三)", "1.", "2．", "3、", "1.5亿", "（1）", "(2)", "（3）",
    "一是", "二是", "三是", "四是", "是一是二", "第一条", "第二条", "第一章", "第二章", "第一节", "第二次",
    "①", "②", "⑴", "第一百零二条", "第12条", "。", "；", ";", "，", ",", "：", "\n", "\n\n", " ", "\u3000", "”",
    "加强领导", "完善制度", "二", "是", "十", "百", "零",
    "一要", "二要", "三要", "要", "第一，", "第二，", "第三,", "附件", "工作回顾\n\n", "\n上篇 回顾\n", "36.", "目录\n",
])
_CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E2F), max_size=6)
_TEXTS = st.lists(st.one_of(_PIECES, _CJK), max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, hint_specs=st.lists(st.tuples(st.integers(-3, 80), st.integers(-3, 80),
                                                  st.sampled_from(["heading", "bold", "x"]),
                                                  st.sampled_from([None, 1, 2, 3, 6, 9])), max_size=4))
def test_random_text_gives_a_well_formed_tree(text, hint_specs):
    hints = [HeadingHint(s, e, k, lv) for s, e, k, lv in hint_specs]
    nodes = build_sections(text, hints)
    assert_well_formed(text, nodes)
    for node in iter_sections(nodes):
        assert section_path(nodes, node.start)[-1] is node


@pytest.mark.parametrize("chunk", STRUCTURE_CHUNKS)
def test_pathological_input_finishes_and_gives_a_well_formed_tree(chunk):
    # How the time grows with size (linear, not quadratic) is measured by `python -m viewer.bench`.
    text = "标题\n\n一、甲\n\n" + chunk * 3_000
    assert_well_formed(text, build_sections(text))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_any_string_never_raises(text):
    assert_well_formed(text, build_sections(text))


def test_page_of_finds_the_page_holding_an_offset():
    from viewer.core.model import page_of

    assert page_of([], 5) is None
    assert [page_of([0, 120, 300], at) for at in (0, 119, 120, 299, 300, 10_000)] == [1, 1, 2, 2, 3, 3]
