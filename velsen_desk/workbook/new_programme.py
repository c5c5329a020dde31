"""An empty workbook for a new bestuursperiode (``velsen-desk new-programme``).

It has the same sheets as an export, with the drop-downs of the current data (people,
municipalities), every existing municipality and person (a workbook always holds the shared
records), and one filled row: the new programme's id, municipality and period, in a data file of
its own. Nothing else is filled in: the title and everything below it come from the griffie's
documents, never from us. Importing it adds the programme and leaves the others as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from velsen_desk.core.i18n import _
from velsen_desk.curation.loader import DataSet
from velsen_desk.workbook.export import workbook_bytes

_PERIOD = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$")


class NewProgrammeError(ValueError):
    """The request cannot make a workbook; the message is Dutch."""


@dataclass(frozen=True)
class NewProgramme:
    programme_id: str
    municipality_id: str
    new_municipality: bool
    payload: bytes


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def parse_period(text: str) -> tuple[int, int]:
    match = _PERIOD.match(text)
    if not match:
        raise NewProgrammeError(_("‘{text}’ is geen periode; schrijf bijvoorbeeld 2026-2030").format(text=text))
    start, end = int(match.group(1)), int(match.group(2))
    if not 1900 <= start <= end <= 2100:
        raise NewProgrammeError(_("‘{text}’ is geen periode: het beginjaar moet vóór het eindjaar liggen "
                                  "(1900–2100)").format(text=text))
    return start, end


def new_programme(dataset: DataSet, municipality: str, period: str) -> NewProgramme:
    start, end = parse_period(period)
    name = municipality.strip()
    if not slug(name):
        raise NewProgrammeError(_("‘{name}’ is geen naam van een gemeente").format(name=municipality))
    known = next((m for m in dataset.municipalities if m.name.casefold() == name.casefold()), None)
    municipality_id = known.id if known is not None else slug(name)
    programme_id = f"{municipality_id}-{start}"
    if any(p.id == programme_id for p in dataset.programmes):
        raise NewProgrammeError(_("het programma ‘{id}’ bestaat al").format(id=programme_id))
    file = f"{programme_id}.yaml"
    extra: dict[str, list[dict[str, object]]] = {
        "Programma's": [{"id": programme_id, "municipality": municipality_id, "period_start": start,
                         "period_end": end, "@file": file}],
    }
    if known is None:
        extra["Gemeenten"] = [{"id": municipality_id, "name": name, "@file": file}]
    payload = workbook_bytes(dataset, [programme_id], extra)
    return NewProgramme(programme_id, municipality_id, known is None, payload)
