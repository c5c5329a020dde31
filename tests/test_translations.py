"""The catalogues: complete, compiled from the committed .ts, covering every text the window
translates, and the registries' labels listed for lupdate."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from velsen_desk.core.item_kinds import ITEM_KINDS
from velsen_desk.core.paths import resources_dir
from velsen_desk.core.records import SPEERPUNT_SECTIONS
from velsen_desk.core.report_kinds import REPORT_KINDS
from velsen_desk.ui import registry_labels

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = resources_dir() / "translations"


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def catalogue_keys(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context") for m in c.iter("message")
    }


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def literal_translate_calls() -> list[tuple[str, int, str, str]]:
    """(file, line, context, text) of every translate call in ui/ with literal texts, found with
    Python's parser, so also those inside f-string fields that lupdate cannot see."""
    found: list[tuple[str, int, str, str]] = []

    def visit(path: Path, node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call) and child.args:
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                first = _text(child.args[0])
                second = _text(child.args[1]) if len(child.args) > 1 else None
                if name == "tr" and isinstance(func, ast.Attribute) and first is not None:
                    found.append((path.name, child.lineno, cls, first))  # self.tr: the class is the context
                elif name == "_tr" and first is not None:
                    found.append((path.name, child.lineno, "", first))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and first is not None and second is not None:
                    found.append((path.name, child.lineno, first, second))
            visit(path, child, child.name if isinstance(child, ast.ClassDef) else cls)

    for path in sorted((ROOT / "velsen_desk" / "ui").rglob("*.py")):
        visit(path, ast.parse(path.read_text(encoding="utf-8")), "")
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_message_is_translated(lang):
    found = messages(CATALOGUES / f"velsen_desk_{lang}.ts")
    assert found
    for message in found:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, message.findtext("source")
        if message.get("numerus") == "yes":
            forms = [f.text for f in translation.iter("numerusform")]
            assert len(forms) == 2 and all(forms), message.findtext("source")  # Dutch and English: one, other
            assert all("%n" in f for f in forms) == ("%n" in (message.findtext("source") or ""))
        else:
            assert translation.text, message.findtext("source")


def test_the_dutch_catalogue_holds_only_counted_texts_the_english_one_has_too():
    nl = messages(CATALOGUES / "velsen_desk_nl.ts")
    assert nl and all(m.get("numerus") == "yes" for m in nl)
    assert catalogue_keys(CATALOGUES / "velsen_desk_nl.ts") <= catalogue_keys(CATALOGUES / "velsen_desk_en.ts")


def test_catalogues_are_up_to_date_with_the_code_and_compiled(tmp_path):
    """lupdate over ui/ changes nothing in the committed .ts, and lrelease makes the committed .qm."""
    for item in CATALOGUES.iterdir():
        shutil.copy(item, tmp_path / item.name)
    env = {**os.environ, "TRANSLATIONS_DIR": str(tmp_path), "PYSIDE6_BIN": str(Path(sys.executable).parent)}
    script = ["bash", "packaging/update-translations.sh"]
    run = subprocess.run(script, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    for lang in ("en", "nl"):
        for suffix in ("ts", "qm"):
            name = f"velsen_desk_{lang}.{suffix}"
            assert (tmp_path / name).read_bytes() == (CATALOGUES / name).read_bytes(), (
                f"{name} is out of date: run packaging/update-translations.sh"
            )


def test_every_text_the_window_translates_is_in_the_catalogue():
    keys = catalogue_keys(CATALOGUES / "velsen_desk_en.ts")
    calls = literal_translate_calls()
    assert len(calls) > 300
    missing = [call for call in calls if call[2:] not in keys]
    assert not missing, f"not in velsen_desk_en.ts (add an f-string's text to ui/embedded_texts.py): {missing}"


def test_registry_labels_are_listed_for_lupdate():
    assert set(registry_labels.REPORT_KIND_LABELS) == {k.menu_label for k in REPORT_KINDS}
    assert set(registry_labels.ITEM_KIND_PLURALS) == {k.plural for k in ITEM_KINDS}
    assert set(registry_labels.ITEM_KIND_SINGULARS) == {k.singular for k in ITEM_KINDS}
    assert set(registry_labels.SPEERPUNT_SECTION_LABELS) == set(SPEERPUNT_SECTIONS.values())


def test_the_english_window_names_the_griffie_one_way():
    """A newcomer met "the griffie", "the clerk" and "the council clerk's office" for the same
    office. In English it is the council clerk's office (once glossed "(griffie)"); only the
    mode's short name says "Clerk mode"."""
    for message in messages(CATALOGUES / "velsen_desk_en.ts"):
        text = (message.findtext("translation") or "").replace("’", "'").replace("&", "")
        if "griffie" in (message.findtext("source") or "").lower() or "clerk" in text.lower():
            mentions = text.lower().replace("clerk mode", "").replace("(griffie)", "")
            assert "griffie" not in mentions, text
            assert mentions.count("clerk") == mentions.count("council clerk's office"), text
