"""Valid synthetic data sets at N× the bundled size, with the source texts their quotes come from.

    .venv/bin/python bench/synthetic.py OUT --scale 10 [--seed 17]

writes ``OUT/data/*.yaml`` and ``OUT/sources/*.txt`` such that
``velsen-desk validate OUT/data --sources OUT/sources`` passes.

Shape. N=1 is about the bundled data (5 files, ~390 records): one *cluster* of three
programmes, shaped like the bundled ones: a raadsprogramma with uitvoeringsafspraken,
uitvoeringsprogramma and an actieplan (like Velsen 2022), a coalitieakkoord of a second
municipality (like Heemskerk 2018) and a strategische agenda. N× has N clusters, so many
municipalities (three bestuursperiodes each) and programmes; cluster 0's actieplan grows to
20·N actions in one plan (2,000 at 100×), the others keep 20. Each record's quote is written into
the source text of its document, line-wrapped at random widths as PDF extraction does, so the
quote check sees what it sees on real data. Quotes contain the value their record carries, as
the fidelity checks demand and the bundled data does: a college member's line names the person,
role and party ("Wethouder … (Partij A (synthetisch))"), a theme's quote runs through the themes
table from its "3. Veiligheid" cell to its regie cell "3. Anouk", an action quotes its table row
up to its cost cell, a budget the sentence with its size ("… beschikbaar van minimaal €400.000."),
a funding the sentence with its amount.

Size. The loader refuses a data file over 4 MB, a data set over 64 MB or 2,000 files, and a
file of more than 250,000 values (``curation/file_text.py``, ``loader.py``, ``yaml_text.py``);
100× is 504 files and 19 MB (the largest file 1.6 MB) and passes. 1,000× (5,049 files, ~190 MB)
is refused before anything is parsed: its measurements say so.

Everything is marked synthetic: municipalities are "Synthetica-017", people carry
"(synthetisch)", every file opens with a comment and every source text with a banner saying so.
The same seed gives byte-identical files; cluster k is the same at every N (only cluster 0's
plan depends on N), so sets at different sizes share their first clusters.

Realism that matters for cost: Dutch text lengths (titles of 2–9 words, explanations of one to
four sentences, and one action in 200 whose explanation runs to 3,000–5,000 characters, the
schema's limit for a text), planning
phrases in the forms the planning parser reads ("Q2-2024",
"2024 en 2025", "schooljaar 2024-2025", "Start Q1-2024 t/m Q4-2025", "Nader te bepalen",
"Voor- en najaar", …), costs in the bundled mix (about 55 % amounts, 35 % "N.v.t.", 10 % "n.n.b."
or "N.v.t. of n.n.b."), printed in the forms "€25.000" and "€ 80.000". Documented subtotals
reconcile with their lines, as ``validate`` demands; the ways the real data does not reconcile
are kept: subtotals over items of unknown cost (the known part matches, the rest is "n.n.b."),
subtotals printed as "n.n.b.", a focusopgave without a subtotal, and a budget of "minimaal
€ 500.000" whose lines add up to less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from velsen_desk.curation.schema import TEXT_MAX

FORMAT = "velsen-desk-data/1"
BANNER = ("SYNTHETISCHE TEKST — gegenereerd door bench/synthetic.py voor metingen. "
          "Geen echte gemeente, geen echte personen, geen echte bedragen.")
ACTIONS_PER_PLAN = 20  # the bundled Actieplan Velsen-Noord
ACTIONS_PER_FILE = 400  # ~400 KB of actions per file, below the loader's 1 MB per file
LONG_SHARE = 0.005  # actions whose explanation runs to pages (3,000–5,000 characters): the long tail
Record = dict[str, object]

FIRST_NAMES = ("Anouk", "Bas", "Carola", "Daan", "Esther", "Floor", "Gijs", "Hanneke", "Ilse", "Joost",
               "Karin", "Lars", "Marloes", "Niels", "Olga", "Pieter", "Renske", "Sjoerd", "Tamara", "Wouter")
LAST_NAMES = ("de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit")
AREAS = ("Noord", "Zuid", "Oost", "West", "Centrum", "Havenkwartier", "Duinwijk", "Zeewijk", "Oud-Dorp",
         "Parkwijk", "Stationsbuurt", "Molenwijk")
STREETS = ("Lindenplantsoen", "Kerkstraat", "Dorpsweg", "Stationsplein", "Havenkade", "Schoolstraat",
           "Parklaan", "Beatrixplein", "Zeeweg", "Molenstraat", "Burgemeester Smeetsweg", "Wijkerstraat")
PARTNERS = ("Woonstichting {m}", "Welzijn {m}", "Gemeente {m}", "Bibliotheek {m}", "Sportservice {m}",
            "GGD Synthetica", "Politie basisteam {m}", "Jongerenwerk {m}", "Buurthuis De Schakel",
            "Wijkplatform {m}-{area}", "Woningcorporatie Synthetica Wonen")
VERBS = ("onderzoekt", "verbetert", "vernieuwt", "ondersteunt", "organiseert", "versterkt", "richt opnieuw in",
         "breidt uit", "verduurzaamt", "begeleidt", "ontwikkelt", "zet in op")
OBJECTS = ("de speelplaatsen", "het groen in de wijk", "de verkeersveiligheid rond scholen", "het buurthuis",
           "de wijkvertegenwoordiging", "de schuldhulpverlening", "het jongerenwerk", "de verlichting op straat",
           "de portiekwoningen", "de sportvelden", "de wijkkrant", "de taallessen voor nieuwkomers",
           "de ontmoetingsplekken voor ouderen", "de parkeersituatie", "het energieloket",
           "de voorlichting op basisscholen", "de inzet van boa's", "de herinrichting van het plein")
TOPICS = ("Leefbaarheid", "Veiligheid", "Gezondheid", "Jeugd", "Zorg & welzijn", "Arbeidsmarkt",
          "Lokale economie", "Wonen & woningbouw", "Duurzaamheid", "Mobiliteit", "Kunst & cultuur", "Sport",
          "Participatie", "Dienstverlening", "Financiën", "Onderwijs", "Armoede", "Openbare ruimte")
REASONS = ("Bewoners gaven in de wijkgesprekken aan dat dit de grootste zorg is.",
           "Uit de monitor blijkt dat de wijk op dit punt achterblijft bij het gemiddelde van de gemeente.",
           "Zichtbaarheid in de wijk draagt bij aan een gevoel van veiligheid.",
           "De kosten zijn een bijdrage voor de proceskosten; de uitvoering zelf komt uit de begroting.",
           "Het budget is toereikend voor het eerste jaar; daarna volgt een evaluatie.",
           "De middelen komen deels uit bestaande budgetten en deels uit een rijkssubsidie.",
           "Inwoners en ondernemers denken mee over de uitwerking.",
           "Dit sluit aan op het raadsprogramma, dat leefbaarheid als prioriteit benoemt.",
           "De corporaties dragen zelf de kosten van de renovatie.",
           "Het gaat om een tijdelijke verruiming voor twee jaar.")
PORTFOLIO = ("Economische zaken", "Mobiliteit en bereikbaarheid", "Sport", "Digitalisering", "Financiën",
             "Wonen", "Ruimtelijke ordening", "Jeugdzorg", "Onderwijs", "Cultuur", "Handhaving",
             "Openbare orde en veiligheid", "Participatie", "Armoedebeleid", "Werk en inkomen", "Haven",
             "Duurzaamheid en energietransitie", "Gezondheid", "Dienstverlening", "Personeel en organisatie",
             "Grondzaken", "Vastgoed", "Erfgoed", "Toerisme en recreatie", "Wmo")
DOMAINS = ("Fysieke leefomgeving", "Samenleving", "Bedrijfsvoering & overstijgend", "Projecten en programma's")
FIELDS = ("Leefbaarheid in brede zin", "Maatschappelijk en sociaaleconomisch", "Fysieke leefomgeving",
          "Voorzieningen", "Randvoorwaarden scheppend")
CHAPTERS = ("Veilig, schoon en leefbaar", "Iedereen doet mee", "Wonen en werken", "Bereikbaar en duurzaam",
            "Een betrouwbare gemeente", "Sterk in de regio")
OPGAVEN = ("In {m} doet iedereen mee", "{m} is in trek!", "{m} werkt en leert", "{m} blijft in balans")
KINDS = ("speerpunt", "wat_we_al_doen", "wat_we_kunnen_doen", "impulsproject")


def _amount_text(rng: random.Random, amount: int) -> str:
    printed = f"{amount:,}".replace(",", ".")
    return f"€{printed}" if rng.random() < 0.7 else f"€ {printed}"


def cost(rng: random.Random, mix: tuple[float, float] = (0.55, 0.9)) -> Record:
    """An amount, "N.v.t." or "n.n.b." in the bundled mix, with the text as printed."""
    roll = rng.random()
    if roll < mix[0]:
        amount = rng.choice((1, 2, 5, 10, 10, 20, 25, 40, 50, 80, 100, 120, 150, 200)) * 1000
        return {"status": "amount", "amount": amount, "text": _amount_text(rng, amount)}
    if roll < mix[1]:
        return {"status": "nvt", "text": rng.choice(("N.v.t.", "N.v.t.", "n.v.t."))}
    return {"status": "nnb", "text": rng.choice(("n.n.b.", "N.n.b.", "N.v.t. of n.n.b."))}


def _fit(text: str, limit: int) -> str:
    """``text`` cut after its last whole sentence within ``limit`` characters (the schema's Text limit)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[:cut + 1] if cut > 0 else text[:limit].rstrip()


def planning(rng: random.Random) -> str:
    """A planning phrase in one of the forms of the bundled plan (and the planning parser)."""
    y = rng.randint(2023, 2027)
    q = rng.randint(1, 4)
    q2 = rng.randint(1, 4)
    what = rng.choice(("gesprekken met bewoners", "locatieonderzoek", "haalbaarheidsfase", "uitvoering",
                       "aanbesteding", "pilot"))
    forms = (
        f"Q{q}-{y}",
        f"Start {what} in Q{q}-{y}.",
        f"{y} en {y + 1}",
        f"Start schooljaar {y}-{y + 1}, ook in schooljaar {y + 1}-{y + 2}",
        f"schooljaar {y}-{y + 1}",
        f"Start Q{q}-{y} t/m Q{q2}-{y + 1}",
        f"H{rng.randint(1, 2)}-{y}",
        f"Start {what} Q{q}-{y}. Uitvoering vanaf Q{q2}-{y + 1}.",
        "Nader te bepalen.",
        f"Nader te bepalen. Vooruitlopend op uitvoering wordt een schouw gelopen met inwoners van {what}.",
        "Planning nader overeen te komen met de corporaties.",
        "Voor- en najaar",
        f"Jaarlijks, start {y}",
        f"Q{q}-{y} plaatsen en daarna periodiek evalueren.",
    )
    return rng.choice(forms)


@dataclass
class Document:
    """One generated source document: its paragraphs become the text file its quotes occur in."""

    id: str
    source_file: str | None
    paragraphs: list[str] = field(default_factory=list)

    def cite(self, paragraph: str, quote: str | None = None) -> Record:
        """Add a paragraph to the text and return a source reference quoting it (or a part)."""
        self.paragraphs.append(paragraph)
        return {"doc": self.id, "quote": quote or paragraph}

    def text(self, rng: random.Random) -> str:
        # PDF extraction breaks lines anywhere; the quote check ignores whitespace, so must we.
        body = "\n\n".join(textwrap.fill(p, width=rng.randint(60, 100), break_long_words=False,
                                         break_on_hyphens=False) for p in self.paragraphs)
        return f"{BANNER}\n\n{body}\n"


class Words:
    """Dutch sentences of realistic length from the word lists, for one random stream."""

    def __init__(self, rng: random.Random, municipality: str):
        self.rng = rng
        self.m = municipality

    def partner(self) -> str:
        return self.rng.choice(PARTNERS).format(m=self.m, area=self.rng.choice(AREAS))

    def title(self) -> str:
        rng = self.rng
        base = rng.choice(OBJECTS).split(" ", 1)[1]
        extra = rng.choice(("", f" {rng.choice(STREETS)}", f" in {self.m}-{rng.choice(AREAS)}",
                            f" en {rng.choice(OBJECTS).split(' ', 1)[1]}"))
        return f"{rng.choice(('Herinrichting', 'Onderzoek naar', 'Vernieuwing', 'Inzet', 'Aanpak', 'Versterken'))} " \
               f"{base}{extra}"

    def sentence(self) -> str:
        rng = self.rng
        return (f"{self.partner()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {self.m}-{rng.choice(AREAS)}"
                f"{rng.choice(('', ' samen met bewoners', ' in overleg met de ondernemers', ' voor twee jaar'))}.")

    def sentences(self, low: int, high: int) -> str:
        parts = [self.sentence() if self.rng.random() < 0.6 else self.rng.choice(REASONS)
                 for _ in range(self.rng.randint(low, high))]
        return " ".join(parts)


def _person(rng: random.Random, key: str, used: set[str]) -> tuple[str, str]:
    while True:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        pid = f"{key}.{first}-{last}".lower().replace(" ", "-")
        if pid not in used:
            used.add(pid)
            return pid, f"{first} {last} (synthetisch)"


@dataclass
class Cluster:
    """Files and documents of one cluster (three programmes)."""

    files: dict[str, Record] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)


def _municipality(index: int) -> tuple[str, str]:
    return f"syn{index:03d}", f"Synthetica-{index:03d}"


def make_cluster(seed: int, k: int, actions: int) -> Cluster:
    rng = random.Random(f"{seed}-{k}")
    out = Cluster()
    mun_index, period = divmod(k, 3)  # three bestuursperiodes per municipality
    mid, mname = _municipality(mun_index)
    start = 2014 + 4 * period
    words = Words(rng, mname)
    pa = f"{mid}-{start}"  # programme A: raadsprogramma, uitvoeringsprogramma, actieplan
    used: set[str] = set()

    # ---- programme A: raadsprogramma with uitvoeringsafspraken (like velsen-2022.yaml)
    afspraken = Document(f"{pa}.uitvoeringsafspraken", f"{pa}-uitvoeringsafspraken.txt")
    out.documents.append(afspraken)
    afspraken.cite(f"Set van college uitvoeringsafspraken {mname} {start}–{start + 4}.")
    a: Record = {"format": FORMAT, "dataset": pa}
    if period == 0:
        a["municipalities"] = [{"id": mid, "name": mname,
                                "source": afspraken.cite(f"Wij bieden perspectief aan {mname}.")}]
    a["programmes"] = [{"id": pa, "municipality": mid, "title": f"{mname} {start}–{start + 4}",
                        "period_start": start, "period_end": start + 4, "order": k * 3 + 1}]
    a["documents"] = [
        {"id": f"{pa}.raadsprogramma", "programme": pa, "kind": "raadsprogramma",
         "title": f"Raadsprogramma {start}–{start + 4}",
         "note": "Synthetisch: het raadsprogramma zelf heeft geen brontekst; de thema's komen uit de afspraken."},
        {"id": afspraken.id, "programme": pa, "kind": "uitvoeringsafspraken",
         "title": "Set van college uitvoeringsafspraken", "date": f"{start}-06-20",
         "date_text": f"20 juni {start}", "source_file": afspraken.source_file},
    ]
    people, members = [], []
    for order in range(1, 7):
        pid, name = _person(rng, pa, used)
        role = "burgemeester" if order == 1 else ("wethouder" if rng.random() < 0.7 else None)
        # One line per college member, quoted by both records: it names the person and the role.
        line = afspraken.cite(f"{role.capitalize() + ' ' if role else ''}{name}, collegelid {order}.")
        people.append({"id": pid, "name": name, "source": line})
        members.append({"id": f"{pa}.lid.{order}", "person": pid, "programme": pa, "order": order,
                        "role": role, "source": dict(line)})
    a["people"], a["memberships"] = people, members
    a["domains"] = [{"id": f"{pa}.dom{i}", "programme": pa, "order": i, "name": name,
                     "source": afspraken.cite(f"Domein {name}")} for i, name in enumerate(DOMAINS, 1)]
    items = []
    for i in range(1, 56):
        name = f"{rng.choice(PORTFOLIO)} {i}"
        detail = f"incl. {rng.choice(OBJECTS)}, {rng.choice(OBJECTS)}" if rng.random() < 0.4 else None
        item: Record = {"id": f"{pa}.pf{i:02d}", "programme": pa, "person": people[i % 6]["id"],
                        "domain": f"{pa}.dom{rng.randint(1, 4)}", "domain_certain": rng.random() < 0.9,
                        "name": name, "order": i,
                        "source": afspraken.cite(f"{name} {detail or ''}".strip())}
        if detail:
            item["detail"] = detail
        items.append(item)
    a["portfolio_items"] = items
    a["aandachtsvelden"] = [{"id": f"{pa}.av{i}", "document": f"{pa}.raadsprogramma", "order": i, "name": name,
                             "source": afspraken.cite(f"{name} {i}. {TOPICS[i]}")}
                            for i, name in enumerate(FIELDS, 1)]
    themes: list[Record] = []
    for n in range(1, 17):
        regie = people[rng.randrange(6)]
        themes.append({"id": f"{pa}.thema-{n:02d}", "aandachtsveld": f"{pa}.av{(n - 1) // 4 + 1}", "number": n,
                       "name": TOPICS[n - 1], "regie": regie["id"],
                       "extra_attention": rng.choice((None, None, True, False))})
    # The themes table as PDF extraction reads it (like Velsen 2022): per aandachtsveld the theme
    # column, then the regie column ("1. Marianne"). A theme's quote runs from its name to its
    # regie cell, so it contains both.
    first_name = {p["id"]: str(p["name"]).split(" ", 1)[0] for p in people}
    for group in (themes[i:i + 4] for i in range(0, len(themes), 4)):
        names = [f"{t['number']}. {t['name']}" for t in group]
        regies = [f"{t['number']}. {first_name[str(t['regie'])]}" for t in group]
        afspraken.paragraphs.append(" ".join(names + regies))
        for i, theme in enumerate(group):
            theme["source"] = {"doc": afspraken.id, "quote": " ".join(names[i:] + regies[:i + 1])}
    a["themes"] = themes
    out.files[f"{pa}-programma.yaml"] = a

    # ---- uitvoeringsprogramma (chapters and focus points)
    up = Document(f"{pa}.uitvoeringsprogramma", f"{pa}-uitvoeringsprogramma.txt")
    out.documents.append(up)
    chapters, points = [], []
    for c in range(1, 6):
        title = CHAPTERS[c - 1]
        chapters.append({"id": f"{pa}.up.h{c}", "document": up.id, "number": c, "title": title,
                         "aandachtsveld": f"{pa}.av{c}",
                         "themes": [f"{pa}.thema-{n:02d}" for n in range(3 * c - 2, 3 * c + 1)],
                         "summary": words.sentences(1, 2),
                         "source": up.cite(f"{title} Raadsprogramma: aandachtsveld {FIELDS[c - 1]}")})
        for o in range(1, 11):
            text = words.sentences(1, 3)
            point: Record = {"id": f"{pa}.up.h{c}.f{o:02d}", "chapter": f"{pa}.up.h{c}", "order": o, "text": text,
                             "source": up.cite(text)}
            if rng.random() < 0.15:
                year = rng.randint(start, start + 4)
                target = f"daalt naar {rng.randint(2, 9)}% in {year}"
                up.paragraphs[-1] += f" Het aandeel {target}."
                point["targets"] = [{"text": target, "unit": "%", "year": year}]
            points.append(point)
    out.files[f"{pa}-uitvoeringsprogramma.yaml"] = {
        "format": FORMAT, "dataset": pa,
        "documents": [{"id": up.id, "programme": pa, "kind": "college_uitvoeringsprogramma",
                       "title": f"College uitvoeringsprogramma {start}–{start + 4}",
                       "source_file": up.source_file}],
        "chapters": chapters, "focus_points": points}

    # ---- programme B: a coalitieakkoord of a neighbour (like heemskerk-2018.yaml)
    bid, bname = f"{mid}z{period}", f"{mname}-Zuid-{period}"
    pb = f"{bid}-{start}"
    ca = Document(f"{pb}.coalitieakkoord", f"{pb}-coalitieakkoord.txt")
    out.documents.append(ca)
    # A source on the municipality, though the schema makes it optional: build-db fails on a
    # municipality without one ('source' is an invalid keyword argument for Municipality).
    municipality_b = {"id": bid, "name": bname, "source": ca.cite(f"Gemeente {bname}")}
    people_b, members_b = [], []
    for order in range(1, 6):
        pid, name = _person(rng, pb, used)
        party = rng.choice(("Lokaal Synthetica", "Partij A (synthetisch)", None))
        # As Heemskerk 2018 lists its college: "Wethouder A.W.M. Schoorl (Heemskerk Lokaal)".
        line = ca.cite(f"Wethouder {name}{f' ({party})' if party else ''}")
        people_b.append({"id": pid, "name": name, "source": line})
        members_b.append({"id": f"{pb}.lid.{order}", "person": pid, "programme": pb, "order": order,
                          "party": party, "source": dict(line)})
    items_b = []
    for i in range(1, 46):
        name = f"{rng.choice(PORTFOLIO)} {i}"
        items_b.append({"id": f"{pb}.pf{i:02d}", "programme": pb, "person": people_b[i % 5]["id"], "name": name,
                        "order": i, "source": ca.cite(f"• {name}")})
    chapters_b, points_b = [], []
    for c in range(1, 5):
        title = CHAPTERS[c]
        chapters_b.append({"id": f"{pb}.h{c}", "document": ca.id, "number": c, "title": title,
                           "source": ca.cite(f"Hoofdstuk {c}. {title}")})
        for o in range(1, 12):
            text = f"Wij gaan {words.sentences(1, 2)}"
            points_b.append({"id": f"{pb}.h{c}.f{o:02d}", "chapter": f"{pb}.h{c}", "order": o, "text": text,
                             "source": ca.cite(text)})
    out.files[f"{pb}-coalitieakkoord.yaml"] = {
        "format": FORMAT, "dataset": pb,
        "municipalities": [municipality_b],
        "programmes": [{"id": pb, "municipality": bid, "title": f"{bname} {start}–{start + 4}",
                        "period_start": start, "period_end": start + 4, "order": k * 3 + 2}],
        "documents": [{"id": ca.id, "programme": pb, "kind": "coalitieakkoord",
                       "title": f"Coalitieakkoord {bname} {start}–{start + 4}", "date_text": f"mei {start}",
                       "source_file": ca.source_file}],
        "people": people_b, "memberships": members_b, "portfolio_items": items_b,
        "chapters": chapters_b, "focus_points": points_b}

    # ---- programme C: a strategische agenda
    pc = f"{mid}-sa{start - 2}"
    sa = Document(f"{pc}.strategische-agenda", f"{pc}-strategische-agenda.txt")
    out.documents.append(sa)
    opgaven, speerpunten = [], []
    for o, template in enumerate(OPGAVEN, 1):
        title = template.format(m=mname)
        summary = f"Hoe zorgen we voor {rng.choice(OBJECTS)}?"
        opgaven.append({"id": f"{pc}.opgave-{o}", "document": sa.id, "number": None, "title": title,
                        "summary": summary, "source": sa.cite(f"‘{title}’ {summary}")})
        for s in range(1, 15):
            text = f"{words.title()}\n{words.sentences(1, 2)}"
            speerpunten.append({"id": f"{pc}.opgave-{o}.sp{s:02d}", "opgave": f"{pc}.opgave-{o}", "order": s,
                                "kind": KINDS[s % 4], "text": text, "source": sa.cite(text)})
    out.files[f"{pc}-strategische-agenda.yaml"] = {
        "format": FORMAT, "dataset": pc,
        "programmes": [{"id": pc, "municipality": mid, "title": f"Strategische Agenda {mname} {start - 2}",
                        "period_start": start - 2, "order": k * 3 + 3}],
        "documents": [{"id": sa.id, "programme": pc, "kind": "strategische_agenda",
                       "title": f"Strategische Agenda {start - 2}", "source_file": sa.source_file}],
        "opgaven": opgaven[:4], "speerpunten": speerpunten[:55],
        "budgets": [{"id": f"{pc}.budget.experimenten", "programme": pc, "name": "Experimenten en initiatieven",
                     "source": sa.cite("Voor experimenten en initiatieven is budget beschikbaar.")},
                    {"id": f"{pc}.budget.impuls", "programme": pc, "name": "Impulsprojecten", "kind": "reserve",
                     "source": sa.cite("De impulsprojecten worden uit de reserve bekostigd.")}]}

    # The long tail has its own stream, so it does not shift any other generated value.
    _actieplan(out, rng, words, pa, mname, actions, Words(random.Random(f"{seed}-{k}-long"), mname))
    return out


def _actieplan(out: Cluster, rng: random.Random, words: Words, pa: str, mname: str, n_actions: int,
               long_words: Words) -> None:
    """The actieplan of programme A: focusopgaven, actions, budgets, lines, fundings, theme links."""
    area = rng.choice(AREAS)
    doc = Document(f"{pa}.actieplan", f"{pa}-actieplan-{area.lower()}.txt")
    out.documents.append(doc)
    plan_id = f"{pa}.ap"
    per_focus = 6 if n_actions <= ACTIONS_PER_PLAN else 7
    n_focus = max(3, (n_actions - 1) // per_focus)
    actions: list[Record] = []
    focus: list[Record] = []
    # The last action is a reserve outside every focusopgave, as action 20 is in the bundled plan.
    owners = [1 + min(i * n_focus // (n_actions - 1), n_focus - 1) for i in range(n_actions - 1)] + [None]
    for number, owner in enumerate(owners, 1):
        c = cost(rng)
        title = words.title() if owner else "Reservering onvoorzien"
        trekker = words.partner()
        what = words.sentences(1, 2) if rng.random() < 0.9 else None
        explanation = words.sentences(1, 4) if rng.random() < 0.9 else None
        if explanation and long_words.rng.random() < LONG_SHARE:
            explanation = _fit(explanation + " " + long_words.sentences(35, 60), TEXT_MAX)
        plan_text = planning(rng)
        # The table row as printed; the action quotes it up to its cost cell (as the bundled
        # plan does), so the quote contains both the title and the cost.
        cells = [part for part in (str(number), trekker, title, what, str(c["text"])) if part]
        row = " ".join(cells + [part for part in (explanation, plan_text) if part])
        quote = " ".join(cells)
        action: Record = {"id": f"{plan_id}.a{number:04d}", "plan": plan_id,
                          "focusopgave": f"{plan_id}.fo{owner:03d}" if owner else None, "number": number,
                          "trekker": trekker, "title": title, "heading": title, "what": what, "cost": c,
                          "explanation": explanation, "planning_text": plan_text,
                          "source": doc.cite(row, quote)}
        if rng.random() < 0.05:
            action["note"] = "Synthetisch: de kolommen lopen in de bron over twee regels van de tabel."
        actions.append(action)

    def known(records: list[Record]) -> int:
        return sum(int(r["cost"]["amount"]) for r in records if r["cost"]["status"] == "amount")  # type: ignore[index]

    for f in range(1, n_focus + 1):
        mine = [x for x in actions if x["focusopgave"] == f"{plan_id}.fo{f:03d}"]
        title = f"{rng.choice(TOPICS)} in {mname}-{area} ({f})"
        record: Record = {"id": f"{plan_id}.fo{f:03d}", "plan": plan_id, "number": f, "title": title,
                          "table_title": f"Focusopgave {f}: {title}", "lead": words.partner(),
                          "objective": words.sentences(1, 2), "responsible": words.sentences(1, 1),
                          "source": doc.cite(f"Focusopgave {f}: {title} Acties {mine[0]['number']} t/m "
                                             f"{mine[-1]['number']}")}
        roll = rng.random()
        if roll < 0.85:  # reconciles (over the known amounts; unknown posts are said as such)
            amount = known(mine)
            subtotal = {"status": "amount", "amount": amount, "text": _amount_text(rng, amount)}
        elif roll < 0.95:  # printed as not known although lines have amounts: the document says so
            subtotal = {"status": "nnb", "text": "n.n.b."}
        else:
            subtotal = None
        if f <= 26:
            record["letter"] = chr(64 + f)
        if subtotal is not None:
            record["subtotal_documented"] = subtotal
            doc.paragraphs.append(f"Subtotaal focusopgave {f} {subtotal['text']}")
        focus.append(record)
    total = known(actions)
    total_text = _amount_text(rng, total)
    plan: Record = {"id": plan_id, "document": doc.id, "title": f"Actieplan {mname}-{area}",
                    "total_documented": {"status": "amount", "amount": total, "text": total_text},
                    "total_label": f"Totaal Actieplan {mname}-{area}",
                    "source": doc.cite(f"Totaal Actieplan {mname}-{area} {total_text}")}

    # Budgets: one with lines and a documented total, one of "minimaal" size that its lines do
    # not fill (as Samen Gezellig: minimaal € 500.000, lines € 498.000), a reserve, existing budgets.
    scale = max(1, n_actions // ACTIONS_PER_PLAN)
    budgets: list[Record] = []
    lines: list[Record] = []
    for b, (name, kind) in enumerate((("Weerbare wijken", "budget"), ("Samen Gezellig", "budget"),
                                      ("Algemene Reserve", "reserve"), ("Bestaande begrotingen", "bestaand"),
                                      ("Rijkssubsidies", "subsidie")), 1):
        bid = f"{pa}.budget{b}"
        description = words.sentences(1, 3)
        budget: Record = {"id": bid, "programme": pa, "name": f"{name} {mname}", "kind": kind,
                          "description": description}
        # the description is the document's own words about the budget (validate checks it)
        intro = f"Budget {name} {mname}: {description} {words.sentences(1, 1)}"
        if b > 2:
            budget["source"] = doc.cite(intro)
        else:
            at = len(doc.paragraphs)  # the budget's paragraph precedes its lines; its size is known after them
            mine = []
            for n in range(1, 7 * scale + 1):
                c = cost(rng, (0.85, 0.95))
                title = words.title()
                line = {"id": f"{bid}.r{n:04d}", "budget": bid, "number": n, "title": title, "cost": c,
                        "source": doc.cite(f"{n} {title} {c['text']}")}
                if c["status"] == "nvt":
                    line["remark"] = "Ander budget"
                mine.append(line)
            lines += mine
            lines_total = known(mine)
            text = _amount_text(rng, lines_total)
            budget["total_documented"] = {"status": "amount", "amount": lines_total, "text": text}
            budget["total_label"] = f"Totaal {name}"
            budget["period_text"] = "2024 en 2025"
            minimum = (lines_total // 100_000 + 1) * 100_000
            size = _amount_text(rng, minimum)
            budget["amount"] = ({"status": "amount", "amount": minimum, "qualifier": "minimaal",
                                 "text": f"minimaal {size}"} if b == 2 else
                                {"status": "amount", "amount": minimum, "text": size})
            # As the bundled plan: "De gemeente stelt hiervoor een budget beschikbaar van minimaal € 500.000."
            # and the years of its period are the document's too
            available = (f"De gemeente stelt hiervoor een budget beschikbaar van "
                         f"{budget['amount']['text']} voor 2024 en 2025.")  # type: ignore[index]
            doc.paragraphs.insert(at, f"{intro} {available}")
            budget["source"] = {"doc": doc.id, "quote": available}
            doc.paragraphs.append(f"Totaal {name} {text}.")
        budgets.append(budget)

    fundings: list[Record] = []
    for f in range(1, 5 * scale + 1):
        action = actions[rng.randrange(len(actions))]
        b = rng.randint(1, 5)
        funding: Record = {"id": f"{pa}.fund{f:04d}", "action": action["id"], "budget": f"{pa}.budget{b}"}
        sentence = f"Actie {action['number']} wordt mede bekostigd uit budget {b}"
        if rng.random() < 0.5:
            amount = rng.randint(1, 20) * 5000
            text = _amount_text(rng, amount)
            funding["amount"] = {"status": "amount", "amount": amount, "text": text}
            sentence += f"; daarvoor wordt {text} gereserveerd"  # the quote carries the amount
        funding["source"] = doc.cite(f"{sentence}.")
        fundings.append(funding)
    links: list[Record] = [{"id": f"{pa}.link.plan", "theme": f"{pa}.thema-01", "plan": plan_id, "basis": "bron",
                            "rationale": "Het raadsprogramma benoemt leefbaarheid als prioriteit.",
                            "source": doc.cite(f"De gemeenteraad van {mname} heeft leefbaarheid als prioriteit "
                                               "benoemd.")}]
    for action in actions:
        if rng.random() < 0.75:
            links.append({"id": f"{action['id']}.link", "theme": f"{pa}.thema-{rng.randint(1, 16):02d}",
                          "action": action["id"], "basis": "redactioneel", "rationale": words.sentence(),
                          "source": {"doc": doc.id,  # a short phrase of the row, as the bundled links quote
                                     "quote": f"{action['number']} {action['trekker']} {action['title']}"}})

    document = {"id": doc.id, "programme": pa, "kind": "actieplan", "title": f"Actieplan {mname}-{area} (concept)",
                "date_text": "december 2023", "status": "concept", "status_text": "concept, ter consultatie",
                "source_file": doc.source_file}
    head: Record = {"format": FORMAT, "dataset": pa, "documents": [document], "action_plans": [plan],
                    "focusopgaven": focus, "budgets": budgets, "budget_lines": lines, "fundings": fundings,
                    "theme_links": links}
    # A very large plan is split over several files (files merge; ids are global).
    parts = [actions[i:i + ACTIONS_PER_FILE] for i in range(0, len(actions), ACTIONS_PER_FILE)]
    head["actions"] = parts[0]
    out.files[f"{pa}-actieplan.yaml"] = head
    for index, part in enumerate(parts[1:], 2):
        out.files[f"{pa}-actieplan-deel-{index}.yaml"] = {"format": FORMAT, "dataset": pa, "actions": part}


# ---- YAML writing: block style as the curated files are, plain scalars where YAML allows them

_PLAIN = re.compile(r"[A-Za-zÀ-ÿ€•‘][^:#\n\"'{}\[\],&*!|>%@`]*")
_RESERVED = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()  # a YAML date, as the curated files write it
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def dump_yaml(data: Record) -> str:
    lines = ["# SYNTHETISCH — gegenereerd door bench/synthetic.py; geen echte gegevens.",
             f"format: {data['format']}", f"dataset: {data['dataset']}", ""]
    for key, records in data.items():
        if key in ("format", "dataset"):
            continue
        lines.append(f"{key}:")
        for record in records:  # type: ignore[attr-defined]
            prefix = "  - "
            for name, value in record.items():
                lines.append(f"{prefix}{name}: {_flow(value)}")
                prefix = "    "
        lines.append("")
    return "\n".join(lines)


# ---- Progress monitor: reports per peildatum over every action, measurements, evaluations

PEILDATA = 8  # half-yearly reports, as bench/progress.py measures them
STATUSES = ("groen", "groen", "groen", "oranje", "rood", "grijs", "afgerond", "gestopt", "onbekend")
NEEDS_WHY = {"oranje", "rood", "gestopt"}
ENTRIES_PER_FILE = 2_000  # ~0.5 MB per file: far below the loader's 4 MB and 250,000 values


def _spent(rng: random.Random, planned: Record, share: float) -> Record:
    """Realised spend so far: an amount (part of the planned amount), n.n.b. or n.v.t."""
    roll = rng.random()
    if planned.get("status") == "nvt" and roll < 0.8:
        return {"status": "nvt", "text": "n.v.t."}
    if roll < 0.12:
        return {"status": "nnb", "text": "n.n.b."}
    base = int(planned.get("amount") or 0) or rng.randrange(5, 200) * 1_000
    amount = int(base * share) // 100 * 100
    return {"status": "amount", "amount": amount, "text": _amount_text(rng, amount)}


def progress_files(cluster: Cluster, k: int, seed: int, peildata: int = PEILDATA) -> dict[str, Record]:
    """The cluster's progress monitor: ``peildata`` half-yearly reports over every action of its
    plans (every status, explanations where the schema demands one, realised spend as amount,
    n.n.b. or n.v.t., now and then a revised planning or a recurring action reported late), a
    measurement per target per year and two evaluations per plan. All marked ``example`` and
    "Synthetisch"."""
    rng = random.Random(f"{seed}-{k}-voortgang")
    words = Words(rng, f"Synthetica-{k:03d}")
    actions = [a for content in cluster.files.values() for a in content.get("actions", [])]  # type: ignore[attr-defined]
    points = [p for content in cluster.files.values() for p in content.get("focus_points", [])  # type: ignore[attr-defined]
              if p.get("targets")]
    plans = sorted({str(a["plan"]) for a in actions})
    days = [dt.date(2023 + (i + 1) // 2, 1 if i % 2 == 0 else 7, 1) for i in range(peildata)]
    files: dict[str, Record] = {}
    dataset = f"syn{k:03d}-voortgang"
    reports = [{"id": f"{plan}.vr{i}", "plan": plan, "title": f"Synthetische voortgangsrapportage {i + 1}",
                "date": day, "reported_by": "Synthetische trekker", "interval_months": 6, "example": True,
                "stated_by": "opgave van Synthetische Partij"} for plan in plans for i, day in enumerate(days)]
    entries: list[Record] = []
    for action in actions:
        status = "grijs"
        for i, _day in enumerate(days):
            if rng.random() < 0.1:
                continue  # no word on this action in this report: history with gaps
            if status not in ("afgerond", "gestopt"):
                status = rng.choice(STATUSES)
            entry: Record = {"id": f"{action['id']}.vg{i}", "report": f"{action['plan']}.vr{i}",
                             "action": action["id"], "status": status}
            if status in NEEDS_WHY:
                entry["explanation"] = words.sentences(1, 3)
            entry["spent"] = _spent(rng, action["cost"], (i + 1) / peildata)  # type: ignore[arg-type]
            if rng.random() < 0.03:
                entry["planning_text"] = f"Q{rng.randint(1, 4)}-{days[i].year + 1}"
            if rng.random() < 0.02:
                entry["reported_late"] = True
            entries.append(entry)
    measurements = [{"id": f"{p['id']}.m{year}", "focus_point": p["id"], "value": round(rng.uniform(2, 15), 1),
                     "unit": "%", "year": year, "measured_by": "Synthetische monitor", "example": True}
                    for p in points for year in sorted({d.year for d in days})]
    evaluations = [{"id": f"{plan}.ev{i}", "plan": plan, "date": days[min(i * 2 + 1, len(days) - 1)],
                    "title": f"Synthetische evaluatie {i + 1}", "summary": words.sentences(1, 2), "example": True,
                    "stated_by": "opgave van Synthetische Partij"} for plan in plans for i in range(2)]
    head: Record = {"format": FORMAT, "dataset": dataset, "progress_reports": reports,
                    "measurements": measurements, "evaluations": evaluations}
    parts = [entries[i:i + ENTRIES_PER_FILE] for i in range(0, len(entries), ENTRIES_PER_FILE)] or [[]]
    head["progress_entries"] = parts[0]
    files[f"syn{k:03d}-voortgang.yaml"] = head
    for index, part in enumerate(parts[1:], 2):
        files[f"syn{k:03d}-voortgang-deel-{index}.yaml"] = {"format": FORMAT, "dataset": dataset,
                                                            "progress_entries": part}
    return files


@dataclass(frozen=True)
class Written:
    data: Path
    sources: Path
    files: int
    records: int
    actions: int
    bytes: int


def clusters(scale: float) -> int:
    return max(1, round(scale))


def iter_clusters(scale: float, seed: int) -> Iterator[Cluster]:
    n = clusters(scale)
    for k in range(n):
        yield make_cluster(seed, k, round(ACTIONS_PER_PLAN * scale) if k == 0 else ACTIONS_PER_PLAN)


def generate(out: Path, scale: float = 1, seed: int = 17, peildata: int = PEILDATA) -> Written:
    """Write ``out/data`` and ``out/sources`` for N = ``scale``; returns what was written.
    ``peildata``: progress reports per plan (0: no progress monitor)."""
    data_dir, source_dir = out / "data", out / "sources"
    data_dir.mkdir(parents=True, exist_ok=True)
    source_dir.mkdir(parents=True, exist_ok=True)
    files = records = actions = size = 0
    for k, cluster in enumerate(iter_clusters(scale, seed)):
        rng = random.Random(f"{seed}-{k}-text")
        monitor = progress_files(cluster, k, seed, peildata) if peildata else {}
        for name, content in {**cluster.files, **monitor}.items():
            text = dump_yaml(content)
            (data_dir / name).write_text(text, encoding="utf-8")
            files += 1
            size += len(text.encode())
            records += sum(len(v) for key, v in content.items() if isinstance(v, list))
            actions += len(content.get("actions", []))  # type: ignore[arg-type]
        for document in cluster.documents:
            assert document.source_file is not None
            text = document.text(rng)
            (source_dir / document.source_file).write_text(text, encoding="utf-8")
            size += len(text.encode())
    return Written(data_dir, source_dir, files, records, actions, size)


def estimated_bytes(scale: float) -> int:
    """Disk the set needs (measured at 10×: ~0.33 MB per cluster of 20 actions, ~1 KB more per action)."""
    return int(clusters(scale) * 340_000 + ACTIONS_PER_PLAN * scale * 1_100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--peildata", type=int, default=PEILDATA, help="voortgangsrapportages per plan (0: geen)")
    args = parser.parse_args(argv)
    written = generate(args.out, args.scale, args.seed, args.peildata)
    print(f"{written.files} gegevensbestanden, {written.records} records, {written.actions} acties, "
          f"{written.bytes / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
