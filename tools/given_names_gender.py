#!/usr/bin/env python3
"""Rebuild assets/gazetteers/given_names_gender.tsv from the `names` package.

    pip install names
    python3 tools/given_names_gender.py

The `names` package ships the 1990 US Census given-name frequency lists
(public domain). A name is kept when at least 90% of its bearers in the
census share one sex; the output is sorted and deterministic.
"""

import os

import names

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "gazetteers", "given_names_gender.tsv")
DATA = os.path.dirname(os.path.abspath(names.__file__))
# Share of one sex a name needs before it counts as a cue to that sex.
MIN_SHARE = 0.9


def frequencies(path):
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].capitalize()] = float(parts[1])
    return out


def main():
    female = frequencies(os.path.join(DATA, "dist.female.first"))
    male = frequencies(os.path.join(DATA, "dist.male.first"))
    rows = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f + m <= 0:
            continue
        if f / (f + m) >= MIN_SHARE:
            rows.append((name, "F"))
        elif m / (f + m) >= MIN_SHARE:
            rows.append((name, "M"))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Given names and the sex of at least 90% of their bearers (F or M),\n")
        f.write("# from the 1990 US Census lists shipped in the `names` package.\n")
        for name, sex in rows:
            f.write(f"{name}\t{sex}\n")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
