"""Help → Handleiding: a short Dutch guide in the window (no web page, works offline).

It names menus, not keys: the keys are in Help → Sneltoetsen, read from the real actions.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from velsen_desk.ui.widgets.style import esc, html_css


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("Handleiding"))
        self.resize(720, 640)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Handleiding"))
        self.text.setHtml(self.guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def sections(self) -> list[tuple[str, list[str]]]:
        """The guide as (heading, paragraphs); each paragraph is one translatable text."""
        return [
            (self.tr("Wat Velsen Desk is"), [
                self.tr("Velsen Desk toont het raadsprogramma, de portefeuilleverdeling van het college en het "
                        "Actieplan Velsen-Noord in één venster, ook zonder netwerk."),
                self.tr("Elk bedrag, elke naam en elke datum komt uit de brondocumenten: in de details staat onder "
                        "elk onderdeel de bron met het letterlijke citaat. Wat de bronnen niet zeggen, staat er "
                        "als “onbekend”."),
            ]),
            (self.tr("De tabbladen"), [
                self.tr("Thema’s: de thema’s van het raadsprogramma per aandachtsveld, met wie de regie heeft, "
                        "de bijdragende hoofdstukken en de gekoppelde acties. Een programma zonder thema’s toont "
                        "hier zijn hoofdstukken of opgaven."),
                self.tr("Portefeuilles: wie in het college welke portefeuilles heeft. “≈” betekent dat de kolom "
                        "niet zeker uit de bron volgt."),
                self.tr("Begroting: de acties van het Actieplan met kosten en dekking. “n.v.t.” (geen kosten) "
                        "en “n.n.b.” (nog niet bekend) zijn iets anders dan € 0."),
                self.tr("Tijdlijn: de planning van de acties per kwartaal, zo precies als de bron hem noemt."),
                self.tr("Voortgang: per actie de laatste status uit de voortgangsrapportages (groen, oranje, "
                        "rood, grijs = niet gestart, afgerond, gestopt) met de toelichting. “Geen rapportage” "
                        "betekent dat er geen (recente) status is; “einde planning verstreken” dat de geplande "
                        "einddatum voorbij is terwijl de actie niet afgerond of gestopt is. Bij het bestede "
                        "bedrag telt “n.n.b.” mee als onbekend, nooit als € 0."),
                self.tr("Met “Bekijk als” in de werkbalk kiest u een collegelid: diens regie en portefeuilles "
                        "worden gemarkeerd."),
            ]),
            (self.tr("Zoeken"), [
                self.tr("Typ in het zoekveld rechts in de werkbalk. Hoofdletters en accenten maken niet uit. "
                        "Kies een resultaat om het in zijn tabblad te openen, ook in een ander programma."),
            ]),
            (self.tr("Notities"), [
                self.tr("Onder de details van een onderdeel typt u een persoonlijke notitie; die wordt vanzelf "
                        "bewaard, alleen op deze laptop. Vink “Bespreken in vergadering” aan voor wat u wilt "
                        "inbrengen. Staan er meer portefeuilles in één cel, kies dan in de lijst naast "
                        "“Mijn notitie bij” over welke de notitie gaat."),
                self.tr("Beeld → Mijn notities… toont alle notities. Dubbelklik (of Enter) op een notitie opent "
                        "het onderdeel. Daar kunt u notities ook exporteren en importeren."),
            ]),
            (self.tr("Rapporten"), [
                self.tr("Rapporten → Rapport van deze weergave… maakt het rapport bij het open tabblad als "
                        "PDF; u kunt het bekijken, bewaren en afdrukken. In het menu Rapporten staan ook de "
                        "agendabijlage voor een vergadering en de persoonlijke voorbereiding."),
                self.tr("De persoonlijke voorbereiding zet uw notities (desgewenst alleen de punten “bespreken "
                        "in vergadering”) op papier, gemarkeerd als “Persoonlijk — niet voor verspreiding”. U "
                        "maakt haar ook vanuit Mijn notities."),
            ]),
            (self.tr("Synchroniseren"), [
                self.tr("De griffie zet nieuwe gegevens in een gedeelde map. Stel die map in onder Bestand → "
                        "Instellingen… en kies Bestand → Synchroniseren. De nieuwe versie wordt eerst "
                        "gecontroleerd; lukt dat niet, dan blijft de vorige versie open."),
                self.tr("Beeld → Wat is er veranderd… vergelijkt met de vorige versie; Bestand → Vorige versie "
                        "terugzetten… gaat terug. Uw notities worden daarbij nooit aangeraakt."),
            ]),
            (self.tr("Voortgang invullen en Griffiemodus"), [
                self.tr("Bestand → Voortgang invullen… is voor wie de voortgang van acties rapporteert: u "
                        "meldt zich aan bij de centrale database van de griffie en geeft per actie een "
                        "peildatum, status, toelichting en het bestede bedrag op."),
                self.tr("Bestand → Griffiemodus (menu Beheer) is voor de griffie: het menu Beheer verschijnt, "
                        "met werkmappen exporteren en inlezen, voortgangsformulieren maken en de database "
                        "bouwen en publiceren naar de gedeelde map."),
            ]),
            (self.tr("Toetsenbord"), [
                self.tr("Alles werkt ook zonder muis: Tab gaat naar het volgende onderdeel van het venster, de "
                        "pijltjestoetsen bewegen binnen een lijst of tabel. Help → Sneltoetsen toont alle "
                        "sneltoetsen."),
            ]),
        ]

    def guide_html(self) -> str:
        title = self.tr("Velsen Desk — korte handleiding")
        out = [html_css(), f"<h2>{esc(title)}</h2>"]
        for heading, paragraphs in self.sections():
            out.append(f"<h3>{esc(heading)}</h3>")
            out.extend(f"<p>{esc(p)}</p>" for p in paragraphs)
        return "".join(out)
