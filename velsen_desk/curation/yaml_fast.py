"""The common case of :func:`~velsen_desk.curation.yaml_text.parse_yaml`, read with libyaml's C parser.

Parsing was 97 % of ``validate`` at 100× the bundled data (ruamel.yaml's round-trip loader is pure
Python). Here libyaml (PyYAML's C parser) scans and parses, and one loop over its events builds
the same tree the round-trip loader builds: ``CommentedMap``/``CommentedSeq`` with the same line
and column of every key, value and item, and every scalar resolved and constructed by ruamel's own
YAML 1.2 resolver and round-trip constructor.

Only a plain file takes this path: one document whose root is a mapping, without anchors,
aliases, tags, directives, merge keys, duplicate or non-text keys. Anything else, and any error
libyaml reports, raises :class:`NotPlain`, and the caller parses the text again with the
round-trip loader, which refuses or accepts it exactly as before, with the same Dutch message
and line. (ruamel.yaml.clib's older libyaml refuses "Hoe dan?}" in a flow mapping, valid YAML
1.2 that occurs in quotes; PyYAML's libyaml 0.2.5 reads it.) The limits of ``yaml_text`` (depth,
number of values) are checked here on the same nodes in the same order, so a hostile file is
refused without being parsed a second time.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import Reader
from ruamel.yaml.resolver import VersionedResolver
from yaml._yaml import CParser  # type: ignore[import-untyped]
from yaml.events import (  # type: ignore[import-untyped]
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

_STR = "tag:yaml.org,2002:str"
# Scalars the round-trip constructor turns into something other than text; values only.
_SCALAR_TAGS = {_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"}


class NotPlain(Exception):  # noqa: N818  (a signal to take the other path, not an error)
    """The text needs the round-trip loader: it is not plain, or libyaml refuses it."""


class _Resolver(VersionedResolver):
    """ruamel's resolver, fixed to YAML 1.2: a file with a '%YAML' directive never comes here."""

    def __init__(self) -> None:
        super().__init__(version=(1, 2))
        self._table: Any = None

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    @property
    def versioned_resolver(self) -> Any:
        if self._table is None:  # the property rebuilds its lookup on every call otherwise
            self._table = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
        return self._table


class _Loader:
    """The little a round-trip constructor asks of its loader."""

    comment_handling = None
    max_depth = None

    def __init__(self) -> None:
        self._resolver = _Resolver()
        self._constructor = RoundTripConstructor(loader=self)


class _Open:
    """A mapping or list being filled, with its line table and the key waiting for its value."""

    __slots__ = ("container", "line", "column", "lines", "key", "key_mark", "is_map")

    def __init__(self, container: CommentedMap | CommentedSeq, is_map: bool, line: int, column: int):
        self.container = container
        self.line, self.column = line, column
        self.lines: dict[Any, list[int]] = {}
        self.is_map = is_map
        self.key: Any = None
        self.key_mark: Any = None


def _open_document(parser: CParser) -> None:
    """Read the stream's and the one document's start; a version or tag directive is not plain."""
    if not isinstance(parser.get_event(), StreamStartEvent):
        raise NotPlain
    event = parser.get_event()
    if not isinstance(event, DocumentStartEvent) or event.version or event.tags:
        raise NotPlain


def _close_document(parser: CParser) -> None:
    """Read the document's and the stream's end; a second document is not plain."""
    if not isinstance(parser.get_event(), DocumentEndEvent) or not isinstance(parser.get_event(), StreamEndEvent):
        raise NotPlain


def _too_deep(refuse: type[Exception], line: int, max_depth: int) -> Exception:
    return refuse(line + 1, f"te diep genest (meer dan {max_depth} niveaus)")


def _too_many(refuse: type[Exception], line: int, max_nodes: int) -> Exception:
    limit = f"{max_nodes:,}".replace(",", ".")
    return refuse(line + 1, f"te veel waarden in één bestand (meer dan {limit}); "
                            "verdeel de gegevens over meer bestanden")


def parse_plain(text: str, max_depth: int, max_nodes: int, refuse: type[Exception]) -> CommentedMap:
    """The round-trip tree of ``text``; ``refuse(line, message)`` over a limit; else :class:`NotPlain`."""
    if Reader.NON_PRINTABLE.search(text):
        raise NotPlain  # the round-trip reader names the character and its line
    parser = CParser(text)
    loader = _Loader()
    stack: list[_Open] = []
    root: CommentedMap | None = None
    nodes = 0
    try:
        _open_document(parser)
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                if done.lines:  # the round-trip loader leaves an empty collection without a table
                    done.container.lc.data = done.lines
                if not stack:
                    break
                _place(stack[-1], done.container, done.line, done.column)
                continue
            if kind is not ScalarEvent and kind is not MappingStartEvent and kind is not SequenceStartEvent:
                raise NotPlain  # an alias, or a document that ends without a mapping
            if event.anchor is not None or event.tag is not None:
                raise NotPlain
            mark = event.start_mark
            if len(stack) >= max_depth:
                raise _too_deep(refuse, mark.line, max_depth)
            nodes += 1
            if nodes > max_nodes:
                raise _too_many(refuse, mark.line, max_nodes)
            if kind is ScalarEvent:
                if not stack:
                    raise NotPlain  # the document is a single scalar
                top = stack[-1]
                _place(top, _scalar(event, loader, top.is_map and top.key is None), mark.line, mark.column)
                continue
            opened: CommentedMap | CommentedSeq = CommentedMap() if kind is MappingStartEvent else CommentedSeq()
            opened._yaml_set_line_col(mark.line, mark.column)
            if stack:
                top = stack[-1]
                if top.is_map and top.key is None:
                    raise NotPlain  # a mapping or list used as a key
            elif kind is not MappingStartEvent:
                raise NotPlain
            else:
                root = opened  # type: ignore[assignment]
            stack.append(_Open(opened, kind is MappingStartEvent, mark.line, mark.column))
        _close_document(parser)
    except (NotPlain, refuse):
        raise
    except Exception as exc:  # libyaml's errors, a value the constructor refuses: the other path says which
        raise NotPlain from exc
    assert root is not None
    return root


# The resolved tag and constructed value of a plain scalar: they depend on its text alone (YAML
# 1.2, no tags here), and the same texts recur in every file (numbers, "n.v.t.", true, dates);
# resolving and constructing each anew was ~40 % of parsing at 100x. The values are immutable
# (text, numbers, dates), so one object may serve every occurrence. Bounded: cleared when full.
_PLAIN_SCALARS: dict[str, tuple[str, Any]] = {}
_PLAIN_SCALARS_MAX = 200_000


def _scalar(event: Any, loader: _Loader, is_key: bool) -> Any:
    value: str = event.value
    style = event.style
    if style in ("'", '"'):
        return value  # quoted: text, whatever it looks like (the resolver says the same)
    if style == "":
        resolvers = loader._resolver.versioned_resolver
        if value[:1] not in resolvers and None not in resolvers:
            return value  # no implicit type starts with this character: text
        known = _PLAIN_SCALARS.get(value)
        if known is not None:
            return _known_scalar(value, known[0], known[1], is_key)
    resolved = loader._resolver.resolve(ScalarNode, value, event.implicit)
    tag = str(resolved)
    if tag == _STR and style == "":
        _remember(value, tag, value)
        return value
    if is_key or tag not in _SCALAR_TAGS:
        raise NotPlain  # a number or date as key, a merge key '<<', a value of an unknown kind
    node = ScalarNode(resolved, value, event.start_mark, event.end_mark, style=style or None)
    constructed = loader._constructor.construct_object(node)
    if style == "":
        _remember(value, tag, constructed)
    return constructed


def _known_scalar(value: str, tag: str, constructed: Any, is_key: bool) -> Any:
    if tag == _STR:
        return value
    if is_key or tag not in _SCALAR_TAGS:
        raise NotPlain
    return constructed


def _remember(value: str, tag: str, constructed: Any) -> None:
    if len(_PLAIN_SCALARS) >= _PLAIN_SCALARS_MAX:
        _PLAIN_SCALARS.clear()
    _PLAIN_SCALARS[value] = (tag, constructed)


def _place(top: _Open, value: Any, line: int, column: int) -> None:
    container = top.container
    if isinstance(container, CommentedSeq):
        top.lines[len(container)] = [line, column]
        container.append(value)
        return
    if top.key is None:
        if not isinstance(value, str) or value in container:
            raise NotPlain  # a duplicate key: the round-trip loader names it
        top.key, top.key_mark = value, (line, column)
        return
    key = top.key
    top.lines[key] = [top.key_mark[0], top.key_mark[1], line, column]
    OrderedDict.__setitem__(container, key, value)  # a new key: all that CommentedMap.__setitem__ does then,
    container._ok.add(key)  # without its check for a typed string under the same key
    top.key = None


def parse_plain_data(text: str, max_depth: int, max_nodes: int,
                     refuse: type[Exception]) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """What ``_plain(parse_plain(text))`` gives, built directly as plain dicts and lists (what the
    schema validates), with only the 1-based line of each item of a top-level list (where each
    record starts). ``parse_plain``'s round-trip containers and their line table of every key,
    value and item are built for every file but read only when a file has a problem to place:
    ~40 % of parsing at 100× the bundled data. Same events, scalars, limits and refusals as
    :func:`parse_plain`, in the same order; a caller that needs a problem's line parses the file
    again with :func:`parse_plain` (a file with problems is rare, and small)."""
    if Reader.NON_PRINTABLE.search(text):
        raise NotPlain
    parser = CParser(text)
    loader = _Loader()
    # each open container: [container, is_map, key waiting for its value]
    stack: list[list[Any]] = []
    root: dict[str, Any] | None = None
    lines: dict[str, list[int]] = {}
    nodes = 0
    # Four in five events are scalars, most of them text: their path is written out here, with
    # the lookups hoisted, rather than through _scalar and _place_plain (~1.3 million calls of
    # each at 100x the bundled data); any scalar that may be something other than text still
    # goes through _scalar, and the order of the checks is parse_plain's.
    resolvers = loader._resolver.versioned_resolver
    any_first = None in resolvers
    known_scalar = _PLAIN_SCALARS.get
    next_event = parser.get_event
    try:
        _open_document(parser)
        while True:
            event = next_event()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                if not stack:
                    break
                _place_plain(stack[-1], done[0])
                continue
            if kind is not ScalarEvent and kind is not MappingStartEvent and kind is not SequenceStartEvent:
                raise NotPlain
            if event.anchor is not None or event.tag is not None:
                raise NotPlain
            depth = len(stack)
            if depth >= max_depth:
                raise _too_deep(refuse, event.start_mark.line, max_depth)
            nodes += 1
            if nodes > max_nodes:
                raise _too_many(refuse, event.start_mark.line, max_nodes)
            if depth == 2 and not stack[1][1]:  # an item of a top-level list: a record starts here
                lines[stack[0][2]].append(event.start_mark.line + 1)
            if kind is ScalarEvent:
                if not stack:
                    raise NotPlain  # the document is a single scalar
                top = stack[-1]
                value = event.value
                style = event.style
                if not (style == "'" or style == '"' or (style == "" and value[:1] not in resolvers and not any_first)):
                    is_key = top[1] and top[2] is None
                    known = known_scalar(value) if style == "" else None
                    value = (_known_scalar(value, known[0], known[1], is_key) if known is not None
                             else _scalar(event, loader, is_key))
                if not top[1]:
                    top[0].append(value)
                elif top[2] is None:
                    if not isinstance(value, str) or value in top[0]:
                        raise NotPlain  # a duplicate key: the round-trip loader names it
                    top[2] = value
                else:
                    top[0][top[2]] = value
                    top[2] = None
                continue
            if stack:
                top = stack[-1]
                if top[1] and top[2] is None:
                    raise NotPlain  # a mapping or list used as a key
                if depth == 1 and kind is SequenceStartEvent:
                    lines[top[2]] = []
            elif kind is not MappingStartEvent:
                raise NotPlain
            opened: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
            if not stack:
                root = opened  # type: ignore[assignment]
            stack.append([opened, kind is MappingStartEvent, None])
        _close_document(parser)
    except (NotPlain, refuse):
        raise
    except Exception as exc:  # as parse_plain: the round-trip loader says which
        raise NotPlain from exc
    assert root is not None
    return root, lines


def _place_plain(top: list[Any], value: Any) -> None:
    container = top[0]
    if not top[1]:
        container.append(value)
        return
    key = top[2]
    if key is None:
        if not isinstance(value, str) or value in container:
            raise NotPlain  # a duplicate key: the round-trip loader names it
        top[2] = value
        return
    container[key] = value
    top[2] = None
