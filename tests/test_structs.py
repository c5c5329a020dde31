"""msgspec is imported for the records without typing_extensions (velsen_desk/core/structs.py),
and both keep working: the records convert and compare, typing_extensions imports afterwards."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def test_the_records_load_msgspec_without_typing_extensions_and_still_convert():
    out = _run(
        "import sys\n"
        "from velsen_desk.core.records import SourceInfo\n"
        "from velsen_desk.core.structs import msgspec\n"
        "print('typing_extensions' in sys.modules)\n"
        "s = msgspec.convert({'document_id': 'd', 'document_title': 'T', 'quote': 'q', 'section': None},\n"
        "                    SourceInfo)\n"
        "print(s == SourceInfo('d', 'T', 'q', None), msgspec.structs.replace(s, quote='r').quote)\n"
        "import typing_extensions\n"
        "print(typing_extensions.__name__)\n"
    )
    assert out == ["False", "True r", "typing_extensions"]


def test_typing_extensions_loaded_first_is_left_as_it_is():
    out = _run(
        "import sys, typing_extensions\n"
        "import velsen_desk.core.records\n"
        "import msgspec._utils\n"
        "print(sys.modules['typing_extensions'] is typing_extensions, msgspec._utils._get_type_hints.__module__)\n"
    )
    assert out == ["True typing_extensions"]
