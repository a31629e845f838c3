"""Numbers as a Dutch reader reads them: 0,26 and € 176.000.

The one place for it: terminal tables, Markdown, the rapport, tooltips and finding texts
all call these. Machine formats (CSV, JSON, xlsx) keep plain numbers.
"""

from __future__ import annotations

from decimal import Decimal


def number(value: float, digits: int = 2) -> str:
    """0.2641 → '0,26' (Dutch decimal comma), for text."""
    return f"{value:.{digits}f}".replace(".", ",")


def euro_text(amount) -> str:
    """150000 → '150.000' (as the plans write amounts); cents only when there are any."""
    whole = int(amount)
    text = f"{whole:,}".replace(",", ".")
    if amount != whole:
        text += "," + f"{amount:.2f}".split(".")[1]
    return text


def euro(amount) -> str:
    """150000 → '€ 150.000' (for text and tooltips); nothing for no amount."""
    return "" if amount is None else "€ " + euro_text(amount)


def is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def human(value: object, money: bool = False) -> str:
    """One cell for a person: ja/nee, € 176.000 for money, 0,26 for fractions, 12 for counts."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if money and is_number(value):
        return euro(value)
    if isinstance(value, float):
        return number(value, 2)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return str(value)
