"""Bestand → Voortgang invullen…: a party user connects to the PostgreSQL master and submits the
progress of their own actions (issue 14, the window side).

- ``feature``: the menu action and the one worker thread every server call runs on;
- ``connect_dialog``: server address, user, password (keyring when usable), connecting off the GUI thread;
- ``entry_dialog``: the party's own actions (``model``) beside the form (``form``);
- ``conflict``: both versions when someone else changed the same status first;
- ``jobs``: the work that runs on that worker thread (touches no widget).

All rules (own actions only, versions, check constraints) are the database's; the window only
shows the server's Dutch answers and never loses what the user typed.
"""
