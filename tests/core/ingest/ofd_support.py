"""Hand-written OFD files (GB/T 33190-2016) made in memory: a small typesetter lays out an official
report (GB/T 9704 page: A4, 28 mm left and 37 mm top margins, 156 mm type area, 三号 text, 22 lines)
into pages of TextObjects, with fonts, a seal stamp annotation, a signature, an image and a path."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

OFD_NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, BODY_W = 28.0, 37.0, 156.0
SIZE = 5.644                 # 三号 (16 pt) in millimetres
PITCH = 10.2                 # 22 lines in the 225 mm type area
LINES_PER_PAGE = 22
_NO_LINE_START = "。，、；：？！）》”’%"
_NO_LINE_END = "（《“‘"
WPS_GAP = 0.25               # the visual gap WPS puts between CJK and digits, in ems

# Font resource IDs (PublicRes.xml)
SONG, HEI, KAI, XBS, FANGSONG = "2", "3", "4", "5", "6"
FONTS = {SONG: "宋体", HEI: "黑体", KAI: "楷体_GB2312", XBS: "方正小标宋简体", FANGSONG: "仿宋_GB2312"}


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def advances(text: str, size: float, wps_gaps: bool = True) -> list[float]:
    """Each glyph's advance: an em for CJK, half for digits and Latin, plus WPS's CJK/digit gap."""
    out = []
    for i, char in enumerate(text):
        step = size if _wide(char) else size / 2
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if wps_gaps and nxt and (_wide(char) != _wide(nxt)) and (char.isdigit() or nxt.isdigit()):
            step += WPS_GAP * size
        out.append(step)
    return out


def delta_list(steps: list[float], shorthand: bool = True) -> str:
    """A DeltaX attribute; runs of three or more equal steps written `g n d` as writers do."""
    parts: list[str] = []
    i = 0
    while i < len(steps):
        j = i
        while j < len(steps) and abs(steps[j] - steps[i]) < 1e-9:
            j += 1
        value = f"{steps[i]:.4f}".rstrip("0").rstrip(".")
        if shorthand and j - i >= 3:
            parts.append(f"g {j - i} {value}")
        else:
            parts.extend([value] * (j - i))
        i = j
    return " ".join(parts)


_ids = iter(range(100, 10**6))


def text_object(text: str, x: float, baseline: float, *, size: float = SIZE, font: str = FANGSONG,
                steps: list[float] | None = None, shorthand: bool = True, scale: float = 1.0,
                weight: int | None = None) -> str:
    """One line as an ofd:TextObject: the Boundary around it, the TextCode at the baseline.
    With `scale` != 1 the object is drawn through a CTM (its own coordinates are 1/scale larger)."""
    steps = steps if steps is not None else advances(text, size)
    width = sum(steps)
    inner = 1 / scale
    code_steps = [s * inner for s in steps[:-1]]
    delta = f' DeltaX="{delta_list(code_steps, shorthand)}"' if code_steps else ""
    ctm = f' CTM="{scale:g} 0 0 {scale:g} 0 0"' if scale != 1.0 else ""
    weight_attr = f' Weight="{weight}"' if weight else ""
    return (f'<ofd:TextObject ID="{next(_ids)}" Boundary="{x:.3f} {baseline - size:.3f} {width + 1:.3f} {size * 1.3:.3f}"'
            f' Font="{font}" Size="{size * inner:.3f}"{ctm}{weight_attr}>'
            '<ofd:FillColor Value="0 0 0"/>'
            f'<ofd:TextCode X="0" Y="{size * inner:.3f}"{delta}>{text}</ofd:TextCode></ofd:TextObject>')


def wrap(text: str, first_indent: float, size: float = SIZE) -> list[tuple[str, float, list[float]]]:
    """A paragraph broken into lines of the type area, each justified but the last: (text, x, steps)."""
    lines = []
    start, indent = 0, first_indent
    steps = advances(text, size)
    while start < len(text):
        width, end = indent, start
        while end < len(text) and width + steps[end] <= BODY_W + 1e-6:
            width += steps[end]
            end += 1
        while 0 < end - start and end < len(text) and text[end - 1].isascii() and text[end].isascii() \
                and text[end - 1].isalnum() and text[end].isalnum():
            end -= 1                                      # a number is never broken
        if end < len(text) and text[end] in _NO_LINE_START:
            end += 1                                      # 避头: closing punctuation squeezed into the line
        while end - start > 1 and end < len(text) and text[end - 1] in _NO_LINE_END:
            end -= 1                                      # 避尾: an opening bracket goes down with its word
        line_steps = steps[start:end]
        if end < len(text) and end - start > 1:           # justify: spread the slack over the gaps
            slack = BODY_W - indent - sum(line_steps)
            line_steps = [s + slack / (end - start - 1) for s in line_steps[:-1]] + [line_steps[-1]]
        lines.append((text[start:end], LEFT + indent, line_steps))
        start, indent = end, 0.0
    return lines


@dataclass
class Block:
    """A block of the report: its text, how it is set, and whether lines go through a CTM."""

    text: str
    kind: str = "body"            # masthead | centred | title | heading | subheading | row (cells by tabs) | body
    scale: float = 1.0


@dataclass
class Typeset:
    """The pages' Content.xml objects, and where each page's text starts in the source blocks."""

    pages: list[list[str]] = field(default_factory=list)
    page_first_lines: list[str] = field(default_factory=list)


def typeset(blocks: list[Block], footer: bool = True) -> Typeset:
    """Lay out blocks on 22-line pages; a paragraph that does not fit runs on to the next page."""
    out = Typeset()
    line_no = LINES_PER_PAGE

    def place(obj_for_baseline, first_text):
        nonlocal line_no
        if line_no >= LINES_PER_PAGE:
            out.pages.append([])
            out.page_first_lines.append(first_text)
            line_no = 0
        baseline = TOP + line_no * PITCH + SIZE
        out.pages[-1].append(obj_for_baseline(baseline))
        line_no += 1

    for block in blocks:
        if block.kind == "title":
            size = 7.761                                   # 二号 小标宋, centred, a blank line after
            steps = advances(block.text, size)
            x = LEFT + (BODY_W - sum(steps)) / 2
            place(lambda b: text_object(block.text, x, b + 1.5, size=size, font=XBS, steps=steps), block.text)
            line_no += 1
            continue
        if block.kind == "row":                          # table cells at even column stops
            cells = block.text.split("\t")
            stops = [LEFT + k * BODY_W / len(cells) for k in range(len(cells))]
            place(lambda b: "".join(text_object(cell, x, b, steps=advances(cell, SIZE))
                                    for cell, x in zip(cells, stops)), block.text)
            continue
        if block.kind == "masthead":                     # 发文机关标志: red, large, centred
            size = 15.0
            steps = advances(block.text, size)
            x = LEFT + (BODY_W - sum(steps)) / 2
            place(lambda b: text_object(block.text, x, b + size - SIZE, size=size, font=XBS, steps=steps), block.text)
            line_no += 1
            continue
        if block.kind == "centred":                      # 发文字号
            steps = advances(block.text, SIZE)
            x = LEFT + (BODY_W - sum(steps)) / 2
            place(lambda b: text_object(block.text, x, b, steps=steps), block.text)
            continue
        font = {"heading": HEI, "subheading": KAI}.get(block.kind, FANGSONG)
        for i, (text, x, steps) in enumerate(wrap(block.text, 2 * SIZE)):
            place(lambda b, t=text, x=x, s=steps: text_object(
                t, x, b, font=font, steps=s, shorthand=i % 2 == 0, scale=block.scale), text)
    if footer:
        for n, objects in enumerate(out.pages, start=1):
            number = f"— {n} —"
            size = 4.939                                   # 四号 宋体; odd pages right, even pages left
            steps = advances(number, size, wps_gaps=False)
            x = LEFT + BODY_W - SIZE - sum(steps) if n % 2 else LEFT + SIZE
            objects.append(text_object(number, x, PAGE_H - 35 + 7 + size, size=size, font=SONG, steps=steps))
    return out


def page_xml(objects: list[str], *, template: str | None = None, area: bool = False) -> str:
    """A page's Content.xml: one body layer holding the objects."""
    tpl = f'<ofd:Template TemplateID="{template}" ZOrder="Background"/>' if template else ""
    box = f"<ofd:Area><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:Area>" if area else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}">{box}{tpl}'
            f'<ofd:Content><ofd:Layer ID="{next(_ids)}" Type="Body">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


RED_RULE = (f'<ofd:PathObject ID="90" Boundary="{LEFT} 30 {BODY_W} 1" LineWidth="0.5" Stroke="true">'
            '<ofd:StrokeColor Value="255 0 0"/><ofd:AbbreviatedData>M 0 0.5 L 156 0.5</ofd:AbbreviatedData></ofd:PathObject>')
SEAL_IMAGE = '<ofd:ImageObject ID="91" ResourceID="20" Boundary="120 200 42 42" CTM="42 0 0 42 0 0"/>'
PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
             b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
             b"\x00\x00\x00\x00IEND\xaeB`\x82")


def ofd_xml(doc_root: str = "Doc_0/Document.xml", title: str = "某市2024年法治政府建设情况报告") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>6a3f0c9e2b7d4e1f8a5c3b2d1e0f9a8b</ofd:DocID>"
            f"<ofd:Title>{title}</ofd:Title><ofd:Author>某市司法局</ofd:Author>"
            "<ofd:CreationDate>2025-01-15</ofd:CreationDate><ofd:Creator>OFD Writer</ofd:Creator></ofd:DocInfo>"
            f"<ofd:DocRoot>{doc_root}</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>"
            "</ofd:DocBody></ofd:OFD>")


def document_xml(page_count: int, *, template: bool = False) -> str:
    pages = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(page_count))
    tpl = '<ofd:TemplatePage ID="8" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
            "<ofd:MaxUnitID>999</ofd:MaxUnitID>"
            f"<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
            f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>{tpl}"
            f"</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages>"
            "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>")


def public_res() -> str:
    fonts = "".join(f'<ofd:Font ID="{fid}" FontName="{name}" FamilyName="{name}"/>' for fid, name in FONTS.items())
    return f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res"><ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>'


def document_res() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res"><ofd:MultiMedias>'
            '<ofd:MultiMedia ID="20" Type="Image" Format="PNG"><ofd:MediaFile>seal.png</ofd:MediaFile></ofd:MultiMedia>'
            "</ofd:MultiMedias></ofd:Res>")


SEAL_TEXT = "某市人民政府印章"


def seal_members(page_id: int = 10) -> dict[str, str | bytes]:
    """A seal stamp: the annotation (its appearance holds the seal's own text), the signature and the seal file."""
    return {
        "Doc_0/Annots/Annotations.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations xmlns:ofd="{OFD_NS}">'
            f'<ofd:Page PageID="{page_id}"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>',
        "Doc_0/Annots/Page_0/Annotation.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot xmlns:ofd="{OFD_NS}">'
            '<ofd:Annot ID="95" Type="Stamp" Creator="某市人民政府" LastModDate="2025-01-15">'
            '<ofd:Appearance Boundary="120 200 42 42">'
            '<ofd:ImageObject ID="96" ResourceID="20" Boundary="0 0 42 42" CTM="42 0 0 42 0 0"/>'
            f'<ofd:TextObject ID="97" Boundary="2 18 38 6" Font="{SONG}" Size="4.5">'
            f'<ofd:TextCode X="0" Y="4.5" DeltaX="g {len(SEAL_TEXT) - 1} 4.5">{SEAL_TEXT}</ofd:TextCode></ofd:TextObject>'
            "</ofd:Appearance></ofd:Annot></ofd:PageAnnot>",
        "Doc_0/Signs/Signatures.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures xmlns:ofd="{OFD_NS}"><ofd:MaxSignId>1</ofd:MaxSignId>'
            '<ofd:Signature ID="1" Type="Seal" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>',
        "Doc_0/Signs/Sign_0/Signature.xml":
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signature xmlns:ofd="{OFD_NS}"><ofd:SignedInfo>'
            '<ofd:Provider ProviderName="某签章系统"/><ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>'
            '<ofd:SignatureDateTime>20250115100000Z</ofd:SignatureDateTime>'
            '<ofd:References CheckMethod="1.2.156.10197.1.401">'
            '<ofd:Reference FileRef="/Doc_0/Pages/Page_0/Content.xml"><ofd:CheckValue>AAAA</ofd:CheckValue></ofd:Reference>'
            f'</ofd:References><ofd:StampAnnot ID="1" PageRef="{page_id}" Boundary="120 200 42 42"/>'
            "<ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>"
            "<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>",
        "Doc_0/Signs/Sign_0/Seal.esl": b"\x30\x82\x01\x00" + bytes(64),
        "Doc_0/Signs/Sign_0/SignedValue.dat": b"\x30\x45" + bytes(69),
    }


def make_ofd(pages: list[str], *, extra: dict[str, str | bytes] | None = None, omit: tuple[str, ...] = (),
             ofd: str | None = None, template: str | None = None, seal: bool = True) -> bytes:
    """The zip of an OFD document holding the given pages' Content.xml (and what else a writer puts in)."""
    members: dict[str, str | bytes] = {
        "OFD.xml": ofd if ofd is not None else ofd_xml(),
        "Doc_0/Document.xml": document_xml(len(pages), template=template is not None),
        "Doc_0/PublicRes.xml": public_res(),
        "Doc_0/DocumentRes.xml": document_res(),
        "Doc_0/Res/seal.png": PNG_BYTES,
    }
    if template is not None:
        members["Doc_0/Tpls/Tpl_0/Content.xml"] = template
    for i, page in enumerate(pages):
        members[f"Doc_0/Pages/Page_{i}/Content.xml"] = page
    if seal:
        members.update(seal_members())
    members.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in members.items():
            if name not in omit:
                zf.writestr(name, value)
    return buf.getvalue()


REPORT_BLOCKS = [
    Block("某市2024年法治政府建设情况报告", "title"),
    Block("2024年，我市深入贯彻落实《法治政府建设实施纲要（2021—2025年）》，坚持依法行政，各项工作取得明显成效。"
          "现将有关情况报告如下。"),
    Block("一、主要工作", "heading"),
    Block("（一）完善依法行政制度体系", "subheading"),
    Block("全年审核规范性文件46件，清理文件213件，废止19件。制定重大行政决策程序规定，"
          "明确公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序。"),
    Block("（二）推进严格规范公正文明执法", "subheading"),
    Block("全年办理行政复议案件115件，同比增长5.2%，纠错率为12.3%。行政机关负责人出庭应诉率达到100%，"
          "较上年提高8个百分点。深化综合行政执法改革，整合执法队伍12支，执法人员持证上岗率达98.6%。"),
    Block("（三）加强法治政府建设组织保障", "subheading"),
    Block("市政府常务会议专题研究法治政府建设工作6次，将法治建设成效纳入政府绩效考核，权重提高到8%。"
          "组织领导干部集中学法4次，开展旁听庭审活动，覆盖领导干部320人次。举办全市依法行政专题培训班，"
          "培训行政执法人员1500余人次，组织执法人员网上考试，参考率和合格率均达到100%。"
          "建立法律顾问制度，市、县两级政府及其部门法律顾问覆盖率达到100%，全年审查合同协议185件，"
          "提出法律意见建议420余条，为政府依法决策提供了有力支撑。"),
    Block("二、下一步打算", "heading"),
    Block("下一步，我市将持续深化依法行政，推进法治政府建设再上新台阶。", scale=0.5),
]


BILLION_LAUGHS_OFD = ('<?xml version="1.0"?><!DOCTYPE ofd:OFD [<!ENTITY lol "lol">'
                      + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
                      + f']><ofd:OFD xmlns:ofd="{OFD_NS}"><ofd:DocBody><ofd:DocRoot>&lol9;</ofd:DocRoot></ofd:DocBody></ofd:OFD>')


RED_HEADED_BLOCKS = [
    Block("某市人民政府文件", "masthead"),
    Block("某政发〔2025〕5号", "centred"),
    Block("某市人民政府关于2024年行政复议工作情况的通报", "title"),
    Block("各县（市、区）人民政府，市政府各部门：现将2024年全市行政复议工作情况通报如下。"),
    Block("一、基本情况", "heading"),
    Block("全年共收到行政复议申请115件，依法受理109件，审结103件。主要指标见下表。"),
    Block("项目\t2023年\t2024年", "row"),
    Block("收到申请（件）\t98\t115", "row"),
    Block("审结案件（件）\t90\t103", "row"),
    Block("二、存在的问题", "heading"),
    Block("一是部分单位对行政复议工作重视不够，答复不及时；二是个别案件办理质量不高，"
          "说理不够充分；三是基层复议人员力量薄弱，专业化水平有待提升。" * 3),
    Block("三、工作要求", "heading"),
    Block("各地各部门要进一步提高认识，压实责任，切实提升行政复议工作质量和效率。"),
]
