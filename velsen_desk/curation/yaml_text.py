"""Parse a data file's text as YAML, refusing constructs that a curated file never needs.

- Aliases (``*name``) are refused while composing, before any object is built: a few KB of
  nested aliases otherwise expand to gigabytes once validation walks them ("billion laughs").
  The bundled data uses no anchors or aliases, so refusing costs nothing.
- Explicit tags (``!!python/object``, ``!!binary``, ``!foo``) are refused: the schema only knows
  text, numbers, booleans, dates, lists and mappings.
- Nesting deeper than :data:`MAX_DEPTH` is refused (the schema is at most six levels deep), and
  so is a file with more than :data:`MAX_NODES` values.

The parser's English errors become Dutch sentences with the line. Plain files are read by
libyaml (:mod:`velsen_desk.curation.yaml_fast`), to the same tree; everything else here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, DocumentStartEvent
from ruamel.yaml.reader import ReaderError

from velsen_desk.core.i18n import _
from velsen_desk.curation.problems import Problem
from velsen_desk.curation.yaml_fast import NotPlain, parse_plain

MAX_DEPTH = 20
# Parse time follows the number of values, not bytes: 1 MB of "[a,a,a,…]" (500,000 values) took
# 44 s in the round-trip parser. libyaml (yaml_fast) takes ~3 us per value, the round-trip parser
# ~85 us, and it only reads what libyaml refuses. A file of 400 actions has ~89,000 values; the
# limit fits a plan of ~1,100 actions in one file, and bounds the round-trip parser to ~20 s.
MAX_NODES = 250_000


class RefusedYamlError(Exception):
    """A construct the data files do not allow, at a 1-based line."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _GuardedComposer(Composer):
    nodes = 0

    def compose_document(self) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, DocumentStartEvent) and (event.version or event.tags):
            # "%YAML 1.1" silently turns yes/no into booleans, 010 into 8 and 1:30 into 90.
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            raise RefusedYamlError(line, _(
                "YAML-directief ('%YAML' of '%TAG') is niet toegestaan: laat de regels met '%' weg"
            ))
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, AliasEvent):
            raise RefusedYamlError(line, _(
                "verwijzing '*{anchor}' (YAML-alias) is niet toegestaan: schrijf de waarde uit"
            ).format(anchor=event.anchor))
        if getattr(event, "tag", None) is not None:
            raise RefusedYamlError(line, _(
                "YAML-label '{tag}' is niet toegestaan: gebruik gewone tekst, getallen, lijsten en mappings"
            ).format(tag=event.tag))
        if self.depth >= MAX_DEPTH:
            raise RefusedYamlError(line, _(
                "te diep genest (meer dan {depth} niveaus)"
            ).format(depth=MAX_DEPTH))
        self.nodes += 1
        if self.nodes > MAX_NODES:
            limit = f"{MAX_NODES:,}".replace(",", ".")
            raise RefusedYamlError(line, _(
                "te veel waarden in één bestand (meer dan {limit}); verdeel de gegevens over meer bestanden"
            ).format(limit=limit))
        return super().compose_node(parent, index)


# The parser's messages that a griffier meets, in Dutch. First match wins.
_TRANSLATIONS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r'found duplicate key "?(.*?)"? with value'),
     lambda m: _("sleutel '{value}' komt twee keer voor in dezelfde mapping").format(value=m.group(1))),
    (re.compile(r"found character '\\t' that cannot start any token"),
     lambda m: _("tab-teken: spring in met spaties, niet met tabs")),
    (re.compile(r"found character (.*) that cannot start any token"),
     lambda m: _(
         "teken {value} kan hier niet staan (zet de tekst tussen aanhalingstekens)"
     ).format(value=m.group(1))),
    (re.compile(r"could not find expected ':'"),
     lambda m: _("verwachtte 'sleutel: waarde' (ontbreekt een ':' of is de sleutel te lang?)")),
    (re.compile(r"mapping values are not allowed here"),
     lambda m: _("':' op een onverwachte plaats (zet tekst met ': ' tussen aanhalingstekens)")),
    (re.compile(r"expected <block end>, but found"),
     lambda m: _("inspringing klopt niet")),
    (re.compile(r"but found another document"),
     lambda m: _("het bestand bevat meer dan één YAML-document ('---'); gebruik één document per bestand")),
    (re.compile(r"expected ',' or '\]'"), lambda m: _("lijst '[ … ]' is niet goed gesloten")),
    (re.compile(r"expected ',' or '\}'"), lambda m: _("mapping '{ … }' is niet goed gesloten")),
    (re.compile(r"found unexpected end of stream"),
     lambda m: _("het bestand eindigt midden in een waarde (aanhalingsteken of haakje niet gesloten?)")),
    (re.compile(r"expected the node content, but found"),
     lambda m: _("hier ontbreekt een waarde (afgebroken regel of haakje?)")),
    (re.compile(r"found unknown escape character"),
     lambda m: _("onbekende escape na '\\' in tekst tussen dubbele aanhalingstekens")),
    (re.compile(r"found undefined alias"),
     lambda m: _("verwijzing (YAML-alias) is niet toegestaan")),
    (re.compile(r"expected alphabetic or numeric character"),
     lambda m: _("'&' of '*' aan het begin van tekst: zet de tekst tussen aanhalingstekens")),
]


def dutch_yaml_problem(problem: str | None) -> str:
    text = problem or ""
    for pattern, render in _TRANSLATIONS:
        match = pattern.search(text)
        if match:
            return _("geen geldige YAML: {match}").format(match=render(match))
    detail = text.strip().splitlines()[0] if text.strip() else _("onbekende fout")
    return _("geen geldige YAML (melding van de lezer: {detail})").format(detail=detail)


class _GuardedConstructor(RoundTripConstructor):
    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            # e.g. "2024-02-30" (a date that does not exist) or an integer of thousands of digits
            line = node.start_mark.line + 1 if node.start_mark is not None else None
            value = str(getattr(node, "value", ""))[:40]
            tag = str(node.tag)
            what = (_("ongeldige datum") if tag.endswith("timestamp") else _("ongeldig getal") if tag.endswith("int")
                    else _("ongeldige waarde"))
            raise RefusedYamlError(line, _(
                "{what} '{value}': bestaat niet of is te groot"
            ).format(what=what, value=value)) from exc


def _line_of_position(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def parse_yaml(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """The round-trip tree (with line numbers) of ``text``, or the problems that refuse it."""
    try:
        return parse_plain(text, MAX_DEPTH, MAX_NODES, RefusedYamlError), []
    except RefusedYamlError as exc:
        return None, [Problem(path, exc.line, "", exc.message)]
    except NotPlain:
        pass  # the round-trip loader below accepts or refuses it, with its own message
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _GuardedComposer
    yaml.Constructor = _GuardedConstructor
    try:
        return yaml.load(text), []
    except RefusedYamlError as exc:
        return None, [Problem(path, exc.line, "", exc.message)]
    except ReaderError as exc:
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char) if isinstance(char, int) else 0
        return None, [Problem(path, _line_of_position(text, exc.position), "",
                              _("verboden teken U+{code:04X} (stuurteken) in de tekst").format(code=code))]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        return None, [Problem(path, line, "", dutch_yaml_problem(exc.problem or exc.context))]
    except RecursionError:
        return None, [Problem(path, None, "", _(
            "te diep genest (meer dan {depth} niveaus)"
        ).format(depth=MAX_DEPTH))]
    except (YAMLError, ValueError, TypeError, OverflowError) as exc:
        return None, [Problem(path, None, "", _("geen geldige YAML ({error})").format(error=type(exc).__name__))]
