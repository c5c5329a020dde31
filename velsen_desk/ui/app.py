"""Start-up: the QApplication, the local database, the main window. ``velsen-desk`` calls
:func:`run_app`."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from velsen_desk.core.paths import APP_AUTHOR, APP_NAME, resources_dir
from velsen_desk.ui.language import Language, install_language, install_translation
from velsen_desk.ui.widgets.style import escaped_rich_text

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None, language: Language | None = None) -> QApplication:
    """The running QApplication, or a new one with our names and translations: those of
    ``language``, else of the language chosen in Instellingen (Dutch by default)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setOrganizationName(APP_AUTHOR)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName("Velsen Desk")
        app.setDesktopFileName("velsen-desk")  # ties the window to the installed launcher and its icon
        app.setWindowIcon(application_icon())
        if language is None:
            install_translation(app)
        else:  # only this one: Dutch on top of a saved English would let English answer what Dutch has no entry for
            install_language(app, language)
    return app  # type: ignore[return-value]


def application_icon() -> QIcon:
    """The program's icon in every size shipped (resources/icons, drawn from velsen-desk.svg)."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("velsen-desk-*.png")):
        icon.addFile(str(png))
    return icon


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: log the traceback, show the user a Dutch message, keep running."""
    log.error("onverwachte fout:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox  # made when first needed: not for the first paint

        QMessageBox.critical(
            None,
            _tr("Velsen Desk – onverwachte fout"),
            escaped_rich_text(_tr("Er ging iets mis: {0}\n\nDe details staan in het logboek.").format(value)),
        )


def run_app() -> int:
    """Show the window at once; the local database is found (or built) in a worker. A missing
    or corrupt database ends in a Dutch message box and exit status 1."""
    from velsen_desk.ui.main_window import MainWindow
    from velsen_desk.ui.widgets.chart_library import wait_for_imports

    app = application()
    sys.excepthook = _excepthook
    window = MainWindow(None, settings=QSettings())
    failed: list[str] = []
    window.sig_failed.connect(failed.append)
    window.show()
    window.open_local_database()
    status = app.exec()
    window.runner.wait(5000)
    wait_for_imports()  # a thread inside an import at the interpreter's end aborts the process
    return 1 if failed and window.catalog is None else status
