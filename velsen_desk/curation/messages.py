"""Pydantic's validation errors in plain Dutch, for the griffier who edits the data files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from velsen_desk.core.i18n import N_, _
from velsen_desk.curation.schema import FILE_NAME_PATTERN

_MESSAGES: dict[str, str] = {
    "missing": N_("verplicht veld ontbreekt"),
    "extra_forbidden": N_("onbekend veld (tikfout in de veldnaam?)"),
    "string_type": N_("moet tekst zijn"),
    "string_too_short": N_("mag niet leeg zijn"),
    "string_too_long": N_("tekst is te lang"),
    "invalid_key": N_("ongeldige sleutel: een veldnaam moet tekst zijn (geen getal, lijst, true/false of ~)"),
    "string_unicode": N_(
        "tekst bevat een ongeldig Unicode-teken (een losse surrogaat, bijv. uit een '\\ud800'-escape)"
    ),
    "string_pattern_mismatch": N_("ongeldige id: gebruik kleine letters, cijfers, '.', '_' of '-'"),
    "int_type": N_("moet een geheel getal zijn"),
    "int_parsing": N_("moet een geheel getal zijn"),
    "int_from_float": N_("moet een geheel getal zijn (geen decimalen)"),
    "float_type": N_("moet een getal zijn"),
    "float_parsing": N_("moet een getal zijn"),
    "bool_type": N_("moet true of false zijn"),
    "bool_parsing": N_("moet true of false zijn"),
    "date_type": N_("moet een datum zijn (JJJJ-MM-DD)"),
    "date_parsing": N_("moet een datum zijn (JJJJ-MM-DD)"),
    "date_from_datetime_parsing": N_("moet een datum zijn (JJJJ-MM-DD)"),
    "date_from_datetime_inexact": N_("moet een datum zonder tijd zijn (JJJJ-MM-DD)"),
    "list_type": N_("moet een lijst zijn"),
    "dict_type": N_("moet een mapping zijn (sleutel: waarde)"),
    "model_type": N_("moet een mapping zijn (sleutel: waarde)"),
    "model_attributes_type": N_("moet een mapping zijn (sleutel: waarde)"),
    "greater_than_equal": N_("is te klein"),
    "less_than_equal": N_("is te groot"),
    "finite_number": N_("moet een eindig getal zijn"),
}


def dutch_message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        # pydantic joins the allowed values with " or "; Dutch says "of"
        joined = str(expected).replace(" or ", _(" of "))
        return _("ongeldige waarde; toegestaan: {expected}").format(expected=joined)
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        if kind == "greater_than_equal":
            return _("moet minstens {bound} zijn").format(bound=bound)
        return _("moet hoogstens {bound} zijn").format(bound=bound)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == FILE_NAME_PATTERN:
        return _("ongeldige bestandsnaam: alleen de naam van een bestand in de bronnenmap, zonder '/', '\\' of ':'")
    if kind == "string_too_long" and "max_length" in ctx:
        return _("tekst is te lang (hoogstens {count} tekens)").format(count=ctx["max_length"])
    if kind == "value_error":
        # Our own validators raise Dutch messages; pydantic prefixes "Value error, ".
        return str(error.get("msg", "")).removeprefix("Value error, ")
    return _(_MESSAGES.get(kind, N_("ongeldige waarde")))
