"""National curriculum year from date of birth (England, 31 August cut-off)."""

from __future__ import annotations

from datetime import date

RECEPTION = 0
NURSERY = -1


def academic_year_start(on: date) -> int:
    """The calendar year in which the school year containing ``on`` began (1 September)."""
    return on.year if on.month >= 9 else on.year - 1


def nc_year(date_of_birth: date, on: date) -> int:
    """National curriculum year on a date: 0 is Reception, -1 nursery, 6 is Year 6.

    A child born 1 September Y-1 to 31 August Y starts Reception in September Y+4.
    Values below -1 are pre-school; values above 14 are post-19.
    """
    cohort = date_of_birth.year + 1 if date_of_birth.month >= 9 else date_of_birth.year
    return academic_year_start(on) - (cohort + 4)


def nc_year_label(year: int) -> str:
    if year < NURSERY:
        return "Pre-school"
    if year == NURSERY:
        return "Nursery"
    if year == RECEPTION:
        return "Reception"
    if year > 14:
        return "Post-19"
    return f"Year {year}"
