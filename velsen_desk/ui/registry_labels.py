"""The Dutch labels the window translates from Qt-free registries, listed for ``pyside6-lupdate``.

``core/report_kinds.py``, ``core/item_kinds.py`` and ``SPEERPUNT_SECTIONS`` in ``core/records.py``
may not import Qt, and the window translates their labels from variables
(:func:`report_kind_label`), which lupdate cannot read. So their texts are repeated here inside
marker calls that lupdate does read; tests/test_translations.py fails when a registry gains or
changes a label that is not listed here, so the catalogue cannot fall behind.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from velsen_desk.core.report_kinds import ReportKind


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate knows this name)
    """Marks ``text`` for translation in ``context``; returns it untranslated (Qt's own returns ``object``)."""
    return text


def report_kind_label(kind: ReportKind) -> str:
    """A report kind's label in the window's language (the dialog's list, the Rapporten menu)."""
    return QCoreApplication.translate("ReportKind", kind.menu_label)


# Context "ReportKind": report_kind_label.
REPORT_KIND_LABELS = (
    QT_TRANSLATE_NOOP("ReportKind", "Thema’s en regie"),
    QT_TRANSLATE_NOOP("ReportKind", "Regie van een collegelid"),
    QT_TRANSLATE_NOOP("ReportKind", "Portefeuilleverdeling"),
    QT_TRANSLATE_NOOP("ReportKind", "Begroting Actieplan"),
    QT_TRANSLATE_NOOP("ReportKind", "Planning Actieplan"),
    QT_TRANSLATE_NOOP("ReportKind", "Voortgangsrapportage Actieplan"),
    QT_TRANSLATE_NOOP("ReportKind", "Agendabijlage voor een vergadering"),
    QT_TRANSLATE_NOOP("ReportKind", "Persoonlijke voorbereiding (uit mijn notities)"),
)

# Context "ItemKind": group headings of search results, changes and the notes overview.
ITEM_KIND_PLURALS = (
    QT_TRANSLATE_NOOP("ItemKind", "Thema's"),
    QT_TRANSLATE_NOOP("ItemKind", "Hoofdstukken"),
    QT_TRANSLATE_NOOP("ItemKind", "Focuspunten"),
    QT_TRANSLATE_NOOP("ItemKind", "Portefeuilles"),
    QT_TRANSLATE_NOOP("ItemKind", "Personen"),
    QT_TRANSLATE_NOOP("ItemKind", "Focusopgaven"),
    QT_TRANSLATE_NOOP("ItemKind", "Acties"),
    QT_TRANSLATE_NOOP("ItemKind", "Begrotingen"),
    QT_TRANSLATE_NOOP("ItemKind", "Begrotingsregels"),
    QT_TRANSLATE_NOOP("ItemKind", "Opgaven"),
    QT_TRANSLATE_NOOP("ItemKind", "Speerpunten"),
    QT_TRANSLATE_NOOP("ItemKind", "Impulsprojecten"),
    QT_TRANSLATE_NOOP("ItemKind", "Afspraken (werkwijze)"),
    QT_TRANSLATE_NOOP("ItemKind", "Opmerkingen bij de portefeuilleverdeling"),
)

# Context "ItemKind": one item's kind (the notes overview's "Soort" column).
ITEM_KIND_SINGULARS = (
    QT_TRANSLATE_NOOP("ItemKind", "Thema"),
    QT_TRANSLATE_NOOP("ItemKind", "Hoofdstuk"),
    QT_TRANSLATE_NOOP("ItemKind", "Focuspunt"),
    QT_TRANSLATE_NOOP("ItemKind", "Portefeuille"),
    QT_TRANSLATE_NOOP("ItemKind", "Persoon"),
    QT_TRANSLATE_NOOP("ItemKind", "Focusopgave"),
    QT_TRANSLATE_NOOP("ItemKind", "Actie"),
    QT_TRANSLATE_NOOP("ItemKind", "Begroting"),
    QT_TRANSLATE_NOOP("ItemKind", "Begrotingsregel"),
    QT_TRANSLATE_NOOP("ItemKind", "Opgave"),
    QT_TRANSLATE_NOOP("ItemKind", "Speerpunt"),
    QT_TRANSLATE_NOOP("ItemKind", "Impulsproject"),
    QT_TRANSLATE_NOOP("ItemKind", "Afspraak (werkwijze)"),
    QT_TRANSLATE_NOOP("ItemKind", "Opmerking"),
)

# The empty context of the modules' _tr() helpers: the theme tree and detail headings.
SPEERPUNT_SECTION_LABELS = (
    QT_TRANSLATE_NOOP("", "Speerpunten"),
    QT_TRANSLATE_NOOP("", "Wat we al doen"),
    QT_TRANSLATE_NOOP("", "Wat we kunnen doen"),
)
