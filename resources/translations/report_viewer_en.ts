<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="169"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="174"/>
        <source>筛选数据…</source>
        <translation>Filter figures…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="175"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="29"/>
        <source>计数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="29"/>
        <source>百分比</source>
        <translation>Percent</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="29"/>
        <source>金额</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="30"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="30"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="53"/>
        <source>原文</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="53"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="53"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="53"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="53"/>
        <source>限定词</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/figures_panel.py" line="54"/>
        <source>章节</source>
        <translation>Section</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../viewer/ui/find_bar.py" line="50"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/find_bar.py" line="51"/>
        <source>在报告中查找…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/find_bar.py" line="52"/>
        <source>上一个 (Shift+Enter)</source>
        <translation>Previous (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/find_bar.py" line="53"/>
        <source>下一个 (Enter)</source>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/find_bar.py" line="54"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="201"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="202"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="203"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="204"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="205"/>
        <source>最近的报告(&amp;R)</source>
        <translation>&amp;Recent Reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="206"/>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="207"/>
        <source>导出数据表 CSV(&amp;C)…</source>
        <translation>Export Figures as &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="208"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="209"/>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="210"/>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="211"/>
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="212"/>
        <source>查找上一个</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="213"/>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="214"/>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="215"/>
        <source>原始大小</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="216"/>
        <source>数据着色</source>
        <translation>Figure Colours</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="217"/>
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="218"/>
        <source>界面语言 / Language</source>
        <translation>Language / 界面语言</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="219"/>
        <source>关于报告阅览器(&amp;A)</source>
        <translation>&amp;About Report Viewer</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="224"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="225"/>
        <source>批注与数据</source>
        <translation>Notes and Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="226"/>
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="233"/>
        <source>计数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="233"/>
        <source>百分比</source>
        <translation>Percent</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="233"/>
        <source>金额</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="234"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="234"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="245"/>
        <source>报告阅览器</source>
        <translation>Report Viewer</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="278"/>
        <source>无法打开报告</source>
        <translation>Cannot Open Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="284"/>
        <source>已导入：{0}（{1} 个章节，{2} 个数据）</source>
        <translation>Imported: {0} ({1} sections, {2} figures)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="289"/>
        <source>打开报告</source>
        <translation>Open Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="290"/>
        <source>报告 (*.txt *.html *.htm *.docx);;所有文件 (*)</source>
        <translation>Reports (*.txt *.html *.htm *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="298"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="354"/>
        <source>（正文之前）</source>
        <translation>(before the first section)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="376"/>
        <source>关于报告阅览器</source>
        <translation>About Report Viewer</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="377"/>
        <source>报告阅览器 {0}
离线阅读政府工作报告：目录导航、数据着色、查找。
本程序从不连接网络。</source>
        <translation>Report Viewer {0}
Read government reports offline: contents navigation, highlighted figures, find.
This program never connects to the network.</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="424"/>
        <source>导出数据表</source>
        <translation>Export Figures</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="433"/>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="435"/>
        <source>已导出 {0} 条数据到 {1}</source>
        <translation>Exported {0} figures to {1}</translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <location filename="../../viewer/ui/section_tree.py" line="86"/>
        <source>章节</source>
        <translation>Section</translation>
    </message>
</context>
<context>
    <name>SectionTreePanel</name>
    <message>
        <location filename="../../viewer/ui/section_tree.py" line="110"/>
        <location filename="../../viewer/ui/section_tree.py" line="131"/>
        <source>筛选标题…</source>
        <translation>Filter titles…</translation>
    </message>
</context>
</TS>