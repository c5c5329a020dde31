"""bench/scale.py's search child runs every leg on the current API: its Python-API leg named a
function the architecture rewrite removed and quietly reported only its ImportError."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.scale import SEARCH, SEARCH_QUERIES


def test_every_search_leg_runs(built_db: Path, isolated_home: Path) -> None:
    queries = SEARCH_QUERIES[:2]
    out = subprocess.run([sys.executable, "-c", SEARCH, str(built_db), "1", json.dumps(queries)],
                         capture_output=True, text=True, timeout=300, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert not [key for key in result if key.endswith("_error")], result
    assert set(result) == {"cli", "bare_open", "bare_shared", "api"}
    # the API finds what the bare query finds
    assert {q: hits for q, (_t, hits) in result["api"].items()} == {
        q: hits for q, (_t, hits) in result["bare_open"].items()}
