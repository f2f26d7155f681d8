"""Contact extraction: quality against plain phonenumbers, and throughput.

    .venv/bin/python bench/bench_extraction.py [--sizes 10000 100000 1000000]

Quality is measured on tests/data/contact_extraction.yaml: phone recall and precision of the
extractor and of plain `phonenumbers.PhoneNumberMatcher(text, "DK")` (a found number is right
when its E.164 value is expected on that line), and the extractor over all contact kinds.
Throughput runs the extractor over the set repeated to each size; texts are generated lazily so
peak memory (ru_maxrss) is the extractor's, not the input's.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import phonenumbers
import yaml

from redflags.normalise.contacts import find_contacts

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SET = DATA / "contact_extraction.yaml"
CLASSES = DATA / "contact_extraction_classes.yaml"  # issue #12 item 7, both ways; not blind
HOLDOUT = DATA / "contact_extraction_classes_holdout.yaml"  # written after the fixes, scored once
Predict = Callable[[str], Iterable[tuple[str, str]]]


def _matcher(text: str) -> Iterable[tuple[str, str]]:
    for match in phonenumbers.PhoneNumberMatcher(text, "DK"):
        yield "phone", phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)


def _extractor(text: str) -> Iterable[tuple[str, str]]:
    return ((c.kind, c.value) for c in find_contacts(text))


def _without_hints(text: str) -> Iterable[tuple[str, str]]:
    return ((c.kind, c.value) for c in find_contacts(text, hints=False))


def score(cases: list[dict[str, Any]], predict: Predict, kinds: set[str]) -> tuple[float, float]:
    tp = fp = fn = 0
    for case in cases:
        expected = Counter((e["kind"], e["value"]) for e in case["expect"] if e["kind"] in kinds)
        predicted = Counter(p for p in predict(case["text"]) if p[0] in kinds)
        tp += sum((expected & predicted).values())
        fp += sum((predicted - expected).values())
        fn += sum((expected - predicted).values())
    return tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def throughput(texts: list[str], size: int, run: Callable[[str], object]) -> float:
    started = time.perf_counter()
    for text in itertools.islice(itertools.cycle(texts), size):
        run(text)
    return size / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    cases = yaml.safe_load(SET.read_text(encoding="utf-8"))
    texts = [case["text"] for case in cases]
    for path in (SET, CLASSES, HOLDOUT):
        some = yaml.safe_load(path.read_text(encoding="utf-8"))
        expected = sum(len(c["expect"]) for c in some)
        print(f"\n{path.name}: {len(some)} texts, {expected} expected contacts")
        print(f"{'':38} {'precision':>9} {'recall':>7}")
        for name, predict, kinds in (
            ("phones, redflags extractor", _extractor, {"phone"}),
            ("phones, extractor without region hints", _without_hints, {"phone"}),
            ("phones, plain PhoneNumberMatcher", _matcher, {"phone"}),
            ("all kinds, redflags extractor", _extractor, {"phone", "handle", "email", "url"}),
        ):
            precision, recall = score(some, predict, kinds)
            print(f"{name:38} {precision:9.3f} {recall:7.3f}")

    find_contacts("warm up: 52 61 47 83 anna.dk")  # load lexicons, compile patterns
    # Ads are longer than the set's lines: also time the set joined eight lines at a time.
    joined = [" ".join(texts[i : i + 8]) for i in range(0, len(texts), 8)]
    mean = sum(map(len, texts)) / len(texts)
    print(f"\n{'texts/s':>34} {'set lines':>10} {'8 joined':>9}")
    print(f"{'mean characters':>34} {mean:10.0f} {sum(map(len, joined)) / len(joined):9.0f}")
    size = min(args.sizes)
    for name, run in (
        ("redflags extractor", find_contacts),
        ("plain PhoneNumberMatcher", lambda t: list(_matcher(t))),
    ):
        short, long = throughput(texts, size, run), throughput(joined, size // 8, run)
        print(f"{name:>34} {short:10,.0f} {long:9,.0f}")
    print()
    print(f"{'texts':>10} {'seconds':>8} {'texts/s':>9} {'peak MiB':>9}")
    for size in sorted(args.sizes):
        started = time.perf_counter()
        rate = throughput(texts, size, find_contacts)
        print(
            f"{size:>10,} {time.perf_counter() - started:8.1f} {rate:9,.0f} {_peak_mib():9.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
