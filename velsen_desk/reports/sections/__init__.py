"""One module per report section; each turns a ``ReportData`` into document parts."""
