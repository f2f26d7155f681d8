"""BEH-AD-TEMPLATE: near-identical ad texts for different personas, one template behind them.

Each ad's title and body are tokenised and its slots masked (the persona's name, the city, any
number, phone, e-mail, URL or @handle), so that ads which differ only in what was swapped in
become equal. Word shingles of the masked text are MinHashed; LSH bands give candidate pairs
(near-linear in the number of ads), each verified by the exact Jaccard of the shingle sets.
Shingles in more than `max_shingle_ad_share` of all ads are site boilerplate and dropped. Ads of
different personas joined by verified edges form components; those with `min_cluster_size` to
`max_cluster_size` distinct personas are clusters, each explained by its template: the text the
cluster shares, with the varying parts shown as {slots}.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import numpy as np

from redflags.detectors.base import Detector, register
from redflags.detectors.minhash import MinHashIndex
from redflags.engines import Engine
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.contacts import find_contacts
from redflags.normalise.identifiers import normalise_name
from redflags.normalise.phones import DEFAULT_REGION
from redflags.normalise.text import fold_with_map

_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_TOKENS = re.compile(r"\w+|[^\w\s]")
SLOT = "{…}"  # a part that varies across the cluster but is not a known slot
# Nationality and origin words, swapped per persona like the name ("rumænsk", "Thai"): folded.
NATIONALITIES = frozenset(
    [
        "rumænsk",
        "bulgarsk",
        "ukrainsk",
        "thai",
        "asiatisk",
        "østeuropæisk",
        "afrikansk",
        "latina",
        "russisk",
        "polsk",
        "litauisk",
        "lettisk",
        "ungarsk",
        "kinesisk",
        "nigeriansk",
        "brasiliansk",
        "colombiansk",
        "dansk",
        "svensk",
        "norsk",
        "romanian",
        "bulgarian",
        "ukrainian",
        "asian",
        "eastern",
        "european",
        "african",
        "russian",
        "polish",
        "lithuanian",
        "latvian",
        "hungarian",
        "chinese",
        "nigerian",
        "brazilian",
        "colombian",
        "danish",
        "swedish",
        "norwegian",
    ]
)


@lru_cache(maxsize=500_000)
def _fold_word(word: str) -> str:
    return fold_with_map(word)[0]


def _fold(text: str) -> str:
    return " ".join(_fold_word(w) for w in text.split())


def masked_tokens(
    text: str,
    persona: str | None = None,
    city: str | None = None,
    shown: list[str] | None = None,
    region: str = DEFAULT_REGION,
) -> list[str]:
    """The ad's tokens, folded (case, accents), with slots replaced: {persona} (the ad's name),
    {city} (its city), {nationality}, {phone}, {handle}, {email}, {url} (also when obscured:
    the project's contact finder reads them) and {number} (ages, prices, hours). `shown`, when
    given, receives the same tokens as written (slots as slots), for display. `region` is the
    run's phone region: a number it cannot read stays words and {number}s, so two copies of a
    template with different phones would differ."""
    names = set(_TOKENS.findall(_fold(persona or ""))) - {"-", "."}
    places = set(_TOKENS.findall(_fold(city or ""))) - {"-", "."}
    out: list[str] = []
    shown = [] if shown is None else shown
    position = 0
    for contact in find_contacts(text, region):
        if contact.start < position:
            continue
        _words(text[position : contact.start], names, places, out, shown)
        slot = "{" + str(contact.kind) + "}"
        _append(out, shown, slot, slot)
        position = contact.end
    _words(text[position:], names, places, out, shown)
    return out


def _append(out: list[str], shown: list[str], token: str, raw: str) -> None:
    if not (token[0] == "{" and out and out[-1] == token):  # "Anna Maria" is one slot
        out.append(token)
        shown.append(raw)


def _words(text: str, names: set[str], places: set[str], out: list[str], shown: list[str]) -> None:
    for raw in _TOKENS.findall(_NUMBER.sub(" {number} ", text)):
        token = _fold_word(raw)
        if not token:
            continue
        if token in names:
            token = "{persona}"
        elif token in places:
            token = "{city}"
        elif token in NATIONALITIES:
            token = "{nationality}"
        elif token == "number" and out and out[-1] == "{":
            out.pop()
            shown.pop()
            token = "{number}"
        elif token == "}" and out and out[-1] == "{number}":
            continue
        _append(out, shown, token, token if token[0] == "{" else raw)


def shingle_hashes(tokens: Sequence[str], size: int) -> np.ndarray:
    """Distinct 64-bit hashes of the word shingles (punctuation left out); a text shorter than
    `size` words is one shingle."""
    words = [t for t in tokens if t[0].isalnum() or t[0] == "{"]
    grams = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1)) if words}
    return np.array(
        sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest()) for g in grams),
        dtype=np.uint64,
    )


def explain(ads: Sequence[tuple[Sequence[str], Sequence[str]]]) -> str:
    """The cluster's template from each ad's (masked tokens, tokens as written): the tokens
    every ad shares, in order and as the first ad writes them, with each stretch that differs
    shown as one slot (a known slot keeps its name when all ads have it there)."""
    keys, shown = list(ads[0][0]), list(ads[0][1])
    for other, _ in ads[1:]:
        merged_keys: list[str] = []
        merged_shown: list[str] = []
        matcher = SequenceMatcher(None, keys, list(other), autojunk=False)
        for op, a1, a2, _, _ in matcher.get_opcodes():
            if op == "equal":
                merged_keys.extend(keys[a1:a2])
                merged_shown.extend(shown[a1:a2])
            elif not (merged_keys and merged_keys[-1] == SLOT):
                merged_keys.append(SLOT)
                merged_shown.append(SLOT)
        keys, shown = merged_keys, merged_shown
    return _join(shown)


def _join(tokens: Sequence[str]) -> str:
    text = ""
    for token in tokens:
        glue = "" if not text or token in ".,!?:;)%" or text.endswith("(") else " "
        text += glue + token
    return text


@dataclass
class TemplateAd:
    """One ad as the clustering sees it."""

    ad_id: str
    persona: str
    shingles: np.ndarray
    text: str  # title and body, masked again for the explanation (tokens are not kept)
    shown_persona: str
    city: str | None
    region: str = DEFAULT_REGION

    def tokens(self) -> tuple[list[str], list[str]]:
        """Masked tokens and the same tokens as written."""
        shown: list[str] = []
        return masked_tokens(self.text, self.shown_persona, self.city, shown, self.region), shown


def cluster_ads(
    records: Iterable[Mapping[str, Any]],
    *,
    shingle_words: int = 5,
    num_perm: int = 128,
    bands: int = 32,
    min_jaccard: float = 0.8,
    min_personas: int = 3,
    max_personas: int = 100,
    boilerplate_share: float = 0.01,
    region: str = DEFAULT_REGION,
) -> list[list[TemplateAd]]:
    """Template clusters among ads (ad_id, persona, city, title, body); ads without a persona
    are skipped."""
    ads: list[TemplateAd] = []
    for ad in records:
        persona = normalise_name(ad.get("persona"))
        if persona is None:
            continue
        text = " . ".join(str(ad[f]) for f in ("title", "body") if ad.get(f))
        tokens = masked_tokens(text, ad.get("persona"), ad.get("city"), region=region)
        ads.append(
            TemplateAd(
                str(ad["ad_id"]),
                persona,
                shingle_hashes(tokens, shingle_words),
                text,
                str(ad["persona"]),
                ad.get("city"),
                region,
            )
        )
    if not ads:
        return []
    _drop_boilerplate(ads, boilerplate_share, max_personas)
    index = MinHashIndex(num_perm, bands)
    index.add_flat(
        np.concatenate([a.shingles for a in ads]),
        np.concatenate([[0], np.cumsum([len(a.shingles) for a in ads])]),
    )
    parent = list(range(len(ads)))
    for i, j in index.candidate_pairs():
        if ads[i].persona == ads[j].persona:
            continue
        a, b = _root(parent, i), _root(parent, j)
        if a != b and _jaccard(ads[i], ads[j]) >= min_jaccard:
            parent[a] = b
    groups: dict[int, list[int]] = {}
    for i in range(len(ads)):
        groups.setdefault(_root(parent, i), []).append(i)
    return [
        [ads[m] for m in members]
        for members in groups.values()
        if min_personas <= len({ads[m].persona for m in members}) <= max_personas
    ]


@register
class AdTemplateDetector(Detector):
    kind = "ad_template"
    record_kinds = ("ad",)
    description = "Near-duplicate ad texts (masked MinHash-LSH) across >= N different personas."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        columns = ["ad_id", "persona", "city", "title", "body"]
        clusters = cluster_ads(
            engine.records(RecordKind.AD, columns),
            shingle_words=int(self.param("shingle_words", 5)),
            num_perm=int(self.param("num_perm", 128)),
            bands=int(self.param("bands", 32)),
            min_jaccard=float(self.param("min_jaccard", 0.8)),
            min_personas=int(self.param("min_cluster_size", 3)),
            max_personas=int(self.param("max_cluster_size", 100)),
            boilerplate_share=float(self.param("max_shingle_ad_share", 0.01)),
            region=self.region,
        )
        for cluster in clusters:
            yield self._finding(cluster, float(self.param("min_jaccard", 0.8)))

    def _finding(self, cluster: list[TemplateAd], min_jaccard: float) -> Finding:
        cluster.sort(key=lambda a: a.ad_id)
        template = explain([a.tokens() for a in cluster])
        personas = sorted({a.persona for a in cluster})
        key = hashlib.blake2b(template.encode(), digest_size=6).hexdigest()
        return self.finding(
            subject_kind="template",
            subject=f"template:{key}",
            strength=min(1.0, len(personas) / 6),
            facts={
                "ads": len(cluster),
                "personas": len(personas),
                "template": template,
                "min_jaccard": min_jaccard,
            },
            summary_en=(
                f"{len(cluster)} ads for {len(personas)} different personas share one text "
                f"template: “{template}”."
            ),
            summary_da=(
                f"{len(cluster)} annoncer for {len(personas)} forskellige personer bruger "
                f"samme tekstskabelon: “{template}”."
            ),
            evidence=tuple(Evidence(kind="ad", record_id=a.ad_id, field="body") for a in cluster),
        )


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _jaccard(a: TemplateAd, b: TemplateAd) -> float:
    both = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    either = len(a.shingles) + len(b.shingles) - both
    return both / either if either else 0.0


def _drop_boilerplate(ads: list[TemplateAd], share: float, most_personas: int) -> None:
    """Drop site boilerplate: shingles found in more than `share` of all ads and for more
    personas than a cluster may hold (such a shingle cannot belong to one valid cluster; the
    second condition keeps a small collection, where one template is a large share, intact)."""
    persona_ids: dict[str, int] = {}
    owners = np.repeat(
        np.array([persona_ids.setdefault(a.persona, len(persona_ids)) for a in ads]),
        [len(a.shingles) for a in ads],
    )
    flat = np.concatenate([a.shingles for a in ads])
    values, ad_counts = np.unique(flat, return_counts=True)
    frequent = values[ad_counts > share * len(ads)]
    if not len(frequent):
        return
    among = np.isin(flat, frequent)
    pairs = np.unique(np.stack([flat[among], owners[among].astype(np.uint64)]), axis=1)
    shingles, persona_counts = np.unique(pairs[0], return_counts=True)
    common = shingles[persona_counts > most_personas]
    if len(common):
        for a in ads:
            a.shingles = a.shingles[~np.isin(a.shingles, common, assume_unique=True)]
