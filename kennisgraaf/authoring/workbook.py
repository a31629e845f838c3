"""The plan workbook as an .xlsx file (openpyxl): writing it with dropdowns, reading it back.

Every sheet, header, header comment, width and dropdown comes from `columns.SHEETS`. The
dropdown lists live on a hidden sheet "Lijsten" (Excel limits an inline list to 255
characters). Columns that take several values get the dropdown too, but as a hint: picking
one value and typing '; ' and another is allowed, and `inlezen` checks every name.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import KennisgraafError
from ..resolve import NameIndex
from ..xlsx import empty_workbook
from .columns import KIND_HELP, LITERAL_KINDS, LOCAL_KINDS, SHEETS, Column
from .registers import Registers

LISTS = "Lijsten"
GUIDE = "Toelichting"


def _choices(registers: Registers, col: Column) -> list[str]:
    if col.kind == "keuze":
        return list(col.choices)
    index: NameIndex = registers.indexes[col.kind]
    return sorted({index.label_for(iri) for iri in index.labels}, key=str.casefold)


def write_workbook(rows: dict[str, list[dict]], registers: Registers, path: Path) -> Path:
    """Write the workbook; `rows` may be empty lists for a new plan."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = empty_workbook()
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    list_ranges: dict[tuple, str] = {}
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")

    def list_range(col: Column) -> str | None:
        key = (col.kind, tuple(col.choices))
        if col.kind in LITERAL_KINDS or col.kind in LOCAL_KINDS:
            return None
        if key not in list_ranges:
            values = _choices(registers, col)
            if not values:
                return None
            column = get_column_letter(len(list_ranges) + 1)
            lists[f"{column}1"] = col.kind if col.kind != "keuze" else col.header
            for i, value in enumerate(values, start=2):
                lists[f"{column}{i}"] = value
            list_ranges[key] = f"{LISTS}!${column}$2:${column}${len(values) + 1}"
        return list_ranges[key]

    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name)
        for i, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=i, value=col.header)
            cell.font, cell.fill = bold, fill
            cell.comment = Comment(col.letter_help, "kennisgraaf", width=300, height=120)
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = col.width
            source = list_range(col)
            if source:
                strict = not col.multi
                check = DataValidation(
                    type="list",
                    formula1=f"={source}",
                    allow_blank=True,
                    showErrorMessage=strict,
                    errorStyle="stop" if strict else "information",
                )
                check.error = f"Kies een waarde uit de lijst ({KIND_HELP[col.kind]})."
                check.prompt = col.help
                ws.add_data_validation(check)
                last = 2 if sheet.shape == "plan" else 500
                check.add(f"{letter}2:{letter}{last}")
        for r, row in enumerate(rows.get(sheet.name, []), start=2):
            for i, col in enumerate(sheet.columns, start=1):
                value = row.get(col.header)
                if value is not None:
                    cell = ws.cell(row=r, column=i, value=value)
                    if isinstance(value, str) and "\n" in value:
                        cell.alignment = wrap
        ws.freeze_panes = "A2"
    guide = book.create_sheet(GUIDE, 0)
    _write_guide(guide, bold)
    book.active = 0
    path = Path(path)
    try:
        book.save(path)
    except OSError as err:
        raise KennisgraafError(f"{path}: kan het werkboek niet schrijven ({err.strerror or err})") from None
    return path


def guide_lines() -> list[tuple[str, str, str]]:
    """(sheet, column, what to fill in) for every column: the Toelichting sheet and the README."""
    lines = []
    for sheet in SHEETS:
        lines.append((sheet.name, "", sheet.help))
        for col in sheet.columns:
            lines.append(("", col.header, col.letter_help))
    return lines


def _write_guide(ws, bold) -> None:
    ws["A1"] = "Toelichting bij het werkboek van een kennisplan"
    ws["A1"].font = bold
    intro = [
        "Vul elk blad in: één regel per rij in het plan. Laat een cel leeg als het plan er niets over zegt.",
        "Kolommen met een keuzelijst nemen namen uit de registers; meerdere waarden scheidt u met ';'.",
        "Bronregel is het regelnummer in de plantekst (graph/bronnen/<jaar>/...txt) waar het feit staat.",
        "Inlezen: kennisgraaf inlezen plan.xlsx --dry-run (toont wat er verandert), daarna zonder --dry-run.",
        "Een onbekende organisatie of onderwerp wordt gemeld; met --nieuw-toevoegen komt zij in het register.",
    ]
    for i, line in enumerate(intro, start=2):
        ws.cell(row=i, column=1, value=line)
    start = len(intro) + 3
    for j, header in enumerate(("Blad", "Kolom", "Wat vult u in"), start=1):
        ws.cell(row=start, column=j, value=header).font = bold
    for i, (sheet, column, text) in enumerate(guide_lines(), start=start + 1):
        ws.cell(row=i, column=1, value=sheet).font = bold
        ws.cell(row=i, column=2, value=column)
        ws.cell(row=i, column=3, value=text)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 110
    ws.freeze_panes = f"A{start + 1}"


def read_workbook(path: Path) -> dict[str, list[dict]]:
    """Every filled row of every known sheet, keyed by header, with its Excel row number."""
    from openpyxl import load_workbook

    path = Path(path)
    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise KennisgraafError(f"{path}: bestand bestaat niet") from None
    except Exception as err:  # openpyxl raises zipfile/KeyError/InvalidFileException alike
        raise KennisgraafError(f"{path}: geen leesbaar Excel-werkboek (.xlsx): {err}") from None
    problems = []
    rows: dict[str, list[dict]] = {}
    for sheet in SHEETS:
        if sheet.name not in book.sheetnames:
            problems.append(
                f"{path.name}: blad '{sheet.name}' ontbreekt — maak het werkboek met 'kennisgraaf werkboek'"
            )
            continue
        ws = book[sheet.name]
        headers = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))] if ws.max_row else []
        expected = [c.header for c in sheet.columns]
        if [h for h in headers[: len(expected)]] != expected:
            from openpyxl.utils import get_column_letter

            for i, want in enumerate(expected):
                got = headers[i] if i < len(headers) else None
                if got != want:
                    problems.append(
                        f"{sheet.name}!{get_column_letter(i + 1)}1: kolom '{want}' verwacht, gevonden "
                        f"'{got or ''}' — verplaats of hernoem geen kolommen"
                    )
                    break
            continue
        found = []
        for number, values in enumerate(ws.iter_rows(min_row=2, max_col=len(expected), values_only=True), start=2):
            cells = {h: (v.strip() if isinstance(v, str) else v) for h, v in zip(expected, values, strict=False)}
            cells = {h: (None if v == "" else v) for h, v in cells.items()}
            if all(v is None for v in cells.values()):
                continue
            cells["_row"] = number
            found.append(cells)
        rows[sheet.name] = found
    if problems:
        from .model import AuthoringError

        raise AuthoringError(problems)
    return rows
