"""`sayso.parse` gives the trees that `sayso parse` prints for the same text."""

import subprocess

import pytest

import sayso
from conftest import SAMPLE, read_text


def test_parse_equals_the_command(sayso_bin):
    cli = subprocess.run(
        [sayso_bin, "parse", "--input-format", "text", str(SAMPLE)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert sayso.parse(read_text(SAMPLE)) == cli


def test_every_sentence_is_one_tree():
    conllu = sayso.parse("The mayor said the pier would open in May. She smiled.")
    blocks = [b for b in conllu.strip().split("\n\n") if b]
    assert len(blocks) == 2
    for block in blocks:
        words = [line.split("\t") for line in block.splitlines() if not line.startswith("#")]
        heads = [int(w[6]) for w in words]
        assert heads.count(0) == 1
        assert all(0 <= h <= len(words) for h in heads)
        assert all(len(w) == 10 for w in words)
    first = [line.split("\t") for line in blocks[0].splitlines() if not line.startswith("#")]
    said = next(w for w in first if w[1] == "said")
    mayor = next(w for w in first if w[1] == "mayor")
    assert mayor[6] == said[0], "the subject hangs on the verb"


def test_parse_refuses_bytes():
    with pytest.raises(TypeError, match="decode"):
        sayso.parse(b"The mayor said so.")
