"""PDF reports with ReportLab (Qt-free)."""
