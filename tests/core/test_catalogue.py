"""Reading what a report is: kind, issuing body, date and year from its title, body and metadata."""

import pytest
from hypothesis import given, settings, strategies as st

from tests.conftest import SAMPLE
from viewer.core.catalogue import ReportFacts, describe_report, kind_label, normalise_date
from viewer.core.vocab import REPORT_KIND_NAMES, REPORT_KINDS


def facts(title, text="", metadata=None):
    return describe_report(title, text, metadata or {})


@pytest.mark.parametrize("title, kind", [
    ("2024年政府工作报告", "work_report"),
    ("成都市人民政府工作报告", "work_report"),
    ("政府工作报告（摘要）", "work_report"),
    ("政府工作报告——2024年1月15日在北京市第十六届人民代表大会第二次会议上", "work_report"),
    ("浙江省2023年法治政府建设年度报告", "rule_of_law_report"),
    ("重庆市渝中区司法局2020年法治政府建设工作情况报告", "rule_of_law_report"),
    ("杭州市人民政府关于2023年度法治政府建设情况的报告", "rule_of_law_report"),
    ("海淀区2022年法治政府建设情况", "rule_of_law_report"),
    ("市交通局2019年依法行政工作报告", "rule_of_law_report"),
    ("上海市物业管理条例", "regulation"),
    ("广州市城市道路管理办法（试行）", "regulation"),
    ("国务院关于修改《行政复议法实施条例》的决定", "notice"),
    ("江苏省行政执法公示办法实施细则", "regulation"),
    ("重大行政决策程序暂行规定（2023年修订）", "regulation"),
    ("行政机关公文处理规则", "regulation"),
    ("成都市人民政府关于做好防汛工作的通知", "notice"),
    ("关于加强基层法治建设的意见", "notice"),
    ("关于报送2023年度法治政府建设情况报告的通知", "notice"),
    ("武汉市人民政府办公厅关于印发《武汉市法治政府建设实施方案（2021—2025年）》的通知", "notice"),
    ("关于对2023年度先进集体的通报", "notice"),
    ("国务院关于同意设立某某新区的批复", "notice"),
    ("某某县乡村振兴实施方案", "notice"),
    ("关于某项工作的报告", "other"),
    ("一份普通的文章", "other"),
    ("", "other"),
])
def test_the_title_names_the_kind(title, kind):
    assert facts(title).kind == kind


def test_a_body_of_articles_is_a_regulation_when_the_title_names_no_kind():
    text = "某市电动自行车管理\n\n第一章 总则\n\n第一条 为了加强管理，制定本规定。\n第二条 本市适用。\n第三条 职责。\n"
    assert facts("某市电动自行车管理", text).kind == "regulation"
    assert facts("某市电动自行车管理", "第一条 只有一条。\n").kind == "other"


def test_the_first_lines_name_the_kind_when_the_title_does_not():
    text = "北京市人民政府文件\n京政发〔2024〕3号\n北京市人民政府关于加快发展的意见\n各区人民政府：\n正文。\n"
    assert facts("北京市人民政府文件", text).kind == "notice"
    assert facts("", "政府工作报告\n\n各位代表：\n").kind == "work_report"


def test_headings_and_sentences_in_the_first_lines_name_no_kind():
    assert facts("一份材料", "一份材料\n\n一、工作方案\n\n（二）实施意见\n\n现将有关事项报告如下：关于通知\n").kind == "other"


def test_a_document_number_in_the_metadata_makes_an_official_document():
    assert facts("某件事", "正文。", {"doc_number": "京政发〔2024〕3号"}).kind == "notice"
    assert facts("某件事", "正文。", {"doc_number": "北京市人民政府令第312号"}).kind == "regulation"
    assert facts("某件事", "正文。", {"doc_number": "京政发〔2024〕3号"}).year == 2024
    assert facts("某件事", "正文。").kind == "other"


@pytest.mark.parametrize("title, issuer", [
    ("成都市人民政府关于做好防汛工作的通知", "成都市人民政府"),
    ("国务院办公厅关于印发某方案的通知", "国务院办公厅"),
    ("重庆市渝中区司法局2020年法治政府建设工作情况报告", "重庆市渝中区司法局"),
    ("浙江省2023年法治政府建设年度报告", "浙江省"),
    ("成都市人民政府工作报告", "成都市人民政府"),
    ("2023年杭州市法治政府建设年度报告", "杭州市"),
    ("中共苏州市委 苏州市人民政府关于推进法治建设的意见", "中共苏州市委 苏州市人民政府"),
    ("关于做好防汛工作的通知", ""),
    ("2024年政府工作报告", ""),
    ("深入推进依法行政的几点思考", ""),
])
def test_the_title_names_the_issuer(title, issuer):
    assert facts(title).issuer == issuer


def test_a_place_named_in_the_title_is_its_government_when_the_text_says_so():
    text = "浙江省2023年法治政府建设年度报告\n\n2023年，浙江省人民政府深入推进……\n"
    assert facts("浙江省2023年法治政府建设年度报告", text).issuer == "浙江省人民政府"
    assert facts("浙江省2023年法治政府建设年度报告", "正文。").issuer == "浙江省"


def test_the_metadata_issuer_comes_first():
    assert facts("成都市人民政府关于做好防汛工作的通知", "", {"issuer": "成都市人民政府办公厅"}).issuer == "成都市人民政府办公厅"
    assert facts("某件事", "", {"issuer": "   "}).issuer == ""


NOTICE = "关于做好防汛工作的通知\n\n各区县人民政府：\n\n现将有关事项通知如下。\n\n特此通知。\n\n{sign}\n"


@pytest.mark.parametrize("sign, issuer, issued", [
    ("成都市人民政府\n2024年1月15日", "成都市人民政府", "2024-01-15"),
    ("成都市人民政府\n二〇二四年一月十五日", "成都市人民政府", "2024-01-15"),
    ("成都市人民政府\n二○二三年十二月三十一日", "成都市人民政府", "2023-12-31"),
    ("成都市人民政府\n（2024年1月5日）", "成都市人民政府", "2024-01-05"),
    ("成都市人民政府    2024年1月15日", "成都市人民政府", "2024-01-15"),
    ("中共成都市委办公厅\n成都市人民政府办公厅\n2024年3月1日", "中共成都市委办公厅 成都市人民政府办公厅", "2024-03-01"),
    ("成都市人民政府\n2024年1月15日\n\n扫一扫在手机打开当前页\n【打印】【关闭】", "成都市人民政府", "2024-01-15"),
    ("2024年1月15日", "", "2024-01-15"),
    ("成都市人民政府\n２０２４年１月１５日", "成都市人民政府", "2024-01-15"),
    ("此页无正文", "", ""),
    ("本办法自2024年1月1日起施行。", "", ""),
    ("成都市人民政府\n2024年2月30日", "", ""),
])
def test_the_signature_block_gives_the_issuer_and_the_date(sign, issuer, issued):
    found = facts("关于做好防汛工作的通知", NOTICE.format(sign=sign))
    assert (found.issuer, found.issued) == (issuer, issued)


def test_a_print_line_under_the_signature_is_not_the_signature():
    sign = "成都市人民政府\n2024年1月15日\n\n成都市人民政府办公厅    2024年1月16日印发"
    found = facts("关于做好防汛工作的通知", NOTICE.format(sign=sign))
    assert (found.issuer, found.issued) == ("成都市人民政府", "2024-01-15")


def test_a_numbered_heading_above_a_date_is_not_an_issuer():
    found = facts("一份材料", "一份材料\n\n（三）加强示范区\n2024年1月15日\n")
    assert (found.issuer, found.issued) == ("", "2024-01-15")


def test_the_date_under_the_title_is_the_date_of_a_speech():
    text = "政府工作报告\n——2024年1月15日在北京市第十六届人民代表大会第二次会议上\n北京市市长 殷勇\n\n各位代表：\n"
    found = facts("政府工作报告", text)
    assert (found.kind, found.issued, found.year) == ("work_report", "2024-01-15", 2024)
    found = facts("政府工作报告——2024年1月15日在北京市第十六届人民代表大会第二次会议上", "正文。")
    assert found.issued == "2024-01-15"
    rules = "某市条例\n（2023年6月30日某市第十五届人民代表大会常务委员会第十次会议通过）\n第一条 目的。\n"
    assert facts("某市条例", rules).issued == "2023-06-30"


def test_the_metadata_dates_come_last():
    assert facts("某件事", "正文。", {"published": "2021-05-31 16:19"}).issued == "2021-05-31"
    assert facts("某件事", "正文。", {"written": "2021年5月30日", "published": "2021-05-31"}).issued == "2021-05-30"
    assert facts("某件事", "正文。", {"published": "不是日期"}).issued == ""


def test_the_year_is_the_one_the_title_names_else_the_date_s():
    assert facts("浙江省2023年法治政府建设年度报告", "浙江省人民政府\n2024年3月1日\n").year == 2023
    assert facts("二〇二三年政府工作报告").year == 2023
    assert facts("武汉市法治政府建设实施方案（2021—2025年）").year == 2021
    assert facts("关于做好防汛工作的通知", "成都市人民政府\n2024年1月15日\n").year == 2024
    assert facts("关于做好防汛工作的通知", "正文").year is None
    assert facts("3000年的报告").year is None


@pytest.mark.parametrize("text, expected", [
    ("2024年1月15日", "2024-01-15"), ("2024-1-5", "2024-01-05"), ("2024.01.15", "2024-01-15"),
    ("2024/12/31 10:00", "2024-12-31"), ("二〇二四年一月十五日", "2024-01-15"), ("二〇二四年十月二十日", "2024-10-20"),
    ("2024年3月", "2024-03"), ("二〇二四年三月", "2024-03"), ("2024-04", "2024-04"), ("2024-13", ""), ("2024年13月1日", ""), ("二〇二四年十三月一日", ""),
    ("没有日期", ""), ("", ""),
])
def test_dates_are_normalised(text, expected):
    assert normalise_date(text) == expected


def test_the_sample_report_is_read_sensibly():
    from viewer.core.report import parse_path

    report = parse_path(SAMPLE)
    found = describe_report(report.title, report.text, report.source.metadata)
    assert found == ReportFacts("rule_of_law_report", "重庆市渝中区司法局", "2021-05-31", 2020)


def test_kind_labels_cover_every_kind_in_both_languages():
    assert tuple(REPORT_KIND_NAMES) == REPORT_KINDS
    for language in ("zh", "en"):
        labels = [kind_label(kind, language) for kind in REPORT_KINDS]
        assert all(labels) and len(set(labels)) == len(REPORT_KINDS)
    assert kind_label("work_report", "zh") == "政府工作报告"
    assert kind_label("notice", "en") == "Notice"
    assert kind_label("nonsense", "en") == "nonsense"


def test_odd_input_gives_empty_facts_not_an_error():
    assert describe_report(None, None, None) == ReportFacts()        # type: ignore[arg-type]
    assert describe_report("", "", {"issuer": None, "doc_number": 3}) == ReportFacts()  # type: ignore[dict-item]
    long = "第一条 " + "法" * 200_000 + "\n" + "年" * 100_000
    assert describe_report("x" * 10_000, long, {}).kind in REPORT_KINDS


_CHUNKS = st.sampled_from(["关于", "通知", "条例", "2024年", "二〇二四年", "一月", "十五日", "人民政府", "政府工作报告",
                           "法治政府建设", "报告", "\n", "——", "（", "）", "第一条", "第十条", "市", "局", "年", "月",
                           "日", " ", "。", "—", "〔2024〕", "令"])
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_CHUNKS, max_size=80).map("".join))


@settings(max_examples=300, deadline=None)
@given(title=_TEXTS, text=_TEXTS, metadata=st.dictionaries(st.sampled_from(["issuer", "doc_number", "written",
                                                                            "published", "other"]), _TEXTS))
def test_any_text_gives_facts_of_a_known_kind(title, text, metadata):
    found = describe_report(title, text, metadata)
    assert found.kind in REPORT_KINDS
    assert isinstance(found.issuer, str) and "\n" not in found.issuer
    assert found.issued == "" or normalise_date(found.issued) == found.issued
    assert found.year is None or 1900 <= found.year <= 2099
