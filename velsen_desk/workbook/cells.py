"""One cell's value as the schema wants it, or a Dutch sentence saying why it is not.

People type amounts and dates in every form: "€ 1.050.000", "1.050.000,-", "1,050,000",
1050000.0, "1-3-2024", a real date. What is unambiguous is read; anything else is refused with
the text as typed, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from velsen_desk.core.i18n import _
from velsen_desk.workbook.sheets import BOOL_WORDS, COST_WORDS, Column, Kind


class CellValueError(ValueError):
    """The cell's content does not fit its column; the message is Dutch."""


def shown(value: object) -> str:
    text = str(value)
    return f"‘{text if len(text) <= 60 else text[:57] + '…'}’"


_DUTCH_GROUPS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_ENGLISH_GROUPS = re.compile(r"^\d{1,3}(,\d{3})+$")
_WHOLE_CENTS = re.compile(r"^(?P<int>.+?)(?:[.,]-{1,2}|,00|\.00|,—|,–)$")


def parse_amount(value: object) -> int:
    """Whole euros from a number or a text such as "€ 1.050.000", "1.050.000,-" or "1,050,000"."""
    if isinstance(value, bool):
        raise CellValueError(_("{value} is geen bedrag").format(value=shown(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            raise CellValueError(_("{value} is geen bedrag in hele euro's").format(value=shown(value)))
        return int(value)
    if not isinstance(value, str):
        raise CellValueError(_("{value} is geen bedrag").format(value=shown(value)))
    text = value.replace("€", "").replace("EUR", "").replace("\u00a0", " ").replace(" ", "").strip()
    match = _WHOLE_CENTS.match(text)
    if match:
        text = match.group("int")
    if text.isdigit():
        return int(text)
    if _DUTCH_GROUPS.match(text):
        return int(text.replace(".", ""))
    if _ENGLISH_GROUPS.match(text):
        return int(text.replace(",", ""))
    raise CellValueError(_("{value} is geen bedrag").format(value=shown(value)))


def _integer(value: object) -> int:
    if isinstance(value, bool):
        raise CellValueError(_("{value} is geen geheel getal").format(value=shown(value)))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value.strip())
    raise CellValueError(_("{value} is geen geheel getal").format(value=shown(value)))


def _number(value: object) -> float:
    if isinstance(value, bool):
        raise CellValueError(_("{value} is geen getal").format(value=shown(value)))
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"-?\d+([.,]\d+)?", text):
            return float(text.replace(",", "."))
    raise CellValueError(_("{value} is geen getal").format(value=shown(value)))


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise CellValueError(_("{value} is geen datum (er staat ook een tijd bij)").format(value=shown(value)))
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    raise CellValueError(_("{value} is geen datum (dd-mm-jjjj)").format(value=shown(value)))


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise CellValueError(_("{value} is geen tekst").format(value=shown(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    raise CellValueError(_("{value} is een datum of tijd; hier hoort tekst").format(value=shown(value)))


def _word(value: object, words: dict[str, str]) -> str:
    text = _text(value).strip()
    for stored, word in words.items():
        if text.casefold() == word.casefold():
            return stored
    raise CellValueError(_("{value} staat niet in de keuzelijst ({choices})").format(
        value=shown(value), choices=" / ".join(words.values())))


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_cell(column: Column, value: object) -> object:
    """The stored value for a non-empty cell. Raises :class:`CellValueError`."""
    kind = column.kind
    if kind is Kind.AMOUNT:
        return parse_amount(value)
    if kind is Kind.INT:
        return _integer(value)
    if kind is Kind.FLOAT:
        return _number(value)
    if kind is Kind.DATE:
        return _date(value)
    if kind is Kind.BOOL:
        if isinstance(value, bool):
            return value
        return _word(value, BOOL_WORDS) == "true"
    if kind is Kind.COST_STATUS:
        return _word(value, COST_WORDS)
    if kind is Kind.CHOICE:
        return _word(value, dict(column.choices))
    if kind is Kind.IDS:
        return [part.strip() for part in _text(value).split(",") if part.strip()]
    if kind in (Kind.ID, Kind.REF, Kind.PARENT, Kind.FILE):
        return _text(value).strip()
    return _text(value)
