"""BEH-AD-TEMPLATE: near-identical ad texts for different personas, one template behind them.

Each ad's title and body are tokenised and its slots masked (the persona's name, the city, any
number, phone, e-mail, URL or @handle; a phone as any run of seven or more digits however
written, whatever the region), so that ads which differ only in what was swapped in become
equal. Word shingles of the masked text are MinHashed; LSH bands give candidate pairs
(near-linear in the number of ads), each verified by the exact Jaccard of the shingle sets.
Shingles in more than `max_shingle_ad_share` of all ads and for more than `max_cluster_size`
personas are site boilerplate and dropped. An ad without a persona stands for its contacts
(two such ads sharing one are one persona), else for itself. Ads of different personas joined
by verified edges form components; those with `min_cluster_size` (2: a pair, at low strength)
to `max_cluster_size` personas are clusters, each explained by its template: the text the
cluster shares, with the varying parts shown as {slots}. `redflags templates` (templates.py)
runs the same clustering and also links one persona's re-posts. docs/templates.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache, partial
from typing import Any

import numpy as np

from redflags.catalogue.params.ads import AdTemplateParams
from redflags.detectors.base import Detector, register
from redflags.detectors.minhash import MinHashIndex
from redflags.engines import Engine
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.contacts import Contact, find_contacts
from redflags.normalise.emails import emails_in
from redflags.normalise.handles import handles_in
from redflags.normalise.identifiers import normalise_name
from redflags.normalise.links import links_in
from redflags.normalise.obfuscation import digit_runs
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
    found = find_contacts(text, region)
    spans = [(c.start, c.end, "{" + str(c.kind) + "}") for c in found]
    return _masked(text, spans, persona, city, shown)


def fingerprint_tokens(
    text: str,
    persona: str | None,
    city: str | None,
    region: str,
    contacts: list[str] | None = None,
    shown: list[str] | None = None,
) -> list[str]:
    """The tokens the similarity is computed on: as `masked_tokens`, but a phone is any run of
    seven or more digits however written (digits, number words, look-alike letters: the
    contact finder's own digit reader, `digit_runs`) and is not parsed or validated. Masking
    only needs to know where a number is, not which number it is, so this does not depend on
    the region and skips the costly part of phone reading (a profile of the bench: parsing
    and validation were about half the clustering time). E-mails, links and handles are
    found as the contact finder finds them. `contacts`, when given, receives a rough key of
    each contact ("email:…", "handle:…", "digits:" and a phone's last ten digits)."""
    return _masked(text, contact_spans(text, region, contacts), persona, city, shown)


def contact_spans(
    text: str, region: str, contacts: list[str] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, slot) of each contact `fingerprint_tokens` masks, in text order."""
    spans: list[tuple[int, int, str]] = []
    masked = text
    for finder in (emails_in, partial(links_in, region=region), handles_in):
        found = finder(masked)
        if found:
            spans += [(c.start, c.end, "{" + str(c.kind) + "}") for c in found]
            masked = _blank(masked, found)
            if contacts is not None:
                contacts += [f"{c.kind}:{c.value}" for c in found if c.kind in FALLBACK_KINDS]
    for run in digit_runs(masked):
        spans.append((run.atoms[0].start, run.atoms[-1].end, "{phone}"))
        if contacts is not None:
            contacts.append("digits:" + "".join(a.digits for a in run.atoms)[-10:])
    spans.sort()
    return spans


def _blank(text: str, found: Sequence[Contact]) -> str:
    """Found spans blanked out (same length), so that the next finder skips them."""
    for c in found:
        text = text[: c.start] + "\x00" * (c.end - c.start) + text[c.end :]
    return text


def _masked(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    persona: str | None,
    city: str | None,
    shown: list[str] | None,
) -> list[str]:
    names = set(_TOKENS.findall(_fold(persona or ""))) - {"-", "."}
    places = set(_TOKENS.findall(_fold(city or ""))) - {"-", "."}
    out: list[str] = []
    shown = [] if shown is None else shown
    position = 0
    for start, end, slot in spans:
        if start < position:
            continue
        _words(text[position:start], names, places, out, shown)
        _append(out, shown, slot, slot)
        position = end
    _words(text[position:], names, places, out, shown)
    return out


def _append(out: list[str], shown: list[str], token: str, raw: str) -> None:
    if not (token[0] == "{" and out and out[-1] == token):  # "Anna Maria" is one slot
        out.append(token)
        shown.append(raw)


# a number ("1.500", "24/7"), a run of letters, or one other character (punctuation, emoji)
_PIECES = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d]+|[^\w\s]")


def _words(text: str, names: set[str], places: set[str], out: list[str], shown: list[str]) -> None:
    last = out[-1] if out else ""
    for raw in _PIECES.findall(text):
        if raw[0].isdecimal():
            token = "{number}"
        else:
            token = _fold_word(raw)
            if not token:
                continue
            if token in names:
                token = "{persona}"
            elif token in places:
                token = "{city}"
            elif token in NATIONALITIES:
                token = "{nationality}"
        if token[0] == "{":
            if token == last:  # "Anna Maria" is one slot
                continue
            out.append(token)
            shown.append(token)
        else:
            out.append(token)
            shown.append(raw)
        last = token


@lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest())


_MIX = np.uint64(0x100000001B3)


def shingle_hashes(tokens: Sequence[str], size: int) -> np.ndarray:
    """Distinct 64-bit hashes of the word shingles (punctuation left out); a text shorter than
    `size` words is one shingle. Each word is hashed once (cached) and a shingle's hash mixes
    its words' hashes in order (vectorised), not a hash of the joined text: the same shingles
    get the same hashes in every run, at a fraction of the cost."""
    words = [t for t in tokens if t[0].isalnum() or t[0] == "{"]
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    width = min(size, len(words))
    count = len(words) - width + 1
    mixed = hashes[:count].copy()
    with np.errstate(over="ignore"):
        for offset in range(1, width):
            mixed = (mixed * _MIX) ^ hashes[offset : offset + count]
    return np.unique(mixed)


def explain(ads: Sequence[tuple[Sequence[str], Sequence[str]]]) -> str:
    """The cluster's template from each ad's (masked tokens, tokens as written): the tokens
    every ad shares, in order and as the first ad writes them, with each stretch that differs
    shown as one slot (a known slot keeps its name when all ads have it there)."""
    distinct = list({tuple(keys): (keys, shown) for keys, shown in reversed(ads)}.values())[::-1]
    keys, shown = list(distinct[0][0]), list(distinct[0][1])
    for other, _ in distinct[1:]:  # a copy aligns as its original did
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
    shingles: np.ndarray
    text: str  # title and body, masked again for the explanation (tokens are not kept)
    shown_persona: str | None  # the persona field as written (None: the ad names none)
    city: str | None
    region: str = DEFAULT_REGION
    fields: tuple[str, ...] = ()  # the ad's own phone, handle and e-mail fields
    # who the ad is for, read cheaply (a phone as its digits, not parsed): for counting the
    # personas of a frequent shingle, where the exact persona of every ad would cost too much
    rough_persona: str = ""
    rough: tuple[str, ...] = ()  # every contact's rough key (contact_spans)
    spans: tuple[tuple[int, int, str], ...] = ()  # the contacts masked (contact_spans)
    similarity: float = 0.0  # the highest Jaccard of a verified link to another ad
    _persona: tuple[str, str] | None = field(default=None, repr=False)
    _contacts: tuple[str, ...] | None = field(default=None, repr=False)

    @property
    def persona(self) -> str:
        """Who the ad is for, as a key: the folded persona name; without one, the ad's first
        contact ("phone:+1…", "handle:…", from its contact fields, then its text, read in the
        run's region); without any, "ad:" and its id. Worked out only for the ads that are
        linked to another (most ads never are)."""
        return self._who()[0]

    @property
    def persona_shown(self) -> str:
        """The persona as written, or the contact or ad id it fell back to."""
        return self._who()[1]

    @property
    def named(self) -> bool:
        return normalise_name(self.shown_persona) is not None

    def contacts(self) -> tuple[str, ...]:
        """Every phone, handle and e-mail of the ad ("kind:value"): its contact fields, then
        its text, read where masking found a contact (with some context around it: reading
        the whole text again would cost as much as the masking); then every phone-like
        number as "digits:" and its last ten digits, whatever the region reads."""
        if self._contacts is None:
            slots = {"{" + kind + "}" for kind in FALLBACK_KINDS}
            near = [
                self.text[max(0, start - CONTEXT) : end + CONTEXT]
                for start, end, slot in self.spans
                if slot in slots
            ]
            read = ad_contacts((*self.fields, *near), self.region)
            # and each phone-like number as its digits: a number the region cannot read
            # still tells one advertiser's re-posts apart from another's
            self._contacts = read + tuple(k for k in self.rough if k.startswith("digits:"))
        return self._contacts

    def _who(self) -> tuple[str, str]:
        if self._persona is None:
            name = normalise_name(self.shown_persona)
            if name is not None:
                self._persona = name, str(self.shown_persona)
            elif self.contacts():
                first = self.contacts()[0]
                self._persona = first, first.partition(":")[2]
            else:
                self._persona = f"ad:{self.ad_id}", self.ad_id
        return self._persona

    def tokens(self) -> tuple[list[str], list[str]]:
        """Masked tokens (as the similarity saw them) and the same tokens as written."""
        shown: list[str] = []
        return _masked(self.text, self.spans, self.shown_persona, self.city, shown), shown


FALLBACK_KINDS = ("phone", "handle", "email")
CONTEXT = 60  # characters either side of a contact read for the persona fallback


def ad_contacts(sources: Sequence[str], region: str = DEFAULT_REGION) -> tuple[str, ...]:
    """The phones, handles and e-mails ("kind:value") in these texts, in order, once each."""
    found = (
        f"{contact.kind}:{contact.value}"
        for source in sources
        for contact in find_contacts(source, region, kinds=FALLBACK_KINDS)
    )
    return tuple(dict.fromkeys(found))


def ad_persona(
    ad_id: str,
    persona: str | None,
    fields: Sequence[str],
    text: str,
    region: str = DEFAULT_REGION,
) -> tuple[str, str]:
    """(key, shown) of who an ad is for: its persona name; else its first phone, handle or
    e-mail (its contact fields first, then its text, phones read in `region`); else its id."""
    name = normalise_name(persona)
    if name is not None:
        return name, str(persona)
    contacts = ad_contacts((*fields, text), region)
    if contacts:
        return contacts[0], contacts[0].partition(":")[2]
    return f"ad:{ad_id}", ad_id


def same_persona(a: TemplateAd, b: TemplateAd) -> bool:
    """Whether two ads are for one persona: the same name; two ads without a name, the same
    contact anywhere (one advertiser may give a phone in one ad and a handle in the next)."""
    if a.named or b.named:
        return a.persona == b.persona
    return a.persona == b.persona or not set(a.contacts()).isdisjoint(b.contacts())


def count_personas(ads: Sequence[TemplateAd]) -> int:
    """Distinct personas among ads: names, and ads without a name joined by shared contacts."""
    names = {a.persona for a in ads if a.named}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for ad in ads:
        if not ad.named:
            keys = [ad.persona, *ad.contacts()]
            for key in keys[1:]:
                parent[root(key)] = root(keys[0])
    unnamed = {root(a.persona) for a in ads if not a.named}
    return len(names) + len(unnamed)


Masked = tuple[np.ndarray, tuple[str, ...], tuple[tuple[int, int, str], ...]]


def template_ad(
    ad: Mapping[str, Any],
    shingle_words: int,
    region: str,
    seen: dict[tuple[str, str | None, str | None], Masked] | None = None,
) -> TemplateAd:
    """One ad record (ad_id, persona, city, title, body, phone, handle, email) masked and
    shingled. `seen` remembers the work per (text, persona, city): a re-post is masked once."""
    text = " . ".join(str(ad[f]) for f in ("title", "body") if ad.get(f))
    persona = ad.get("persona")
    persona = str(persona) if persona is not None and str(persona).strip() else None
    key = (text, persona, ad.get("city"))
    done = seen.get(key) if seen is not None else None
    if done is None:
        found: list[str] = []
        spans = contact_spans(text, region, found)
        tokens = _masked(text, spans, persona, ad.get("city"), None)
        done = shingle_hashes(tokens, shingle_words), tuple(found), tuple(spans)
        if seen is not None:
            seen[key] = done
    shingles, contacts, spans_found = done
    fields = tuple(str(ad[f]) for f in ("phone", "handle", "email") if ad.get(f))
    name = normalise_name(persona)
    rough = name or (fields[0] if fields else contacts[0] if contacts else f"ad:{ad['ad_id']}")
    return TemplateAd(
        str(ad["ad_id"]),
        shingles,
        text,
        persona,
        ad.get("city"),
        region,
        fields,
        rough,
        contacts,
        spans_found,
    )


def cluster_ads(
    records: Iterable[Mapping[str, Any]],
    *,
    shingle_words: int = 3,
    num_perm: int = 128,
    bands: int = 32,
    min_jaccard: float = 0.6,
    min_personas: int = 2,
    max_personas: int = 100,
    boilerplate_share: float = 0.01,
    region: str = DEFAULT_REGION,
    link_same_persona: bool = False,
    min_ads: int = 2,
    keep_large: bool = False,
) -> list[list[TemplateAd]]:
    """Template clusters among ads (ad_id, persona, city, title, body; phone, handle, email
    optional). An ad without a persona stands for its contact, else for itself (`ad_persona`).

    BEH-AD-TEMPLATE links only ads of different personas and keeps components of
    `min_personas`..`max_personas` personas. The `templates` command (`link_same_persona`,
    `keep_large`) also links one persona's re-posts and keeps every component of `min_ads` ads
    or more, however many personas (`max_personas` still sets the boilerplate rule)."""
    seen: dict[tuple[str, str | None, str | None], Masked] = {}
    ads = [template_ad(ad, shingle_words, region, seen) for ad in records]
    del seen
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
        if not link_same_persona and same_persona(ads[i], ads[j]):
            continue
        similarity = jaccard(ads[i].shingles, ads[j].shingles)
        if similarity >= min_jaccard:
            for ad in (ads[i], ads[j]):
                ad.similarity = max(ad.similarity, similarity)
            a, b = _root(parent, i), _root(parent, j)
            if a != b:
                parent[a] = b
    groups: dict[int, list[int]] = {}
    for i in range(len(ads)):
        groups.setdefault(_root(parent, i), []).append(i)
    clusters = []
    for members in groups.values():
        if len(members) < max(2, min_ads):
            continue
        personas = count_personas([ads[m] for m in members])
        if min_personas <= personas and (keep_large or personas <= max_personas):
            clusters.append([ads[m] for m in members])
    return clusters


def personal_ads(
    records: Iterable[Mapping[str, Any]], fallback: str = "always"
) -> list[Mapping[str, Any]]:
    """The ads BEH-AD-TEMPLATE reads. `always`: every ad; one without a persona stands for its
    contact, else itself (`ad_persona`). `unnamed_runs`: the same when no ad of the run names a
    persona (scraped ads, a platform's export without the field), but when some do, the ads
    without one are not ads for a person (classifieds, job posts: the project's convention,
    see kyc_contact_in_ads.py) and are left out; a site's own forms there are no template run
    for women (the rule's third known false positive)."""
    rows = list(records)
    if fallback == "always":
        return rows
    if fallback != "unnamed_runs":
        raise ValueError(f"persona_fallback must be always or unnamed_runs, not {fallback!r}")
    named = [r for r in rows if normalise_name(r.get("persona")) is not None]
    return named or rows


def pair_strength(personas: int, pair: float) -> float:
    """A finding's strength: personas / 6 (capped at 1) from three personas on; `pair` for two.
    A pair is one link: two women who copy a wording from each other or a forum, or one woman
    under two names, explain it as well as a template run for others does."""
    return pair if personas == 2 else min(1.0, personas / 6)


@register
class AdTemplateDetector(Detector):
    kind = "ad_template"
    p: AdTemplateParams
    record_kinds = ("ad",)
    description = "Near-duplicate ad texts (masked MinHash-LSH) across >= N different personas."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        columns = ["ad_id", "persona", "city", "title", "body", "phone", "handle", "email"]
        rows = personal_ads(engine.records(RecordKind.AD, columns), self.p.persona_fallback)
        clusters = cluster_ads(
            rows,
            shingle_words=self.p.shingle_words,
            num_perm=self.p.num_perm,
            bands=self.p.bands,
            min_jaccard=self.p.min_jaccard,
            min_personas=self.p.min_cluster_size,
            max_personas=self.p.max_cluster_size,
            boilerplate_share=self.p.max_shingle_ad_share,
            region=self.region,
        )
        for cluster in clusters:
            yield self._finding(cluster, self.p.min_jaccard)

    def _finding(self, cluster: list[TemplateAd], min_jaccard: float) -> Finding:
        cluster.sort(key=lambda a: a.ad_id)
        template = explain([a.tokens() for a in cluster])
        personas = count_personas(cluster)
        key = hashlib.blake2b(template.encode(), digest_size=6).hexdigest()
        strength = pair_strength(personas, self.p.pair_strength)
        return self.finding(
            subject_kind="template",
            subject=f"template:{key}",
            strength=strength,
            facts={
                "ads": len(cluster),
                "personas": personas,
                "template": template,
                "min_jaccard": min_jaccard,
                "pair": personas == 2,
            },
            summary_en=(
                f"{len(cluster)} ads for {personas} different personas share one text "
                f"template: “{template}”."
            ),
            summary_da=(
                f"{len(cluster)} annoncer for {personas} forskellige personer bruger "
                f"samme tekstskabelon: “{template}”."
            ),
            evidence=tuple(Evidence(kind="ad", record_id=a.ad_id, field="body") for a in cluster),
        )


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The exact Jaccard similarity of two ads' shingle sets (distinct hashes each)."""
    both = len(np.intersect1d(a, b, assume_unique=True))
    either = len(a) + len(b) - both
    return both / either if either else 0.0


def _drop_boilerplate(ads: list[TemplateAd], share: float, most_personas: int) -> None:
    """Drop site boilerplate (`boilerplate_shingles`) from every ad's shingles."""
    common = boilerplate_shingles(ads, share, most_personas)
    if len(common):
        for a in ads:
            a.shingles = without_shingles(a.shingles, common)


def without_shingles(shingles: np.ndarray, common: np.ndarray) -> np.ndarray:
    """An ad's shingles without the `common` ones (boilerplate)."""
    return shingles[~np.isin(shingles, common, assume_unique=True)]


def boilerplate_shingles(ads: Sequence[TemplateAd], share: float, most_personas: int) -> np.ndarray:
    """Site boilerplate: shingles found in more than `share` of all ads and for more personas
    than a cluster may hold (such a shingle cannot belong to one valid cluster; the second
    condition keeps a small collection, where one template is a large share, intact). Personas
    are counted by `rough_persona`."""
    if not ads:
        return np.zeros(0, dtype=np.uint64)
    sizes = [len(a.shingles) for a in ads]
    flat = np.concatenate([a.shingles for a in ads])
    values, ad_counts = np.unique(flat, return_counts=True)
    frequent = values[ad_counts > share * len(ads)]
    if not len(frequent):
        return frequent
    among = np.isin(flat, frequent)
    carrier = np.repeat(np.arange(len(ads)), sizes)[among]
    persona_ids: dict[str, int] = {}
    ids = {
        int(i): persona_ids.setdefault(ads[i].rough_persona, len(persona_ids)) for i in set(carrier)
    }
    owners = np.array([ids[int(i)] for i in carrier], dtype=np.uint64)
    pairs = np.unique(np.stack([flat[among], owners]), axis=1)
    shingles, persona_counts = np.unique(pairs[0], return_counts=True)
    common: np.ndarray = shingles[persona_counts > most_personas]
    return common
