""""Wat is er veranderd": the differences between two data versions, item by item."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.i18n import N_
from velsen_desk.core.item_kinds import ITEM_KIND_IDS
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.core.records import ProgrammeData
from velsen_desk.core.word_diff import Piece, word_diff
from velsen_desk.storage import reader
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.sync.progress_diff import FIELD, NO_STATUS, progress_changes

# kind -> the compared fields in order, their names in Dutch (see _items for the values)
_FIELDS: dict[str, tuple[str, ...]] = {
    "thema": ("naam", "aandachtsveld", "regie"),
    "portefeuille": ("naam", "toelichting", "collegelid", "domein"),
    "actie": ("titel", "trekker", "kosten", "planning", "focusopgave"),
    "begrotingsregel": ("titel", "kosten", "opmerking"),
    "focuspunt": ("tekst",),
}
_Items = dict[str, dict[str, tuple[str, tuple[str | None, ...]]]]  # kind -> id -> (label, values)


assert set(_FIELDS) <= set(ITEM_KIND_IDS), "every compared kind is a registered item kind"

# How the ids above read in a message, in the Change's locale; the ids stay as they are.
_WORDS: dict[str, str] = {
    "thema": N_("thema"), "portefeuille": N_("portefeuille"), "actie": N_("actie"),
    "begrotingsregel": N_("begrotingsregel"), "focuspunt": N_("focuspunt"),
    "naam": N_("naam"), "aandachtsveld": N_("aandachtsveld"), "regie": N_("regie"), "toelichting": N_("toelichting"),
    "collegelid": N_("collegelid"), "domein": N_("domein"), "titel": N_("titel"), "trekker": N_("trekker"),
    "kosten": N_("kosten"), "planning": N_("planning"), "focusopgave": N_("focusopgave"),
    "opmerking": N_("opmerking"), "tekst": N_("tekst"), FIELD: N_("voortgang"),
    "toegevoegd": N_("toegevoegd"), "verwijderd": N_("verwijderd"), "gewijzigd": N_("gewijzigd"),
}


def _word(word: str, locale: Locale) -> str:
    return locale._(_WORDS[word]) if word in _WORDS else word


@dataclass(frozen=True)
class Change:
    kind: str  # an item kind id (core.item_kinds): "thema", "portefeuille", "actie", ...
    item_id: str
    label: str
    change: str  # "toegevoegd", "verwijderd" or "gewijzigd"
    field: str | None = None
    old: str | None = None
    new: str | None = None
    # The language of the label, the values and the words below: the one diff_databases was asked in.
    locale: Locale = dataclass_field(default=DUTCH, compare=False, repr=False)

    @property
    def field_label(self) -> str | None:
        """The compared field in the Change's language ("planning", "voortgang" / "progress")."""
        return _word(self.field, self.locale) if self.field else None

    @property
    def change_label(self) -> str:
        """"toegevoegd", "verwijderd" or "gewijzigd" in the Change's language."""
        return _word(self.change, self.locale)

    @property
    def heading(self) -> str:
        """What changed, without the values: "actie Actie 18: …: planning"."""
        kind = _word(self.kind, self.locale)
        return f"{kind} {self.label}: {self.field_label}" if self.field else f"{kind} {self.label}"

    def words(self) -> tuple[Piece, ...]:
        """The old and the new value word by word (core.word_diff); empty unless "gewijzigd"."""
        if self.change != "gewijzigd":
            return ()
        return word_diff(self.old or "", self.new or "")

    def __str__(self) -> str:
        if self.change == "gewijzigd":
            empty = self.locale._("leeg")
            return f"{self.heading} {self.old or empty} → {self.new or empty}"
        return f"{self.heading}: {self.change_label}"


def _items(programme: ProgrammeData, into: _Items, locale: Locale) -> None:
    """Label and compared values of every item of one programme; a cost is compared as it is
    displayed (in ``locale``), so "€ 0" and "n.v.t." differ."""
    _ = locale._
    for theme in programme.themes:
        regie = theme.regie.name if theme.regie else None
        into["thema"][theme.id] = (f"{theme.number}. {theme.name}", (theme.name, theme.aandachtsveld, regie))
    if programme.matrix is not None:
        people = {p.id: p.name for p in programme.matrix.members}
        domains = {d.id: d.name for d in programme.matrix.domains}
        for item in programme.matrix.items:
            holder = people.get(item.person_id)
            into["portefeuille"][item.id] = (
                f"{item.name} ({holder})", (item.name, item.detail, holder, domains.get(item.domain_id or ""))
            )
    for plan in programme.plans:
        opgaven = {f.id: f.title for f in plan.focusopgaven}
        for action in plan.actions:
            into["actie"][action.id] = (
                _("Actie {number}: {title}").format(number=action.number, title=action.title),
                (action.title, action.trekker, format_cost(action.cost, locale), action.planning_text,
                 opgaven.get(action.focusopgave_id or "")),
            )
        for budget in plan.budgets:
            for line in budget.lines:
                number = "" if line.number is None else line.number
                into["begrotingsregel"][line.id] = (
                    f"{budget.name} {number}: {line.title}", (line.title, format_cost(line.cost, locale), line.remark)
                )
    for chapter in programme.chapters:
        for point in chapter.focus_points:
            into["focuspunt"][point.id] = (
                _("{chapter}, punt {order}").format(chapter=chapter.title, order=point.order), (point.text,)
            )


def _read(path: Path, locale: Locale) -> _Items:
    _version, programmes = ReadOnlyDatabase(path).read(reader.every_programme)
    found: _Items = {kind: {} for kind in _FIELDS}
    for programme in programmes.values():
        _items(programme, found, locale)
    return found


def diff_databases(old: Path, new: Path, locale: Locale = DUTCH) -> list[Change]:
    """The changes from ``old`` to ``new``, worded in ``locale`` (Dutch unless the caller speaks
    another language: the window passes its own, the command line the one chosen for it).

    Raises DatabaseError when either file is not a usable Velsen Desk database."""
    before, after = _read(old, locale), _read(new, locale)
    changes: list[Change] = []
    for kind, names in _FIELDS.items():
        old_items, new_items = before[kind], after[kind]
        for item_id in sorted(new_items.keys() - old_items.keys()):
            changes.append(Change(kind, item_id, new_items[item_id][0], "toegevoegd", locale=locale))
        for item_id in sorted(old_items.keys() - new_items.keys()):
            changes.append(Change(kind, item_id, old_items[item_id][0], "verwijderd", locale=locale))
        for item_id in sorted(old_items.keys() & new_items.keys()):
            label, old_values = old_items[item_id]
            _label, new_values = new_items[item_id]
            for name, was, now in zip(names, old_values, new_values, strict=True):
                if was != now:
                    changes.append(Change(kind, item_id, label, "gewijzigd", name, was, now, locale))
    for action, was, now in progress_changes(old, new, locale):
        label = locale._("Actie {number}: {title}").format(number=action.number, title=action.title)
        changes.append(Change("actie", action.id, label, "gewijzigd", FIELD, was or locale._(NO_STATUS), now, locale))
    return changes
