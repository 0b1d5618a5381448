<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Chinese for the Qt strings that Qt's own qtbase_zh_CN.qm (shipped with PySide6, and the same in
  Debian's qt6-translations-l10n) leaves untranslated although users see them in Qt's file dialog.
  Written for this project (MIT, as the rest of it); loaded after qtbase_zh_CN by viewer/ui/app.py.
  It also replaces one poor choice: 体积 ("volume") for the size column; file managers say 大小.
  Add an entry here when a test in tests/ui/test_qt_dialogs.py finds an English string in the
  Chinese dialogs.
-->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
</TS>
