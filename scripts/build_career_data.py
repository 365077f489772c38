#!/usr/bin/env python3
"""Build Cairn's packaged career data from O*NET 30.1 and BLS OEWS May 2025.

    python scripts/build_career_data.py [--shared PATH] [--out PATH]

Reads the shared files (default ``../shared/career-data`` next to the repository) and
writes ``src/cairn/careerdata/data/careerdata.json.gz``: one JSON document, sorted keys,
gzip with mtime 0, so the same input always gives the same bytes. Only this script reads
the shared folder; Cairn itself reads the packaged file.

Joining: an O*NET code ``13-1161.00`` maps to OEWS ``13-1161`` by cutting ``.NN``. Where
OEWS publishes only an aggregate (SOC 2018 merged some detailed codes, e.g. 13-1020 for
13-1021/22/23), the occupation gets the aggregate's wages and ``wage_source`` says
``aggregate:<soc>``; with neither (military, legislators), wages are null. Empty OEWS
cells ("-") stay null: never invented.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

VERSION = "onet-30.1+oews-2025-05#1"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared" / "career-data"
DEFAULT_OUT = REPO / "src" / "cairn" / "careerdata" / "data" / "careerdata.json.gz"

ATTRIBUTION = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. Cairn has modified all or some of this "
    "information. USDOL/ETA has not approved, endorsed, or tested these modifications. "
    "Wage figures: U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
    "Statistics (OEWS), May 2025 (public domain); BLS cannot vouch for the data or analyses "
    "derived from it after retrieval."
)

# OEWS area codes are state FIPS codes followed by 00000.
FIPS_STATES = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

# SOC 2018 merged these O*NET (SOC 2010-based) detailed codes into a new detailed code,
# which OEWS publishes instead. Everything else falls back to the broad group (last digit
# 0) when OEWS has it.
SOC_MERGES = {
    "21-1011": "21-1018", "21-1014": "21-1018",  # substance abuse / mental health counselors
    "25-9042": "25-9045", "25-9043": "25-9045", "25-9049": "25-9045",  # teaching assistants
    "51-2022": "51-2028", "51-2023": "51-2028",  # electrical/electromechanical assemblers
    "53-1042": "53-1047", "53-1043": "53-1047", "53-1044": "53-1047",
    "53-1049": "53-1047",  # first-line supervisors of transportation workers
}  # fmt: skip

WAGE_COLUMNS = {
    "employment": "employment",
    "mean": "annual_mean",
    "p10": "annual_p10",
    "p25": "annual_p25",
    "p50": "annual_median",
    "p75": "annual_p75",
    "p90": "annual_p90",
    "hourly_median": "hourly_median",
}


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def number(text: str) -> float | None:
    text = (text or "").strip().replace(",", "")
    if not text or text in {"-", "n/a", "*", "**", "#"}:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def wage_cell(row: dict[str, str]) -> dict[str, int | float | None]:
    cell: dict[str, int | float | None] = {}
    for key, column in WAGE_COLUMNS.items():
        value = number(row.get(column, ""))
        if value is None:
            cell[key] = None
        elif key == "hourly_median":
            cell[key] = round(value, 2)
        else:
            cell[key] = round(value)
    return cell


def build(shared: Path) -> dict[str, Any]:
    onet = shared / "onet-30.1"
    oews_path = shared / "bls-oews-2025" / "wages_national_and_states_may2025.tsv"

    occupations: dict[str, dict[str, Any]] = {}
    for row in read_tsv(onet / "Occupation Data.txt"):
        occupations[row["O*NET-SOC Code"]] = {
            "title": row["Title"].strip(),
            "description": row["Description"].strip(),
            "job_zone": None,
            "experience": {},
            "skills": {},
            "knowledge": {},
            "tech": [],
            "related": [],
            "wages": {"national": None, "states": {}},
            "wage_source": None,
        }

    job_zones = {
        row["Job Zone"].strip(): row["Name"].strip()
        for row in read_tsv(onet / "Job Zone Reference.txt")
    }
    for row in read_tsv(onet / "Job Zones.txt"):
        occupation = occupations.get(row["O*NET-SOC Code"])
        zone = number(row["Job Zone"])
        if occupation is not None and zone is not None:
            occupation["job_zone"] = int(zone)

    experience_categories = {
        row["Category"].strip(): row["Category Description"].strip()
        for row in read_tsv(onet / "Education, Training, and Experience Categories.txt")
        if row["Scale ID"] == "RW"
    }
    for row in read_tsv(onet / "Education, Training, and Experience.txt"):
        if row["Scale ID"] != "RW":
            continue
        occupation = occupations.get(row["O*NET-SOC Code"])
        value = number(row["Data Value"])
        if occupation is not None and value is not None:
            occupation["experience"][row["Category"].strip()] = round(value, 1)

    elements: dict[str, dict[str, str]] = {}
    for kind, filename in (("skill", "Skills.txt"), ("knowledge", "Knowledge.txt")):
        bucket = "skills" if kind == "skill" else "knowledge"
        for row in read_tsv(onet / filename):
            if row["Scale ID"] != "IM":
                continue  # level (LV) rows are not used
            occupation = occupations.get(row["O*NET-SOC Code"])
            value = number(row["Data Value"])
            if occupation is None or value is None:
                continue
            element = row["Element ID"].strip()
            elements[element] = {"name": row["Element Name"].strip(), "kind": kind}
            occupation[bucket][element] = round(value, 2)

    for row in read_tsv(onet / "Technology Skills.txt"):
        occupation = occupations.get(row["O*NET-SOC Code"])
        if occupation is None:
            continue
        occupation["tech"].append(
            [row["Example"].strip(), row["Hot Technology"] == "Y", row["In Demand"] == "Y"]
        )
    for occupation in occupations.values():
        merged: dict[str, list[Any]] = {}
        for example, hot, in_demand in occupation["tech"]:
            entry = merged.setdefault(example.lower(), [example, False, False])
            entry[1], entry[2] = entry[1] or hot, entry[2] or in_demand
        occupation["tech"] = sorted(merged.values(), key=lambda e: (not e[1], e[0].lower()))

    related: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for row in read_tsv(onet / "Related Occupations.txt"):
        code, other = row["O*NET-SOC Code"], row["Related O*NET-SOC Code"]
        if code in occupations and other in occupations:
            index = int(number(row["Index"]) or 0)
            related[code].append((index, other, row["Relatedness Tier"].strip()))
    for code, entries in related.items():
        occupations[code]["related"] = [[other, tier] for _, other, tier in sorted(entries)]

    titles: set[tuple[str, str]] = set()
    for code, occupation in occupations.items():
        titles.add((occupation["title"], code))
    for row in read_tsv(onet / "Alternate Titles.txt"):
        code = row["O*NET-SOC Code"]
        if code not in occupations:
            continue
        for column in ("Alternate Title", "Short Title"):
            title = (row.get(column) or "").strip()
            if title and title != "n/a":
                titles.add((title, code))

    # Wages: national and per state, by six-digit SOC code.
    national: dict[str, dict[str, Any]] = {}
    states: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in read_tsv(oews_path):
        area = row["area_code"].strip()
        soc = row["soc"].strip()
        if area == "0000000":
            national[soc] = wage_cell(row)
        else:
            state = FIPS_STATES.get(area[:2])
            if state is not None and area.endswith("00000"):
                states[soc][state] = wage_cell(row)
    for code, occupation in occupations.items():
        soc = code[:7]
        source: str | None = None
        if soc in national:
            source, target = "exact", soc
        else:
            candidate = SOC_MERGES.get(soc, soc[:6] + "0")
            if candidate in national and not candidate.endswith("000"):
                source, target = f"aggregate:{candidate}", candidate
        if source is None:
            continue
        occupation["wage_source"] = source
        occupation["wages"] = {"national": national[target], "states": states.get(target, {})}

    return {
        "version": VERSION,
        "attribution": ATTRIBUTION,
        "job_zones": job_zones,
        "experience_categories": experience_categories,
        "elements": elements,
        "occupations": occupations,
        "titles": [[title, code] for title, code in sorted(titles, key=lambda t: (t[0], t[1]))],
    }


def encode(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help="the shared career-data folder")  # fmt: skip
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data = build(args.shared)
    payload = encode(data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(payload)
    occupations = data["occupations"]
    sources: dict[str, int] = defaultdict(int)
    for occupation in occupations.values():
        source = occupation["wage_source"] or "none"
        sources["aggregate" if source.startswith("aggregate") else source] += 1
    print(f"version              {data['version']}")
    print(f"occupations          {len(occupations)}")
    print(f"  with job zone      {sum(o['job_zone'] is not None for o in occupations.values())}")
    print(f"  with experience    {sum(bool(o['experience']) for o in occupations.values())}")
    print(f"  with skills        {sum(bool(o['skills']) for o in occupations.values())}")
    print(f"  wages exact        {sources['exact']}")
    print(f"  wages aggregate    {sources['aggregate']}")
    print(f"  no wages           {sources['none']}")
    print(f"elements             {len(data['elements'])}")
    print(f"technology examples  {sum(len(o['tech']) for o in occupations.values())}")
    print(f"titles               {len(data['titles'])}")
    print(f"written              {args.out} ({len(payload):,} bytes)")
    print(f"time                 {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
