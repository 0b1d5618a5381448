"""Plain text: the sample report, paragraphs, chrome and metadata lines."""

from __future__ import annotations

import json

import pytest

from viewer.core.ingest import fingerprint, ingest_bytes, ingest_path
from viewer.core.model import IngestedDocument

from tests.conftest import GOLD, SAMPLE


SAMPLE_TITLE = "重庆市渝中区司法局2020年法治政府建设工作情况报告"
CHROME_LINES = ("打印", "打印 打印", "纠错", "纠错 纠错", "分享到", "扫一扫在手机打开当前页")


# --------------------------------------------------------------------------- the sample report


@pytest.fixture(scope="module")
def sample_doc() -> IngestedDocument:
    return ingest_bytes(SAMPLE.read_bytes(), SAMPLE.name)


def test_sample_text_starts_with_title_line_then_preamble(sample_doc):
    assert sample_doc.text.startswith(f"{SAMPLE_TITLE}\n\n2020年,区司法局")
    assert sample_doc.title == SAMPLE_TITLE


def test_sample_text_has_no_web_page_chrome(sample_doc):
    lines = sample_doc.text.split("\n")
    for chrome in CHROME_LINES:
        assert chrome not in lines
    assert "来源:" not in sample_doc.text
    assert "发布时间" not in sample_doc.text
    assert "扫一扫" not in sample_doc.text


def test_sample_text_ends_with_last_paragraph(sample_doc):
    body = sample_doc.text
    assert body.rstrip("\n").endswith("打造“渝中调解讲师团”。")
    assert body.endswith("。") or body.endswith("。\n")


def test_sample_source_and_publish_time_become_metadata(sample_doc):
    assert sample_doc.metadata["source"] == "区司法局"
    assert sample_doc.metadata["published"] == "2021-05-31 16:19"
    assert sample_doc.metadata["encoding"] == "utf-8"
    assert sample_doc.metadata["format"] == "txt"


def test_sample_body_is_the_source_minus_its_chrome_lines(sample_doc):
    source = SAMPLE.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else None
    start = gold["document"]["preamble"]["start"] if gold else source.index("2020年,区司法局")
    footer = source.index("扫一扫在手机打开当前页")
    assert sample_doc.text == f"{SAMPLE_TITLE}\n\n" + source[start:footer].rstrip() + "\n"


def test_sample_keeps_source_characters_unchanged(sample_doc):
    # the sample mixes ASCII ,(): with full-width forms; nothing is "fixed"
    assert "\n(一)深化全面依法治区工作实践," in sample_doc.text
    assert "两地”“两高目标" in sample_doc.text


def test_sample_keeps_raw_bytes_and_name(sample_doc):
    assert sample_doc.raw == SAMPLE.read_bytes()
    assert sample_doc.source_name == SAMPLE.name
    assert sample_doc.hints == []
    assert sample_doc.fingerprint == fingerprint(sample_doc.text)


def test_ingest_path_reads_the_same_document_as_ingest_bytes(sample_doc):
    from_path = ingest_path(SAMPLE)
    assert from_path.text == sample_doc.text
    assert from_path.metadata == sample_doc.metadata
    assert from_path.source_name == SAMPLE.name


# --------------------------------------------------------------------------- text rules


def test_crlf_and_cr_line_endings_become_newlines():
    doc = ingest_bytes("标题\r\n\r\n第一段。\r第二行。\r\n".encode("utf-8"), "a.txt")
    assert doc.text == "标题\n\n第一段。\n第二行。\n"


def test_trailing_whitespace_is_stripped_and_blank_line_runs_collapse():
    doc = ingest_bytes("标题   \n\n\n\n\n第一段。\t \n\n\n第二段。\n\n\n".encode("utf-8"), "a.txt")
    assert doc.text == "标题\n\n第一段。\n\n第二段。\n"


def test_text_ends_with_exactly_one_newline():
    doc = ingest_bytes("标题\n\n正文。".encode("utf-8"), "a.txt")
    assert doc.text == "标题\n\n正文。\n"


def test_punctuation_and_width_are_kept_as_in_the_source():
    source = "标题(一)\n\n1.完成率达100%,较上年提高2.5个百分点:见附表（一）；ＡＢＣ１２３。\n"
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


def test_title_is_the_first_non_empty_line():
    doc = ingest_bytes("\n\n\n  关于2020年工作的报告\n\n正文内容。\n".encode("utf-8"), "a.txt")
    assert doc.title == "关于2020年工作的报告"
    assert doc.text.startswith("关于2020年工作的报告\n\n正文内容。")


def test_chrome_lines_before_the_title_are_removed():
    source = "当前位置：首页 > 政务公开 > 工作报告\n【字体：大 中 小】\n\n某局2020年工作报告\n\n2020年，我局认真贯彻落实各项决策部署，圆满完成全年目标任务，现将情况报告如下：\n"
    doc = ingest_bytes(source.encode("utf-8"), "a.txt")
    assert doc.title == "某局2020年工作报告"
    assert doc.text.startswith("某局2020年工作报告\n\n2020年")
    assert "当前位置" not in doc.text and "字体" not in doc.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("来源:区司法局 发布时间:2021-05-31 16:19", {"source": "区司法局", "published": "2021-05-31 16:19"}),
        ("来源：区司法局　发布时间：2021-05-31 16:19", {"source": "区司法局", "published": "2021-05-31 16:19"}),
        ("发布日期：2021年05月31日  信息来源：区政府办", {"source": "区政府办", "published": "2021年05月31日"}),
        ("作者：张三 来源：区司法局 发布时间：2021-05-31 浏览次数：128",
         {"source": "区司法局", "published": "2021-05-31", "author": "张三"}),
        ("发布时间：2021-05-31 16:19:05 【字体：大 中 小】【打印】【关闭】", {"published": "2021-05-31 16:19:05"}),
    ],
)
def test_metadata_lines_in_the_head_become_metadata_and_leave_the_text(line, expected):
    source = f"某局2020年工作报告\n{line}\n打印 纠错\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n"
    doc = ingest_bytes(source.encode("utf-8"), "a.txt")
    assert doc.text == "某局2020年工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n"
    for key, value in expected.items():
        assert doc.metadata[key] == value


@pytest.mark.parametrize(
    "chrome",
    ["打印", "打印 打印", "纠错", "分享到", "分享到：", "扫一扫在手机打开当前页", "【字体：大 中 小】", "关闭窗口",
     "【打印本页】 【关闭窗口】", "上一篇：关于2019年工作的报告", "下一篇：没有了", "当前位置：首页 > 政务公开",
     "浏览次数：", "责任编辑：李四", "首页 > 政务公开 > 工作报告"],
)
def test_each_kind_of_chrome_line_is_removed_from_head_and_tail(chrome):
    body = "2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。"
    source = f"某局工作报告\n\n{chrome}\n\n{body}\n\n{chrome}\n"
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == f"某局工作报告\n\n{body}\n"


def test_chrome_words_inside_report_sentences_are_kept():
    source = ("某局工作报告\n\n打印机采购项目已完成，共打印宣传资料2万份，分享到基层单位。\n\n"
              "全年纠错案件3件，扫一扫在手机打开当前页功能已上线。\n")
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


def test_chrome_like_lines_between_real_paragraphs_are_kept():
    source = ("某局工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n\n打印\n\n"
              "2021年，我局将继续深入推进法治政府建设，不断提升依法行政水平和服务效能。\n")
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


def test_signature_lines_after_the_last_paragraph_are_kept():
    source = ("某局工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n\n"
              "某区司法局\n2021年3月1日\n")
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


