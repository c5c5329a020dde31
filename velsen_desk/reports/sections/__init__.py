"""One module per report section; each turns a ``ProgrammeData`` (the records the window shows) into document parts."""
