"""The message catalogue: every message code with its Chinese and English line, and their rendering."""

from __future__ import annotations

import os
import re
from typing import Any, Mapping

from viewer.core.errors import Phrase, ReportViewerError

__all__ = ["CATALOGUE", "LANGUAGES", "language_from_environment", "or_list", "render", "render_code"]

LANGUAGES = ("zh", "en")

# {formats}: the registered formats (viewer.core.ingest.registry.advice_extensions), listed as
# `.txt, .html or .docx` / `.txt、.html 或 .docx`
_ENGLISH_ADVICE = "choose a {formats} report"
_CHINESE_ADVICE = "请选择 {formats} 格式的报告。"
_RESAVE_EN = "open it in Word or WPS, save it as .docx again, then import that"
_RESAVE_ZH = "请用 Word 或 WPS 打开，重新另存为 .docx 后再导入。"
_SHARE_EN = "{file}: {where}: "
_SHARE_ZH = "{file}：{where}："
_NOTHING_EN = "; nothing was imported"
_NOTHING_ZH = "；未导入任何内容。"
_RESEND_EN = "; ask the sender for the file again"
_RESEND_ZH = "；请向发送者重新索取文件。"


def _share_field(zh: str, en: str) -> dict[str, str]:
    """A share-file problem at one place in the file: `{file}: {where}: …; nothing was imported`."""
    return {"zh": _SHARE_ZH + zh + _NOTHING_ZH, "en": _SHARE_EN + en + _NOTHING_EN}


#: code -> {"zh": template, "en": template}; placeholders are str.format fields named by the code's
#: arguments. A Phrase or an error given as an argument is rendered in the same language.
CATALOGUE: dict[str, dict[str, str]] = {
    # --- reading a source file (viewer.core.ingest) ----------------------------------------
    "ingest.not_found": {
        "zh": "{file}：找不到这个文件（{path}）；请检查路径后重试。",
        "en": "{file}: no such file ({path}); check the path and try again"},
    "ingest.unreadable": {
        "zh": "{file}：无法读取（{reason}）；请检查路径和文件的访问权限。",
        "en": "{file}: cannot be read ({reason}); check the path and the file's permissions"},
    "ingest.is_folder": {
        "zh": "{file}：这是文件夹，不是文件；请选择其中的报告文件。",
        "en": "{file}: is a folder, not a file; choose a report file inside it"},
    "ingest.not_regular_file": {
        "zh": "{file}：不是普通文件；请选择报告文件。",
        "en": "{file}: is not a regular file; choose a report file"},
    "ingest.empty": {
        "zh": "{file}：文件是空的；请选择含有文字的报告文件。",
        "en": "{file}: the file is empty; choose a report file that has text in it"},
    "ingest.too_big": {
        "zh": "{file}：文件过大（{size}，上限为 {limit}）；请选择报告本身，而不是压缩包或扫描件。",
        "en": "{file}: too large ({size}; the limit is {limit}); choose the report itself, not an archive or a scan"},
    "ingest.not_text": {
        "zh": "{file}：不是文本或网页文件（看起来是{kind}）；" + _CHINESE_ADVICE,
        "en": "{file}: not a text or HTML file (looks like {kind}); " + _ENGLISH_ADVICE},
    "ingest.not_docx": {
        "zh": "{file}：不是 Word .docx 文件（看起来是{kind}）；" + _CHINESE_ADVICE,
        "en": "{file}: not a Word .docx file (looks like {kind}); " + _ENGLISH_ADVICE},
    "ingest.old_office_file": {
        "zh": "{file}：不是 {formats} 文件（看起来是{kind}）；请用 Word 或 WPS 打开并另存为 .docx 后再导入。",
        "en": "{file}: not a {formats} file (looks like {kind}); "
              "open it in Word or WPS and save it as .docx, then import that"},
    "ingest.binary_word_file": {
        "zh": "{file}：这是旧版 Word/WPS 二进制文档（.doc/.wps），无法可靠读取；请用 Word 或 WPS 打开，"
              "另存为 .docx 或 PDF 后再导入。",
        "en": "{file}: an old binary Word/WPS document (.doc/.wps), which cannot be read reliably; "
              "open it in Word or WPS, save it as .docx or PDF, then import that"},
    "ingest.rtf_file": {
        "zh": "{file}：不是 {formats} 文件（看起来是{kind}）；请另存为 .docx 或 .txt 后再导入。",
        "en": "{file}: not a {formats} file (looks like {kind}); save it as .docx or .txt, then import that"},
    "ingest.damaged_bom": {
        "zh": "{file}：文本已损坏（开头是 {encoding} 字节顺序标记，其余内容却无法解码）；请重新保存为 UTF-8 文本。",
        "en": "{file}: damaged text (it starts with a {encoding} byte-order mark but the rest does not decode); "
              "save it again as UTF-8 text"},
    "ingest.undecodable": {
        "zh": "{file}：无法识别的文本（既不是 UTF-8 也不是 GB18030/GBK 编码，或者是二进制文件）；"
              "请另存为 UTF-8 文本，或选择 {formats} 格式的报告。",
        "en": "{file}: not readable text (it is neither UTF-8 nor GB18030/GBK, or it is binary); "
              "save it as UTF-8 text, or choose a {formats} report"},
    "ingest.blank_text": {
        "zh": "{file}：没有可读的正文（文件里只有空行或网页菜单）；" + _CHINESE_ADVICE,
        "en": "{file}: has no readable text (the file holds only blank lines or web-page menus); " + _ENGLISH_ADVICE},
    "ingest.blank_page": {
        "zh": "{file}：没有可读的正文（网页是空的，或只有脚本和菜单）；" + _CHINESE_ADVICE,
        "en": "{file}: has no readable text (the page is empty or holds only scripts and menus); " + _ENGLISH_ADVICE},
    "ingest.blank_document": {
        "zh": "{file}：没有可读的正文（文档是空的）；" + _CHINESE_ADVICE,
        "en": "{file}: has no readable text (the document is empty); " + _ENGLISH_ADVICE},
    "ingest.docx_declares_dtd": {
        "zh": "{file}：已拒绝：{part} 声明了 DTD 或实体，而 Word 从不写入这些内容；" + _RESAVE_ZH,
        "en": "{file}: refused: {part} declares a DTD or entities, which Word never writes; " + _RESAVE_EN},
    "ingest.docx_bad_xml": {
        "zh": "{file}：Word 文件已损坏（{part} 不是有效的 XML）；" + _RESAVE_ZH,
        "en": "{file}: damaged Word file ({part} is not valid XML); " + _RESAVE_EN},
    "ingest.docx_part_too_big": {
        "zh": "{file}：内部内容过大（{part} 解压后超过 {limit_mb} MB）；" + _CHINESE_ADVICE,
        "en": "{file}: too large inside ({part} unpacks to more than {limit_mb} MB); " + _ENGLISH_ADVICE},
    "ingest.damaged_zip": {
        "zh": "{file}：ZIP/.docx 文件已损坏（无法打开）；" + _RESAVE_ZH,
        "en": "{file}: damaged ZIP/.docx file (it cannot be opened); " + _RESAVE_EN},
    "ingest.unsupported_zip": {
        "zh": "{file}：不是支持的文档（这是{kind}，本软件只读取 {formats} 文件）；"
              "如果是压缩包，请解压后选择其中的报告，否则请把报告另存为上述格式之一后再导入。",
        "en": "{file}: not a supported document (it is {kind}, and only {formats} files are read); "
              "if it is an archive, unpack it and choose the report inside, otherwise save the report "
              "in one of those formats and import that"},
    "ingest.docx_damaged": {
        "zh": "{file}：.docx 文件已损坏（正文无法解压）；" + _RESAVE_ZH,
        "en": "{file}: damaged .docx file (its text cannot be unpacked); " + _RESAVE_EN},
    "ingest.not_pdf": {
        "zh": "{file}：不是 PDF 文件（看起来是{kind}）；" + _CHINESE_ADVICE,
        "en": "{file}: not a PDF file (looks like {kind}); " + _ENGLISH_ADVICE},
    "ingest.pdf_damaged": {
        "zh": "{file}：PDF 文件已损坏或不完整（可能只下载或复制了一部分）；请向发送者重新索取文件。",
        "en": "{file}: damaged or incomplete PDF file (perhaps only part of it was downloaded or copied); "
              "ask the sender for the file again"},
    "ingest.pdf_encrypted": {
        "zh": "{file}：PDF 设有打开密码（已加密），无法读取其文字；请向发送者索取未加密的 PDF。",
        "en": "{file}: the PDF is password-protected (encrypted), so its text cannot be read; "
              "ask the sender for an unencrypted PDF"},
    "ingest.pdf_too_many_pages": {
        "zh": "{file}：PDF 页数过多（{pages} 页，上限为 {limit} 页）；请选择报告本身。",
        "en": "{file}: too many pages ({pages}; the limit is {limit}); choose the report itself"},
    "ingest.pdf_scanned": {
        "zh": "{file}：这是扫描件（PDF 的页面是图片，没有文字层），本软件不支持文字识别；"
              "请索取可复制文字的 PDF，或 .docx、.txt 版本。",
        "en": "{file}: a scan (the PDF's pages are images with no text layer), and OCR is not supported; "
              "ask for a PDF whose text can be copied, or a .docx or .txt version"},
    "ingest.pdf_text_as_images": {
        "zh": "{file}：PDF 的文字是以图片或图形绘制的，没有文字层，本软件不支持文字识别；"
              "请索取可复制文字的 PDF，或 .docx、.txt 版本。",
        "en": "{file}: the PDF's text is drawn as images or outlines with no text layer, and OCR is not supported; "
              "ask for a PDF whose text can be copied, or a .docx or .txt version"},
    "ingest.pdf_garbled_text": {
        "zh": "{file}：PDF 的文字层无法还原成文字（字体映射到私用区、未分配的字符或乱码），"
              "本软件不支持文字识别；请索取可正确复制文字的 PDF，或 .docx、.txt 版本。",
        "en": "{file}: the PDF's text layer does not map to real text (its fonts map to private-use, unassigned "
              "or garbled characters), and OCR is not supported; ask for a PDF whose text copies correctly, "
              "or a .docx or .txt version"},
    "ingest.blank_pdf": {
        "zh": "{file}：没有可读的正文（PDF 只有页眉、页脚或页码）；" + _CHINESE_ADVICE,
        "en": "{file}: has no readable text (the PDF holds only headers, footers or page numbers); " + _ENGLISH_ADVICE},
    "ingest.not_ofd": {
        "zh": "{file}：不是 OFD 版式文件（看起来是{kind}）；" + _CHINESE_ADVICE,
        "en": "{file}: not an OFD document (looks like {kind}); " + _ENGLISH_ADVICE},
    "ingest.ofd_missing_part": {
        "zh": "{file}：OFD 文件不完整（缺少 {part}）" + _RESEND_ZH,
        "en": "{file}: incomplete OFD document ({part} is missing)" + _RESEND_EN},
    "ingest.ofd_bad_xml": {
        "zh": "{file}：OFD 文件已损坏（{part} 不是有效的 XML）" + _RESEND_ZH,
        "en": "{file}: damaged OFD document ({part} is not valid XML)" + _RESEND_EN},
    "ingest.ofd_bad_value": {
        "zh": "{file}：OFD 文件已损坏（{part} 的取值不符合 OFD 标准）" + _RESEND_ZH,
        "en": "{file}: damaged OFD document ({part} holds a value the OFD standard does not allow)" + _RESEND_EN},
    "ingest.ofd_declares_dtd": {
        "zh": "{file}：已拒绝：{part} 声明了 DTD 或实体，而 OFD 文件从不包含这些内容" + _RESEND_ZH,
        "en": "{file}: refused: {part} declares a DTD or entities, which OFD documents never hold" + _RESEND_EN},
    "ingest.ofd_part_too_big": {
        "zh": "{file}：内部内容过大（{part} 解压后超过 {limit_mb} MB，或各部分合计过大）；" + _CHINESE_ADVICE,
        "en": "{file}: too large inside ({part} unpacks to more than {limit_mb} MB, or all parts together "
              "to too much); " + _ENGLISH_ADVICE},
    "ingest.ofd_too_many_parts": {
        "zh": "{file}：已拒绝：OFD 文件内有 {count} 个部分，超过上限 {limit} 个" + _RESEND_ZH,
        "en": "{file}: refused: the OFD document holds {count} parts, more than the limit of {limit}" + _RESEND_EN},
    "ingest.ofd_damaged": {
        "zh": "{file}：OFD 文件已损坏（{part} 无法解压）" + _RESEND_ZH,
        "en": "{file}: damaged OFD document ({part} cannot be unpacked)" + _RESEND_EN},
    "ingest.ofd_garbled_text": {
        "zh": "{file}：OFD 文件的文字无法读取（字体把文字映射成了私用区或未分配的字符，不是中文文本；"
              "不支持文字识别），未导入任何内容。",
        "en": "{file}: the OFD document's text cannot be read (its fonts map it to private-use or unassigned "
              "characters, not Chinese text; OCR is not supported); nothing was imported"},
    "ingest.ofd_no_text": {
        "zh": "{file}：OFD 文件没有可读的文字（页面只有图片，例如扫描件；不支持文字识别），未导入任何内容。",
        "en": "{file}: the OFD document has no readable text (its pages hold only images, such as a scan; "
              "OCR is not supported); nothing was imported"},

    # --- what a file looks like (the {kind} of ingest messages) ----------------------------
    "kind.png": {"zh": "PNG图片", "en": "a PNG image"},
    "kind.jpeg": {"zh": "JPEG图片", "en": "a JPEG image"},
    "kind.gif": {"zh": "GIF图片", "en": "a GIF image"},
    "kind.tiff": {"zh": "TIFF图片", "en": "a TIFF image"},
    "kind.webp": {"zh": "WebP图片", "en": "a WebP image"},
    "kind.pdf": {"zh": "PDF文档", "en": "a PDF document"},
    "kind.old_office": {"zh": "旧版Word .doc、Excel或WPS文件", "en": "an old Word .doc, Excel or WPS file"},
    "kind.binary_word": {"zh": "旧版Word/WPS二进制文档", "en": "an old binary Word/WPS document"},
    "kind.rtf": {"zh": "RTF文档", "en": "an RTF document"},
    "kind.rar": {"zh": "RAR压缩包", "en": "a RAR archive"},
    "kind.7z": {"zh": "7-Zip压缩包", "en": "a 7-Zip archive"},
    "kind.gzip": {"zh": "gzip压缩包", "en": "a gzip archive"},
    "kind.zip": {"zh": "ZIP压缩包", "en": "a ZIP archive"},
    "kind.program": {"zh": "可执行程序", "en": "a program"},
    "kind.sqlite": {"zh": "SQLite数据库", "en": "an SQLite database"},
    "kind.excel": {"zh": "Excel工作簿", "en": "an Excel workbook"},
    "kind.powerpoint": {"zh": "PowerPoint演示文稿", "en": "a PowerPoint presentation"},
    "kind.opendocument": {"zh": "OpenDocument文件", "en": "an OpenDocument file"},
    "kind.epub": {"zh": "EPUB电子书", "en": "an EPUB book"},
    "kind.incomplete_word": {"zh": "不完整的Word文件，缺少内容类型清单",
                             "en": "an incomplete Word file (its content-types list is missing)"},
    "kind.binary": {"zh": "二进制数据", "en": "binary data"},
    "kind.binary_nul": {"zh": "二进制数据，含有NUL字节", "en": "binary data (it contains NUL bytes)"},
    "kind.binary_control": {"zh": "二进制数据，满是控制字符", "en": "binary data (it is full of control characters)"},

    # --- the formats' names in the Open dialog's file types (viewer.core.ingest.registry) ----
    "format.text": {"zh": "文本", "en": "Text"},
    "format.html": {"zh": "网页", "en": "Web pages"},
    "format.docx": {"zh": "Word 文档", "en": "Word documents"},
    "format.pdf": {"zh": "PDF 文档", "en": "PDF documents"},
    "format.ofd": {"zh": "OFD 版式文档", "en": "OFD documents"},
    "format.markdown": {"zh": "Markdown 文档", "en": "Markdown documents"},

    # --- sizes -----------------------------------------------------------------------------
    "size.bytes": {"zh": "{n} 字节", "en": "{n} bytes"},
    "size.kb": {"zh": "{n} KB", "en": "{n} KB"},
    "size.mb": {"zh": "{n} MB", "en": "{n} MB"},

    # --- the library (viewer.store) ---------------------------------------------------
    "store.cannot_create_folder": {
        "zh": "{path}：无法创建资料库文件夹（{reason}）；请用 --db 另选资料库路径。",
        "en": "{path}: cannot create the library folder ({reason}); choose another --db path"},
    "store.open_choices": {
        "zh": "可以用 'report-viewer restore-backup FILE' 恢复最新的备份（备份在 {backups}），"
              "用 --db 打开另一个资料库，或者退出。",
        "en": "restore the newest backup (in {backups}) with 'report-viewer restore-backup FILE', "
              "open another library with --db, or quit"},
    "store.not_a_library": {
        "zh": "{path}：不是报告阅览器的资料库（{reason}），文件未被改动；{choices}。",
        "en": "{path}: not a Report Viewer library ({reason}); the file was left as it is; {choices}"},
    "store.damaged": {
        "zh": "{path}：资料库已损坏（{reason}），文件未被改动；{choices}。",
        "en": "{path}: the library is damaged ({reason}); the file was left as it is; {choices}"},
    "store.read_only": {
        "zh": "{path}：资料库是只读的，无法保存更改；请为它或它所在的文件夹加上写权限，或者{choices}。",
        "en": "{path}: the library is read-only, so nothing could be saved; make it and its folder writable, "
              "or {choices}"},
    "store.locked": {
        "zh": "{path}：资料库被另一个程序锁住，无法打开；未做任何更改，请关闭那个程序后重试，或者{choices}。",
        "en": "{path}: the library is locked by another program; nothing was changed; close that program and "
              "try again, or {choices}"},
    "store.busy": {
        "zh": "{path}：资料库被另一个报告阅览器窗口占用已超过 {seconds} 秒；未做任何更改，请稍后重试。",
        "en": "{path}: the library is busy in another Report Viewer window for over {seconds} s; "
              "nothing was changed, try again"},
    "store.newer_schema": {
        "zh": "{path}：资料库由更新版本的报告阅览器写入（结构版本 {found}，本版本只认识到 {known}），文件未被改动；"
              "请升级本软件，或者{choices}。",
        "en": "{path}: library was written by a newer Report Viewer (schema {found}, this version knows {known}); "
              "the file was left as it is; update the app, or {choices}"},
    "store.bad_backup": {
        "zh": "{path}：不能用作备份（{reason}）；当前资料库未做任何更改，请选择 {backups} 中的另一个备份。",
        "en": "{path}: cannot be restored ({reason}); the current library was not changed; "
              "choose another backup in {backups}"},
    "store.backup_failed": {
        "zh": "{path}：无法写入备份（{reason}）；资料库未做任何更改，请检查磁盘空间和文件夹权限。",
        "en": "{path}: cannot write the backup ({reason}); the library was not changed; "
              "check the disk space and the folder's permissions"},
    "store.restore_failed": {
        "zh": "{path}：无法恢复备份（{reason}）；请检查磁盘空间和文件夹权限。",
        "en": "{path}: cannot restore the backup ({reason}); check the disk space and the folder's permissions"},
    "store.disk_full": {
        "zh": "{path}：磁盘已满或无法写入（{reason}），这次更改没有保存；资料库已撤回到更改之前，完好无损。"
              "请腾出磁盘空间后再保存一次。",
        "en": "{path}: the disk is full or cannot be written ({reason}), so this change was not saved; "
              "the library was rolled back to before it and is intact. Free some disk space, then save again"},
    "store.why_missing": {"zh": "文件不存在", "en": "there is no such file"},
    "store.why_truncated": {"zh": "文件被截短了：只有 {found} 字节，文件头记载应有 {expected} 字节",
                            "en": "the file was cut short: {found} bytes where its header says {expected}"},
    "store.why_not_a_library": {"zh": "不是 SQLite 数据库", "en": "not an SQLite database"},
    "store.why_damaged": {"zh": "完整性检查未通过：{problems}", "en": "integrity check failed: {problems}"},
    "store.why_no_reports": {"zh": "里面没有报告表", "en": "it has no reports table"},
    "store.why_newer": {"zh": "由更新版本写入，结构版本 {found}，本版本只认识到 {known}",
                        "en": "written by a newer version, schema {found}, this version knows {known}"},
    "store.no_such_id": {
        "zh": "资料库 {library} 中没有编号为 {id} 的报告；请运行 'report-viewer list' 查看已有报告。",
        "en": "no report with id {id} in {library}; run 'report-viewer list'"},
    "store.not_in_library": {
        "zh": "{name}：资料库 {library} 中没有这份报告；请先导入，或用编号指定（见 'report-viewer list'）。",
        "en": "{name}: no such report in the library {library}; import it first or name it by id ('report-viewer list')"},
    "store.unknown_kind": {
        "zh": "未知的批注类型 {kind!r}；请使用 {allowed} 之一。",
        "en": "unknown annotation kind {kind!r}; use one of {allowed}"},
    "store.span_outside": {
        "zh": "位置 {start}-{end} 超出了报告 {id} 的范围（0-{length}）；请选择正文以内的位置。",
        "en": "span {start}-{end} does not fit report {id} (0-{length}); choose offsets inside the text"},
    "store.no_such_annotation": {
        "zh": "资料库 {library} 中没有批注 {uuid}；它可能已被删除，请刷新后重试。",
        "en": "no annotation {uuid} in {library}; it may have been deleted, refresh and try again"},
    "store.report_removed": {
        "zh": "报告 {id}《{title}》在回收站中；请先用 'report-viewer restore {id}' 恢复。",
        "en": "report {id} 《{title}》 is in the trash (回收站); restore it first with 'report-viewer restore {id}'"},
    "store.already_in_library": {
        "zh": "{file}：这份文本已是资料库中的报告 {id}；未做任何更改。",
        "en": "{file}: this text is already report {id} in the library; nothing was changed"},

    # --- share files (viewer.core.share) ---------------------------------------------------
    "share.not_utf8": {
        "zh": "{file}：不是分享文件（不是 UTF-8 文本）；请选择 .rvshare.json 文件。",
        "en": "{file}: not a share file (not UTF-8 text); choose a .rvshare.json file"},
    "share.too_deep": {
        "zh": "{file}：JSON 嵌套过深（上限为 {limit} 层）；文件已损坏，或者不是分享文件。",
        "en": "{file}: JSON nested too deep (the limit is {limit} levels); the file is damaged or not a share file"},
    "share.not_json_at": {
        "zh": "{file}：不是有效的 JSON（第 {line} 行第 {column} 列），可能不完整" + _RESEND_ZH,
        "en": "{file}: not valid JSON (line {line}, column {column}), perhaps truncated" + _RESEND_EN},
    "share.not_json": {
        "zh": "{file}：不是有效的 JSON，可能不完整" + _RESEND_ZH,
        "en": "{file}: not valid JSON, perhaps truncated" + _RESEND_EN},
    "share.duplicate_key": {
        "zh": "{file}：不是有效的 JSON（同一对象中键 {key!r} 出现了两次）" + _RESEND_ZH,
        "en": "{file}: not valid JSON (a key appears twice in one object: {key!r})" + _RESEND_EN},
    "share.not_a_number": {
        "zh": "{file}：不是有效的 JSON（{token} 不是 JSON 数值）" + _RESEND_ZH,
        "en": "{file}: not valid JSON ({token} is not a JSON number)" + _RESEND_EN},
    "share.cannot_read": {
        "zh": "{file}：无法读取（{reason}）；请检查路径。",
        "en": "{file}: cannot read ({reason}); check the path"},
    "share.too_big": {
        "zh": "{file}：文件大小 {size_mb:.0f} MB，超过分享文件 {limit_mb} MB 的上限；请发送者每个文件少放几份报告。",
        "en": "{file}: {size_mb:.0f} MB is over the {limit_mb} MB limit for share files; "
              "ask the sender to share fewer reports per file"},
    "share.not_an_object": _share_field("不是分享文件（应为 JSON 对象）",
                                        "not a share file (expected a JSON object)"),
    "share.not_web_annotation": _share_field("不是 Web Annotation 文件（应为 {context}）",
                                             "not a Web Annotation file (expected {context})"),
    "share.wrong_type": _share_field("应为 {expected}", "expected {expected}"),
    "share.unknown_version": {
        "zh": _SHARE_ZH + "未知的格式版本 {version}（本软件读取版本 {supported}）；未导入任何内容，请升级报告阅览器。",
        "en": _SHARE_EN + "unknown format version {version} (this app reads version {supported}); "
                          "nothing was imported, update Report Viewer"},
    "share.too_many_reports": _share_field("共 {count} 份报告，超过上限 {limit} 份",
                                           "{count} reports, over the limit of {limit}"),
    "share.report_listed_twice": _share_field("同一份报告列出了两次", "a report is listed twice"),
    "share.too_many_annotations": {
        "zh": _SHARE_ZH + "共 {count:,} 条批注，超过每个文件 {limit:,} 条的上限；未导入任何内容，请发送者拆分文件。",
        "en": _SHARE_EN + "{count:,} annotations, over the limit of {limit:,} per file; "
                          "nothing was imported, ask the sender to split it"},
    "share.duplicate_id": _share_field("批注编号 urn:uuid:{id} 出现了两次",
                                       "annotation id urn:uuid:{id} appears twice"),
    "share.field_missing": _share_field("缺少此项", "missing"),
    "share.field_wrong_type": _share_field("应为{expected}，而不是{actual}", "should be {expected}, not {actual}"),
    "share.text_too_long": _share_field("共 {length:,} 个字符，超过上限 {limit:,}",
                                        "{length:,} characters, over the limit of {limit:,}"),
    "share.forbidden_character": _share_field(
        "含有控制字符或文字方向字符 {character}，分享文件从不需要这类字符（文件已损坏或被篡改）",
        "contains the control or text-direction character {character}, which a share file never needs "
        "(damaged or hostile file)"),
    "share.bad_source": _share_field("应为 urn:sha256: 加 64 位十六进制数字",
                                     "should be urn:sha256: and 64 hex digits"),
    "share.bad_id": _share_field("应为 urn:uuid: 加一个 UUID", "should be urn:uuid: and a UUID"),
    "share.unknown_motivation": _share_field("{value!r} 不是 {allowed} 之一", "{value!r} is not one of {allowed}"),
    "share.body_not_plain_text": _share_field("只读取纯文本正文（TextualBody，text/plain）",
                                              "only plain-text bodies (TextualBody, text/plain) are read"),
    "share.unknown_report": _share_field("指向的报告不在文件的报告清单中",
                                         "names a report missing from the file's documents list"),
    "share.quote_missing": _share_field("批注或高亮必须带有它所在的原文（exact 为空）",
                                        "a note or highlight needs the text it is on (exact is empty)"),
    "share.impossible_positions": _share_field("位置 {start}-{end} 不可能成立（须满足 0 <= start <= end <= {limit:,}）",
                                               "positions {start}-{end} are impossible "
                                               "(need 0 <= start <= end <= {limit:,})"),
    "share.quote_selector_missing": _share_field("缺少 TextQuoteSelector", "needs a TextQuoteSelector"),
    "share.bad_time": _share_field("{value!r} 不是 ISO 8601 日期时间（例如 2026-11-26T10:00:00+00:00）",
                                   "{value!r} is not an ISO 8601 date and time (like 2026-11-26T10:00:00+00:00)"),
    "share.embedded_report_unparsable": {
        "zh": "{file}：文件内附的报告《{title}》无法解析（{reason}）；未导入任何内容。",
        "en": "{file}: the report 《{title}》 inside the file does not parse ({reason}); nothing was imported"},
    "share.library_changed": {
        "zh": "{file}：生成预览之后资料库有了变动；未导入任何内容，请重新打开该文件查看新的预览。",
        "en": "{file}: the library changed after the preview was made; "
              "nothing was imported, open the file again to see a fresh preview"},
    # what importing one shared annotation does, beside it in the preview (share import --dry-run)
    "share.plan_pending": {"zh": "等待报告导入后自动定位", "en": "placed once its report is imported"},
    "share.plan_yours_kept": {"zh": "你的版本保留；对方的新版本另存为一条",
                                "en": "your version is kept; theirs is saved as a separate copy"},
    "share.plan_newer_kept_other_copied": {"zh": "保留较新的版本，另一版本另存为一条",
                                             "en": "the newer version is kept; the other is saved as a separate copy"},
    "share.plan_newer_kept": {"zh": "保留较新的版本", "en": "the newer version is kept"},

    # --- places in a share file (the {where} of share messages) ----------------------------
    "where.top_level": {"zh": "顶层", "en": "top level"},
    "where.field": {"zh": "{path}", "en": "{path}"},
    "where.annotation": {"zh": "第 {number} 条批注", "en": "annotation {number}"},
    "where.annotation_field": {"zh": "第 {number} 条批注的 {path}", "en": "annotation {number}.{path}"},
    "where.annotation_id": {"zh": "第 {number} 条批注（{id}）", "en": "annotation {number} ({id})"},
    "where.annotation_id_field": {"zh": "第 {number} 条批注（{id}）的 {path}",
                                  "en": "annotation {number} ({id}).{path}"},

    # --- JSON value types (share messages' expected and actual values) ---------------------
    "type.object": {"zh": "对象", "en": "an object"},
    "type.list": {"zh": "列表", "en": "a list"},
    "type.text": {"zh": "文本", "en": "text"},
    "type.whole_number": {"zh": "整数", "en": "a whole number"},
    "type.number": {"zh": "数字", "en": "a number"},
    "type.boolean": {"zh": "true 或 false", "en": "true or false"},
    "type.null": {"zh": "null", "en": "null"},

    # --- the command line (viewer.cli) -----------------------------------------------------
    "cli.error_line": {"zh": "错误：{message}", "en": "error: {message}"},
    "cli.usage": {"zh": "{prog}：{message}（用法见 '{prog} --help'）",
                  "en": "{prog}: {message} (see '{prog} --help')"},
    "cli.pdf_needs_output": {"zh": "导出 PDF 时必须用 -o 给出输出文件（PDF 不能输出到终端）",
                             "en": "report-viewer export --format pdf: -o FILE is required (a PDF is not written "
                                   "to the terminal)"},
    "cli.no_verb": {"zh": "report-viewer：没有给出命令（用法见 'report-viewer --help'）",
                    "en": "report-viewer: no verb given (see 'report-viewer --help')"},
    "cli.notes_span_required": {"zh": "report-viewer notes DOC add：必须给出 --start 和 --end",
                                "en": "report-viewer notes DOC add: --start and --end are required"},
    "cli.cannot_write": {"zh": "{path}：无法写入（{reason}）；请用 -o 另选输出路径。",
                         "en": "{path}: cannot write ({reason}); choose another -o path"},
    "cli.database_failed": {
        "zh": "资料库数据库出错（{reason}）；请关闭其他报告阅览器窗口，或用 --db 另选资料库路径。",
        "en": "the library database failed ({reason}); close other Report Viewer windows or choose another --db path"},
    "cli.imported": {"zh": "已导入：{name}：{title}（{sections} 个章节，{figures} 个数据，编号 {id}）",
                     "en": "imported: {name}: {title} ({sections} sections, {figures} figures, id {id})"},
    "cli.already_imported": {"zh": "已在资料库中：{name}：{title}（{sections} 个章节，{figures} 个数据，编号 {id}）",
                             "en": "already in library: {name}: {title} ({sections} sections, {figures} figures, "
                                   "id {id})"},
    "cli.backup_written": {"zh": "已备份资料库 {library} 到 {path}",
                           "en": "backed up the library {library} to {path}"},
    "cli.backup_restored": {"zh": "已用备份 {backup} 恢复资料库 {library}；原来的资料库保存在 {aside}",
                            "en": "restored the library {library} from {backup}; the library it replaced is kept as {aside}"},
    "cli.backup_restored_new": {"zh": "已用备份 {backup} 恢复资料库 {library}（原来没有资料库）",
                                "en": "restored the library {library} from {backup} (there was no library before)"},
    "cli.restored_on_import": {
        "zh": "已从回收站恢复：{name}：{title}（{sections} 个章节，{figures} 个数据，编号 {id}），批注随之恢复",
        "en": "restored from the trash (回收站): {name}: {title} ({sections} sections, {figures} figures, id {id}), "
              "with its notes"},
    "cli.removed": {
        "zh": "已移到回收站：报告 {id}《{title}》及其 {notes} 条批注、书签和高亮；可用 'report-viewer restore {id}' 恢复。",
        "en": "moved to the trash (回收站): report {id} 《{title}》 with its {notes} notes, bookmarks and highlights; "
              "'report-viewer restore {id}' brings it back"},
    "cli.already_removed": {
        "zh": "报告 {id}《{title}》已在回收站中；未做任何更改。",
        "en": "report {id} 《{title}》 is already in the trash (回收站); nothing was changed"},
    "cli.restored": {
        "zh": "已从回收站恢复：报告 {id}《{title}》及其 {notes} 条批注、书签和高亮。",
        "en": "restored from the trash (回收站): report {id} 《{title}》 with its {notes} notes, bookmarks and highlights"},
    "cli.not_removed": {
        "zh": "报告 {id}《{title}》不在回收站中，已在资料库里；未做任何更改。",
        "en": "report {id} 《{title}》 is not in the trash (回收站), it is in the library; nothing was changed"},
    "cli.bad_id": {
        "zh": "{value}：不是报告编号（应为数字）；请运行 'report-viewer list' 查看编号。",
        "en": "{value}: not a report id (a number); run 'report-viewer list --removed' to see them"},
    "cli.reimport_target": {
        "zh": "report-viewer reimport：请给出一份报告（路径或编号）或 --all，二者选一。",
        "en": "report-viewer reimport: give one report (PATH-OR-ID) or --all, not both and not neither"},
    "cli.backup_before_reimport": {"zh": "重新解析之前已备份资料库到 {path}",
                                   "en": "backed up the library to {path} before re-parsing"},
    "cli.reimport_progress": {"zh": "[{n}/{total}] 重新解析：{title}", "en": "[{n}/{total}] re-parsing: {title}"},
    "cli.reimport_one_failed": {"zh": "未能重新解析报告 {id}《{title}》，保持原样：{reason}",
                                "en": "report {id} 《{title}》 could not be re-parsed and is left as it was: {reason}"},
    "cli.reimported_all": {
        "zh": "已重新解析 {count} 份报告，{failed} 份失败；批注：{position} 条原位，{exact} 条按原文移动，"
              "{fuzzy} 条按近似原文移动，{unplaced} 条未定位",
        "en": "re-parsed {count} reports, {failed} failed; annotations: {position} in place, {exact} moved by quote, "
              "{fuzzy} by approximate quote, {unplaced} unplaced (未定位)"},
    "cli.trash_empty": {"zh": "回收站是空的。", "en": "The trash (回收站) is empty."},
    "ingest.folder_has_no_reports": {"zh": "{path}：这个文件夹里没有报告文件（{extensions}）",
                                     "en": "{path}: this folder holds no report files ({extensions})"},
    "ingest.import_failed": {"zh": "{path}：导入失败（{reason}）", "en": "{path}: could not be imported ({reason})"},
    "cli.import_summary": {"zh": "已导入 {imported} 份，已在资料库中 {already} 份，失败 {failed} 份",
                           "en": "imported {imported}, already in the library {already}, failed {failed}"},
    "search.empty_query": {"zh": "搜索“{query}”：没有要找的词（请至少给出一个不带减号的词）。",
                           "en": "Search '{query}': nothing to find (give at least one term without a minus)."},
    "search.unclosed_quote": {"zh": "搜索“{query}”：引号没有配对。",
                              "en": "Search '{query}': a quote mark is not closed."},
    "cli.search_summary": {"zh": "共 {total} 处，显示 {shown} 处；批注和书签 {notes} 条。",
                           "en": "{total} hits in the library, {shown} shown; {notes} notes and bookmarks."},
    "cli.library_empty": {"zh": "资料库是空的：请用 'report-viewer import FILE' 添加报告。",
                          "en": "The library is empty: add a report with 'report-viewer import FILE'."},
    "cli.no_notes": {"zh": "这份报告还没有批注、书签或高亮。",
                     "en": "No notes, bookmarks or highlights on this report yet."},

    # --- the 书库 (library view: viewer.services.catalogue) ----------------------------------
    "library.empty_title": {"zh": "报告 {id} 的标题不能为空；请输入新的标题。",
                            "en": "report {id}: the title cannot be blank; give a new title"},
    "catalogue.unknown_kind": {"zh": "未知的报告类型 {kind!r}；请使用 {kinds} 之一。",
                               "en": "unknown report kind {kind!r}; use one of {kinds}"},
    "catalogue.unknown_sort": {"zh": "不能按 {sort!r} 排序；请使用 {keys} 之一。",
                               "en": "cannot sort by {sort!r}; use one of {keys}"},
    "cli.bad_year": {"zh": "{value}：不是年份（应为四位数字，例如 2024）。",
                     "en": "{value}: not a year (four digits, e.g. 2024)"},
    "cli.renamed": {"zh": "已将报告 {id} 改名为《{title}》。", "en": "renamed report {id} to 《{title}》"},
    "cli.catalogue_written": {"zh": "已将 {count} 份报告的列表写入 {path}",
                              "en": "wrote the list of {count} reports to {path}"},
    "cli.no_matching_reports": {"zh": "没有符合条件的报告。", "en": "No reports match."},

    # --- starting the app (viewer.ui.app) and printing (viewer.ui.exports.report_printer) ----------
    "gui.no_display": {
        "zh": "report-viewer：找不到显示器。请在桌面上运行；无界面时可用 'report-viewer --screenshot OUT.png'，"
              "或 'report-viewer tree FILE' 等命令。",
        "en": "report-viewer: no display found. Run it on a desktop, or headless with "
              "'report-viewer --screenshot OUT.png' or a verb such as 'report-viewer tree FILE'."},
    "gui.bad_size": {"zh": "report-viewer：--size {size!r} 不是“宽x高”的形式（例如 1400x900）",
                     "en": "report-viewer: --size {size!r} is not WIDTHxHEIGHT (e.g. 1400x900)"},
    "gui.no_such_section": {"zh": "report-viewer：--goto {path!r}：这份报告中没有这个章节",
                            "en": "report-viewer: --goto {path!r}: no such section in this report"},
    "gui.screenshot_failed": {"zh": "{path}：无法写入截图；请选择一个可写入的 .png 路径。",
                              "en": "{path}: could not write the screenshot; choose a writable .png path"},
    "print.cannot_start": {"zh": "无法开始打印：{title}；请检查打印机后重试。",
                           "en": "Could not start printing: {title}; check the printer and try again"},
    "print.cannot_write": {"zh": "{path}：无法写入（{reason}）；请另选文件。",
                           "en": "{path}: cannot write ({reason}); choose another file"},
}

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def _one_line(text: str) -> str:
    return _CONTROL_RE.sub(" ", text).strip()


def _argument(value: Any, language: str) -> Any:
    """An argument as it goes into a template: phrases and nested errors rendered in the language, a
    tuple of words listed as `a, b or c` (`a、b 或 c`)."""
    if isinstance(value, (Phrase, ReportViewerError)):
        return render(value, language).rstrip("。")
    if isinstance(value, tuple):
        return or_list([str(item) for item in value], language)
    return value


def or_list(items: list[str] | tuple[str, ...], language: str) -> str:
    """Words listed as alternatives: `.txt, .html or .docx` (en), `.txt、.html 或 .docx` (zh)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    if language == "zh":
        return "、".join(items[:-1]) + " 或 " + items[-1]
    return ", ".join(items[:-1]) + " or " + items[-1]


def render(message: Phrase | ReportViewerError, language: str = "en") -> str:
    """The one line a user reads for an error (or phrase), in `language` ('zh' or 'en').

        render(IngestError("ingest.empty", file="a.txt"), "zh") == "a.txt：文件是空的；请选择含有文字的报告文件。"
    """
    templates = CATALOGUE.get(message.code)
    if templates is None:                      # never a KeyError in front of a user
        return _one_line(f"{message.code} {message.params}")
    template = templates.get(language) or templates["en"]
    values = {key: _argument(value, language) for key, value in message.params.items()}
    try:
        text = template.format(**values)
    except (KeyError, IndexError, ValueError, TypeError):
        text = f"{message.code} {message.params}"
    return _one_line(text)


def render_code(code: str, language: str = "en", **params: Any) -> str:
    """The line for a message code that is not an error (a CLI result line, say)."""
    return render(Phrase(code, **params), language)


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """'zh' when the locale (LC_ALL, else LC_MESSAGES, else LANG) is Chinese, otherwise 'en'."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
