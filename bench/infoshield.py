"""InfoShield, reimplemented from its publication for a side-by-side bench (not vendored).

Lee, Vajiac, Jain, Chau, Faloutsos et al., "InfoShield: Generalizable Information-Theoretic
Human-Trafficking Detection", ICDE 2021. The published method has two steps; both are written
here from the paper's description, simplified where noted:

InfoShield-coarse: every ad's text (digits and non-ASCII characters removed, as the authors'
pre-processing does) is cut into word 5-grams ("phrases") and weighted by tf-idf (sublinear tf,
smoothed idf, l2 norm, as scikit-learn's TfidfVectorizer does); each ad keeps its top-k phrases
(k = 5); ads and phrases form a bipartite graph (an ad is joined to its top phrases) and each
connected component with two or more ads is a coarse cluster.

InfoShield-fine: within each coarse cluster, repeatedly: take the first unassigned ad as the seed,
align every other unassigned ad with it (word-level global alignment), and keep the ads whose
alignment with the seed costs fewer bits than encoding the ad on its own (minimum description
length, MDL). The kept ads' template is the seed's words that at least half of them share (the
paper builds a partial-order alignment graph and searches its edge-weight threshold; this
consensus is the simplification), every kept ad is aligned again with the template, and the
template is accepted when it lowers the cluster's total description length (template + each ad's
alignment + which template it uses) below encoding every ad on its own. The ads of an accepted
template are a fine cluster; the others stay single. Costs, as in the paper: a word costs
log2(vocabulary size) bits; a sequence of n words costs log*(n) + n word costs; an alignment
costs log*(e) + per edit log2(template length) for its position + 2 bits for its type + a word
cost when it inserts or substitutes a word (inserted and substituted words are counted as the
edit distance minus the length deficit: no backtrace).

The alignment is the usual O(n m) dynamic programme, computed a row at a time with numpy (the
authors' Python implementation aligns cell by cell, so this version is faster than theirs).
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

_CLEAN = [(re.compile(r"\d+"), ""), (re.compile(r"[^\x00-\x7F]+"), " "), (re.compile(r"<.*?>"), "")]


def clean(text: str) -> str:
    """The authors' pre-processing: digits removed, other non-ASCII characters as spaces."""
    for pattern, replacement in _CLEAN:
        text = pattern.sub(replacement, text)
    return text


def log_star(n: float) -> float:
    """Rissanen's universal code length for an integer n >= 1 (log2 c0 + log2 n + ...)."""
    cost = math.log2(2.865064)
    n = float(max(n, 1))
    while n > 1:
        n = math.log2(n)
        if n > 0:
            cost += n
    return cost


def coarse(
    texts: Sequence[str], top_k: int = 5, reference: bool = False, ngram: int = 5
) -> np.ndarray:
    """Coarse cluster label per text (-1: alone). `reference`: each ad's top phrases picked by
    reading its tf-idf row element by element, as the authors' code does."""
    tfidf = TfidfVectorizer(
        token_pattern=r"[^\s]+", lowercase=False, ngram_range=(ngram, ngram), sublinear_tf=True
    )
    matrix = tfidf.fit_transform([clean(t) for t in texts]).tocsr()
    matrix.sort_indices()  # ties between equal weights go to the lower column in both modes
    rows, cols = [], []
    for i in range(matrix.shape[0]):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        if start == end:
            continue
        if reference:
            _, nonzero = matrix[i].nonzero()
            pairs = [(matrix[i, c], -int(c)) for c in nonzero]
            chosen = [-c for _, c in heapq.nlargest(top_k, pairs)]
        else:
            data = matrix.data[start:end]
            top = np.argsort(-data, kind="stable")[:top_k]
            chosen = matrix.indices[start:end][top].tolist()
        cols.extend(chosen)
        rows.extend([i] * len(chosen))
    n, phrases = matrix.shape
    # bipartite graph: ads 0..n-1, phrases n..n+phrases-1
    graph = coo_matrix((np.ones(len(rows)), (rows, np.array(cols) + n)), shape=(n + phrases,) * 2)
    _, labels = connected_components(graph, directed=False)
    ads = labels[:n]
    sizes = np.bincount(ads, minlength=labels.max() + 1)
    return np.where(sizes[ads] >= 2, ads, -1)


def edit_distance(a: np.ndarray, b: np.ndarray) -> int:
    """Word-level Levenshtein distance, one numpy row at a time (the within-row dependency
    by a running minimum)."""
    m = len(b)
    if not len(a) or not m:
        return max(len(a), m)
    steps = np.arange(m + 1)
    row = steps.copy()
    for i, word in enumerate(a, start=1):
        diagonal = row[:-1] + (b != word)
        best = np.empty(m + 1, dtype=np.int64)
        best[0] = i
        best[1:] = np.minimum(diagonal, row[1:] + 1)
        row = np.minimum.accumulate(best - steps) + steps
    return int(row[-1])


def edit_distance_cells(a: np.ndarray, b: np.ndarray) -> int:
    """The same distance computed cell by cell in Python, as the authors' implementation
    aligns (seqgraphalignment.py walks the dynamic-programming table one cell at a time)."""
    left, right = a.tolist(), b.tolist()
    m = len(right)
    row = list(range(m + 1))
    for i, word in enumerate(left, start=1):
        current = [i] + [0] * m
        for j in range(1, m + 1):
            current[j] = min(row[j - 1] + (right[j - 1] != word), row[j] + 1, current[j - 1] + 1)
        row = current
    return row[m]


@dataclass
class Costs:
    word: float  # bits per word: log2 of the vocabulary size
    reference: bool = False  # align cell by cell, as the authors' code does

    def sequence(self, length: int) -> float:
        return log_star(length) + length * self.word

    def alignment(self, seq: np.ndarray, template: np.ndarray) -> float:
        edits = (edit_distance_cells if self.reference else edit_distance)(seq, template)
        words = max(0, edits - max(0, len(template) - len(seq)))
        position = math.log2(max(2, len(template)))
        return log_star(edits + 1) + edits * (position + 2) + words * self.word


def _matched(seed: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Which seed words `other` also has, in order (for the consensus template): the longest
    common subsequence by a numpy row DP and a backtrace."""
    n, m = len(seed), len(other)
    table = np.zeros((n + 1, m + 1), dtype=np.int32)
    for i in range(1, n + 1):
        same = other == seed[i - 1]
        candidate = np.where(same, table[i - 1, :-1] + 1, table[i - 1, 1:])
        table[i, 1:] = np.maximum.accumulate(candidate)
    hit = np.zeros(n, dtype=bool)
    i, j = n, m
    while i and j:
        if seed[i - 1] == other[j - 1] and table[i, j] == table[i - 1, j - 1] + 1:
            hit[i - 1] = True
            i, j = i - 1, j - 1
        elif table[i - 1, j] >= table[i, j - 1]:
            i -= 1
        else:
            j -= 1
    return hit


def _total(template: np.ndarray, members: list[np.ndarray], costs: Costs) -> float:
    """Bits to encode the members with this template: the template, each member's alignment
    with it and one bit per member for which template it uses."""
    return costs.sequence(len(template)) + sum(costs.alignment(s, template) + 1 for s in members)


def _best_template(
    seed: np.ndarray, votes: np.ndarray, members: list[np.ndarray], costs: Costs
) -> tuple[np.ndarray, float]:
    """The consensus template of least total cost: the seed's words that at least t of the
    other members share, t found by a dichotomous search (the paper searches the alignment
    graph's edge-weight threshold the same way)."""
    cache: dict[int, float] = {}

    def cost(t: int) -> float:
        if t not in cache:
            cache[t] = _total(seed[votes >= t], members, costs)
        return cache[t]

    low, high = 0, len(members) - 1
    while low < high:
        middle = (low + high) // 2
        if cost(middle) <= cost(middle + 1):
            high = middle
        else:
            low = middle + 1
    return seed[votes >= low], cost(low)


def fine(sequences: list[np.ndarray], costs: Costs) -> list[list[int]]:
    """Fine clusters (indices into `sequences`) of one coarse cluster."""
    left = list(range(len(sequences)))
    found: list[list[int]] = []
    while left:
        seed = sequences[left[0]]
        members = [left[0]]
        for index in left[1:]:
            seq = sequences[index]
            if costs.alignment(seq, seed) < costs.sequence(len(seq)):
                members.append(index)
        left = [i for i in left if i not in set(members)]
        if len(members) < 2:
            continue
        votes = np.zeros(len(seed))
        for index in members[1:]:
            votes += _matched(seed, sequences[index])
        _, after = _best_template(seed, votes, [sequences[i] for i in members], costs)
        before = sum(costs.sequence(len(sequences[i])) for i in members)
        if after < before:
            found.append(members)
    return found


def infoshield(texts: Sequence[str], top_k: int = 5, reference: bool = False) -> list[list[int]]:
    """InfoShield's clusters (indices into `texts`), coarse then fine. `reference`: run as the
    authors' implementation does (per-element tf-idf look-ups, cell-by-cell alignment): the
    same clusters, at the cost of the published system."""
    labels = coarse(texts, top_k, reference)
    vocabulary: dict[str, int] = {}
    sequences = [
        np.array([vocabulary.setdefault(w, len(vocabulary)) for w in clean(t).split()])
        for t in texts
    ]
    costs = Costs(math.log2(max(2, len(vocabulary))), reference)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        if label >= 0:
            groups.setdefault(label, []).append(i)
    clusters = []
    for members in groups.values():
        for part in fine([sequences[i] for i in members], costs):
            clusters.append([members[i] for i in part])
    return clusters
