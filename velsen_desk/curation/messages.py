"""Pydantic's validation errors in plain Dutch, for the griffier who edits the data files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from velsen_desk.curation.schema import FILE_NAME_PATTERN

_MESSAGES: dict[str, str] = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (tikfout in de veldnaam?)",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "tekst is te lang",
    "invalid_key": "ongeldige sleutel: een veldnaam moet tekst zijn (geen getal, lijst, true/false of ~)",
    "string_unicode": "tekst bevat een ongeldig Unicode-teken (een losse surrogaat, bijv. uit een '\\ud800'-escape)",
    "string_pattern_mismatch": "ongeldige id: gebruik kleine letters, cijfers, '.', '_' of '-'",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn (geen decimalen)",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zonder tijd zijn (JJJJ-MM-DD)",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een mapping zijn (sleutel: waarde)",
    "model_type": "moet een mapping zijn (sleutel: waarde)",
    "model_attributes_type": "moet een mapping zijn (sleutel: waarde)",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "finite_number": "moet een eindig getal zijn",
}


def dutch_message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        return f"ongeldige waarde; toegestaan: {expected}".replace(" or ", " of ")
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "minstens" if kind == "greater_than_equal" else "hoogstens"
        return f"moet {word} {bound} zijn"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == FILE_NAME_PATTERN:
        return "ongeldige bestandsnaam: alleen de naam van een bestand in de bronnenmap, zonder '/', '\\' of ':'"
    if kind == "string_too_long" and "max_length" in ctx:
        return f"tekst is te lang (hoogstens {ctx['max_length']} tekens)"
    if kind == "value_error":
        # Our own validators raise Dutch messages; pydantic prefixes "Value error, ".
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return _MESSAGES.get(kind, "ongeldige waarde")
