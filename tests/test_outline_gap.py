"""What a user can do between the start's outline and its whole programme (~0.1 s at 2,000
actions, seconds at 1,000x): the tree never shows one programme's rows while another is chosen,
keeps a row chosen meanwhile, and shows the person asked for from the first paint; a programme
that cannot be read leaves the selector on the one still shown."""

from __future__ import annotations

import threading

from tests.conftest import a_shown_window, held_loader_step, outlined

PERSON = "Bram Diepstraten"


def test_choosing_another_programme_takes_the_outline_away(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch, failing={"heemskerk-2018"})
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window)
    assert window.select_programme("heemskerk-2018")  # the selector is filled before the data
    # Velsen's read is cancelled: its rows are not shown under Heemskerk, now or after
    assert tab.model.rowCount() == 0 and tab.detail.toPlainText() == ""
    with qtbot.waitSignal(window.sig_failed, timeout=10000):
        go_on.set()
    window.runner.wait(5000)
    qtbot.wait(20)
    assert window.state.data is None and tab.model.rowCount() == 0


def test_a_search_hit_in_the_outlined_programme_waits_for_its_read(qtbot, built_db, settings, monkeypatch):
    import velsen_desk.ui.programme_loader as loader
    from velsen_desk.storage.search import SearchHit

    go_on = held_loader_step(monkeypatch)
    held, reads = loader.read_programme, []

    def counted(*args):  # type: ignore[no-untyped-def]
        reads.append(args[1].id)
        return held(*args)

    monkeypatch.setattr(loader, "read_programme", counted)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window)
    rows = tab.model.rowCount()
    theme = tab.model.node(tab.proxy.mapToSource(tab.proxy.index(1, 0, tab.proxy.index(0, 0)))).payload
    hit = SearchHit(kind="thema", ref_id=theme.id, programme_id="velsen-2022", title=theme.name, snippet="")
    assert window.open_hit(hit)
    assert tab.model.rowCount() == rows  # the outline stays: its programme is the hit's
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    assert tab.model.node(tab.proxy.mapToSource(tab.tree.currentIndex())).payload.id == theme.id
    assert theme.name in tab.detail.toPlainText()
    window.runner.wait(5000)
    assert reads == ["velsen-2022"]  # read once: not again from the start for the hit (seconds at 1,000x)


def test_a_failed_switch_leaves_the_selector_on_the_programme_shown(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch, failing={"heemskerk-2018"})
    go_on.set()
    window = a_shown_window(qtbot, built_db, settings)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window.start()
    with qtbot.waitSignal(window.sig_failed, timeout=10000):
        assert window.select_programme("heemskerk-2018")
    assert window.state.data is not None and window.state.data.programme.id == "velsen-2022"
    assert window.programme_combo.currentData() == "velsen-2022"
    window.runner.wait(5000)


def test_a_reload_before_the_data_keeps_the_chosen_row(qtbot, built_db, settings, monkeypatch):
    # A sync that finishes (or Ctrl+Shift+R) between the outline and the data starts again.
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window)
    theme = tab.proxy.index(2, 0, tab.proxy.index(1, 0))
    chosen = tab.model.node(tab.proxy.mapToSource(theme)).payload
    tab.tree.setCurrentIndex(theme)
    with qtbot.waitSignal(window.state.sig_outline_loaded, timeout=5000):
        window._reload()
    assert tab.model.node(tab.proxy.mapToSource(tab.tree.currentIndex())).payload == chosen
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    assert tab.model.node(tab.proxy.mapToSource(tab.tree.currentIndex())).payload.id == chosen.id
    assert chosen.name in tab.detail.toPlainText()
    window.runner.wait(5000)


def _visible_themes(tab) -> set[str]:  # type: ignore[no-untyped-def]
    from velsen_desk.core.records import ThemeInfo

    found: set[str] = set()
    for veld in range(tab.proxy.rowCount()):
        parent = tab.proxy.index(veld, 0)
        for row in range(tab.proxy.rowCount(parent)):
            payload = tab.model.node(tab.proxy.mapToSource(tab.proxy.index(row, 0, parent))).payload
            if isinstance(payload, ThemeInfo):
                found.add(payload.id)
    return found


def test_the_outline_is_shown_through_the_eyes_asked_for(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window, person=PERSON)
    before_data = _visible_themes(tab)
    assert f"Regie van {PERSON}" in tab.detail.toPlainText()
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    data = window.state.data
    assert data is not None and data.person(window.state.person_id).name == PERSON
    mine = data.regie_theme_ids(window.state.person_id)
    assert mine and before_data == _visible_themes(tab) == mine  # the same rows before and after the data
    window.runner.wait(5000)


def test_mijn_regie_switched_before_the_data_shows_in_the_outline(qtbot, built_db, settings, monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window, person=PERSON)
    mine = _visible_themes(tab)
    window.state.set_only_mine(False)
    every = _visible_themes(tab)
    assert mine < every
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    assert _visible_themes(tab) == every
    window.runner.wait(5000)


def test_a_search_hit_whose_programme_failed_is_not_shown_when_chosen_later(qtbot, built_db, settings, monkeypatch):
    from velsen_desk.storage.search import SearchHit

    failing = {"heemskerk-2018"}
    go_on = held_loader_step(monkeypatch, failing=failing)
    go_on.set()
    window = a_shown_window(qtbot, built_db, settings)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window.start()
    with qtbot.waitSignal(window.sig_failed, timeout=10000):
        assert window.open_hit(SearchHit(kind="hoofdstuk", ref_id="heemskerk-2018.coalitieakkoord.h1",
                                         programme_id="heemskerk-2018", title="", snippet=""))
    failing.clear()  # readable again (a sync brought a good copy); the user chooses it later
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        assert window.select_programme("heemskerk-2018")
    tab = window.themes_tab
    assert not tab.tree.currentIndex().isValid()  # it opens on its introduction, not on that old hit
    assert "Dit programma kent geen thema’s" in tab.detail.toPlainText()
    window.runner.wait(5000)


def test_a_restart_on_a_programme_of_chapters_is_not_overtaken_by_an_earlier_read(qtbot, built_db, settings,
                                                                                   monkeypatch):
    # Heemskerk chosen, and before its read is in a sync brings a new file (the window starts
    # again): the start reads Heemskerk whole from the new file; the earlier read must not follow.
    import velsen_desk.ui.programme_loader as loader

    go_on = threading.Event()
    original = loader.read_programme

    def held(db, programme, state):  # type: ignore[no-untyped-def]
        assert programme.id != "heemskerk-2018" or go_on.wait(10)
        return original(db, programme, state)

    monkeypatch.setattr(loader, "read_programme", held)
    window = a_shown_window(qtbot, built_db, settings)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window.start()
    assert window.select_programme("heemskerk-2018")
    loaded: list[object] = []
    window.loader.sig_programme_loaded.connect(loaded.append)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window._reload()
    go_on.set()
    window.runner.wait(5000)
    qtbot.wait(50)
    assert len(loaded) == 1 and window.state.data is loaded[0]
    window.runner.wait(5000)


def test_a_restart_before_the_catalogue_keeps_the_programme_and_person_asked_for(qtbot, built_db, settings,
                                                                                  monkeypatch):
    # A sync that brings a new file while the start's first trip is on its way starts again
    # (MainWindow._reload): the selector is still empty, yet --programme and --person hold.
    go_on = held_loader_step(monkeypatch, "read_start")
    window = a_shown_window(qtbot, built_db, settings)
    window.start("heemskerk-2018", "A. van Dijk")
    window._reload()
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    window.runner.wait(5000)
    data = window.state.data
    assert data is not None and data.programme.id == "heemskerk-2018"
    person = data.person(window.state.person_id)
    assert person is not None and person.name == "A. van Dijk"
    assert window.programme_combo.currentData() == "heemskerk-2018"
    window.runner.wait(5000)


def test_the_toolbar_shows_the_outlines_person_and_a_person_chosen_before_the_data(qtbot, built_db, settings,
                                                                                   monkeypatch):
    go_on = held_loader_step(monkeypatch)
    window = a_shown_window(qtbot, built_db, settings)
    tab = outlined(qtbot, window, person=PERSON)
    combo = window.person_combo
    assert combo.currentText() == PERSON and window.only_mine_action.isChecked()  # as the tree is filtered
    other = "Marianne Steijn"
    combo.setCurrentIndex(combo.findText(other))  # chosen before the data
    assert f"Regie van {other}" in tab.detail.toPlainText()
    theirs = _visible_themes(tab)
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        go_on.set()
    data = window.state.data
    assert data is not None and data.person(window.state.person_id).name == other
    assert theirs == _visible_themes(tab) == data.regie_theme_ids(window.state.person_id)
    assert combo.currentText() == other
    window.runner.wait(5000)
