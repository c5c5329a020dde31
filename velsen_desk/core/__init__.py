"""Pure values and rules: money and cost status, planning, timeline spans, records, kinds, formatting.

Nothing here reads or writes files, opens a database, or imports Qt, ReportLab or SQLAlchemy.
"""
