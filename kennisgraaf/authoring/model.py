"""A plan's named graph ↔ the rows of its workbook, both ways driven by `columns.SHEETS`.

`to_rows` turns the triples of one plan into sheet rows and refuses a triple that no column
can hold (so a round trip never loses a fact silently). `from_rows` checks every cell and
turns the rows back into triples; each problem names `Blad!Cel` and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ..errors import KennisgraafError
from ..namespaces import ID, KN, ORG, XSD, bind_all
from ..resolve import NameIndex, slugify
from ..slugs import local_name
from .columns import LITERAL_KINDS, REGISTER_KINDS, SHEETS, Column, Sheet
from .registers import Registers

#: kinds a regisseur may add to the register from a workbook (--nieuw-toevoegen)
NEW_KINDS = {"organisatie": ORG.Organization, "onderwerp": SKOS.Concept}
#: Dutch 'het'-words take "onbekend", 'de'-words "onbekende"
HET_WORDS = {"thema", "onderwerp", "platform", "document", "kwartaal"}


def unknown(kind: str) -> str:
    return f"onbekend {kind}" if kind in HET_WORDS else f"onbekende {kind}"


class AuthoringError(KennisgraafError):
    """A plan or workbook that cannot be turned into the other (one message per problem)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class NewItem:
    kind: str
    iri: str
    label: str
    where: str  # Blad!Cel


@dataclass
class Result:
    graph: Graph
    plan: str
    theme: str  # the theme's slug
    year: str
    comments: dict[str, str] = field(default_factory=dict)  # IRI → Turtle comment
    new: list[NewItem] = field(default_factory=list)


def _split(value, names: bool = True) -> list[str]:
    """The values of a multi-valued cell: names split on ';' and line breaks, texts on line breaks."""
    if value is None:
        return []
    text = str(value).replace("\r", "")
    parts = [p.strip() for chunk in text.split("\n") for p in (chunk.split(";") if names else [chunk])]
    return [p for p in parts if p]


def _lexical_number(number: Decimal) -> str:
    return str(int(number)) if number == number.to_integral_value() else format(number.normalize(), "f")


# ---------------------------------------------------------------- graph → rows


def _cell(col: Column, values: list, registers: Registers, local: NameIndex, graph: Graph):
    if not values:
        return None
    if col.kind in LITERAL_KINDS:
        if col.multi:
            return "\n".join(sorted(str(v) for v in values))
        value = values[0]
        if col.kind in ("geheel", "jaar"):
            return int(str(value))
        if col.kind == "bedrag":
            number = Decimal(str(value))
            return int(number) if number == number.to_integral_value() else float(number)
        return str(value)
    if col.kind in REGISTER_KINDS:
        names = [registers.indexes[col.kind].label_for(str(v)) for v in values]
    elif col.kind == "programmalijn":
        names = [local.label_for(str(v)) for v in values]
    else:
        names = [graph.namespace_manager.normalizeUri(v) for v in values]
    return "; ".join(sorted(names, key=str.casefold))


def to_rows(
    graph: Graph, plan: str, registers: Registers, comments: dict[str, str] | None = None
) -> dict[str, list[dict]]:
    """The workbook rows of one plan graph; an error lists every triple no column can hold."""
    comments = comments or {}
    left = set(graph)
    plan_ref = URIRef(plan)
    rows: dict[str, list[dict]] = {sheet.name: [] for sheet in SHEETS}

    def take(subject, predicate) -> list:
        # rdflib's terms order themselves (Identifier.__lt__); its Node base type does not say so
        found = sorted(graph.objects(subject, URIRef(predicate)))  # type: ignore[type-var]
        for obj in found:
            left.discard((subject, URIRef(predicate), obj))
        return found

    local = NameIndex()
    for item in graph.subjects(RDF.type, URIRef(KN.Programmalijn)):
        local.add(str(item), str(graph.value(item, SKOS.prefLabel)), preferred=True)

    def fill(sheet: Sheet, subject) -> dict:
        row = {}
        for col in sheet.columns:
            if col.predicate is None:
                continue
            values = take(subject, col.predicate)
            if len(values) > 1 and not col.multi:
                raise AuthoringError(
                    [f"{_short(graph, subject)}: {len(values)} waarden voor {col.header}, het werkboek heeft er één"]
                )
            row[col.header] = _cell(col, values, registers, local, graph)
        return row

    for sheet in SHEETS:
        if sheet.shape == "plan":
            row = fill(sheet, plan_ref)
            take(plan_ref, RDF.type)
            notes = [note for key in ("", plan) if (note := comments.get(key))]
            row["Opmerking"] = "\n\n".join(notes) or None
            rows[sheet.name].append(row)
        elif sheet.shape == "items":
            soort = next((c for c in sheet.columns if c.kind == "keuze"), None)
            if sheet.rdf_type:
                classes = [sheet.rdf_type]
            elif soort is not None:
                classes = list(soort.choices.values())
            else:  # columns.py gives every items sheet a class or a 'keuze' column of classes
                raise ValueError(f"blad {sheet.name}: geen klasse en geen keuzekolom")
            for cls in classes:
                # rdflib's terms order themselves (Identifier.__lt__); its Node base type does not say so
                for subject in sorted(graph.subjects(RDF.type, URIRef(cls))):  # type: ignore[type-var]
                    if (subject, URIRef(KN.inPlan), plan_ref) not in graph:
                        continue
                    take(subject, RDF.type)
                    take(subject, KN.inPlan)
                    row = {"ID": local_name(str(subject)), **fill(sheet, subject)}
                    if soort is not None:
                        for value, chosen in soort.choices.items():
                            if chosen == cls:
                                row[soort.header] = value
                            elif (plan_ref, URIRef(chosen), subject) in graph:
                                row[soort.header] = value
                                left.discard((plan_ref, URIRef(chosen), subject))
                    row["Opmerking"] = comments.get(str(subject))
                    rows[sheet.name].append(row)
            rows[sheet.name].sort(key=lambda r: (r.get("Nr") or 0, r.get("Bronregel") or 0, r["ID"]))
        else:
            target = sheet.columns[0]
            role = sheet.columns[1] if len(sheet.columns) > 1 else None
            choices = role.choices if role else {"": target.predicate}
            for value, predicate in choices.items():
                for obj in take(plan_ref, predicate):
                    row = {target.header: _cell(target, [obj], registers, local, graph)}
                    if role:
                        row[role.header] = value
                    rows[sheet.name].append(row)
    if left:
        shown = sorted(f"{_short(graph, s)} {_short(graph, p)} {_short(graph, o)}" for s, p, o in left)
        raise AuthoringError([f"geen kolom in het werkboek voor: {t}" for t in shown])
    return rows


def _short(graph: Graph, term) -> str:
    return graph.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) else repr(str(term))


# ---------------------------------------------------------------- rows → graph


class _Reader:
    def __init__(self, registers: Registers, add_new: bool):
        self.registers, self.add_new = registers, add_new
        self.problems: list[str] = []
        self.new: list[NewItem] = []
        self.graph = Graph()
        bind_all(self.graph)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def literal(self, col: Column, raw, where: str) -> list[Literal]:
        datatype, language = LITERAL_KINDS[col.kind]
        values = _split(raw, names=False) if col.multi else ([] if raw is None or str(raw).strip() == "" else [raw])
        out = []
        for value in values:
            if col.kind == "bedrag":
                try:
                    number = Decimal(str(value).strip().replace(",", "."))
                except InvalidOperation:
                    self.problem(
                        where, f"'{value}' is geen bedrag — schrijf een getal zonder €-teken of punten, bijv. 15000"
                    )
                    continue
                out.append(Literal(_lexical_number(number), datatype=URIRef(XSD.decimal)))
            elif col.kind in ("geheel", "jaar"):
                text = str(value).strip()
                if isinstance(value, float) and value.is_integer():
                    text = str(int(value))
                if not text.isdigit():
                    what = "jaartal" if col.kind == "jaar" else "geheel getal"
                    example = 2026 if col.kind == "jaar" else 12
                    self.problem(
                        where,
                        f"'{value}' is geen {what} — schrijf alleen cijfers, bijv. {example}",
                    )
                    continue
                out.append(Literal(str(int(text)), datatype=URIRef(XSD[datatype])))
            elif col.kind == "datum":
                if isinstance(value, datetime | date):
                    text = (value.date() if isinstance(value, datetime) else value).isoformat()
                else:
                    text = str(value).strip()
                    try:
                        date.fromisoformat(text)
                    except ValueError:
                        self.problem(where, f"'{value}' is geen datum — schrijf JJJJ-MM-DD, bijv. 2026-03-12")
                        continue
                out.append(Literal(text, datatype=URIRef(XSD.date)))
            else:
                out.append(Literal(str(value).strip(), lang=language))
        return out

    def register(self, kind: str, raw: str, where: str) -> URIRef | None:
        index = self.registers.indexes[kind]
        hits = index.lookup(raw)
        if len(hits) == 1:
            return URIRef(next(iter(hits)))
        if len(hits) > 1:
            names = ", ".join(sorted(index.label_for(h) for h in hits))
            self.problem(where, f"'{raw}' is niet eenduidig ({names}) — schrijf de volledige naam of de ID")
            return None
        close = index.suggest(raw)
        if close:
            self.problem(where, f"{unknown(kind)} '{raw}' — bedoelt u '{close[0]}'?")
            return None
        if kind in NEW_KINDS and self.add_new:
            iri = ID[kind] + slugify(raw)
            self.new.append(NewItem(kind, iri, raw, where))
            index.add(iri, raw, preferred=True)
            return URIRef(iri)
        if kind in NEW_KINDS:
            self.problem(
                where,
                f"{kind} '{raw}' is nieuw: niet in het register — controleer de naam, "
                "of voeg haar toe met --nieuw-toevoegen",
            )
        else:
            self.problem(where, f"{unknown(kind)} '{raw}' — kies een waarde uit de keuzelijst")
        return None

    def local(self, kind: str, raw: str, where: str, items: NameIndex) -> URIRef | None:
        if kind == "item":
            prefix, _, slug = raw.partition(":")
            iri = ID.get(prefix, "") + slug if prefix in ID else None
            if iri and iri in items.labels:
                return URIRef(iri)
            self.problem(
                where,
                f"onbekende verwijzing '{raw}' — schrijf blad-voorvoegsel en ID, bijv. product:wk-2026-beslisboom-vth",
            )
            return None
        hits = items.lookup(raw)
        if len(hits) == 1:
            return URIRef(next(iter(hits)))
        close = items.suggest(raw)
        hint = f" — bedoelt u '{close[0]}'?" if close else " — zet hem eerst op het blad Programmalijnen"
        self.problem(where, f"{unknown(kind)} '{raw}'{hint}")
        return None

    def values(self, col: Column, raw, where: str, items: dict[str, NameIndex]) -> list:
        if col.kind in LITERAL_KINDS:
            return self.literal(col, raw, where)
        names = _split(raw) if col.multi else ([str(raw).strip()] if raw is not None and str(raw).strip() else [])
        out = []
        for name in names:
            if col.kind in items:
                term = self.local(col.kind, name, where, items[col.kind])
            else:
                term = self.register(col.kind, name, where)
            if term is not None:
                out.append(term)
        return out


def from_rows(rows: dict[str, list[dict]], registers: Registers, add_new: bool = False) -> Result:
    """Check every cell; the plan's graph, or an AuthoringError listing every problem."""
    reader = _Reader(registers, add_new)
    graph = reader.graph
    plan_sheet = next(s for s in SHEETS if s.shape == "plan")
    plan_rows = rows.get(plan_sheet.name, [])
    if len(plan_rows) != 1:
        raise AuthoringError([f"{plan_sheet.name}: vul precies één regel in (gevonden: {len(plan_rows)})"])
    plan_row = plan_rows[0]
    where = _where_factory(plan_sheet, plan_row)
    theme = reader.values(plan_sheet.column("Thema"), plan_row.get("Thema"), where("Thema"), {})
    year = reader.values(plan_sheet.column("Jaar"), plan_row.get("Jaar"), where("Jaar"), {})
    for header in ("Thema", "Jaar"):
        if plan_row.get(header) in (None, ""):
            reader.problem(where(header), f"{header} is verplicht")
    if not theme or not year:
        raise AuthoringError(reader.problems)
    theme_slug, year_text = local_name(str(theme[0])), str(year[0])
    notation = str(registers.graph.value(theme[0], SKOS.notation) or theme_slug)
    plan = URIRef(ID["plan"] + f"{year_text}-{theme_slug}")
    graph.add((plan, RDF.type, URIRef(KN.Kennisplan)))
    comments: dict[str, str] = {}
    if plan_row.get("Opmerking"):
        comments[""] = plan_row["Opmerking"]

    # every row of an item sheet gets its IRI first, so rows can point at each other
    subjects: dict[tuple[str, int], URIRef] = {}
    items = {"item": NameIndex(), "programmalijn": NameIndex()}
    for sheet in SHEETS:
        if sheet.shape != "items":
            continue
        if sheet.namespace is None:  # columns.py gives every items sheet the namespace of its IRIs
            raise ValueError(f"blad {sheet.name}: geen namespace voor de ID's")
        seen: dict[str, str] = {}
        for row in rows.get(sheet.name, []):
            name = row.get("Titel") or row.get("Naam")
            slug = str(row.get("ID") or "").strip()
            if not slug and name:
                base = slugify(str(name))
                slug = (
                    base
                    if sheet.namespace == "overleg"
                    else (
                        f"{notation}-{base}" if sheet.namespace == "programmalijn" else f"{notation}-{year_text}-{base}"
                    )
                )
            here = _where_factory(sheet, row)("ID")
            if not slug:
                continue
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
                reader.problem(here, f"ID '{slug}' mag alleen kleine letters, cijfers en '-' bevatten")
            if slug in seen:
                reader.problem(here, f"ID '{slug}' komt al voor in {seen[slug]} — geef elke regel een eigen ID")
            seen[slug] = here
            iri = URIRef(ID[sheet.namespace] + slug)
            subjects[(sheet.name, row["_row"])] = iri
            items["item"].add(str(iri), str(iri), preferred=True)
            if sheet.namespace == "programmalijn" and name:
                items["programmalijn"].add(str(iri), str(name), preferred=True)

    for sheet in SHEETS:
        for row in rows.get(sheet.name, []):
            where = _where_factory(sheet, row)
            for col in sheet.columns:
                raw = row.get(col.header)
                if col.required and (raw is None or str(raw).strip() == ""):
                    reader.problem(where(col.header), f"{col.header} is verplicht")
            if sheet.shape == "plan":
                _plan_row(reader, sheet, row, plan, theme[0], items)
            elif sheet.shape == "items":
                subject = subjects.get((sheet.name, row["_row"]))
                if subject is None:
                    continue
                _item_row(reader, sheet, row, plan, subject, items)
                if row.get("Opmerking"):
                    comments[str(subject)] = row["Opmerking"]
            else:
                _link_row(reader, sheet, row, plan, items)
    if reader.problems:
        raise AuthoringError(reader.problems)
    return Result(graph, str(plan), theme_slug, year_text, comments, reader.new)


def _where_factory(sheet: Sheet, row: dict):
    from openpyxl.utils import get_column_letter

    headers = [c.header for c in sheet.columns]

    def where(header: str) -> str:
        return f"{sheet.name}!{get_column_letter(headers.index(header) + 1)}{row.get('_row', 2)}"

    return where


def _plan_row(reader: _Reader, sheet: Sheet, row: dict, plan: URIRef, theme: URIRef, items) -> None:
    where = _where_factory(sheet, row)
    graph = reader.graph
    for col in sheet.columns:
        if col.predicate is None:
            continue
        for value in reader.values(col, row.get(col.header), where(col.header), items):
            graph.add((plan, URIRef(col.predicate), value))


def _item_row(reader: _Reader, sheet: Sheet, row: dict, plan: URIRef, subject: URIRef, items) -> None:
    where = _where_factory(sheet, row)
    graph = reader.graph
    graph.add((subject, URIRef(KN.inPlan), plan))
    if sheet.rdf_type:
        graph.add((subject, RDF.type, URIRef(sheet.rdf_type)))
    for col in sheet.columns:
        raw = row.get(col.header)
        if col.kind == "keuze":
            if raw in (None, ""):
                continue
            target = col.choices.get(str(raw).strip())
            if target is None:
                index = NameIndex()
                for value in col.choices:
                    index.add(value, value, preferred=True)
                close = index.suggest(str(raw))
                hint = f"bedoelt u '{close[0]}'?" if close else f"kies uit: {', '.join(col.choices)}"
                reader.problem(where(col.header), f"onbekende {col.header.lower()} '{raw}' — {hint}")
            elif target.startswith(KN) and target[len(KN) :][:1].isupper():
                graph.add((subject, RDF.type, URIRef(target)))
            else:
                graph.add((plan, URIRef(target), subject))
            continue
        if col.predicate is None:
            continue
        for value in reader.values(col, raw, where(col.header), items):
            graph.add((subject, URIRef(col.predicate), value))


def _link_row(reader: _Reader, sheet: Sheet, row: dict, plan: URIRef, items) -> None:
    where = _where_factory(sheet, row)
    target = sheet.columns[0]
    predicate = target.predicate
    if len(sheet.columns) > 1:
        role = sheet.columns[1]
        raw = row.get(role.header)
        predicate = role.choices.get(str(raw).strip()) if raw else None
        if raw and predicate is None:
            reader.problem(where(role.header), f"onbekende rol '{raw}' — kies uit: {', '.join(role.choices)}")
    values = reader.values(target, row.get(target.header), where(target.header), items)
    if predicate:
        for value in values:
            reader.graph.add((plan, URIRef(predicate), value))
