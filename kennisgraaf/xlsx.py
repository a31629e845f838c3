"""Tables as one Excel workbook (openpyxl): the format a regisseur opens without a dialog.

Typed cells (numbers as numbers, euros with a € format, dates as dates), one sheet per
table, the header row frozen and an autofilter on it, and a list ("a; b; c") as one cell
with a line per item, so a filter still sees one row per record.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from .tables import JOIN, Table

if TYPE_CHECKING:
    from openpyxl import Workbook

EURO_FORMAT = '"€" #,##0;-"€" #,##0'
DATE_FORMAT = "DD-MM-YYYY"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _BAD_SHEET_CHARS.sub("-", title).strip() or "tabel"
    name, n = base[:31], 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def cell_value(value: object, as_list: bool):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):  # STR(?date) in a query: still a date
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and as_list and JOIN in value:
        return "\n".join(value.split(JOIN))
    return value


def empty_workbook() -> Workbook:
    """A workbook without sheets: openpyxl opens a new one with an empty "Sheet" we never want."""
    from openpyxl import Workbook

    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    return book


def workbook(tables: list[Table]) -> bytes:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = empty_workbook()
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.title or "tabel", used))
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(c) for c in table.columns]
        for row in table.rows:
            sheet.append([cell_value(v, table.is_list(table.columns[i])) for i, v in enumerate(row)])
            for i, v in enumerate(row):
                longest = max((len(part) for part in str(v or "").split(JOIN)), default=0)
                widths[i] = max(widths[i], longest)
        for index, column in enumerate(table.columns, start=1):
            money = table.is_money(column)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if money and isinstance(cell.value, (int, float)):
                    cell.number_format = EURO_FORMAT
                elif isinstance(cell.value, (date, datetime)):
                    cell.number_format = DATE_FORMAT
                elif isinstance(cell.value, str) and "\n" in cell.value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[get_column_letter(index)].width = min(max(widths[index - 1], 8) + 2, 60)
        top = Alignment(vertical="top")
        for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
            lines = max((c.value.count("\n") + 1 for c in row if isinstance(c.value, str)), default=1)
            if lines > 1:  # LibreOffice does not grow a row for wrapped lines by itself
                sheet.row_dimensions[number].height = 15 * lines
                for cell in row:
                    if not cell.alignment.wrap_text:
                        cell.alignment = top
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"  # printed (or as PDF): landscape, one page wide, header on every page
        sheet.page_setup.orientation = "landscape"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        if table.columns:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(len(table.rows) + 1, 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
