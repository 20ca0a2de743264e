"""Shared helpers: the repository, the `sayso` command, and article folders."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTICLES = Path(__file__).resolve().parent / "articles"
SAMPLE = REPO / "assets" / "sample" / "alaska-summit.txt"
DEV_TEXT = REPO.parent / "shared" / "corpus" / "polnear" / "dev" / "text"


def read_text(path):
    """A file's text exactly as `sayso annotate` reads it: UTF-8, line ends and BOM kept."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def our_articles():
    """The bundled sample and this suite's own articles."""
    return [SAMPLE] + sorted(ARTICLES.glob("*.txt"))


@pytest.fixture(scope="session")
def sayso_bin():
    """The `sayso` command: $SAYSO_BIN, else the newest build in target/."""
    given = os.environ.get("SAYSO_BIN")
    if given:
        return given
    built = [p for p in (REPO / "target" / "release" / "sayso", REPO / "target" / "debug" / "sayso") if p.exists()]
    if not built:
        pytest.fail("the sayso command is not built: run `cargo build` or set SAYSO_BIN")
    return str(max(built, key=lambda p: p.stat().st_mtime))


@pytest.fixture(scope="session")
def cli_json(sayso_bin):
    """`sayso annotate PATH` as parsed JSON."""

    def run(path, *flags):
        out = subprocess.run([sayso_bin, "annotate", *flags, str(path)], capture_output=True, check=True)
        return json.loads(out.stdout)

    return run


@pytest.fixture(scope="session")
def cli_folder(sayso_bin, tmp_path_factory):
    """`sayso annotate FOLDER --out OUT`: {file name: parsed JSON}."""

    def run(folder):
        out = tmp_path_factory.mktemp("cli-out")
        subprocess.run([sayso_bin, "annotate", str(folder), "--out", str(out)], capture_output=True, check=True)
        return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}

    return run
