"""A throwaway PostgreSQL cluster for the server tests and bench/server.py.

PostgreSQL refuses to run as root, so as root the cluster runs as the ``postgres`` system user
the Debian package creates (``runuser``), with its data folder owned by that user; otherwise it
runs as whoever we are. It listens on 127.0.0.1 only, on a free port, with its socket in the
temporary folder, and asks every TCP login for a password (scram-sha-256), so a wrong password
is really refused.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl are: ``pg_config --bindir``, else the newest /usr/lib/postgresql/*/bin."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            found = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True,
                                        timeout=30).stdout.strip())
            if (found / "initdb").is_file() and (found / "pg_ctl").is_file():
                return found
        except (OSError, subprocess.SubprocessError):
            pass
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                        if Path(p).parent.name.isdigit() else 0)
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").is_file():
            return Path(candidate)
    return None


def missing_server_outcome(environ: dict[str, str] | os._Environ[str]) -> str:
    """What a test does without PostgreSQL: "fail" in CI (set CI), "skip" on a developer's machine."""
    return "fail" if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no") else "skip"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    bindir: Path
    folder: Path
    port: int
    password: str
    host: str = "127.0.0.1"
    user: str = SUPERUSER

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True, check=True, timeout=120)

    def init(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        pwfile.chmod(0o600)
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user, f"--pwfile={pwfile}",
                  "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        pwfile.unlink()
        self._make_certificate()

    @property
    def offers_tls(self) -> bool:
        return (self.data / "server.key").is_file()

    def _make_certificate(self) -> None:
        """A self-signed certificate, so the server offers TLS as a municipal one would."""
        openssl = shutil.which("openssl")
        if openssl is None:
            return
        key, cert = self.data / "server.key", self.data / "server.crt"
        subprocess.run([openssl, "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
                        "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(cert)],
                       capture_output=True, check=True, timeout=120)
        for path in (key, cert):
            if os.geteuid() == 0:
                shutil.chown(path, "postgres", "postgres")
            path.chmod(0o600)

    def start(self) -> None:
        options = (f"-c listen_addresses={self.host} -c port={self.port} -c unix_socket_directories={self.folder} "
                   "-c fsync=off -c full_page_writes=off -c max_connections=100")
        if self.offers_tls:
            options += " -c ssl=on"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def url(self, database: str) -> str:
        return f"postgresql://{self.host}:{self.port}/{database}"


def start_cluster(bindir: Path) -> Cluster:
    folder = Path(tempfile.mkdtemp(prefix="velsen-pg-"))
    cluster = Cluster(bindir=bindir, folder=folder, port=free_port(), password=os.urandom(12).hex())
    cluster.init()
    cluster.start()
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    try:
        cluster.stop("immediate")
    except subprocess.SubprocessError:
        pass
    shutil.rmtree(cluster.folder, ignore_errors=True)
