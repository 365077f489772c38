"""Rebuild mini.json.gz, the small career-data fixture, from the packaged data file.

    .venv/bin/python tests/data/careerdata/build_mini.py

A handful of real occupations (their titles, related occupations among themselves,
wages) in the packaged file's schema; Air Crew Officers has no wages, as in the real data.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[2] / "src" / "cairn" / "careerdata" / "data" / "careerdata.json.gz"
CODES = [
    "11-1011.00",  # Chief Executives
    "11-2011.00",  # Advertising and Promotions Managers
    "11-2021.00",  # Marketing Managers
    "13-1161.00",  # Market Research Analysts and Marketing Specialists
    "15-1211.00",  # Computer Systems Analysts
    "15-1252.00",  # Software Developers
    "15-1253.00",  # Software Quality Assurance Analysts and Testers
    "29-1141.00",  # Registered Nurses
    "29-1171.00",  # Nurse Practitioners
    "35-2011.00",  # Cooks, Fast Food
    "35-2012.00",  # Cooks, Institution and Cafeteria
    "35-2014.00",  # Cooks, Restaurant
    "35-2015.00",  # Cooks, Short Order
    "55-1011.00",  # Air Crew Officers (no wages)
]
STATES = {"CA", "NY", "TX", "WA"}


def main() -> None:
    data = json.loads(gzip.decompress(SOURCE.read_bytes()))
    occupations = {}
    for code in CODES:
        occupation = data["occupations"][code]
        occupation["related"] = [pair for pair in occupation["related"] if pair[0] in CODES]
        occupation["tech"] = occupation["tech"][:15]
        wages = occupation["wages"]
        wages["states"] = {k: v for k, v in wages["states"].items() if k in STATES}
        occupations[code] = occupation
    used = {e for o in occupations.values() for e in (*o["skills"], *o["knowledge"])}
    mini = {
        **data,
        "version": "mini#1",
        "elements": {k: v for k, v in data["elements"].items() if k in used},
        "occupations": occupations,
        "titles": [pair for pair in data["titles"] if pair[1] in occupations],
    }
    text = json.dumps(mini, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    (HERE / "mini.json.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    print(f"{len(occupations)} occupations, {len(mini['titles'])} titles")


if __name__ == "__main__":
    main()
