"""Ground truth must not leak through how records look.

A classifier that sees only trivial properties of each record (id shapes, first letters of names,
e-mail domains, amount decimals and roundness, timestamp seconds and minutes, which fields are
filled and how they are formatted) must not tell records of trafficking networks from records of
the look-alikes and the background. If it could, a detector could learn the generator instead of
the behaviour, and scores on the synthetic world would mean nothing.

What is deliberately left out: values that ARE the behaviour a typology models - the messaging
platform (Case 1 happens on Telegram), the payment channel, the app event, the ad site, the ad's
contact fields (messenger-only contact is a red flag; contact formats are compared on
customers), how many languages a persona lists, the timestamp hour (evening and night is a red
flag). Records are compared within the same kind of ad
(personal, job, offer), since a network that mostly advertises people is behaviour too. Those
values get a test of their own: no value appears only in positive networks.

Why balanced accuracy <= 0.65: chance is 0.5; folds are whole networks, and with two instances
per typology there are only six positive networks, so fold-to-fold noise alone moves the score by
several points; and the populations differ for real (victims are more often foreign, which shows
in names and phone formats). A leak of the machinery, such as one id format, one e-mail style or
whole-second timestamps used only by positives, scores above 0.9.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from datetime import date, datetime
from typing import Any

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from redflags.model import KIND_TABLES
from redflags.model.records import field_specs
from redflags_synth.world.context import RECORD_KINDS, SCALES, WorldContext
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.typologies import TYPOLOGIES

SEED = 5
BOUND = 0.65
ID_FIELD = {kind.value: field for kind, (_, field) in KIND_TABLES.items()}
FIELDS = {kind.value: {s.name for s in field_specs(kind)} for kind in KIND_TABLES}
Labelled = tuple[dict[str, Any], int, str]  # record, 1 if in a positive network, fold group


# -- features ------------------------------------------------------------------------------------


def _id(prefix: str, value: object, out: dict[str, Any]) -> None:
    text = str(value or "")
    digits = "".join(c for c in text if c.isdigit())
    out[f"{prefix}_len"] = len(text)
    out[f"{prefix}_digits"] = len(digits)
    out[f"{prefix}_alpha"] = "".join(c for c in text if c.isalpha())[:4]
    out[f"{prefix}_first_digit"] = int(digits[0]) if digits else -1
    out[f"{prefix}_last_digit"] = int(digits[-1]) if digits else -1


def _amount(prefix: str, value: float | None, out: dict[str, Any]) -> None:
    out[f"{prefix}_present"] = int(value is not None)
    if value is not None:
        out[f"{prefix}_cents"] = int(round(value * 100) % 100 != 0)
        for unit in (10, 50, 100, 1000):
            out[f"{prefix}_round{unit}"] = int(value % unit == 0)


def _time(prefix: str, value: datetime | date | None, out: dict[str, Any]) -> None:
    out[f"{prefix}_present"] = int(value is not None)
    if isinstance(value, datetime):
        out[f"{prefix}_second"] = value.second
        out[f"{prefix}_minute"] = value.minute
        out[f"{prefix}_whole_second"] = int(value.microsecond == 0)
        out[f"{prefix}_whole_ms"] = int(value.microsecond % 1000 == 0)
    elif isinstance(value, date):
        out[f"{prefix}_day"] = value.day


def _name(prefix: str, value: str | None, out: dict[str, Any]) -> None:
    out[f"{prefix}_present"] = int(bool(value))
    if value:
        out[f"{prefix}_first"] = value[0].lower()
        out[f"{prefix}_upper"] = int(value[0].isupper())


def _phone(prefix: str, value: str | None, out: dict[str, Any]) -> None:
    if value:
        out[f"{prefix}_plus"] = int(value.startswith("+"))
        out[f"{prefix}_spaces"] = value.count(" ")


def _email(prefix: str, value: str | None, out: dict[str, Any]) -> None:
    if value:
        stem, _, domain = value.partition("@")
        out[f"{prefix}_domain"] = domain
        out[f"{prefix}_dot"] = int("." in stem)
        out[f"{prefix}_digits"] = sum(c.isdigit() for c in stem)


def features(kind: str, r: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _id("id", r[ID_FIELD[kind]], out)
    if kind == "ad":
        for field in ("city", "title", "body", "image_refs"):
            out[f"{field}_present"] = int(bool(r.get(field)))
        _amount("price", r.get("price"), out)
        out["currency_present"] = int(bool(r.get("currency")))
        _time("posted", r["posted_at"], out)
    elif kind == "message":
        out["thread_present"] = int(bool(r.get("thread_id")))
        out["recipient_present"] = int(bool(r.get("recipient")))
        out["text_present"] = int(bool(r.get("text")))
        _time("sent", r["sent_at"], out)
    elif kind == "transaction":
        _id("payer", r["payer"], out)
        _id("payee", r["payee"], out)
        _amount("amount", r["amount"], out)
        out["currency"] = r.get("currency") or ""
        for field in ("merchant", "merchant_category", "memo", "city", "country"):
            out[f"{field}_present"] = int(bool(r.get(field)))
        _time("ts", r["ts"], out)
    elif kind == "customer":
        _id("account", r.get("account_id"), out)
        _name("first", r.get("first_name"), out)
        _name("last", r.get("last_name"), out)
        _time("birth", r.get("birth_date"), out)
        for field in ("nationality", "phone", "email", "address", "device_id", "occupation"):
            out[f"{field}_present"] = int(bool(r.get(field)))
        _phone("phone", r.get("phone"), out)
        _email("email", r.get("email"), out)
        if r.get("address"):
            out["address_commas"] = str(r["address"]).count(",")
        _time("onboarded", r.get("onboarded_at"), out)
        _time("resident", r.get("resident_since"), out)
        out["language_present"] = int(bool(r.get("language")))
        _amount("income", r.get("declared_income"), out)
    else:
        account = str(r["account"])
        out["account_len"] = len(account)
        out["account_dash"] = int("-" in account)
        for field in ("device_id", "ip", "country"):
            out[f"{field}_present"] = int(bool(r.get(field)))
        _time("ts", r["ts"], out)
    return out


def stratum(kind: str, record: dict[str, Any]) -> str:
    """Records are compared with their own kind: for ads, people, jobs and offers apart."""
    if kind != "ad":
        return kind
    if record.get("persona"):
        return "ad:personal"
    return "ad:offer" if record.get("price") is not None else "ad:job"


# -- the world -----------------------------------------------------------------------------------


def _background(ctx: WorldContext) -> dict[str, list[dict[str, Any]]]:
    """The background's records, if the background generator is there."""
    try:
        from redflags_synth.world.background import Background
    except ImportError:
        return {}
    background = Background(ctx, SCALES["demo"], ImageMaker(ctx))
    return {
        kind: [row for table, _ in background.stream(kind) for row in table.to_pylist()]
        for kind in RECORD_KINDS
    }


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Labelled]]:
    """Every typology twice; positives labelled 1, hard negatives and background 0."""
    ctx = WorldContext(SEED, SCALES["demo"], tmp_path_factory.mktemp("world"))
    for typology in TYPOLOGIES:
        for instance in (0, 1):
            typology.generate(ctx, instance)
    positive = {n["network_id"]: n["positive"] for n in ctx.truth.networks}
    network = {(r["kind"], r["record_id"]): r["network_id"] for r in ctx.truth.records}
    by_stratum: dict[str, list[Labelled]] = defaultdict(list)
    for kind, rows in ctx.records.items():
        for record in rows:
            nid = network[(kind, record[ID_FIELD[kind]])]
            by_stratum[stratum(kind, record)].append((record, int(positive[nid]), nid))
    for kind, rows in _background(ctx).items():
        for record in rows:
            # background records are independent: a dozen pseudo-networks for the folds
            group = f"background-{zlib.crc32(str(record[ID_FIELD[kind]]).encode()) % 12}"
            by_stratum[stratum(kind, record)].append((record, 0, group))
    return by_stratum


def _kind(name: str) -> str:
    return name.split(":")[0]


def balanced_accuracy(rows: list[Labelled], kind: str, model: str) -> float:
    """Cross-validated balanced accuracy, folds by network, averaged over three shuffles."""
    matrix = DictVectorizer(sparse=False).fit_transform([features(kind, r) for r, _, _ in rows])
    y = np.array([label for _, label, _ in rows])
    groups = np.array([group for _, _, group in rows])
    folds = min(3, len(set(groups[y == 1])), len(set(groups[y == 0])))
    scores = []
    for shuffle in range(3):
        predicted = np.zeros_like(y)
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=shuffle)
        for train, test in splitter.split(matrix, y, groups):
            if model == "tree":
                tree = DecisionTreeClassifier(max_depth=4, class_weight="balanced", random_state=0)
                predicted[test] = tree.fit(matrix[train], y[train]).predict(matrix[test])
            else:
                scaler = StandardScaler().fit(matrix[train])
                linear = LogisticRegression(max_iter=3000, class_weight="balanced")
                linear.fit(scaler.transform(matrix[train]), y[train])
                predicted[test] = linear.predict(scaler.transform(matrix[test]))
        scores.append(balanced_accuracy_score(y, predicted))
    return float(np.mean(scores))


def _record_kind(record: dict[str, Any]) -> str:
    """The kind whose fields a record fills best (kinds share some names: a note and a KYC
    entry name a customer_id, a login and a KYC entry an event_id)."""
    candidates = [kind for kind, field in ID_FIELD.items() if field in record]
    return max(candidates, key=lambda kind: len(FIELDS[kind] & set(record)))


STRATA = ["customer", "ad:personal", "ad:job", "ad:offer", "message", "transaction", "device_event"]


@pytest.mark.parametrize("model", ["tree", "logistic"])
@pytest.mark.parametrize("name", STRATA)
def test_trivial_fields_do_not_tell_positives_apart(
    name: str, model: str, labelled: dict[str, list[Labelled]]
) -> None:
    rows = labelled[name]
    y = [label for _, label, _ in rows]
    positives = {group for _, label, group in rows if label}
    negatives = {group for _, label, group in rows if not label}
    if min(sum(y), len(y) - sum(y)) < 15 or min(len(positives), len(negatives)) < 2:
        pytest.skip(f"{name}: too few records or networks on one side to compare")
    score = balanced_accuracy(rows, _kind(name), model)
    assert score <= BOUND, f"{name}: {model} tells positives apart (balanced accuracy {score:.2f})"


BEHAVIOUR_VALUES = {
    "ad": ("site", "currency"),
    "message": ("platform",),
    "transaction": ("channel", "currency", "merchant_category", "country"),
    "customer": ("segment", "nationality", "language", "occupation"),
    "device_event": ("event", "country"),
    "company": ("trade", "owner_country"),
    "kyc_event": ("event", "field", "channel"),
    # a note's stated nationality is read by nothing (docs/data.md); at demo scale a handful of
    # routine inspections cannot meet every nationality the typologies' workers have
    "observation": ("observer",),
}


def test_no_value_is_used_only_by_positive_networks(labelled: dict[str, list[Labelled]]) -> None:
    """Behaviour fields are left out of the classifier, but no value of theirs may belong to the
    positives alone (a site or platform nobody else uses would be a label)."""
    seen: dict[tuple[str, str], tuple[set[Any], set[Any]]] = defaultdict(lambda: (set(), set()))
    for rows in labelled.values():
        for record, label, _ in rows:
            kind = _record_kind(record)
            for field in BEHAVIOUR_VALUES[kind]:
                value = record.get(field)
                if value is not None:
                    seen[(kind, field)][label].add(value)
    for (kind, field), (negative, positive) in sorted(seen.items()):
        only = positive - negative
        assert not only, f"{kind}.{field}: only positive networks use {sorted(only)}"


def test_the_bound_catches_a_planted_leak(labelled: dict[str, list[Labelled]]) -> None:
    """The check has teeth: whole-second timestamps on positive messages only are found."""
    planted = [
        ({**record, "sent_at": record["sent_at"].replace(microsecond=0)} if label else record)
        for record, label, _ in labelled["message"]
    ]
    rows = [
        (record, label, group)
        for record, (_, label, group) in zip(planted, labelled["message"], strict=True)
    ]
    assert balanced_accuracy(rows, "message", "tree") > 0.9
