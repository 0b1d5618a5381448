<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationActions</name>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="153"/>
        <source>批注(&amp;A)</source>
        <translation>&amp;Annotate</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="154"/>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="164"/>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="155"/>
        <source>批注工具栏</source>
        <translation>Annotation toolbar</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="156"/>
        <source>添加批注…</source>
        <translation>Add Note…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="157"/>
        <source>为选中的文字添加批注 (Ctrl+Alt+M)</source>
        <translation>Add a note to the selected text (Ctrl+Alt+M)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="158"/>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="197"/>
        <source>添加书签</source>
        <translation>Add Bookmark</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="159"/>
        <source>为选中的文字（未选中时为当前位置）添加书签，名称取所在章节 (Ctrl+Alt+B)</source>
        <translation>Bookmark the selected text (or, with none, the reading position), named after its section (Ctrl+Alt+B)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="161"/>
        <source>为当前位置添加书签</source>
        <translation>Bookmark This Position</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="162"/>
        <source>复制并注明出处</source>
        <translation>Copy with Citation</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="163"/>
        <source>复制选中的文字，附报告标题和章节 (Ctrl+Shift+C)</source>
        <translation>Copy the selected text with the report&apos;s title and section (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="165"/>
        <source>重命名颜色…</source>
        <translation>Rename Colours…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="189"/>
        <source>撤销 {0}</source>
        <translation>Undo {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="190"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="191"/>
        <source>重做 {0}</source>
        <translation>Redo {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="192"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="197"/>
        <source>添加批注</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="198"/>
        <source>添加高亮</source>
        <translation>Add Highlight</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="199"/>
        <source>编辑批注</source>
        <translation>Edit Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="199"/>
        <source>编辑书签</source>
        <translation>Edit Bookmark</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="200"/>
        <source>编辑高亮说明</source>
        <translation>Edit Highlight Comment</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="201"/>
        <source>删除批注</source>
        <translation>Delete Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="201"/>
        <source>删除书签</source>
        <translation>Delete Bookmark</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="202"/>
        <source>删除高亮</source>
        <translation>Delete Highlight</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="235"/>
        <source>高亮：{0}</source>
        <translation>Highlight: {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="239"/>
        <source>高亮为“{0}” (Ctrl+Alt+H)；点箭头选其他颜色</source>
        <translation>Highlight as “{0}” (Ctrl+Alt+H); the arrow picks another colour</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="250"/>
        <source>重命名高亮颜色</source>
        <translation>Rename Highlight Colours</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="252"/>
        <source>给每种颜色起一个含义，例如“重点”“待核实”。留空恢复默认。</source>
        <translation>Give each colour a meaning, such as “Key point” or “To check”. Leave a name empty for the default.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="283"/>
        <source>署名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="283"/>
        <source>批注和书签上署的名字（只问这一次）：</source>
        <translation>Name shown on your notes and bookmarks (asked only once):</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="296"/>
        <source>请先在报告中选中一段文字</source>
        <translation>Select some text in the report first</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="360"/>
        <source>已放弃这条批注（Ctrl+Shift+Z 可恢复）</source>
        <translation>Note discarded (Ctrl+Shift+Z brings it back)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="392"/>
        <source>已添加书签：{0}</source>
        <translation>Bookmark added: {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="435"/>
        <source>已复制引文及出处</source>
        <translation>Quote and citation copied</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="443"/>
        <source>更改颜色</source>
        <translation>Change Colour</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="467"/>
        <source>{0}：已完成（Ctrl+Z 撤销）</source>
        <translation>{0}: done (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="484"/>
        <source>在此行添加书签</source>
        <translation>Bookmark This Line</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="496"/>
        <source>为高亮“{0}”写说明…</source>
        <translation>Comment on Highlight “{0}”…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="497"/>
        <source>删除高亮“{0}”</source>
        <translation>Delete Highlight “{0}”</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="499"/>
        <source>编辑这条批注…</source>
        <translation>Edit This Note…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="500"/>
        <source>删除这条批注</source>
        <translation>Delete This Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="516"/>
        <source>跳到本节</source>
        <translation>Go to Section</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="518"/>
        <source>为本节添加书签</source>
        <translation>Bookmark Section</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_actions.py" line="530"/>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_model.py" line="221"/>
        <source>修改于 {0}</source>
        <translation>edited {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/annotation_model.py" line="221"/>
        <source>创建于 {0}</source>
        <translation>created {0}</translation>
    </message>
</context>
<context>
    <name>BatchImport</name>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="79"/>
        <source>导入文件夹</source>
        <translation>Import Folder</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="97"/>
        <source>正在准备导入…</source>
        <translation>Preparing the import…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="98"/>
        <source>导入报告</source>
        <translation>Import Reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="127"/>
        <source>{0} / {1}：{2}</source>
        <translation>{0} / {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="144"/>
        <source>无法导入</source>
        <translation>Cannot Import</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="150"/>
        <source>导入完成</source>
        <translation>Import Finished</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="161"/>
        <source>已导入 {0} 份，已在资料库中 {1} 份，失败 {2} 份。</source>
        <translation>Imported {0}, already in the library {1}, failed {2}.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="164"/>
        <source>导入已取消，其余文件没有导入。</source>
        <translation>The import was cancelled; the remaining files were not imported.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/batch_import.py" line="168"/>
        <source>……另有 {0} 个文件失败（见详细信息）。</source>
        <translation>…and {0} more files failed (see the details).</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="83"/>
        <source>导出批注和书签(&amp;E)…</source>
        <translation>&amp;Export Notes and Bookmarks…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="84"/>
        <source>导出数据表 (CSV)…</source>
        <translation>Export Figures (CSV)…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="85"/>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="87"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="88"/>
        <source>分享批注和书签(&amp;S)…</source>
        <translation>&amp;Share Notes and Bookmarks…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="89"/>
        <source>导入分享文件(&amp;I)…</source>
        <translation>&amp;Import Share File…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="108"/>
        <location filename="../../viewer/ui/exports/export_actions.py" line="172"/>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="191"/>
        <source>打印失败</source>
        <translation>Printing Failed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="109"/>
        <source>{0}：无法写入（{1}）；请另选位置</source>
        <translation>{0}: cannot write ({1}); choose another location</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="86"/>
        <source>打印预览(&amp;V)…</source>
        <translation>Print Pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="111"/>
        <source>已保存{0}：{1}</source>
        <translation>Saved {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="119"/>
        <source>Markdown 简报 (*.md)</source>
        <translation>Markdown brief (*.md)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="119"/>
        <source>网页 HTML (*.html)</source>
        <translation>Web page HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="120"/>
        <source>Excel 表格 CSV (*.csv)</source>
        <translation>Excel spreadsheet CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="120"/>
        <source>Web Annotation JSON-LD (*.jsonld)</source>
        <translation>Web Annotation JSON-LD (*.jsonld)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="121"/>
        <source>导出批注和书签</source>
        <translation>Export Notes and Bookmarks</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="122"/>
        <source>-批注</source>
        <translation>-notes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="134"/>
        <source>批注和书签</source>
        <translation>notes and bookmarks</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="139"/>
        <source>导出数据表</source>
        <translation>Export Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="140"/>
        <source>-数据</source>
        <translation>-figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="146"/>
        <source>数据表</source>
        <translation>figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="161"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="162"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="174"/>
        <source>已保存 PDF：{0}</source>
        <translation>Saved PDF: {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="204"/>
        <source>打印预览 — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="231"/>
        <source>保存分享文件</source>
        <translation>Save Share File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="232"/>
        <source>分享文件 (*{0})</source>
        <translation>Share files (*{0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="247"/>
        <source>分享文件 (*{0} *.json);;所有文件 (*)</source>
        <translation>Share files (*{0} *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="243"/>
        <source>分享文件</source>
        <translation>share file</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="246"/>
        <source>导入分享文件</source>
        <translation>Import Share File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="263"/>
        <location filename="../../viewer/ui/exports/export_actions.py" line="281"/>
        <source>无法导入分享文件</source>
        <translation>Cannot Import Share File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/export_actions.py" line="286"/>
        <source>已导入分享文件：新增 {0}，更新 {1}，冲突 {2}，待报告 {3}</source>
        <translation>Share file imported: {0} new, {1} updated, {2} conflicts, {3} awaiting report</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="211"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="216"/>
        <source>筛选数据…</source>
        <translation>Filter figures…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="217"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="40"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="80"/>
        <source>原文</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="80"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="80"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="80"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="80"/>
        <source>限定词</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/figures_panel.py" line="81"/>
        <source>章节</source>
        <translation>Section</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../viewer/ui/reader/find_bar.py" line="55"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/find_bar.py" line="56"/>
        <source>在报告中查找…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/find_bar.py" line="57"/>
        <source>上一个 (Shift+Enter)</source>
        <translation>Previous (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/find_bar.py" line="58"/>
        <source>下一个 (Enter)</source>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/find_bar.py" line="59"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/reader/find_bar.py" line="88"/>
        <source>结果过多，仅显示前 {0} 处；请输入更长的查找内容</source>
        <translation>Too many matches: only the first {0} are shown; type a longer search</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="134"/>
        <source>打开报告</source>
        <translation>Opening a report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="135"/>
        <source>文件 › 打开（{0}）导入 {1} 报告，也可以把文件拖到窗口上。报告存入本机的资料库，文件 › 最近的报告 列出全部报告（标题、文件名和导入日期）。再次启动时回到上次阅读的位置。</source>
        <translation>File › Open ({0}) imports a {1} report; you can also drop a file on the window. Reports are kept in the library on this computer, and File › Recent Reports lists them all (title, file name and import date). On the next start the app returns to where you were reading.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="138"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="139"/>
        <source>左侧目录按报告自己的编号（一、（一）1. 一是……）列出章节，点击即跳到该节；阅读时目录和状态栏跟随当前章节。目录上方的输入框按标题筛选，清空后恢复原来的展开状态。</source>
        <translation>Contents, on the left, lists the sections by the report&apos;s own numbering (一、 （一） 1. 一是 …); click one to go to it. While you read, Contents and the status bar follow the current section. The box above filters by title; clearing it brings back the tree as you had expanded it.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="141"/>
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="142"/>
        <source>报告中的每个数据按类型着色：计数、百分比、金额、日期、数字（视图 › 数据着色 可逐类关闭）。鼠标停在数据上显示规范化的数值。右侧“数据”表列出全部数据，可按任一列排序、按类型和文字筛选，点击跳到原文，也可导出 CSV。</source>
        <translation>Every statistic in the report is tinted by kind: count, percent, money, date, number (View › Figure Colours turns each kind off). Hover a figure for its normalised value. The Figures table on the right lists them all: sort by any column, filter by kind and text, click to go to the passage, or export them as CSV.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="145"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="146"/>
        <source>按 {0} 打开查找栏：所有结果都会标出，回车和 Shift+回车 在结果间前后移动，Esc 关闭。全角和半角（如“（一）”和“(一)”）视为相同。</source>
        <translation>Press {0} for the find bar: every hit is marked, Enter and Shift+Enter step forwards and back, Esc closes it. Full-width and half-width forms (such as （一） and (一)) match each other.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="148"/>
        <source>批注、书签和高亮</source>
        <translation>Notes, bookmarks and highlights</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="149"/>
        <source>选中文字后，用右键菜单、“批注”菜单或工具栏：添加批注（{0}）、添加书签（{1}；{2} 为当前阅读位置添加书签）、高亮（五种有含义的颜色，可重命名）、复制并注明出处。它们出现在“批注”和“书签”标签页中：点击跳到原文，双击编辑，Del 删除，{3} 撤销。每次修改都立即保存。</source>
        <translation>Select text, then use the context menu, the Annotate menu or the toolbar: Add Note ({0}), Add Bookmark ({1}; {2} bookmarks the reading position), Highlight (five colours with meanings, which you can rename), Copy with Citation. They appear in the Notes and Bookmarks tabs: click to go to the passage, double-click to edit, Del to delete, {3} to undo. Every change is saved at once.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="154"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="155"/>
        <source>文件 › 导出批注和书签 把本报告的批注、书签和高亮按章节顺序导出为 Markdown、网页 HTML、Excel 可打开的 CSV 或 JSON-LD。</source>
        <translation>File › Export Notes and Bookmarks writes this report&apos;s notes, bookmarks and highlights in reading order, grouped by section, as Markdown, an HTML page, CSV that Excel opens, or JSON-LD.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="157"/>
        <source>分享</source>
        <translation>Sharing</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="158"/>
        <source>文件 › 分享批注和书签 写出一个 .rvshare.json 文件交给同事（可附上报告全文）。文件 › 导入分享文件 先预览将发生的变化，按“导入”后才生效；重复导入不会改变任何内容，你自己的批注不会被覆盖或删除。</source>
        <translation>File › Share Notes and Bookmarks writes a .rvshare.json file for a colleague (optionally with the report&apos;s full text). File › Import Share File first previews what will change and applies it only when you press Import; importing the same file again changes nothing, and your own notes are never overwritten or deleted.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="160"/>
        <source>打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="161"/>
        <source>文件 › 打印（{0}）或 另存为 PDF 输出报告本身，连同高亮、批注、标题层级和页码。</source>
        <translation>File › Print ({0}) or Save as PDF puts out the report itself, with its highlights, notes, headings and page numbers.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="166"/>
        <source>使用说明</source>
        <translation>User Guide</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../viewer/ui/dialogs/help_actions.py" line="35"/>
        <source>使用说明(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_actions.py" line="36"/>
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="76"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="72"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="72"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="72"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="73"/>
        <source>未定位</source>
        <translation>Unplaced</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="73"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="73"/>
        <source>待报告</source>
        <translation>Awaiting report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="74"/>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="88"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="88"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="88"/>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="88"/>
        <source>原文</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="88"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="89"/>
        <source>作者 · 说明</source>
        <translation>Author · Detail</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="115"/>
        <source>导入分享文件</source>
        <translation>Import Share File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="140"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="140"/>
        <source>没有需要导入的内容</source>
        <translation>Nothing to Import</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="150"/>
        <source>{0}：共 {1} 条</source>
        <translation>{0}: {1} in all</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="151"/>
        <source>没有内容</source>
        <translation>Nothing in it</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="151"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="153"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="153"/>
        <source>《{0}》</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="154"/>
        <source>将同时导入文件中附带的报告：{0}</source>
        <translation>The reports included in the file will be imported too: {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="156"/>
        <source>待报告：本机还没有这些批注所在的报告；导入那份报告后它们会自动定位。</source>
        <translation>Awaiting report: the report these notes belong to is not on this computer yet; they will be placed automatically once that report is imported.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="158"/>
        <source>冲突：双方都改过的批注保留较新的版本，另一版本另存为一条；你自己的批注不会被别人覆盖或删除。</source>
        <translation>Conflict: where both sides changed a note, the newer version is kept and the other is saved as a separate note; your own notes are never overwritten or deleted by someone else&apos;s.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="160"/>
        <source>未定位：在你的报告中找不到原文的批注会保留在“未定位”分组里。</source>
        <translation>Unplaced: notes whose quote cannot be found in your report are kept in the “Unplaced” group.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../viewer/ui/labels.py" line="20"/>
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="21"/>
        <source>书签</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="22"/>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="25"/>
        <source>批注</source>
        <comment>plural: a tab or filter of notes</comment>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="26"/>
        <source>书签</source>
        <comment>plural: a tab or filter of bookmarks</comment>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="27"/>
        <source>高亮</source>
        <comment>plural: a tab or filter of highlights</comment>
        <translation>Highlights</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="30"/>
        <source>计数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="31"/>
        <source>百分比</source>
        <translation>Percent</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="32"/>
        <source>金额</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="33"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="34"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="37"/>
        <source>政府工作报告</source>
        <translation>Work report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="38"/>
        <source>法治政府建设报告</source>
        <translation>Rule-of-law report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="39"/>
        <source>条例/办法/规定</source>
        <translation>Regulation</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="40"/>
        <source>通知/意见</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="41"/>
        <source>其他</source>
        <comment>a report of no known kind</comment>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="44"/>
        <source>重点</source>
        <comment>highlight colour</comment>
        <translation>Key point</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="45"/>
        <source>疑问</source>
        <comment>highlight colour</comment>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="46"/>
        <source>待办</source>
        <comment>highlight colour</comment>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="47"/>
        <source>数据</source>
        <comment>highlight colour</comment>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="48"/>
        <source>引用</source>
        <comment>highlight colour</comment>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="97"/>
        <source>第{0}页</source>
        <comment>the page a place in a report is on</comment>
        <translation>p. {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="104"/>
        <source>第{0}页 / 共{1}页</source>
        <comment>status bar: the reading page of all pages</comment>
        <translation>Page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="68"/>
        <source>书库(&amp;L)…</source>
        <translation>&amp;Library…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="69"/>
        <source>所有报告：排序、筛选、打开、重命名、移到回收站</source>
        <translation>Every report: sort, filter, open, rename, move to the trash</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="113"/>
        <source>无法打开报告</source>
        <translation>Cannot open the report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="120"/>
        <location filename="../../viewer/ui/library/library_actions.py" line="127"/>
        <source>重命名报告</source>
        <translation>Rename Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="120"/>
        <source>《{0}》的新标题：</source>
        <translation>New title for 《{0}》:</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="140"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="142"/>
        <source>已恢复：{0}</source>
        <translation>Restored: {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="146"/>
        <source>导出列表为 CSV</source>
        <translation>Export List as CSV</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="147"/>
        <source>书库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="160"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_actions.py" line="161"/>
        <source>{0}：无法写入（{1}）；请另选位置</source>
        <translation>{0}: cannot be written ({1}); choose another place</translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/library/library_actions.py" line="163"/>
        <source>已导出 %n 份报告：{0}</source>
        <translation>
            <numerusform>Exported %n report: {0}</numerusform>
            <numerusform>Exported %n reports: {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryColumns</name>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="60"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="62"/>
        <source>发文机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="64"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="66"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="67"/>
        <source>源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="69"/>
        <source>章节</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="71"/>
        <source>数据</source>
        <comment>column: how many figures (statistics) a report has</comment>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="74"/>
        <source>笔记</source>
        <comment>column: notes, bookmarks and highlights of a report</comment>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="77"/>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/columns.py" line="79"/>
        <source>最近打开</source>
        <translation>Last opened</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="170"/>
        <source>书库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="171"/>
        <location filename="../../viewer/ui/library/library_dialog.py" line="257"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="172"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="173"/>
        <source>移到回收站…</source>
        <translation>Move to Trash…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="174"/>
        <location filename="../../viewer/ui/library/library_dialog.py" line="257"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="175"/>
        <location filename="../../viewer/ui/library/library_dialog.py" line="176"/>
        <source>导出列表为 CSV…</source>
        <translation>Export List as CSV…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="177"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="236"/>
        <source>书库 ({0})</source>
        <translation>Library ({0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="237"/>
        <source>回收站 ({0})</source>
        <translation>Trash ({0})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/library/library_dialog.py" line="243"/>
        <source>回收站中共 %n 份报告；恢复后，报告及其批注回到书库</source>
        <translation>
            <numerusform>%n report in the trash; restored, a report comes back to the library with its notes</numerusform>
            <numerusform>%n reports in the trash; restored, a report comes back to the library with its notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/library/library_dialog.py" line="245"/>
        <source>共 %n 份报告</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="247"/>
        <source>（已筛选）</source>
        <translation> (filtered)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="253"/>
        <source>没有符合筛选条件的报告</source>
        <translation>No report matches the filter</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="254"/>
        <source>回收站是空的</source>
        <translation>The trash is empty</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/library_dialog.py" line="255"/>
        <source>书库里还没有报告。
用 文件 › 打开… 或 导入文件夹… 添加报告</source>
        <translation>The library has no reports yet.
Add some with File › Open… or Import Folder…</translation>
    </message>
</context>
<context>
    <name>LibraryFilterBar</name>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="60"/>
        <source>筛选：标题、发文机关或文件名</source>
        <translation>Filter: title, issuer or file name</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="61"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="62"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="63"/>
        <source>发文机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="87"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="88"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library/filter_bar.py" line="89"/>
        <source>全部发文机关</source>
        <translation>All issuers</translation>
    </message>
</context>
<context>
    <name>LibrarySearch</name>
    <message>
        <location filename="../../viewer/ui/search/library_search.py" line="52"/>
        <source>全库搜索</source>
        <extracomment>Share of the window&apos;s width the dock takes when it first opens (the snippets need room).</extracomment>
        <translation>Search All Reports</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <location filename="../../viewer/ui/library/library_model.py" line="180"/>
        <source>移入回收站于 {0}</source>
        <translation>Moved to the trash on {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="369"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="370"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="371"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="372"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="373"/>
        <source>最近的报告(&amp;R)</source>
        <translation>&amp;Recent Reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="374"/>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="375"/>
        <source>导入文件夹(&amp;F)…</source>
        <translation>Import &amp;Folder…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="376"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="377"/>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="378"/>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="379"/>
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="380"/>
        <source>查找上一个</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="381"/>
        <source>全库搜索(&amp;L)…</source>
        <translation>Search &amp;All Reports…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="382"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="383"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="384"/>
        <source>原始大小</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="385"/>
        <source>数据着色</source>
        <translation>Figure Colours</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="386"/>
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="387"/>
        <source>界面语言 / Language</source>
        <translation>Language / 界面语言</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="388"/>
        <source>关于报告阅览器(&amp;A)</source>
        <translation>&amp;About Report Viewer</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="394"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="395"/>
        <source>批注与数据</source>
        <translation>Notes and Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="400"/>
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="367"/>
        <location filename="../../viewer/ui/main_window.py" line="413"/>
        <source>报告阅览器</source>
        <translation>Report Viewer</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="471"/>
        <source>无法打开报告</source>
        <translation>Cannot Open Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="475"/>
        <source>已导入：{0}（{1} 个章节，{2} 个数据）</source>
        <translation>Imported: {0} ({1} sections, {2} figures)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="498"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="570"/>
        <source>（正文之前）</source>
        <translation>(before the first section)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="597"/>
        <source>关于报告阅览器</source>
        <translation>About Report Viewer</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="598"/>
        <source>报告阅览器 {0}
离线阅读政府工作报告：目录导航、数据着色、查找。
本程序从不连接网络。</source>
        <translation>Report Viewer {0}
Read government reports offline: contents navigation, highlighted figures, find.
This program never connects to the network.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="686"/>
        <source>未定位：报告文本已变，找不到这段引文</source>
        <translation>Unplaced: the report&apos;s text changed and this quote was not found</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../viewer/ui/annotations/note_dialog.py" line="23"/>
        <source>添加批注</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/note_dialog.py" line="32"/>
        <source>写下批注…（输入后自动保存）</source>
        <translation>Write your note… (saved as you type)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/note_dialog.py" line="37"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/note_dialog.py" line="38"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="150"/>
        <source>筛选引文和内容…</source>
        <translation>Filter quotes and notes…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="154"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="159"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="160"/>
        <source>删除所选 (Del)</source>
        <translation>Delete the selected one (Del)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="161"/>
        <source>编辑内容 (F2)</source>
        <translation>Edit Text (F2)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="162"/>
        <source>删除 (Del)</source>
        <translation>Delete (Del)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="163"/>
        <source>跳到原文</source>
        <translation>Go to Passage</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="164"/>
        <source>未定位（报告文本已变，找不到这段引文）</source>
        <translation>Unplaced (the report&apos;s text changed; these quotes were not found)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="165"/>
        <source>（双击或按 F2 填写批注）</source>
        <translation>(double-click or press F2 to write the note)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="167"/>
        <source>还没有书签。
按 Ctrl+D 为当前位置添加书签，或在目录上右键为章节添加书签。</source>
        <translation>No bookmarks yet.
Press Ctrl+D to bookmark the reading position, or right-click a section in Contents.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="170"/>
        <source>还没有批注或高亮。
选中报告中的文字，右键选择“添加批注”或“高亮”。</source>
        <translation>No notes or highlights yet.
Select text in the report and right-click: Add Note or Highlight.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="188"/>
        <source>全部颜色</source>
        <translation>All colours</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="193"/>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="278"/>
        <source>无颜色</source>
        <translation>No colour</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="257"/>
        <source>共 {0} 条</source>
        <translation>{0} in all</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="258"/>
        <source>显示 {0} / {1} 条</source>
        <translation>Showing {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/annotations/notes_panel.py" line="270"/>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
</context>
<context>
    <name>ReportChooser</name>
    <message>
        <location filename="../../viewer/ui/dialogs/report_chooser.py" line="43"/>
        <source>文件：{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/report_chooser.py" line="45"/>
        <source>导入于 {0}</source>
        <translation>Imported {0}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/report_chooser.py" line="56"/>
        <source>报告 ({0})</source>
        <translation>Reports ({0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/report_chooser.py" line="58"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/report_chooser.py" line="77"/>
        <source>打开报告</source>
        <translation>Open Report</translation>
    </message>
</context>
<context>
    <name>ReportPrinter</name>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="141"/>
        <source>（{author}）</source>
        <translation> ({author})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="144"/>
        <source>原文第{page}页</source>
        <translation>source p. {page}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="146"/>
        <source>修改于 {when}</source>
        <translation>edited {when}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="148"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="208"/>
        <source>［书签：{label}］</source>
        <translation>[Bookmark: {label}]</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="264"/>
        <source>未定位的批注</source>
        <translation>Unplaced notes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="268"/>
        <source>「{quote}」</source>
        <translation>“{quote}”</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/exports/report_printer.py" line="367"/>
        <source>第 {page} 页 / 共 {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>SearchFilterRow</name>
    <message>
        <location filename="../../viewer/ui/search/filter_row.py" line="49"/>
        <source>类别</source>
        <extracomment>Characters an issuer combo shows before eliding (its list shows them whole).</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/filter_row.py" line="50"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/filter_row.py" line="51"/>
        <source>发文机关</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/filter_row.py" line="63"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/filter_row.py" line="64"/>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/filter_row.py" line="65"/>
        <source>全部发文机关</source>
        <translation>All issuers</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../viewer/ui/search/search_panel.py" line="96"/>
        <source>在所有报告中搜索…</source>
        <translation>Search all reports…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/search_panel.py" line="97"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/search_panel.py" line="98"/>
        <source>空格分开的词须都出现；&quot;引号&quot;内为短语；-词 排除含该词的报告</source>
        <translation>Words apart by spaces must all occur; &quot;quotes&quot; make a phrase; -word drops reports holding it</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/search_panel.py" line="151"/>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/search_panel.py" line="158"/>
        <source>已列出前 {0} 处，正在统计…</source>
        <translation>First {0} hits listed, counting…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/search_panel.py" line="195"/>
        <source>没有找到“{0}”</source>
        <translation>No hits for “{0}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/search/search_panel.py" line="198"/>
        <source>共 %n 处</source>
        <comment>hits in the library</comment>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/search/search_panel.py" line="199"/>
        <source>，%n 份报告</source>
        <comment>reports holding them</comment>
        <translation>
            <numerusform> in %n report</numerusform>
            <numerusform> in %n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/search/search_panel.py" line="200"/>
        <source>；批注与书签 %n 条</source>
        <comment>notes found</comment>
        <translation>
            <numerusform>; %n note or bookmark</numerusform>
            <numerusform>; %n notes and bookmarks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../viewer/ui/search/results_model.py" line="192"/>
        <source>正在载入更多结果…</source>
        <extracomment>Hits asked for at a time, when the query runs and each time the view scrolls to the end. Custom roles: the SearchHit or NoteHit of a row; (before, hit, after) of its first line; its second line.</extracomment>
        <translation>Loading more hits…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/search/results_model.py" line="210"/>
        <source>批注与书签 — %n 条</source>
        <comment>notes found</comment>
        <translation>
            <numerusform>Notes and bookmarks — %n</numerusform>
            <numerusform>Notes and bookmarks — %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/results_model.py" line="212"/>
        <source>{0} — 统计中…</source>
        <translation>{0} — counting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/ui/search/results_model.py" line="214"/>
        <source>{0} — %n 处</source>
        <comment>a report&apos;s hits</comment>
        <translation>
            <numerusform>{0} — %n hit</numerusform>
            <numerusform>{0} — %n hits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/results_model.py" line="225"/>
        <source>（正文之前）</source>
        <translation>(before the first section)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/results_model.py" line="241"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/search/results_model.py" line="242"/>
        <source>{0} · “{1}”</source>
        <translation>{0} · “{1}”</translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <location filename="../../viewer/ui/reader/section_tree.py" line="86"/>
        <source>章节</source>
        <translation>Section</translation>
    </message>
</context>
<context>
    <name>SectionTreePanel</name>
    <message>
        <location filename="../../viewer/ui/reader/section_tree.py" line="110"/>
        <location filename="../../viewer/ui/reader/section_tree.py" line="137"/>
        <source>筛选标题…</source>
        <translation>Filter titles…</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="30"/>
        <source>分享批注和书签</source>
        <extracomment>Row tints of the preview, by what happens (pale, so the plain text on them stays readable).</extracomment>
        <translation>Share Notes and Bookmarks</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="33"/>
        <source>把《{0}》上的批注、书签和高亮存成一个 .rvshare.json 文件，用U盘或内网邮件交给同事；对方用“导入分享文件”打开。</source>
        <translation>Save the notes, bookmarks and highlights on “{0}” as one .rvshare.json file to hand to a colleague on a USB stick or by internal email; they open it with “Import Share File”.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="38"/>
        <source>全部（{0} 条）</source>
        <translation>All ({0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="38"/>
        <source>只有批注（{0} 条）</source>
        <translation>Notes only ({0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="39"/>
        <source>只有书签（{0} 条）</source>
        <translation>Bookmarks only ({0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="39"/>
        <source>只有高亮（{0} 条）</source>
        <translation>Highlights only ({0})</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="46"/>
        <source>附带报告全文（对方还没有这份报告时勾选）</source>
        <translation>Include the full report text (tick this if they don&apos;t have the report yet)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/share_dialogs.py" line="50"/>
        <source>保存分享文件…</source>
        <translation>Save Share File…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="56"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="95"/>
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="96"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/help_dialogs.py" line="96"/>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>TrashActions</name>
    <message>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="34"/>
        <source>移到回收站(&amp;D)…</source>
        <translation>Move to Tras&amp;h…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="51"/>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="55"/>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="65"/>
        <source>移到回收站</source>
        <translation>Move to Trash</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="52"/>
        <source>《{0}》是资料库中唯一的报告，打开时不能移到回收站；请先导入另一份报告。</source>
        <translation>《{0}》 is the only report in the library and cannot be moved to the trash while open; import another report first.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="56"/>
        <source>把《{0}》及其 {1} 条批注、书签和高亮移到回收站？
可随时恢复：在 文件 › 书库… 的回收站中，再次导入同一文件，或运行 report-viewer restore {2}；批注不会丢失。</source>
        <translation>Move 《{0}》 and its {1} notes, bookmarks and highlights to the trash?
You can restore it at any time: in the trash of File › Library…, by importing the same file again, or with report-viewer restore {2}; no note is lost.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/dialogs/trash_actions.py" line="69"/>
        <source>已移到回收站：{0}</source>
        <translation>Moved to the trash: {0}</translation>
    </message>
</context>
</TS>
