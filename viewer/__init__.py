"""报告阅览器 Report Viewer: an offline desktop reader for long Chinese government reports."""

__version__ = "0.1.0"
