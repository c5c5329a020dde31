"""Qt pieces the feature folders share: tree models, the detail pane, chart holders, style."""
