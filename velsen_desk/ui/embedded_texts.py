"""Texts the window translates inside f-string fields (``f"<b>{self.tr('Kosten')}</b>"``), listed for lupdate.

``pyside6-lupdate`` reads an f-string as one string and does not see the calls in it, so the
HTML detail panes' labels are repeated here in marker calls it does read, under the context the
call translates in. tests/test_translations.py finds every literal translate call in ui/ with
Python's own parser and fails when one is missing from the catalogue.
"""

from __future__ import annotations

from velsen_desk.ui.registry_labels import QT_TRANSLATE_NOOP

EMBEDDED_TEXTS = (
    QT_TRANSLATE_NOOP("BudgetTab", "Trekker"),
    QT_TRANSLATE_NOOP("BudgetTab", "onbekend"),
    QT_TRANSLATE_NOOP("BudgetTab", "Kosten"),
    QT_TRANSLATE_NOOP("BudgetTab", "in de bron"),
    QT_TRANSLATE_NOOP("BudgetTab", "Financiering"),
    QT_TRANSLATE_NOOP("BudgetTab", "Planning"),
    QT_TRANSLATE_NOOP("BudgetTab", "Thema’s"),
    QT_TRANSLATE_NOOP("BudgetTab", "Regel {0}: {1}"),
    QT_TRANSLATE_NOOP("BudgetTab", "Naar de actie in het Actieplan"),
    QT_TRANSLATE_NOOP("BudgetTab", "Berekend"),
    QT_TRANSLATE_NOOP("BudgetTab", "Budget"),
    QT_TRANSLATE_NOOP("PortfolioTab", "Bekeken als dit collegelid"),
    QT_TRANSLATE_NOOP("PortfolioTab", "Rol"),
    QT_TRANSLATE_NOOP("PortfolioTab", "Partij"),
    QT_TRANSLATE_NOOP("PortfolioTab", "Locoburgemeester"),
    QT_TRANSLATE_NOOP("PortfolioTab", "Geen portefeuille in deze kolom."),
    QT_TRANSLATE_NOOP("PortfolioTab", "Regie over thema’s"),
    QT_TRANSLATE_NOOP("PortfolioTab", "Opmerkingen bij de portefeuilleverdeling"),
    QT_TRANSLATE_NOOP("", "Ook toegezegd in de tekst van het hoofdstuk"),
    QT_TRANSLATE_NOOP("", "Toekomstbeeld – beoogde maatschappelijke effecten"),
    QT_TRANSLATE_NOOP("", "Genoemd in de inleiding van het document, niet bij een opgave."),
    QT_TRANSLATE_NOOP("", "Impulsproject"),
    QT_TRANSLATE_NOOP("", "Onze bezieling"),
    QT_TRANSLATE_NOOP("", "Werkwijze: categorieën van onderwerpen"),
    QT_TRANSLATE_NOOP("", "Geen focuspunten in de bron."),
    QT_TRANSLATE_NOOP("", "Meetbaar doel"),
    QT_TRANSLATE_NOOP("", "planning onbekend"),
    QT_TRANSLATE_NOOP("", "Actie {0}"),
    QT_TRANSLATE_NOOP("", "redactionele koppeling"),
    QT_TRANSLATE_NOOP("", "volgens de bron"),
    QT_TRANSLATE_NOOP("", "Thema {0}: {1}"),
    QT_TRANSLATE_NOOP("", "Aandachtsveld"),
    QT_TRANSLATE_NOOP("", "Extra beleidsmatige aandacht"),
    QT_TRANSLATE_NOOP("", "Bijdragende hoofdstukken"),
    QT_TRANSLATE_NOOP("", "Geen hoofdstuk gekoppeld."),
    QT_TRANSLATE_NOOP("", "Actieplan"),
    QT_TRANSLATE_NOOP("", "Geen acties uit een Actieplan gekoppeld."),
    QT_TRANSLATE_NOOP("", "het hele plan"),
    QT_TRANSLATE_NOOP("", "Totaal"),
    QT_TRANSLATE_NOOP("", "Focuspunten"),
    QT_TRANSLATE_NOOP("", "Focuspunt {0}"),
    QT_TRANSLATE_NOOP("", "Meetbare doelen"),
    QT_TRANSLATE_NOOP("ThemesTab", "Regie van {0}"),
    QT_TRANSLATE_NOOP("TimelineTab", "Trekkers"),
    QT_TRANSLATE_NOOP("TimelineTab", "Precisie"),
    QT_TRANSLATE_NOOP("TimelineTab", "kwartaal of halfjaar (vol)"),
    QT_TRANSLATE_NOOP("TimelineTab", "jaar of schooljaar (gearceerd, minder precies)"),
    QT_TRANSLATE_NOOP("TimelineTab", "open einde (vervaagt)"),
    QT_TRANSLATE_NOOP("TimelineTab", "terugkerend (jaren niet genoemd)"),
    QT_TRANSLATE_NOOP("TimelineTab", "dikke rand: mijn regie"),
    QT_TRANSLATE_NOOP("TimelineTab", "Actie {0}"),
    QT_TRANSLATE_NOOP("TimelineTab", "Geen."),
    QT_TRANSLATE_NOOP("TimelineTab", "Terugkerend"),
)
