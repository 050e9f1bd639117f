"""The actor lexicons: countries, places, organisations, sector nouns, offices and people.

Everything here is read from the TSV files in ``accord/resolve/data`` (plus pycountry's ISO 3166
names) through ``accord.base.tsv`` on first use and cached; nothing is loaded at import time. A
malformed row raises ``DataFileError`` naming its file and line. ``country_code(name)`` resolves
one name against the tables.

>>> lexicon().countries["indian"].code
'IND'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast, get_args

from accord.base.tsv import TsvRow, data_file, read_tsv
from accord.records import EntityKind

__all__ = [
    "CountryForm",
    "Lexicon",
    "OfficeEntry",
    "OrgEntry",
    "PersonRole",
    "PlaceEntry",
    "case_sensitive",
    "country_code",
    "gazetteer_role",
    "lexicon",
    "norm",
    "people",
    "place_rank",
]


@dataclass(frozen=True)
class CountryForm:
    """One way of writing a country: ``form`` is name, historic, adjective, demonym or prefix."""

    code: str
    form: str
    spellings: frozenset[str]  # as written in the sources; all-capitals ones are case-sensitive


@dataclass(frozen=True)
class PlaceEntry:
    name: str
    code: str
    lat: float | None
    lon: float | None
    kind: str  # capital, city (500,000+), town, region, building
    sector: str | None  # the sector a metonymic use stands for (capitals: GOV)
    population: int | None = None
    word: bool = False  # the name is also an English word ("Nice", "Split"): needs more evidence
    curated: bool = False  # from places_extra.tsv: always known, like a capital

    @property
    def known_alone(self) -> bool:
        """Capitals, cities of 500,000+ and curated places are believed wherever they are named."""
        return self.curated or self.kind in ("capital", "city", "building")


@dataclass(frozen=True)
class OrgEntry:
    name: str
    code: str
    sector: str
    kind: EntityKind
    spellings: frozenset[str]


@dataclass(frozen=True)
class OfficeEntry:
    office: str
    sector: str | None
    role: str  # office, head or title
    code: str | None = None  # a country the office implies by itself (the Pope: VAT)


@dataclass(frozen=True)
class PersonRole:
    name: str
    code: str
    sector: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Lexicon:
    countries: dict[str, CountryForm]  # normalised phrase -> form
    country_names: dict[str, str]  # code -> display name
    places: dict[str, PlaceEntry]  # the places named without context: capitals, big cities, curated
    orgs: dict[str, OrgEntry]
    sectors: dict[str, tuple[str, EntityKind]]  # phrase -> (sector, kind)
    bare_sectors: frozenset[str]  # sector phrases that name an actor without a country word
    offices: dict[str, OfficeEntry]
    # Every known place by normalised name (a name may be several places): towns and regions too.
    place_candidates: dict[str, tuple[PlaceEntry, ...]]
    place_stoplist: frozenset[str]  # normalised names that need a place noun ("the town of Police")
    country_weight: dict[str, int]  # code -> people in its listed cities: breaks ties between regions

    def place_codes(self, key: str) -> set[str]:
        """The countries of every place named ``key`` (normalised); empty if none."""
        return {p.code for p in self.place_candidates.get(key, ())}


def norm(text: str) -> str:
    """Lower-case, typographic apostrophes and hyphens folded, spaces collapsed."""
    return " ".join(text.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").lower().split())


def case_sensitive(spellings: frozenset[str]) -> bool:
    """Whether a phrase is an acronym ("US", "UK", "IS"), which matches only as written."""
    return any(s.replace(".", "").isupper() and len(s.replace(".", "")) <= 5 for s in spellings)


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code for a country name, short form, adjective or demonym, else None.

    Case matters only for acronyms ("US" is the United States, "us" is nothing). Historic names
    resolve per ``data/countries.tsv`` ("Burma" MMR, "Soviet" SUN).

    >>> country_code("Indians"), country_code("S. Korea"), country_code("us")
    ('IND', 'KOR', None)
    """
    text = name.strip().rstrip("-").strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    form = lexicon().countries.get(norm(text))
    if form is None:
        return None
    if case_sensitive(form.spellings) and text not in form.spellings:
        return None
    return form.code


def _rows(filename: str) -> list[TsvRow]:
    """Rows of a data TSV in ``accord/resolve/data`` (comment lines give the source, then the header)."""
    return read_tsv(data_file("accord.resolve", filename))


def _kind(row: TsvRow) -> EntityKind:
    """The row's ``kind`` column, which must name an entity kind ("organization" or "group")."""
    kind = row["kind"]
    if kind not in get_args(EntityKind):
        raise row.error(f"kind {kind!r} is not one of {', '.join(get_args(EntityKind))}")
    return cast(EntityKind, kind)


def _float(text: str) -> float | None:
    return float(text) if text else None


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Loading the tables makes some hundred thousand small objects, none in a reference cycle; the
    cycle collector would scan them, and the rest of a big heap (a loaded spaCy model), many times
    over, which makes up a third of the load time or more."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All phrase tables, loaded once; raises ``DataFileError`` (file:line) for a malformed row."""
    with _without_cycle_collection():
        return _load_lexicon()


def _load_lexicon() -> Lexicon:
    import pycountry

    spellings: dict[str, dict[str, set[str]]] = {}
    forms: dict[str, tuple[str, str]] = {}
    display: dict[str, str] = {}

    def add_country(code: str, form: str, variant: str) -> None:
        variant = variant.strip()
        if not variant:
            return
        key = norm(variant)
        # The first table to name a phrase wins; ours come after pycountry's official names.
        forms.setdefault(key, (code, form))
        if forms[key][0] == code:
            spellings.setdefault(key, {}).setdefault(code, set()).add(variant)

    extra = list(_rows("countries.tsv"))
    for row in extra:
        if row["form"] == "display":
            display[row["code"]] = row["variants"]
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                add_country(country.alpha_3, "name", name)
                display.setdefault(country.alpha_3, name)
    for row in extra:
        if row["form"] == "display":
            continue
        for variant in row["variants"].split("|"):
            add_country(row["code"], row["form"], variant)
            if row["form"] in ("name", "historic"):
                display.setdefault(row["code"], variant)
    countries = {
        key: CountryForm(code, form, frozenset(spellings.get(key, {}).get(code, ())))
        for key, (code, form) in forms.items()
    }

    places, candidates, weight = _places()

    orgs: dict[str, OrgEntry] = {}
    for row in _rows("organisations.tsv"):
        variants = {row["name"], *(v for v in row["variants"].split("|") if v)}
        entry = OrgEntry(
            row["name"],
            reported_code(row["code"], row["sector"]),
            row["sector"],
            _kind(row),
            frozenset(variants),
        )
        for variant in variants:
            key = norm(variant)
            if key in orgs:
                orgs[key] = OrgEntry(
                    orgs[key].name,
                    orgs[key].code,
                    orgs[key].sector,
                    orgs[key].kind,
                    orgs[key].spellings | {variant},
                )
            else:
                orgs[key] = entry

    sectors: dict[str, tuple[str, EntityKind]] = {}
    for row in _rows("sectors.tsv"):
        sectors[norm(row["phrase"])] = (row["sector"], "group")
    bare: set[str] = set()
    for row in _rows("sectors_extra.tsv"):
        sectors[norm(row["phrase"])] = (row["sector"], _kind(row))
        if row["bare"] == "yes":
            bare.add(norm(row["phrase"]))

    offices: dict[str, OfficeEntry] = {}
    for row in _rows("offices.tsv"):
        sector = row["sector"] if row["sector"] not in ("", "-") else None
        offices[norm(row["phrase"])] = OfficeEntry(row["office"], sector, row["role"], row["code"] or None)

    stoplist = frozenset(norm(row["name"]) for row in _rows("places_stoplist.tsv"))
    return Lexicon(
        countries, display, places, orgs, sectors, frozenset(bare), offices, candidates, stoplist, weight
    )


# Bodies coded by their own name in output: the United Nations and the European Union, as the PLOVER
# manual and the annotation guide single them out. Other intergovernmental bodies are IGO, other NGOs NGO,
# and transnational armed groups (CAMEO's IMG) REB; the body itself stays in the entity's name.
_OWN_CODES = frozenset({"UNO", "EUR"})
# Country codes of CAMEO (in the Phoenix people dictionary) that ISO 3166 writes otherwise.
_ISO_FOR_CAMEO = {"TMP": "TLS", "KSV": "XKX"}


def reported_code(code: str, sector: str) -> str:
    """The code Accord reports for an organisation with table code ``code`` and ``sector``.

    >>> reported_code("NAT", "IGO"), reported_code("UNO", "IGO"), reported_code("IMG", "REB"), reported_code("PSE", "REB")
    ('IGO', 'UNO', 'REB', 'PSE')
    """
    if code in _OWN_CODES:
        return code
    if sector in ("IGO", "NGO"):
        return sector
    return "REB" if code == "IMG" else code


def _places() -> tuple[dict[str, PlaceEntry], dict[str, tuple[PlaceEntry, ...]], dict[str, int]]:
    """The place tables: names believed alone, every candidate per name, and each country's weight.

    A name in ``places_extra.tsv`` replaces every generated place of that name (an analyst's choice:
    "Jerusalem" ISR, "Kashmir" IND). Among generated places that share a name, the one believed alone
    is a capital, else the most populous city of 500,000+.
    """
    generated: dict[str, list[PlaceEntry]] = {}
    weight: dict[str, int] = {}
    for row in _rows("places.tsv"):
        kind = row["kind"]
        population = int(row["population"]) if row["population"] else None
        entry = PlaceEntry(
            row["name"],
            row["country_code"],
            _float(row["lat"]),
            _float(row["lon"]),
            kind,
            "GOV" if kind == "capital" else None,
            population,
            row["word"] == "y",
        )
        weight[entry.code] = weight.get(entry.code, 0) + (population or 0)
        for variant in {row["name"], *(v for v in row["variants"].split("|") if v)}:
            generated.setdefault(norm(variant), []).append(entry)
    curated: dict[str, list[PlaceEntry]] = {}
    for row in _rows("places_extra.tsv"):
        kind = row["kind"]
        sector = row["sector"] or ("GOV" if kind == "capital" else None)
        entry = PlaceEntry(
            row["name"],
            row["country_code"],
            _float(row["lat"]),
            _float(row["lon"]),
            kind,
            sector,
            curated=True,
        )
        curated.setdefault(norm(row["name"]), []).append(entry)
    candidates: dict[str, tuple[PlaceEntry, ...]] = {}
    for key, entries in generated.items():
        if len(entries) > 1:  # most names are one place, and a sort of one changes nothing
            entries.sort(key=lambda p: place_rank(p, weight), reverse=True)
        candidates[key] = tuple(entries)
    candidates.update((key, tuple(entries)) for key, entries in curated.items())
    places = {key: entries[0] for key, entries in candidates.items() if entries[0].known_alone}
    return places, candidates, weight


_KIND_RANK = {"building": 5, "capital": 4, "city": 3, "region": 2}  # any other kind (town): 1


def place_rank(place: PlaceEntry, weight: dict[str, int]) -> tuple[int, int]:
    """How likely a bare name means this place: capitals, then big cities, regions, towns; then size."""
    order = _KIND_RANK.get(place.kind, 1)
    size = place.population if place.population is not None else weight.get(place.code, 0) // 1000
    return (5 if place.curated else order, size)


@functools.lru_cache(maxsize=1)
def people() -> dict[str, tuple[PersonRole, ...]]:
    """The people gazetteer (``people.tsv``): lower-cased name variant -> the roles of that name."""
    index: dict[str, list[PersonRole]] = {}
    with _without_cycle_collection():
        for row in _rows("people.tsv"):
            role = PersonRole(
                row["name"],
                reported_code(_ISO_FOR_CAMEO.get(row["code"], row["code"]), row["sector"]),
                row["sector"] or None,
                _date(row["valid_from"]),
                _date(row["valid_to"]),
            )
            for variant in row["variants"].split("|"):
                index.setdefault(variant, []).append(role)
    return {key: tuple(roles) for key, roles in index.items()}


@functools.lru_cache(maxsize=1)
def _leaders_by_surname() -> dict[str, tuple[PersonRole, ...]]:
    """Government people of the gazetteer by surname alone ("Bush", "Putin", "Blair"): wire copy names
    leaders by surname once they are known. Used for one-word names the gazetteer lacks, and only
    where every such role on the day has one country (``gazetteer_role`` checks)."""
    index: dict[str, list[PersonRole]] = {}
    for roles in people().values():
        for role in roles:
            words = norm(role.name).split()
            if len(words) > 1 and role.sector == "GOV":
                index.setdefault(words[-1], []).append(role)
    return {key: tuple(dict.fromkeys(value)) for key, value in index.items()}


def gazetteer_role(name: str, report_date: dt.date | None) -> PersonRole | None:
    """The role the people gazetteer gives ``name`` on ``report_date``; None if none or ambiguous.

    Without a report date, the roles still open (no end date) count. Two roles with different
    countries on the same day make the name ambiguous (two people share it).
    """
    roles = people().get(norm(name), ()) or _leaders_by_surname().get(norm(name), ())
    if report_date is not None:
        valid = [r for r in roles if r.valid_on(report_date)]
    else:
        valid = [r for r in roles if r.valid_to is None and r.valid_from is not None]
    if not valid or len({r.code for r in valid}) > 1:
        return None
    # Prefer the role that started last: the office held on that day, not an older one still open.
    return max(valid, key=lambda r: r.valid_from or dt.date.min)
