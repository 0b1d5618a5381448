"""Shared finishing: the fingerprint, and one report read from .txt and .html alike."""

from __future__ import annotations


from viewer.core.ingest import fingerprint, ingest_bytes


# --------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_sha256_of_nfkc_text_without_whitespace():
    import hashlib
    import unicodedata

    text = "报告 (一)\n\n全年　１２件。"
    expected = hashlib.sha256("".join(unicodedata.normalize("NFKC", text).split()).encode()).hexdigest()
    assert fingerprint(text) == expected


def test_fingerprint_ignores_whitespace_and_width_but_not_content():
    assert fingerprint("报告\n\n全年１２件（一）") == fingerprint("报告 全年12件(一)\n")
    assert fingerprint("报告\n全年12件") != fingerprint("报告\n全年13件")


TWIN_TXT = """某局2020年工作报告

来源：某区司法局 发布时间：2021-03-01 09:30
打印 纠错
分享到

2020年，我局在区委、区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下：

一、主要工作

（一）加强组织领导

一是健全工作机制。全年召开专题会议12次，研究解决重点问题41个。

二、下一步打算

2021年，我局将继续深入推进法治政府建设。

扫一扫在手机打开当前页
"""

TWIN_HTML = """<html><head><meta charset="utf-8"><title>某局2020年工作报告_某区人民政府</title></head><body>
<nav><a>首页</a><a>政务公开</a></nav>
<div class="article">
<h1>某局2020年工作报告</h1>
<div class="meta">来源：某区司法局&nbsp;&nbsp;发布时间：2021-03-01 09:30</div>
<div class="content">
<p>&nbsp;&nbsp;&nbsp;&nbsp;2020年，我局在区委、区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下：</p>
<h2>一、主要工作</h2>
<h3>（一）加强组织领导</h3>
<p><strong>一是健全工作机制。</strong>全年召开专题会议<span>12</span><span>次</span>，研究解决重点问题41个。</p>
<h2>二、下一步打算</h2>
<p>2021年，我局将继续深入推进法治政府建设。</p>
</div></div>
<footer>扫一扫在手机打开当前页</footer>
</body></html>"""


def test_same_report_from_html_and_txt_has_the_same_fingerprint():
    from_txt = ingest_bytes(TWIN_TXT.encode("gbk"), "report.txt")
    from_html = ingest_bytes(TWIN_HTML.encode("utf-8"), "report.html")
    assert from_html.text == from_txt.text
    assert from_html.fingerprint == from_txt.fingerprint
    assert from_html.metadata["source"] == from_txt.metadata["source"] == "某区司法局"
    assert from_html.metadata["published"] == from_txt.metadata["published"] == "2021-03-01 09:30"


def test_html_twin_has_heading_hints_for_each_heading_level():
    doc = ingest_bytes(TWIN_HTML.encode("utf-8"), "report.html")
    got = [(doc.text[h.start:h.end], h.kind, h.level) for h in doc.hints]
    assert got == [
        ("某局2020年工作报告", "heading", 1),
        ("一、主要工作", "heading", 2),
        ("（一）加强组织领导", "heading", 3),
        ("一是健全工作机制。", "bold", None),
        ("二、下一步打算", "heading", 2),
    ]


