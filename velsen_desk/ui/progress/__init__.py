"""Tab "Voortgang": the stoplicht table of the monitor (issue 12)."""
