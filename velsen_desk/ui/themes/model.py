"""The programme's structure as a tree: aandachtsvelden → themes (Velsen 2022), or
chapters → focus points (Heemskerk), or opgaven → speerpunten (Strategische Agenda)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from velsen_desk.core.records import (
    SPEERPUNT_SECTIONS,
    AandachtsveldInfo,
    AgreementInfo,
    ChapterInfo,
    CoreValueInfo,
    FocusPointInfo,
    ImpulsprojectenInfo,
    ImpulsprojectInfo,
    OpgaveInfo,
    ProgrammeData,
    ProgrammeOutline,
    SpeerpuntInfo,
    ThemeInfo,
    TopicCategoryInfo,
)
from velsen_desk.core.structs import msgspec
from velsen_desk.ui.themes.detail import speerpunt_parts
from velsen_desk.ui.widgets.style import HIGHLIGHT_ROLE, ID_ROLE, KIND_ROLE, bold_font, highlight_brush
from velsen_desk.ui.widgets.tree_model import Node, TreeModel


class SpeerpuntGroup(msgspec.Struct, frozen=True):
    """A heading under an opgave ("Wat we al doen") with the speerpunten of that kind."""

    opgave: OpgaveInfo
    kind: str

    @property
    def id(self) -> str:
        return f"{self.opgave.id}#{self.kind}"


class CoreValues(msgspec.Struct, frozen=True):
    """The values a programme's document names ("Onze bezieling"), as one branch of the tree."""

    values: tuple[CoreValueInfo, ...]

    @property
    def id(self) -> str:
        return "core_values"

    @property
    def document_title(self) -> str:
        return self.values[0].document_title if self.values else ""


class TopicCategories(msgspec.Struct, frozen=True):
    """The categories of council topics in the college's way of working, as one branch of the tree."""

    categories: tuple[TopicCategoryInfo, ...]

    @property
    def id(self) -> str:
        return "topic_categories"


class Agreements(msgspec.Struct, frozen=True):
    """The agreements under Deel A's three questions (or those under one question), as a branch."""

    agreements: tuple[AgreementInfo, ...]
    question: str | None = None  # None: the whole branch

    @property
    def id(self) -> str:
        return f"agreements:{self.question}" if self.question else "agreements"


ThemePayload = (
    AandachtsveldInfo | ThemeInfo | OpgaveInfo | SpeerpuntGroup | SpeerpuntInfo | ChapterInfo | FocusPointInfo
    | ImpulsprojectenInfo | ImpulsprojectInfo | CoreValues | CoreValueInfo | TopicCategories | TopicCategoryInfo
    | Agreements | AgreementInfo
)
ThemeNode = Node[ThemePayload]


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def build_tree(data: ProgrammeOutline) -> ThemeNode:
    """The tree of a programme, or of its outline (themes or opgaven: all its tree holds)."""
    root: ThemeNode = Node("root")
    if data.velden:
        for veld in data.velden:
            veld_node = root.add("veld", veld)
            for theme in veld.themes:
                veld_node.add("theme", theme)
        if data.core_values:  # what the college says drives it: read beside the themes, not one of them
            values = root.add("waarden", CoreValues(data.core_values))
            for value in data.core_values:
                values.add("waarde", value)
        if data.topic_categories:  # how the college puts a topic before the raad (Deel A)
            categories = root.add("categorieen", TopicCategories(data.topic_categories))
            for category in data.topic_categories:
                categories.add("categorie", category)
        if data.agreements:  # what the college agrees on, asks of the raad and of the organisation (Deel A)
            branch = root.add("afspraken", Agreements(data.agreements))
            for question in dict.fromkeys(a.question for a in data.agreements):
                mine = tuple(a for a in data.agreements if a.question == question)
                node = branch.add("vraag", Agreements(mine, question))
                for agreement in mine:
                    node.add("afspraak", agreement)
    elif data.opgaven:
        for opgave in data.opgaven:
            node = root.add("opgave", opgave)
            for point in opgave.of_kind("speerpunt"):
                node.add("speerpunt", point)
            for kind in ("wat_we_al_doen", "wat_we_kunnen_doen"):
                points = opgave.of_kind(kind)
                if points:
                    group = node.add("group", SpeerpuntGroup(opgave, kind))
                    for point in points:
                        group.add("speerpunt", point)
        if data.impulsprojecten is not None:  # named apart from the opgaven, so a branch of their own
            node = root.add("impulsgroep", data.impulsprojecten)
            for project in data.impulsprojecten.projects:
                node.add("impulsproject", project)
    elif isinstance(data, ProgrammeData):  # an outline is only made of a tree of themes or opgaven
        for chapter in data.chapters:
            node = root.add("chapter", chapter)
            for focus_point in chapter.focus_points:
                node.add("focuspoint", focus_point)
    return root


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ThemeTreeModel(TreeModel[ThemePayload]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("Onderdeel"),)
        self._highlight: frozenset[str] = frozenset()

    # ---- Public API

    def set_programme(self, data: ProgrammeOutline) -> None:
        self.headers = (_tr("Thema"), _tr("Regie")) if data.velden else (_tr("Onderdeel"),)
        self.set_root(build_tree(data))

    def set_highlight(self, theme_ids: frozenset[str]) -> None:
        self._highlight = theme_ids
        self.nodes_changed(node for node in self._root.walk() if isinstance(node.payload, ThemeInfo))

    @property
    def highlighted(self) -> frozenset[str]:
        return self._highlight

    # ---- TreeModel

    def node_data(self, node: ThemeNode, column: int, role: int) -> object:
        p = node.payload
        if p is None:
            return None
        mine = isinstance(p, ThemeInfo) and p.id in self._highlight
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                if isinstance(p, ThemeInfo):
                    return p.regie.name if p.regie else _tr("onbekend")
                return None
            return self._label(p)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            if isinstance(p, SpeerpuntInfo | FocusPointInfo | ImpulsprojectInfo | CoreValueInfo | TopicCategoryInfo
                          | AgreementInfo):
                return p.text
            if mine:
                return _tr("Mijn regie")
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and mine:
            return _tr("mijn regie")
        if role == HIGHLIGHT_ROLE:
            return mine
        if role == Qt.ItemDataRole.BackgroundRole and mine:
            return highlight_brush()
        headings = (AandachtsveldInfo | OpgaveInfo | ChapterInfo | ImpulsprojectenInfo | CoreValues | TopicCategories
                    | Agreements)
        if role == Qt.ItemDataRole.FontRole and (mine or isinstance(p, headings)):
            return bold_font()
        if role == ID_ROLE:
            return p.id
        if role == KIND_ROLE:
            return node.kind
        return None

    def _label(self, p: ThemePayload) -> str:
        match p:
            case AandachtsveldInfo():
                return p.name
            case ThemeInfo():
                star = " ★" if p.id in self._highlight else ""
                return f"{p.number}. {p.name}{star}"
            case OpgaveInfo():
                return f"{p.number}. {p.title}" if p.number else p.title
            case SpeerpuntGroup():
                return _tr(SPEERPUNT_SECTIONS.get(p.kind, p.kind))
            case ChapterInfo():
                return _tr("Hoofdstuk {0}: {1}").format(p.number, p.title) if p.number else p.title
            case FocusPointInfo():
                if p.in_text:  # not numbered in the source: only the chapter's list is
                    return _tr("Uit de tekst: {0}").format(_short(p.text))
                return f"{p.order}. {_short(p.text)}"
            case SpeerpuntInfo():
                return _short(speerpunt_parts(p.text)[0])  # the explanation is in the tooltip and the details
            case ImpulsprojectenInfo():
                return _tr("Impulsprojecten")
            case ImpulsprojectInfo():
                return p.title
            case CoreValues():
                return _tr("Onze bezieling (waarden van het college)")
            case CoreValueInfo():
                return p.name
            case TopicCategories():
                return _tr("Werkwijze: categorieën van onderwerpen")
            case TopicCategoryInfo():
                return _tr("Categorie {0}. {1}").format(p.code, p.title)
            case Agreements():
                return p.question if p.question else _tr("Werkwijze: afspraken (Deel A)")
            case AgreementInfo():
                return _short(p.text)


class MineFilterProxy(QSortFilterProxyModel):
    """Shows only the person's regie themes (with their aandachtsveld) while ``active``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._ids: frozenset[str] | None = None

    def set_filter(self, theme_ids: frozenset[str] | None) -> None:
        self.beginFilterChange()
        self._ids = theme_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._ids is None:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return index.data(KIND_ROLE) == "theme" and index.data(ID_ROLE) in self._ids
