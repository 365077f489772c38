"""Time, period and number readers on forms found in the training corpus (issue 10):
typos, day-month dates, metric names, distances, names with numbers, several dates."""

from __future__ import annotations

from datetime import date

import pytest

from cairn.smart import analyze

TODAY = "2026-01-10"


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("dispatch lead inside of 90 days", date(2026, 4, 10)),
        ("superintendent pharmacist in 6 mths", date(2026, 7, 10)),
        ("pass my dispensing course in a fortnight", date(2026, 1, 24)),
        ("get my CCNA within the next fortnight", date(2026, 1, 24)),
        ("wanna pay off my truck this yr", date(2026, 12, 31)),
        ("get on the apprenticeship by septmber", date(2026, 9, 30)),
        ("CPIM by 12/15", date(2026, 12, 15)),
        ("dry till 31/3", date(2026, 3, 31)),
        ("move into my own flat by 12/1/2026", date(2026, 12, 1)),
        ("qualify as an AMHP by 01/10/2026", date(2026, 10, 1)),
        ("dairy herd to 150 cows by '27", date(2027, 12, 31)),
        ("Reduce the month-end close to 5 working days by Q3 2026", date(2026, 9, 30)),
        ("Present our Q3 campaign results to the board by 31/10/2026", date(2026, 10, 31)),
        ("Kilimanjaro in March, new kitchen by June, puppy by September", date(2026, 9, 30)),
        ("get 15 new clients a month at my brow bar untill september", date(2026, 9, 30)),
    ],
)
def test_deadlines(text: str, deadline: date) -> None:
    result = analyze(text, today=TODAY)
    assert (result.time, result.deadline) == ("deadline", deadline)


@pytest.mark.parametrize(
    "text",
    [
        "HCPC registration within 8 weeks of graduating",
        "Colour 6 clients a day by the end of my apprenticeship",
        "Lay the new patio before Mum's 70th",
        "go to vegas with the boys for my 30th",
        "lose 2 kilos a week till my holiday",
        "Become a director of the family firm before Dad retires",
        "six figures before turning 30",
    ],
)
def test_limits_tied_to_undated_events(text: str) -> None:
    result = analyze(text, today=TODAY)
    assert (result.time, result.deadline) == ("deadline", None)


@pytest.mark.parametrize(
    "text", ["get my ccna by q5", "Q0 objective: refit the bathroom", "be a realtor by 13/2026"]
)
def test_dates_that_cannot_exist(text: str) -> None:
    assert "deadline_invalid" in analyze(text, today=TODAY).flags


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Expand the farm to 400 weekly veg box subscribers by Q3", None),
        ("Reach 10,000 monthly listeners on the podcast by June", None),
        ("Grow weekly active teams to 1,200 by the end of next quarter", None),
        ("I want to get my weekly screen time under 10 hours", None),
        ("Step up to shift lead on nights by the end of the year", None),
        ("make 150 a day delivering for doordash", None),
        ("Put £300 a month into my Lifetime ISA", "month"),
        ("run evry day this month", "day"),
        ("Write and send one press release every fortnight", "week"),
        ("publish a weekly blog post about devops", "week"),
    ],
)
def test_periods(text: str, period: str | None) -> None:
    assert analyze(text, today=TODAY).period == period


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("sub-4 marathon, london, april 2027", [4]),
        ("run a 10k by october", [10]),
        ("Deliver a 5k time under 22 minutes by the end of Q3", [5, 22]),
        ("swim 1500m freestyle under 30 min by dec", [1500, 30]),
        ("walk 8k steps daily", [8000]),
        ("earn 100k by 2027", [100000]),
        ("Reduce agency spend by £250,000, deliver the plan", [250000]),
        ("do 3 nights a week max insted of 4", [3]),
        ("Drive improvements in patient experience on Ward 7", []),
        ("Learn IFRS 17 properly before the year-end audit", []),
        ("Renew the ISO 9001 certificate and cut scrap by 6%", [6]),
        ("onboard two 3PLs by Q4", [2]),
        ("goals 2026 → 1) sub-50 10k 2) visit Vietnam 3) read 20 books", [50, 10, 20]),
        ("paddleboard lessons x6 by june", [6]),
        ("go on a real vacation for once", []),
    ],
)
def test_target_numbers(text: str, numbers: list[int]) -> None:
    assert analyze(text, today=TODAY).numbers == numbers
