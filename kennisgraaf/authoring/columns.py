"""The one description of a plan workbook: its sheets, their columns, and what each means in RDF.

The workbook writer, the reader, its error messages, the "Toelichting" sheet and the README
all come from `SHEETS`, so a new column is one edit here. A column says which property it
fills, what kind of value it holds (a register it points into, a number, a text) and whether
it takes several values (separated by ';' or a line break in the cell).

Three shapes of sheet:
- "plan": one row about the plan itself (kn:Kennisplan);
- "items": one row per thing the plan states (a product, a meeting, ...), each with its own
  stable slug IRI in the sheet's namespace and `kn:inPlan` the plan;
- "links": one row per link from the plan to a register item (a partner, a law, ...), the
  property chosen by the row's "Rol" where a sheet has several.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..namespaces import DCTERMS, KN, ORG, RDFS, SCHEMA, SKOS

#: value kinds that are literals: kind → (datatype local name or None, language or None)
LITERAL_KINDS = {
    "tekst": (None, None),
    "tekst-nl": (None, "nl"),
    "geheel": ("integer", None),
    "bedrag": ("decimal", None),
    "jaar": ("gYear", None),
    "datum": ("date", None),
}
#: value kinds that point into a register (names resolved with resolve.NameIndex)
REGISTER_KINDS = (
    "thema",
    "persoon",
    "organisatie",
    "wet",
    "onderwerp",
    "platform",
    "vorm",
    "status",
    "kwartaal",
    "document",
)
#: value kinds that point to a row of this same workbook
LOCAL_KINDS = ("programmalijn", "item")

#: what each value kind means to a regisseur (Toelichting sheet, README)
KIND_HELP = {
    "tekst": "vrije tekst",
    "tekst-nl": "vrije tekst (Nederlands)",
    "geheel": "geheel getal",
    "bedrag": "bedrag in euro, zonder €-teken of punten (bijv. 15000 of 2500.50)",
    "jaar": "jaartal (bijv. 2026)",
    "datum": "datum als JJJJ-MM-DD",
    "thema": "een thema uit het register (keuzelijst)",
    "persoon": "een persoon uit het register personen (keuzelijst); een nieuwe regisseur eerst daar toevoegen",
    "organisatie": "een organisatie uit het register: naam of afkorting (keuzelijst)",
    "wet": "een wet of regeling uit het register (keuzelijst)",
    "onderwerp": "een onderwerp uit het register (keuzelijst)",
    "platform": "een platform uit het register (keuzelijst)",
    "vorm": "een vorm uit de lijst (keuzelijst)",
    "status": "een status uit de lijst (keuzelijst)",
    "kwartaal": "een kwartaal, bijv. 'Q2 2026' (keuzelijst)",
    "document": "een brondocument uit het register (keuzelijst)",
    "programmalijn": "de naam of ID van een regel op het blad Programmalijnen",
    "item": "de ID van een regel op een ander blad, met voorvoegsel (bijv. product:wk-2026-...)",
    "keuze": "een van de waarden in de keuzelijst",
}


@dataclass(frozen=True)
class Column:
    header: str  # Dutch column header in the workbook
    help: str  # the cell comment on the header: what to fill in
    predicate: str | None  # the property it fills (None: handled by the sheet, e.g. ID)
    kind: str = "tekst"
    multi: bool = False
    required: bool = False
    #: for kind "keuze": the allowed value → the property it selects
    choices: dict[str, str] = field(default_factory=dict)
    width: int = 18

    @property
    def letter_help(self) -> str:
        many = ""
        if self.multi:
            many = (
                "; meerdere teksten elk op een eigen regel in de cel"
                if self.kind in LITERAL_KINDS
                else "; meerdere waarden gescheiden door ';'"
            )
        need = " Verplicht." if self.required else ""
        return f"{self.help} ({KIND_HELP[self.kind]}{many}).{need}"


@dataclass(frozen=True)
class Sheet:
    name: str
    shape: str  # "plan", "items" or "links"
    help: str
    columns: tuple[Column, ...]
    rdf_type: str | None = None  # items: the class of every row (unless a "Soort" column says)
    namespace: str | None = None  # items: the ID_KINDS prefix of the rows' IRIs
    section: str = ""  # the Turtle comment heading of the sheet's block

    def column(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)


ID = Column(
    "ID", "Vaste sleutel van de regel (wordt het laatste deel van de IRI); leeg = afgeleid van de naam", None, width=34
)
BRONREGEL = Column("Bronregel", "Regelnummer in de plantekst waar dit staat", KN.bronRegel, "geheel", width=10)
OPMERKING = Column("Opmerking", "Toelichting voor de lezer van de Turtle (wordt commentaar, geen feit)", None, width=40)
ONDERWERPEN = Column("Onderwerpen", "Onderwerpen waar dit over gaat", KN.onderwerp, "onderwerp", multi=True, width=30)
WETTEN = Column("Wetgeving", "Wetten en regelingen waar dit over gaat", KN.wet, "wet", multi=True, width=24)
PLATFORMS = Column("Platforms", "Platforms waarop dit gebeurt of verschijnt", KN.platform, "platform", multi=True)
ZIE_OOK = Column("Zie ook", "Verwante regels op andere bladen", RDFS.seeAlso, "item", multi=True, width=30)
COMMENTAAR = Column(
    "Notitie", "Een notitie die als rdfs:comment in de graaf komt", RDFS.comment, "tekst-nl", multi=True, width=30
)
NAAM = Column("Naam", "De naam zoals het plan hem schrijft", SKOS.prefLabel, "tekst-nl", required=True, width=40)
AFKORTINGEN = Column("Andere namen", "Afkortingen en andere namen", SKOS.altLabel, "tekst-nl", multi=True)
LEDEN = Column("Deelnemers", "Deelnemende organisaties", ORG.hasMember, "organisatie", multi=True, width=30)
ONDERWERPTEKST = Column("Onderwerp (tekst)", "Het onderwerp zoals het plan het beschrijft", KN.onderwerpTekst, width=30)
VORM = Column("Vorm", "De vorm", KN.vorm, "vorm")
PROGRAMMALIJN = Column(
    "Programmalijn", "De programmalijn (blad Programmalijnen)", KN.programmalijn, "programmalijn", multi=True
)
BUDGET = Column("Budget", "Bedrag in euro", KN.budget, "bedrag", width=12)
BUDGETTEKST = Column(
    "Budget (tekst)", "Budget als tekst als er geen bedrag staat (bijv. 'n.v.t.')", KN.budgetTekst, width=12
)
BUDGETJAAR = Column(
    "Budgetjaar", "Uit welk budgetjaar het bedrag komt, als dat niet het planjaar is", KN.budgetjaar, "jaar", width=10
)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Plan",
        "plan",
        "Eén regel: het plan zelf (thema, jaar, status, datum, regisseur, budgetten).",
        (
            Column("Thema", "Het thema van dit plan", KN.thema, "thema", required=True, width=26),
            Column("Jaar", "Het planjaar", KN.jaar, "jaar", required=True, width=8),
            Column("Naam", "De titel van het plan", SKOS.prefLabel, "tekst-nl", required=True, width=36),
            Column(
                "Brondocument",
                "Het gepubliceerde plan (register Brondocumenten)",
                KN.bronDocument,
                "document",
                width=36,
            ),
            Column("Planstatus", "Status van het plan zoals op de voorkant (bijv. 'Definitief')", KN.planstatus),
            Column("Versie", "Versie zoals in het colofon", KN.versie),
            Column("Datum (tekst)", "Datum zoals in het colofon (bijv. 'februari 2026')", KN.datumTekst),
            Column("Datum", "Datum van uitgave als er een dag staat", DCTERMS.issued, "datum", width=12),
            Column(
                "Kennisregisseur",
                "De kennisregisseur van dit plan: een persoon uit graph/registers/personen.ttl",
                KN.kennisregisseur,
                "persoon",
                width=24,
            ),
            Column(
                "Activiteitenbudget",
                "Het activiteitenbudget zoals het plan het noemt",
                KN.activiteitenbudget,
                "bedrag",
                width=14,
            ),
            Column(
                "Tabeltotaal", "De regel 'Totaal' onder de tabel kennisproducten", KN.tabelTotaal, "bedrag", width=12
            ),
            Column(
                "Planningsgrafiek",
                "Regel van een planning die alleen als grafiek in het plan staat",
                KN.planningsgrafiek,
                "geheel",
                width=10,
            ),
            OPMERKING,
        ),
        rdf_type=KN.Kennisplan,
        namespace="plan",
        section="The plan",
    ),
    Sheet(
        "Producten",
        "items",
        "Eén regel per kennisproduct in de tabel kennisproducten, in volgorde.",
        (
            ID,
            Column("Nr", "Volgnummer van de rij in de tabel", KN.volgnummer, "geheel", required=True, width=6),
            Column("Titel", "De titel van het kennisproduct", DCTERMS["title"], "tekst-nl", required=True, width=44),
            VORM,
            Column("Status", "De status (Bindend, Adviserend, ...)", KN.status, "status"),
            Column("Planning", "De planning zoals geschreven (bijv. 'Start Q1 / Afronding Q3')", KN.planning),
            Column("Kwartalen", "Alle kwartalen waarin het loopt", KN.kwartaal, "kwartaal", multi=True, width=24),
            Column("Start", "Startkwartaal van een periode", KN.startKwartaal, "kwartaal", width=10),
            Column("Eind", "Eindkwartaal van een periode", KN.eindKwartaal, "kwartaal", width=10),
            BUDGET,
            BUDGETTEKST,
            BUDGETJAAR,
            PROGRAMMALIJN,
            ONDERWERPEN,
            Column("Partners", "Partners bij dit product", KN.partner, "organisatie", multi=True, width=24),
            Column(
                "Genoemde organisaties",
                "Organisaties die het product noemt zonder partner te zijn",
                KN.noemtOrganisatie,
                "organisatie",
                multi=True,
            ),
            WETTEN,
            PLATFORMS,
            ZIE_OOK,
            BRONREGEL,
            COMMENTAAR,
            OPMERKING,
        ),
        rdf_type=KN.Kennisproduct,
        namespace="product",
        section="Tabel: kennisproducten",
    ),
    Sheet(
        "Overleggen",
        "items",
        "Eén regel per overleg, netwerk of werkgroep waar het plan aan deelneemt.",
        (
            ID,
            Column(
                "Soort",
                "Overleg, Netwerk of Werkgroep",
                None,
                "keuze",
                required=True,
                choices={"Overleg": KN.Overleg, "Netwerk": KN.Netwerk, "Werkgroep": KN.Werkgroep},
                width=12,
            ),
            NAAM,
            AFKORTINGEN,
            ONDERWERPTEKST,
            Column("Deelnemers (tekst)", "De deelnemers zoals het plan ze beschrijft", KN.deelnemersTekst, width=30),
            LEDEN,
            Column("Beheerder", "De organisatie die het organiseert", KN.beheerder, "organisatie", multi=True),
            Column("Frequentie", "Hoe vaak, zoals geschreven (bijv. 'Viermaal per jaar')", KN.frequentie),
            Column("Per jaar", "Aantal keer per jaar, als het plan dat zegt", KN.perJaar, "bedrag", width=8),
            ONDERWERPEN,
            WETTEN,
            PLATFORMS,
            ZIE_OOK,
            BRONREGEL,
            COMMENTAAR,
            OPMERKING,
        ),
        namespace="overleg",
        section="Samenwerkingsverbanden: overleggen, netwerken en werkgroepen",
    ),
    Sheet(
        "Bijeenkomsten",
        "items",
        "Eén regel per bijeenkomst met een datum of kwartaal (webinar, kennisdag).",
        (
            ID,
            NAAM,
            VORM,
            Column("Datum", "De datum (JJJJ-MM-DD) als die vaststaat", SCHEMA.startDate, "datum", width=12),
            Column("Datum (tekst)", "De datum zoals geschreven, als die geen dag is", KN.datumTekst),
            Column("Kwartaal", "Het kwartaal", KN.kwartaal, "kwartaal", multi=True, width=12),
            ONDERWERPEN,
            PLATFORMS,
            ZIE_OOK,
            BRONREGEL,
            OPMERKING,
        ),
        rdf_type=KN.Bijeenkomst,
        namespace="bijeenkomst",
        section="Bijeenkomsten",
    ),
    Sheet(
        "Programmalijnen",
        "items",
        "Eén regel per programmalijn of categorie van het plan.",
        (
            ID,
            NAAM,
            AFKORTINGEN,
            Column("Code", "Korte code of nummer van de lijn", SKOS.notation, width=8),
            Column("Nr", "Volgnummer", KN.volgnummer, "geheel", width=6),
            Column("Toelichting lijn", "Toelichting op de lijn", SKOS.scopeNote, "tekst-nl", width=30),
            BRONREGEL,
            OPMERKING,
        ),
        rdf_type=KN.Programmalijn,
        namespace="programmalijn",
        section="Programmalijnen",
    ),
    Sheet(
        "Begroting",
        "items",
        "Eén regel per begrotingspost (buiten of naast de tabel kennisproducten).",
        (
            ID,
            Column(
                "Soort",
                "tabelpost (een rij van de budgettabel) of begrotingspost (een ander budget)",
                None,
                "keuze",
                required=True,
                choices={"tabelpost": KN.tabelpost, "begrotingspost": KN.begrotingspost},
                width=14,
            ),
            NAAM,
            BUDGET,
            BUDGETTEKST,
            BUDGETJAAR,
            PROGRAMMALIJN,
            PLATFORMS,
            BRONREGEL,
            OPMERKING,
        ),
        rdf_type=KN.Begrotingspost,
        namespace="begroting",
        section="Begroting",
    ),
    Sheet(
        "Overdrachten",
        "items",
        "Eén regel per regieoverdracht: een onderwerp dat naar een ander thema gaat.",
        (
            ID,
            NAAM,
            Column("Naar thema", "Het thema dat de regie krijgt", KN.naarThema, "thema", required=True, width=24),
            ONDERWERPEN,
            ONDERWERPTEKST,
            Column("Voorwaarde", "De voorwaarde van de overdracht, zoals geschreven", KN.voorwaarde, width=30),
            BRONREGEL,
            OPMERKING,
        ),
        rdf_type=KN.Regieoverdracht,
        namespace="overdracht",
        section="Regieoverdrachten",
    ),
    Sheet(
        "Aangedragen",
        "items",
        "Eén regel per aangedragen onderwerp (tabel van Actuele vraagstukken).",
        (
            ID,
            NAAM,
            Column("Actie", "De actie zoals geschreven", KN.actie),
            Column("Ander thema", "Thema dat het oppakt", KN.anderThema, "thema", multi=True),
            Column("Ander thema (tekst)", "Ander kennisthema zoals geschreven", KN.anderThemaTekst),
            ONDERWERPEN,
            WETTEN,
            Column(
                "Genoemde organisaties",
                "Organisaties die genoemd worden",
                KN.noemtOrganisatie,
                "organisatie",
                multi=True,
            ),
            BRONREGEL,
            OPMERKING,
        ),
        rdf_type=KN.AangedragenOnderwerp,
        namespace="aangedragen",
        section="Aangedragen onderwerpen",
    ),
    Sheet(
        "Samenwerking",
        "items",
        "Eén regel per zin die werk bij een ander thema legt of met een ander thema deelt (issue 16).",
        (
            ID,
            Column(
                "Product",
                "Het product waarvoor de samenwerking nodig is (leeg: het plan als geheel)",
                KN.betreftProduct,
                "item",
                width=30,
            ),
            Column("Partnerthema", "Het andere thema", KN.partnerThema, "thema", required=True, multi=True, width=30),
            Column("Aard", "'samen met', 'voor' of 'afhankelijk van'", KN.aard, required=True, width=16),
            ONDERWERPEN,
            Column("Citaat", "De zin uit het plan, letterlijk", KN.citaat, "tekst-nl", required=True, width=50),
            BRONREGEL,
            OPMERKING,
        ),
        rdf_type=KN.Samenwerking,
        namespace="samenwerking",
        section="Samenwerking met andere thema's",
    ),
    Sheet(
        "Organisaties",
        "links",
        "Eén regel per organisatie die het plan noemt, met haar rol.",
        (
            Column("Organisatie", "Naam of afkorting uit het register", None, "organisatie", required=True, width=36),
            Column(
                "Rol",
                "partner, stakeholder of genoemd (in een andere rol)",
                None,
                "keuze",
                required=True,
                choices={"partner": KN.partner, "stakeholder": KN.stakeholder, "genoemd": KN.noemtOrganisatie},
                width=14,
            ),
        ),
        section="Organisaties",
    ),
    Sheet(
        "Wetgeving",
        "links",
        "Eén regel per wet of regeling die het plan noemt.",
        (Column("Wet", "Naam of afkorting uit het register", KN.wet, "wet", required=True, width=40),),
        section="Wetgeving",
    ),
    Sheet(
        "Onderwerpen",
        "links",
        "Eén regel per hoofdonderwerp van het plan.",
        (Column("Onderwerp", "Onderwerp uit het register", KN.onderwerp, "onderwerp", required=True, width=36),),
        section="Onderwerpen",
    ),
    Sheet(
        "Platforms",
        "links",
        "Eén regel per platform dat het plan gebruikt.",
        (Column("Platform", "Platform uit het register", KN.platform, "platform", required=True, width=36),),
        section="Platforms",
    ),
    Sheet(
        "Samenhang",
        "links",
        "Eén regel per ander thema waarmee het plan samenhang noemt.",
        (Column("Thema", "Thema uit het register", KN.samenhangMet, "thema", required=True, width=36),),
        section="Samenhang met andere thema's",
    ),
)

SHEET = {sheet.name: sheet for sheet in SHEETS}
