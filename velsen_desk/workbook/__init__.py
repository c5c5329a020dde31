"""The griffie\x27s workbench: the data set as an Excel workbook and back (openpyxl)."""
