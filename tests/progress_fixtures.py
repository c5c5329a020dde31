"""A clearly synthetic progress data file over the bundled Velsen actions, for the tests.

Every name in it says "synthetisch"; nothing here is in the bundled data. Two peildata:
1 januari 2025 and 1 juli 2025, so history and status changes can be tested.
"""

from __future__ import annotations

from pathlib import Path

PLAN = "velsen-2022.avn"
FIRST = "synth.vr.2025-01"
SECOND = "synth.vr.2025-07"

PROGRESS_YAML = """\
format: velsen-desk-data/1
dataset: synthetisch
progress_reports:
  - id: synth.vr.2025-01
    plan: velsen-2022.avn
    title: Synthetische voortgangsrapportage januari
    date: 2025-01-01
    reported_by: Synthetische trekker
    interval_months: 6
    stated_by: opgave van Synthetische Partij
  - id: synth.vr.2025-07
    plan: velsen-2022.avn
    title: Synthetische voortgangsrapportage juli
    date: 2025-07-01
    reported_by: Synthetische trekker
    interval_months: 6
    stated_by: opgave van Synthetische Partij
progress_entries:
  - id: synth.e1.a11
    report: synth.vr.2025-01
    action: velsen-2022.avn.a11
    status: oranje
    explanation: Synthetische toelichting zeldzaamwoord vertraging
    spent: {status: amount, amount: 10000, text: "€ 10.000"}
  - id: synth.e2.a11
    report: synth.vr.2025-07
    action: velsen-2022.avn.a11
    status: groen
    spent: {status: amount, amount: 25000, text: "€ 25.000"}
  - id: synth.e2.a07
    report: synth.vr.2025-07
    action: velsen-2022.avn.a07
    status: rood
    explanation: Synthetisch bord niet geplaatst
    spent: {status: nnb, text: "n.n.b."}
  - id: synth.e2.a16
    report: synth.vr.2025-07
    action: velsen-2022.avn.a16
    status: afgerond
    spent: {status: nvt, text: "n.v.t."}
  - id: synth.e2.a02
    report: synth.vr.2025-07
    action: velsen-2022.avn.a02
    status: groen
    spent: {status: amount, amount: 0, text: "€ 0"}
    planning_text: Onderzoek loopt door tot Q2-2027
measurements:
  - id: synth.m1
    focus_point: velsen-2022.uitvoeringsprogramma.hoofdstuk-1.focus-07
    value: 7.5
    unit: "%"
    year: 2025
    measured_by: Synthetische monitor 2025
evaluations:
  - id: synth.ev1
    plan: velsen-2022.avn
    date: 2024-09-01
    title: Synthetische terugblik na zes maanden
    summary: Synthetische samenvatting.
    stated_by: opgave van Synthetische Partij
"""


def write_progress(folder: Path, text: str = PROGRESS_YAML, name: str = "voortgang-synthetisch.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path

# The same monitor before the July report: only the January peildatum.
FIRST_ONLY_YAML = """\
format: velsen-desk-data/1
dataset: synthetisch
progress_reports:
  - id: synth.vr.2025-01
    plan: velsen-2022.avn
    title: Synthetische voortgangsrapportage januari
    date: 2025-01-01
    reported_by: Synthetische trekker
    interval_months: 6
    stated_by: opgave van Synthetische Partij
progress_entries:
  - id: synth.e1.a11
    report: synth.vr.2025-01
    action: velsen-2022.avn.a11
    status: oranje
    explanation: Synthetische toelichting zeldzaamwoord vertraging
    spent: {status: amount, amount: 10000, text: "€ 10.000"}
  - id: synth.e1.a16
    report: synth.vr.2025-01
    action: velsen-2022.avn.a16
    status: afgerond
    spent: {status: nvt, text: "n.v.t."}
"""
