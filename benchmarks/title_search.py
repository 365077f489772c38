"""Occupation title search: latency per keystroke (p50/p95 over 1,000 queries) and quality.

Loads the packaged career data into a scratch SQLite database, then times
cairn.careerdata.search.search() (the version check it makes against the database
included) on 1,000 queries: a labelled set of titles people type ("RN", "line cook",
"SDE", typos) plus keystroke prefixes of real titles, a quarter of them with a typo.
Quality: top-1 on the labelled set, top-5 on full titles with a typo.

With rapidfuzz importable (e.g. `pip install --target RFDIR rapidfuzz` and
`--rapidfuzz-path RFDIR`), the same queries also go through rapidfuzz's
process.extract (WRatio, then best title per occupation, employment breaking ties).

    .venv/bin/python benchmarks/title_search.py
    .venv/bin/python benchmarks/title_search.py --rapidfuzz-path RFDIR
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

QUERIES = 1000
LABELLED = {
    "RN": "29-1141.00",
    "registered nurse": "29-1141.00",
    "registred nurse": "29-1141.00",
    "nurse": "29-1141.00",
    "SDE": "15-1252.00",
    "software developer": "15-1252.00",
    "software engineer": "15-1252.00",
    "sofware develper": "15-1252.00",
    "softwre enginer": "15-1252.00",
    "software": "15-1252.00",
    "line cook": "35-2014.00",
    "lien cook": "35-2014.00",
    "brand manager": "11-2021.00",
    "marketing manager": "11-2021.00",
    "CEO": "11-1011.00",
    "chief executive officer": "11-1011.00",
    "market research analyst": "13-1161.00",
    "marketing specialist": "13-1161.00",
    "accountant": "13-2011.00",
    "acountant": "13-2011.00",
    "truck driver": "53-3032.00",
    "electrician": "47-2111.00",
    "elecrtician": "47-2111.00",
    "cashier": "41-2011.00",
    "barista": "35-3023.01",
    "data scientist": "15-2051.00",
    "web developer": "15-1254.00",
    "frontend developer": "15-1254.00",
    "lawyer": "23-1011.00",
    "attorney": "23-1011.00",
    "pharmacist": "29-1051.00",
    "dental hygienist": "29-1292.00",
    "hr manager": "11-3121.00",
    "human resources manager": "11-3121.00",
    "plumber": "47-2152.00",
    "waiter": "35-3031.00",
    "waitress": "35-3031.00",
    "janitor": "37-2011.00",
    "paralegal": "23-2011.00",
    "financial analyst": "13-2051.00",
}


def keystroke_queries(titles: list[str], count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for title in rng.sample(titles, count):
        cut = rng.randint(min(2, len(title)), len(title))
        query = title[:cut]
        if rng.random() < 0.25:
            query = typo(query, rng)
        queries.append(query)
    return queries


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    long = [i for i, word in enumerate(words) if len(word) >= 5]
    if not long:
        return text
    i = rng.choice(long)
    word, at = words[i], rng.randrange(1, len(words[i]) - 1)
    kind = rng.choice(["drop", "swap", "replace"])
    if kind == "drop":
        word = word[:at] + word[at + 1 :]
    elif kind == "swap":
        word = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    else:
        word = word[:at] + rng.choice("aeiourstn") + word[at + 1 :]
    words[i] = word
    return " ".join(words)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def measure(name: str, find: Callable[[str], list[str]], queries: list[str]) -> None:
    find("warm up")
    times = []
    for query in queries:
        started = time.perf_counter()
        find(query)
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"{name:<12}{'latency ms':<14}p50 {statistics.median(times):5.2f}   "
        f"p95 {percentile(times, 95):5.2f}   max {max(times):6.2f}   ({len(times)} queries)"
    )


def quality(
    name: str, find: Callable[[str], list[str]], typo_titles: list[tuple[str, str]]
) -> None:
    misses = [q for q, code in LABELLED.items() if (find(q)[:1] or [""])[0] != code]
    top5 = sum(code in find(query)[:5] for query, code in typo_titles)
    print(
        f"{name:<12}{'quality':<14}labelled top-1 {len(LABELLED) - len(misses)}/{len(LABELLED)}"
        f"   titles with a typo, top-5 {top5}/{len(typo_titles)}"
        + (f"   missed: {', '.join(misses)}" if misses else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rapidfuzz-path", help="a folder holding the rapidfuzz package")
    args = parser.parse_args()
    os.environ["CAIRN_HOME"] = tempfile.mkdtemp(prefix="cairn-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cairn.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from cairn.careerdata import loader, search
    from cairn.careerdata.models import AltTitle

    call_command("migrate", interactive=False, verbosity=0)
    loader.load()
    started = time.perf_counter()
    index = search.get_index()
    assert index is not None
    print(f"index: {len(index):,} titles, built in {time.perf_counter() - started:.2f} s")

    pairs = list(AltTitle.objects.values_list("title", "occupation_id"))
    rng = random.Random(11)
    titles = sorted({title for title, _ in pairs})
    queries = list(LABELLED) + keystroke_queries(titles, QUERIES - len(LABELLED))
    typo_titles = [(typo(title, rng), code) for title, code in rng.sample(pairs, 300)]

    def ours(query: str) -> list[str]:
        return [hit.code for hit in search.search(query)]

    measure("cairn", ours, queries)
    quality("cairn", ours, typo_titles)

    if args.rapidfuzz_path:
        sys.path.insert(0, args.rapidfuzz_path)
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        print("rapidfuzz     not installed: not compared")
        return
    choices = [search.normalise(title) for title, _ in pairs]
    codes = [code for _, code in pairs]
    employment = {code: info.prior for code, info in index.occupations.items()}

    def fuzzy(query: str) -> list[str]:
        best: dict[str, float] = {}
        for _, score, i in process.extract(
            search.normalise(query), choices, scorer=fuzz.WRatio, limit=40
        ):
            code = codes[i]
            best[code] = max(best.get(code, 0.0), score + employment.get(code, 0.0))
        return sorted(best, key=lambda code: -best[code])[:8]

    measure("rapidfuzz", fuzzy, queries)
    quality("rapidfuzz", fuzzy, typo_titles)


if __name__ == "__main__":
    main()
