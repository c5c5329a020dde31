"""The portfolio matrix: members × domains (+ regie), or a college list where there are no domains."""

from __future__ import annotations

from reportlab.platypus import Spacer

from velsen_desk.core.formatting import UNKNOWN, format_loco
from velsen_desk.core.records import PersonInfo, PortfolioItemInfo, ProgrammeData, RemarkInfo
from velsen_desk.core.wording import EMPTY_INFERRED, EMPTY_INFERRED_NOTE
from velsen_desk.reports.document import PORTRAIT, Part, orientation_of
from velsen_desk.reports.programme import matrix_of
from velsen_desk.reports.sections.common import heading, table
from velsen_desk.reports.styles import FONT_BOLD, GROUP_BG, Styles, esc

TITLE = "Portefeuilleverdeling"
UNCERTAIN = "≈"
FOOTNOTE = (
    f"{UNCERTAIN} = domein onzeker. In het brondocument lopen de kolommen van de "
    "portefeuilletabel in elkaar over; voor deze portefeuilles is daarom niet zeker in welke "
    "domeinkolom ze stonden. De portefeuille zelf en het collegelid zijn wel zeker."
)


def item_markup(item: PortfolioItemInfo, bullet: str = "") -> str:
    """The item, marked ≈ (in colour) when its domain is not certain."""
    if not item.domain_certain:
        text = f"<font color='#a35200'><b>{UNCERTAIN}</b></font> "
    else:
        text = f"{bullet} " if bullet else ""
    text += esc(item.name)
    if item.detail:
        text += f" <font size='6.5' color='#5b6470'>({esc(item.detail)})</font>"
    return text


def items_cell(styles: Styles, items) -> object:
    if not items:
        return styles.p("—", styles.cell_small)
    return styles.markup("<br/>".join(item_markup(i, "•") for i in items), styles.cell_small)


def locoburgemeester(person: PersonInfo) -> str:
    return format_loco(person.role, person.locoburgemeester_order)


def build(data: ProgrammeData, styles: Styles) -> list[Part]:
    matrix = matrix_of(data)
    f: list = [heading(styles, f"{TITLE} {data.programme.title}", "portfolio", 0, concept=False)]
    sources = sorted({i.source.document_title for i in matrix.items} | {m.source.document_title
                                                                         for m in matrix.members})
    if matrix.domains:
        f.append(styles.p("Portefeuilles van de collegeleden per domein, met in de laatste kolom de thema's "
                          "uit het raadsprogramma waarover zij de regie hebben.", styles.body))
        domain_w = (740 - 100 - 130) / len(matrix.domains)
        rows = [["Collegelid", *[styles.p(d.name, styles.cell_head) for d in matrix.domains],
                 styles.p("Regie (raadsprogramma)", styles.cell_head)]]
        for member in matrix.members:
            row = [styles.p(member.name, styles.cell_bold)]
            row += [styles.p(EMPTY_INFERRED, styles.cell_small) if matrix.empty_inferred(member.id, d.id)
                    else items_cell(styles, matrix.cell(member.id, d.id)) for d in matrix.domains]
            loose = matrix.cell(member.id, None)
            if loose:
                row[-1] = styles.markup(row[-1].text + "<br/><i>zonder domein:</i><br/>"
                                        + "<br/>".join(item_markup(i, "•") for i in loose), styles.cell_small)
            regie = matrix.regie.get(member.id, ())
            row.append(styles.markup("<br/>".join(f"{t.number}. {esc(t.name)}" for t in regie) or "—",
                                     styles.cell_small))
            rows.append(row)
        f.append(table(rows, [100, *[domain_w] * len(matrix.domains), 130],
                       ("BACKGROUND", (0, 1), (0, -1), GROUP_BG), ("LINEAFTER", (0, 0), (-2, -1), 0.25, "#a9b4c0")))
        if any(not i.domain_certain for i in matrix.items):
            f.append(Spacer(0, 4))
            f.append(styles.p(FOOTNOTE, styles.small))
        if any(matrix.empty_inferred(m.id, d.id) for m in matrix.members for d in matrix.domains):
            f.append(styles.p(EMPTY_INFERRED_NOTE, styles.small))
        orientation = orientation_of("portfolio")  # the matrix of domains is wide
    else:
        f.append(styles.p("Het college met rol, partij, volgorde van het locoburgemeesterschap en portefeuilles. "
                          "Deze verdeling kent geen domeinen.", styles.body))
        rows = [["Naam", "Rol", "Partij", "Loco-\nburgemeester", "Portefeuilles"]]
        for member in matrix.members:
            rows.append([
                styles.p(member.name, styles.cell_bold), styles.p(member.role or UNKNOWN, styles.cell),
                styles.p(member.party or UNKNOWN, styles.cell), locoburgemeester(member),
                items_cell(styles, matrix.cell(member.id, None)
                           + tuple(i for i in matrix.items if i.person_id == member.id and i.domain_id)),
            ])
        f.append(table(rows, [88, 74, 72, 62, 197], ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.5)))
        orientation = PORTRAIT  # a list of members fits a portrait page
    f += remark_flowables(styles, matrix.remarks)
    f.append(Spacer(0, 4))
    f.append(styles.p("Bron: " + "; ".join(sources), styles.source_style))
    return [Part(f, orientation)]


def remark_flowables(styles: Styles, remarks: tuple[RemarkInfo, ...]) -> list:
    """The source's own notes under the table ("NB: …"), verbatim, each with its quote."""
    out: list = []
    for remark in remarks:
        out.append(Spacer(0, 3))
        out.append(styles.markup(f"<b>{esc(remark.label)}:</b> {esc(remark.text)}", styles.body))
        out.append(styles.source(remark.source.document_title, remark.source.quote))
    return out
