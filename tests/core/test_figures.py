"""Figures: which numbers are statistics, their spans, kinds, normalised values, units and qualifiers."""

import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from tests.conftest import GOLD, SAMPLE
from viewer.bench import PATHOLOGICAL_CHUNKS
from viewer.core.figures import FIGURE_KINDS, describe_value, find_figures, unit_word
from viewer.core.model import Figure


def one(text: str) -> Figure:
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def texts(text: str) -> list[str]:
    return [f.text for f in find_figures(text)]


def summary(fig: Figure) -> tuple:
    return fig.text, fig.kind, fig.value, fig.unit, fig.qualifier, fig.multiplier, fig.end_value


# -- counts, units, kinds ----------------------------------------------------------------------

def test_number_with_measure_word_is_a_count():
    fig = one("全年共审查规范性文件41件。")
    assert (fig.start, fig.end) == (10, 13)
    assert summary(fig) == ("41件", "count", 41, "件", "", "", None)


@pytest.mark.parametrize("text, unit", [
    ("200余场次", "场次"), ("30人次", "人次"), ("500件次", "件次"), ("7支", "支"), ("29个", "个"),
    ("8名", "名"), ("6家", "家"), ("3户", "户"), ("5所", "所"), ("12辆", "辆"), ("4篇", "篇"),
    ("3起", "起"), ("9宗", "宗"), ("2部", "部"), ("15天", "天"), ("48小时", "小时"), ("3个月", "个月"),
    ("5个工作日", "个工作日"), ("70周年", "周年"), ("60岁", "岁"),
])
def test_measure_words_and_durations_are_counts(text, unit):
    fig = one(text)
    assert fig.text == text and fig.kind == "count" and fig.unit == unit


@pytest.mark.parametrize("text, value, unit, multiplier", [
    ("120平方米", 120, "平方米", ""), ("2.3平方公里", 2.3, "平方公里", ""), ("500亩", 500, "亩", ""),
    ("30公顷", 30, "公顷", ""), ("5公里", 5, "公里", ""), ("3千米", 3, "千米", ""), ("12米", 12, "米", ""),
    ("3万吨", 30000, "吨", "万"), ("15千克", 15, "千克", ""), ("20公斤", 20, "公斤", ""),
    ("8立方米", 8, "立方米", ""), ("5万千瓦", 50000, "千瓦", "万"), ("100千瓦时", 100, "千瓦时", ""),
])
def test_area_weight_and_power_units_are_counts(text, value, unit, multiplier):
    fig = one("新增" + text + "。")
    assert summary(fig) == (text, "count", value, unit, "", multiplier, None)


def test_thousand_prefixed_units_are_not_the_multiplier():
    assert summary(one("3千米")) == ("3千米", "count", 3, "千米", "", "", None)
    assert summary(one("2千名")) == ("2千名", "count", 2000, "名", "", "千", None)


def test_times_is_a_number_with_unit_bei():
    assert summary(one("增长1.5倍")) == ("1.5倍", "number", 1.5, "倍", "", "", None)


def test_compound_unit_with_slash_is_kept():
    assert summary(one("均价30元/平方米")) == ("30元/平方米", "money", 30, "元/平方米", "", "", None)


@pytest.mark.parametrize("text, kind, value, unit, multiplier", [
    ("58万元/人", "money", 580000, "元/人", "万"), ("300元/吨", "money", 300, "元/吨", ""),
    ("120公里/小时", "count", 120, "公里/小时", ""), ("5.6万千瓦时", "count", 56000, "千瓦时", "万"),
    ("120亿千瓦时", "count", 12_000_000_000, "千瓦时", "亿"), ("300吨/日", "count", 300, "吨/日", ""),
    ("1000元/人/年", "money", 1000, "元/人/年", ""), ("2.1万元/人·年", "money", 21000, "元/人·年", "万"),
    ("5万吨标准煤", "count", 50000, "吨标准煤", "万"), ("25人/万人", "count", 25, "人/万人", ""),
    ("300兆瓦时", "count", 300, "兆瓦时", ""), ("2.5吉瓦", "count", 2.5, "吉瓦", ""), ("3辆/千人", "count", 3, "辆/千人", ""),
])
def test_compound_units_stay_whole(text, kind, value, unit, multiplier):
    assert summary(one("达到" + text + "，")) == (text, kind, value, unit, "", multiplier, None)


# -- percentages -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, figure, qualifier", [
    ("增长6%以上，", "6%以上", "以上"), ("增长6％左右。", "6％左右", "左右"), ("下降3.2个百分点左右", "3.2个百分点左右", "左右"),
    ("增长6% 以上的", "6% 以上", "以上"), ("增长6-7%左右", "6-7%左右", "左右"), ("约6%左右", "6%左右", "约+左右"),
])
def test_trailing_qualifier_of_a_percent_stays_in_the_figure(text, figure, qualifier):
    fig = one(text)
    assert (fig.text, fig.kind, fig.qualifier) == (figure, "percent", qualifier)


def test_a_qualifier_after_a_comma_is_not_the_figures():
    assert summary(one("增长6%，以上数据")) == ("6%", "percent", 6, "%", "", "", None)

def test_decimal_percent():
    assert summary(one("出庭应诉率达76.9%，")) == ("76.9%", "percent", 76.9, "%", "", "", None)


def test_full_width_percent_sign_normalises_unit():
    assert summary(one("增长5.6％")) == ("5.6％", "percent", 5.6, "%", "", "", None)


def test_per_mille_and_percentage_points_are_percent():
    assert summary(one("出生率3‰")) == ("3‰", "percent", 3, "‰", "", "", None)
    assert summary(one("提高0.5个百分点")) == ("0.5个百分点", "percent", 0.5, "个百分点", "", "", None)


@pytest.mark.parametrize("text", ["6%-6.5%", "6%～6.5%", "6-6.5%", "6%至6.5%"])
def test_percent_range_is_one_figure(text):
    fig = one("预期增长" + text + "。")
    assert summary(fig) == (text, "percent", 6, "%", "", "", 6.5)


def test_count_range_shares_the_unit():
    assert summary(one("期限3至5年")) == ("3至5年", "count", 3, "年", "", "", 5)


def test_range_shares_the_multiplier_of_its_upper_bound():
    assert summary(one("投资3至5万元")) == ("3至5万元", "money", 30000, "元", "", "万", 50000)


def test_decreasing_pair_is_two_figures_not_a_range():
    assert texts("从5%到3%") == ["5%", "3%"]


def test_signed_change_keeps_value_positive_and_excludes_the_verb():
    assert summary(one("同比下降3.2%")) == ("3.2%", "percent", 3.2, "%", "", "", None)
    assert summary(one("增速为-3.2%")) == ("3.2%", "percent", 3.2, "%", "", "", None)


# -- multipliers and money -----------------------------------------------------------------------

@pytest.mark.parametrize("text, value, multiplier", [
    ("5千人", 5000, "千"), ("2万人", 20000, "万"), ("3亿人", 300000000, "亿"),
    ("1.2万亿人", 1200000000000, "万亿"),
])
def test_multiplier_is_applied_to_the_value(text, value, multiplier):
    fig = one(text)
    assert (fig.value, fig.multiplier, fig.unit) == (value, multiplier, "人")


def test_yu_between_number_and_multiplier_is_a_qualifier():
    assert summary(one("累计吸引100余万人次参与")) == ("100余万人次", "count", 1000000, "人次", "余", "万", None)
    assert summary(one("累计服务2万余人次")) == ("2万余人次", "count", 20000, "人次", "余", "万", None)


def test_number_with_multiplier_and_no_unit_is_a_number():
    assert summary(one("1.5亿")) == ("1.5亿", "number", 150000000, "", "", "亿", None)


@pytest.mark.parametrize("text, value, unit, multiplier", [
    ("150亿元", 15000000000, "元", "亿"), ("3.5万亿元", 3500000000000, "元", "万亿"),
    ("4.2万元", 42000, "元", "万"), ("80元", 80, "元", ""), ("5000万美元", 50000000, "美元", "万"),
    ("100亿人民币", 10000000000, "元", "亿"),
])
def test_money_has_unit_yuan_and_value_with_multiplier(text, value, unit, multiplier):
    assert summary(one("金额" + text + "，")) == (text, "money", value, unit, "", multiplier, None)


# -- qualifiers --------------------------------------------------------------------------------

@pytest.mark.parametrize("before, qualifier", [
    ("近", "近"), ("逾", "逾"), ("约", "约"), ("超", "超"), ("超过", "超过"), ("不少于", "不少于"),
    ("不低于", "不低于"), ("不足", "不足"), ("将近", "近"), ("大约", "约"),
])
def test_qualifier_before_number_is_kept_outside_the_span(before, qualifier):
    fig = one("人员" + before + "20人。")
    assert (fig.text, fig.qualifier, fig.value) == ("20人", qualifier, 20)


@pytest.mark.parametrize("text, qualifier", [
    ("500余条", "余"), ("10多个", "多"), ("98%以上", "以上"), ("5%以下", "以下"), ("200人左右", "左右"),
])
def test_qualifier_after_number_is_inside_the_span(text, qualifier):
    fig = one("共" + text + "，")
    assert (fig.text, fig.qualifier) == (text, qualifier)


def test_several_qualifiers_are_joined_with_plus():
    fig = one("约100余人以上")
    assert fig.text == "100余人以上"
    assert set(fig.qualifier.split("+")) == {"约", "余", "以上"}


@pytest.mark.parametrize("verb", ["达", "达到", "已达", "均为", "均达", "增至", "较去年上升"])
def test_verbs_before_number_are_neither_span_nor_qualifier(verb):
    fig = one(verb + "100%")
    assert (fig.text, fig.qualifier) == ("100%", "")


@pytest.mark.parametrize("text", ["全年约谈提醒17次", "预约3次", "签约5个", "节约3万元", "最近3年", "赶超3家"])
def test_qualifier_characters_inside_words_are_not_qualifiers(text):
    assert one(text).qualifier == ""


# -- numbers as written --------------------------------------------------------------------------

def test_full_width_digits_are_read_as_numbers():
    fig = one("办理１２３件")
    assert (fig.text, fig.value) == ("１２３件", 123)


def test_thousands_separators_ascii_and_full_width():
    assert [(f.text, f.value) for f in find_figures("共1,234件和1，234人")] == [("1,234件", 1234), ("1，234人", 1234)]
    assert one("2,000万元").value == 20000000


def test_bare_number_without_unit_is_kind_number():
    assert summary(one("废止修改42审查率")) == ("42", "number", 42, "", "", "", None)


# -- dates ---------------------------------------------------------------------------------------

def test_year_with_nian_is_a_date():
    assert summary(one("2020年,区司法局")) == ("2020年", "date", 2020, "年", "", "", None)


def test_small_number_with_nian_is_a_duration_count():
    assert summary(one("连续5年")) == ("5年", "count", 5, "年", "", "", None)
    assert summary(one("2000余年")) == ("2000余年", "count", 2000, "年", "余", "", None)


def test_bare_year_before_cjk_text_is_a_date():
    assert summary(one("现将我局2020法治政府建设")) == ("2020", "date", 2020, "年", "", "", None)


def test_year_range_is_one_date_figure_without_parentheses():
    fig = one("《实施方案(2021-2025)》")
    assert summary(fig) == ("2021-2025", "date", 2021, "年", "", "", 2025)
    assert summary(one("2021—2025年")) == ("2021—2025年", "date", 2021, "年", "", "", 2025)
    assert summary(one("2020年至2021年")) == ("2020年至2021年", "date", 2020, "年", "", "", 2021)


@pytest.mark.parametrize("text, value", [
    ("2021-05-31 16:19", 2021), ("2021-05-31", 2021), ("2021/5/31", 2021), ("2021-05", 2021),
    ("2021年5月31日", 2021), ("2021年5月", 2021), ("2021年5月31日16:19", 2021), ("5月31日", 5),
])
def test_full_dates_are_one_date_figure(text, value):
    fig = one("发布时间:" + text + "。")
    assert (fig.text, fig.kind, fig.unit, fig.value) == (text, "date", "date", value)


def test_month_range_is_a_date_range():
    assert summary(one("1-5月，全区")) == ("1-5月", "date", 1, "date", "", "", 5)


def test_days_within_are_a_duration():
    assert summary(one("5日内办结")) == ("5日", "count", 5, "日", "", "", None)


def test_time_of_day_alone_is_not_a_figure():
    assert find_figures("16:19") == []
    assert find_figures("8时30分召开") == []


# -- not figures ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "法网”APP12348热线", "拨打12348热线", "12345政务服务便民热线", "拨打110", "110报警",
    "电话：023-63891234", "邮编400010",
])
def test_hotlines_phone_numbers_and_codes_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["第5条", "第五条", "第3次全体会议", "第二次", "第 2 节", "第3-5条"])
def test_ordinals_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text", [
    "十九大", "十九届五中全会", "七五普法", "十四五规划", "两点定位", "六稳六保", "三项制度",
    "百名律师进社区", "千名涉外律师人才库", "新增四项工作制度", "一人一档一专班", "第三方评估", "八五普法",
])
def test_chinese_numeral_names_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["1. 加强学习", "1．加强学习", "工作。2、加强", "（1）完善制度", "(2)健全机制",
                                  "\n3)落实责任", "工作。2）完善", "要求；3)落实", "（ 2 ）完善", "\n  12．加强",
                                  "①加强", "\n（10）完善"])
def test_enumeration_markers_are_not_figures(text):
    assert find_figures(text) == []


def test_numbers_listed_with_dunhao_are_still_figures():
    assert texts("分别为100、200件") == ["100", "200件"]


@pytest.mark.parametrize("text", ["1.2.3节", "版本v1.2", "5G基站", "COVID-19疫情", "GB/T 9704-2012", "ISO9001认证",
                                  "3号楼", "3级", "5·12地震", "占1/3"])
def test_identifiers_section_and_version_numbers_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["渝中司发〔2021〕5号", "渝中司发（2021）5号", "渝府办发(2021) 12号", "国办发[2021]3号",
                                  "渝中府发〔2021〕5号", "国办发〔2020〕1号文件", "国发〔2020〕 1 号",
                                  "（渝府办发〔2021〕15号）"])
def test_document_number_is_not_a_figure(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["附件2.docx", "见附件2.docx。", "report_2021.pdf", "报告2021.pdf", "附件2．DOCX",
                                  "表3.xlsx", "v2.pdf"])
def test_numbers_in_file_names_are_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["附件2：名单", "见附件1", "附表3", "如图1所示", "见表2中"])
def test_attachment_chart_and_table_numbers_are_not_figures(text):
    assert find_figures(text) == []


def test_numbers_near_file_and_attachment_words_still_count():
    assert texts("附件共2个，建成学校3所，共有5所学校，图表共8张") == ["2个", "3所", "5所", "8张"]
    assert texts("增长1.5%，投入1.5亿元") == ["1.5%", "1.5亿元"]


def test_a_year_in_ordinary_brackets_is_still_a_date():
    assert [(f.text, f.kind) for f in find_figures("全年(2021)完成41件")] == [("2021", "date"), ("41件", "count")]


def test_dash_between_unrelated_numbers_is_an_identifier():
    assert find_figures("3-2") == []


def test_digits_inside_a_book_title_are_figures():
    assert texts("《渝中区助力中小企业共渡难关15条措施》") == ["15条"]
    assert texts("《2020年渝中区法治政府建设工作要点》") == ["2020年"]


def test_number_after_times_sign_is_counted_but_not_before():
    assert texts("7×24小时") == ["24小时"]


# -- API -----------------------------------------------------------------------------------------

def test_figure_to_dict_has_the_contract_keys():
    fig = one("逾150亿元")
    assert fig.to_dict() == {"start": 1, "end": 6, "text": "150亿元", "kind": "money", "value": 15000000000,
                             "unit": "元", "qualifier": "逾", "multiplier": "亿", "end_value": None}


def test_figure_kinds_are_the_five_kinds():
    assert FIGURE_KINDS == ("count", "percent", "money", "date", "number")


def test_empty_and_non_digit_text_has_no_figures():
    assert find_figures("") == []
    assert find_figures("没有数字的文字。") == []


@pytest.mark.parametrize("text, shown, bare", [
    ("2万余人次", "20,000+ 人次", "20,000+"), ("近20%", "≈20%", "≈20"), ("76.9%", "76.9%", "76.9"),
    ("不足10人", "<10 人", "<10"), ("2021-2025", "2021–2025年", "2021–2025"),
    ("2021-05-31 16:19", "2021-05-31 16:19", "2021-05-31 16:19"), ("6-6.5%", "6–6.5%", "6–6.5"),
])
def test_describe_value_shows_the_normalised_value(text, shown, bare):
    fig = one(text)
    assert describe_value(fig) == shown
    assert describe_value(fig, with_unit=False) == bare


# -- the sample against its gold ---------------------------------------------------------------

KEYS = ("start", "end", "text", "kind", "value", "unit", "multiplier")


def test_sample_figures_match_the_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = SAMPLE.read_text(encoding="utf-8")
    optional = {(f["start"], f["end"]) for f in gold["optional_figures"]}
    found = [f for f in find_figures(text) if (f.start, f.end) not in optional]
    assert [f.text for f in found] == [g["text"] for g in gold["figures"]]
    for fig, g in zip(found, gold["figures"]):
        assert tuple(getattr(fig, k) for k in KEYS) == tuple(g[k] for k in KEYS), g
        assert set(filter(None, fig.qualifier.split("+"))) == set(filter(None, g["qualifier"].split("+")))
        assert fig.end_value == g.get("end_value")
    for bad in gold["not_figures"]:
        assert not any(f.start < bad["end"] and bad["start"] < f.end for f in found), bad


@pytest.mark.parametrize("chunk", PATHOLOGICAL_CHUNKS)
def test_pathological_input_finishes_and_gives_well_formed_figures(chunk):
    # How the time grows with size (linear, not quadratic) is measured by `python -m viewer.bench`.
    text = chunk * 3_000
    found = find_figures(text)
    assert all(text[f.start:f.end] == f.text for f in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# -- properties ----------------------------------------------------------------------------------

ALPHABET = ("0123456789０１２３４５６７８９" "余多万亿千百十年月日号第约近逾超不少于以上下左右"
            "件条次人个项名元%％‰倍平方米吨-－~～—至到.．,，、。；:：()（）《》〔〕/·× \n"
            "APPGxv法治政府建设工作"
            "附件表图所示号发〔〕［］docxpdf_公里小时千瓦标准煤\u3000")


def _check(text: str) -> None:
    figures = find_figures(text)
    last_end = 0
    for fig in figures:
        assert last_end <= fig.start < fig.end <= len(text)
        assert fig.text == text[fig.start:fig.end]
        assert fig.kind in FIGURE_KINDS
        assert isinstance(fig.value, (int, float)) and math.isfinite(fig.value)
        assert fig.end_value is None or fig.end_value > fig.value
        assert fig.to_dict()["text"] == fig.text
        describe_value(fig)
        last_end = fig.end


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_random_cjk_digits_and_punctuation_give_sorted_disjoint_exact_spans(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_string_never_raises(text):
    _check(text)


@pytest.mark.parametrize("text, unit", [("2021年5月31日", ""), ("2021-05-31 16:19", ""), ("2021年5月", ""),
                                        ("5月份", "月"), ("截至31日", ""), ("41件", "件"), ("2020年", "年"),
                                        ("12.3亿元", "元")])
def test_unit_word_never_shows_the_internal_date_unit(text, unit):
    fig = find_figures(text)[0]
    assert unit_word(fig) == unit
