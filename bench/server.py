"""Benchmark: the PostgreSQL master, against plain baselines measured in the same run.

Run: .venv/bin/python bench/server.py [--clients 20] [--statuses 100] [--actions 2000] [--runs 2]

1. ``--clients`` party clients at once, each submitting ``--statuses`` statuses through the
   application's own path (``PartySession.submit``: one transaction with the peildatum check,
   ``SELECT … FOR UPDATE``, the write, row-level security, the stamp and audit triggers), against
   the same number of plain ``INSERT``s from as many connections of the same party roles (so RLS
   and the triggers are in both; the difference is the application's own work). Throughput and
   p95 latency, and their ratios.
2. ``publish --from`` a master of one ``--actions``-action plan (``bench/synthetic.py``'s cluster)
   against ``build-db`` from the YAML of the same data (load with every check, then build).

Starts its own throwaway cluster (tests/server/pg_cluster.py: as root it runs as ``postgres``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402

from bench.synthetic import dump_yaml, make_cluster  # noqa: E402
from tests.server.pg_cluster import find_bindir, remove_cluster, start_cluster  # noqa: E402
from velsen_desk.core.money import CostStatus, CostValue  # noqa: E402
from velsen_desk.curation.loader import load_dataset  # noqa: E402
from velsen_desk.server.accounts import grant  # noqa: E402
from velsen_desk.server.admin import AdminConnection  # noqa: E402
from velsen_desk.server.party import connect  # noqa: E402
from velsen_desk.storage.build import build_database  # noqa: E402

SPENT = CostValue(CostStatus.AMOUNT, 12_500, "€ 12.500")


def _write_cluster(folder: Path, actions: int) -> tuple[Path, Path]:
    import random

    data, sources = folder / "data", folder / "sources"
    data.mkdir(parents=True)
    sources.mkdir()
    cluster = make_cluster(17, 0, actions)
    for name, content in cluster.files.items():
        (data / name).write_text(dump_yaml(content), encoding="utf-8")
    rng = random.Random("17-0-text")
    for document in cluster.documents:
        assert document.source_file is not None
        (sources / document.source_file).write_text(document.text(rng), encoding="utf-8")
    return data, sources


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def _run_clients(work: list[tuple[str, str, list[tuple[str, dt.date]]]], submit_one) -> tuple[float, list[float]]:
    """Every client in its own thread, started together; returns (wall time, latencies)."""
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(work) + 1)

    def client(user: str, password: str, items: list[tuple[str, dt.date]]) -> None:
        with submit_one(user, password) as submit:
            mine = []
            barrier.wait()
            for action, peildatum in items:
                start = time.perf_counter()
                submit(action, peildatum)
                mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=w) for w in work]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies


class _AppClient:
    def __init__(self, url: str, user: str, password: str) -> None:
        self.session = connect(url, user, password)

    def __enter__(self):
        def submit(action: str, peildatum: dt.date) -> None:
            self.session.submit(action, peildatum, "groen", None, SPENT, None)
        return submit

    def __exit__(self, *_exc: object) -> None:
        self.session.close()


class _PlainClient:
    def __init__(self, cluster, database: str, user: str, password: str) -> None:
        self.connection = psycopg.connect(host=cluster.host, port=cluster.port, dbname=database, user=user,
                                          password=password, autocommit=True)

    def __enter__(self):
        def submit(action: str, peildatum: dt.date) -> None:
            self.connection.execute(
                "INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_amount, spent_text) "
                "VALUES (%s, %s, 'groen', 'amount', 12500, '€ 12.500')", (action, peildatum))
        return submit

    def __exit__(self, *_exc: object) -> None:
        self.connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--statuses", type=int, default=100)
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    bindir = find_bindir()
    if bindir is None:
        sys.exit("PostgreSQL niet gevonden (pakket postgresql)")
    cluster = start_cluster(bindir)
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            data, sources = _write_cluster(tmp / "set", args.actions)
            with psycopg.connect(host=cluster.host, port=cluster.port, user="postgres", password=cluster.password,
                                 dbname="postgres", autocommit=True) as conn:
                conn.execute("CREATE DATABASE bench")
            url = cluster.url("bench")
            start = time.perf_counter()
            dataset = load_dataset([data], sources=sources)
            validated = time.perf_counter() - start
            with AdminConnection.open(url, "postgres", cluster.password) as admin:
                admin.init()
                start = time.perf_counter()
                admin.load(dataset)
                loaded = time.perf_counter() - start
                trekkers: dict[str, list[str]] = {}
                for action in sorted(dataset.actions, key=lambda a: a.id):
                    if action.trekker:
                        trekkers.setdefault(action.trekker, []).append(action.id)
                organisations = sorted(trekkers, key=lambda t: -len(trekkers[t]))[:args.clients]
                accounts = []
                for index, organisation in enumerate(organisations):
                    user, password = f"bench_{index}", f"wachtwoord-{index}"
                    grant(admin.connection, user, password, organisation, "partij")
                    accounts.append((user, password, trekkers[organisation][:10]))
            print(f"master: {len(dataset.actions)} acties; validate {validated:.2f} s, server load {loaded:.2f} s")

            def work(first_year: int) -> list[tuple[str, str, list[tuple[str, dt.date]]]]:
                out = []
                for user, password, actions in accounts:
                    days = -(-args.statuses // len(actions))
                    first = dt.date(first_year, 1, 1)
                    items = [(a, first + dt.timedelta(days=d)) for d in range(days) for a in actions]
                    out.append((user, password, items[:args.statuses]))
                return out

            total = len(accounts) * args.statuses
            for run in range(args.runs):
                app_wall, app_lat = _run_clients(work(1990 + run * 2),
                                                 lambda u, p: _AppClient(url, u, p))
                plain_wall, plain_lat = _run_clients(work(1991 + run * 2),
                                                     lambda u, p: _PlainClient(cluster, "bench", u, p))
                app_tp, plain_tp = total / app_wall, total / plain_wall
                print(f"run {run + 1}: {len(accounts)} clients x {args.statuses} statuses: "
                      f"PartySession.submit {app_tp:.0f}/s, p95 {_p95(app_lat) * 1000:.1f} ms; "
                      f"plain INSERT {plain_tp:.0f}/s, p95 {_p95(plain_lat) * 1000:.1f} ms; "
                      f"throughput ratio {plain_tp / app_tp:.2f}x, p95 ratio {_p95(app_lat) / _p95(plain_lat):.2f}x")

            from velsen_desk.cli.server import publish_from_server

            os.environ["PGPASSWORD"] = cluster.password
            share = tmp / "share"
            share.mkdir()
            for run in range(args.runs):
                start = time.perf_counter()
                publish_from_server(url, share, "postgres", sources)
                served = time.perf_counter() - start
                start = time.perf_counter()
                build_database(load_dataset([data], sources=sources), tmp / f"build-{run}.sqlite")
                built = time.perf_counter() - start
                print(f"run {run + 1}: publish --from {served:.2f} s; build-db from YAML {built:.2f} s; "
                      f"ratio {served / built:.2f}x")
    finally:
        remove_cluster(cluster)


if __name__ == "__main__":
    main()
