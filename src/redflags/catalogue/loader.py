"""Strict loader for the indicator catalogue.

YAML is composed into nodes first so that every error can name its file and line, and so that
duplicate keys (which PyYAML would silently overwrite) are refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from redflags.catalogue.params import PARAMS_BY_KIND
from redflags.catalogue.parse_cache import cached_parse
from redflags.catalogue.schema import Category, Example, ExampleFile, Indicator

EXAMPLES_SUFFIX = ".examples.yaml"
M = TypeVar("M", bound=BaseModel)
Location = tuple[int | str, ...]
# a check after the model validated: (location in the file, problem) pairs
Check = Callable[[M], list[tuple[Location, str]]]


class CatalogueError(Exception):
    """One or more problems in catalogue files; each line names file and line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, Indicator]
    examples: dict[str, tuple[Example, ...]] = field(default_factory=dict)
    root: Path | None = None

    def __iter__(self) -> Iterator[Indicator]:
        return iter(sorted(self.indicators.values(), key=lambda i: i.id))

    def __len__(self) -> int:
        return len(self.indicators)

    def get(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id.upper()]
        except KeyError:
            raise KeyError(f"no indicator {indicator_id!r} in the catalogue") from None

    def by_category(self, category: Category) -> list[Indicator]:
        return [i for i in self if i.category is category]

    @property
    def version(self) -> str:
        """A short digest of every indicator's full content: changes when any rule, threshold
        or status changes, so a run names exactly the catalogue it used."""
        import json

        text = json.dumps([i.model_dump(mode="json") for i in self], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:12]


def default_root() -> Path:
    return Path(str(resources.files("redflags.catalogue") / "indicators"))


def _node_to_python(node: yaml.Node, path: Path, problems: list[str]) -> Any:
    """Convert a composed node to Python, refusing duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _node_to_python(key_node, path, problems)
            if key in result:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
            result[key] = _node_to_python(value_node, path, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_python(v, path, problems) for v in node.value]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _line_of(root: yaml.Node, loc: tuple[int | str, ...]) -> int:
    """Best line number for a pydantic error location: walk the node tree as far as it goes."""
    node = root
    line = root.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    line = key_node.start_mark.line + 1
                    child = value_node
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def parse_file(
    path: Path, model: type[M], problems: list[str], check: Check[M] | None = None
) -> M | None:
    """Parse one YAML file into `model`, appending `file:line: problem` strings on failure;
    `check` adds problems the model alone cannot see, located in the same file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(f"{path}:1: not UTF-8 text")
        return None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problems.append(f"{path}:{line}: invalid YAML: {getattr(exc, 'problem', exc)}")
        return None
    if root is None:
        problems.append(f"{path}:1: empty file")
        return None
    before = len(problems)
    data = _node_to_python(root, path, problems)
    if len(problems) > before:
        return None
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        _report(path, root, [(tuple(e["loc"]), e["msg"]) for e in exc.errors()], problems)
        return None
    if check is not None:  # its problems are reported; the file still counts as read, so
        _report(path, root, check(parsed), problems)  # its examples find it
    return parsed


def parse_file_once(path: Path, model: type[M]) -> M:
    """`parse_file`, once per file contents (see `contents_digest`), raising CatalogueError
    with the problems: lexicons and lists are read by every scan."""
    parsed = _parse_cached(path, model, contents_digest([path]))
    assert isinstance(parsed, model)  # the cache forgets the type
    return parsed


@lru_cache(maxsize=256)
def _parse_cached(path: Path, model: type[BaseModel], contents: str) -> BaseModel:
    if not model.__module__.startswith("redflags.catalogue."):  # its code is not in the key
        return _parse_or_raise(path, model)
    kind = f"{model.__module__}.{model.__qualname__}"
    return cached_parse(kind, contents, lambda: _parse_or_raise(path, model))


def _parse_or_raise(path: Path, model: type[BaseModel]) -> BaseModel:
    problems: list[str] = []
    parsed = parse_file(path, model, problems)
    if parsed is None:
        raise CatalogueError(problems)
    return parsed


def _report(
    path: Path, root: yaml.Node, errors: list[tuple[Location, str]], problems: list[str]
) -> None:
    for loc, message in errors:
        where = ".".join(str(p) for p in loc) or "(file)"
        problems.append(f"{path}:{_line_of(root, loc)}: {where}: {message}")


def check_params(indicator: Indicator) -> list[tuple[Location, str]]:
    """The indicator's `detector.params` against its kind's typed model (kinds without one,
    such as planned ones, take any mapping)."""
    model = PARAMS_BY_KIND.get(indicator.detector.kind)
    if model is None:
        return []
    try:
        model.model_validate(indicator.detector.params)
    except ValidationError as exc:
        return [(("detector", "params", *e["loc"]), e["msg"]) for e in exc.errors()]
    return []


def load_catalogue(root: Path | None = None) -> Catalogue:
    """Load every indicator and example file under `root`.

    Raises CatalogueError listing every problem found, not just the first.
    """
    root = root or default_root()
    return _parse_catalogue(root, contents_digest(sorted(root.rglob("*.yaml"))))


def contents_digest(paths: Iterable[Path]) -> str:
    """A digest of the files' names and contents: the key of the parse caches below. Parsing
    YAML is slow (the catalogue takes a second) and a scan asks for the same files several
    times; keyed on contents, an edited file is parsed again, an unchanged one once."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _parse_catalogue(root: Path, contents: str) -> Catalogue:
    return cached_parse("catalogue", contents, lambda: _read_catalogue(root))


def _read_catalogue(root: Path) -> Catalogue:
    problems: list[str] = []
    indicators: dict[str, Indicator] = {}
    files_by_id: dict[str, Path] = {}
    example_files: list[Path] = []
    for path in sorted(root.rglob("*.yaml")):
        if path.name.endswith(EXAMPLES_SUFFIX):
            example_files.append(path)
            continue
        indicator = parse_file(path, Indicator, problems, check_params)
        if indicator is None:
            continue
        if indicator.id in indicators:
            problems.append(
                f"{path}:1: duplicate id {indicator.id} (also in {files_by_id[indicator.id]})"
            )
            continue
        if path.stem != indicator.id:
            problems.append(f"{path}:1: file name must be {indicator.id}.yaml")
        indicators[indicator.id] = indicator
        files_by_id[indicator.id] = path
    examples = _load_examples(example_files, indicators, problems)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(indicators=indicators, examples=examples, root=root)


def _load_examples(
    paths: Iterable[Path], indicators: dict[str, Indicator], problems: list[str]
) -> dict[str, tuple[Example, ...]]:
    examples: dict[str, tuple[Example, ...]] = {}
    for path in paths:
        parsed = parse_file(path, ExampleFile, problems)
        if parsed is None:
            continue
        if parsed.indicator not in indicators:
            problems.append(f"{path}:1: examples for unknown indicator {parsed.indicator}")
            continue
        if path.name != parsed.indicator + EXAMPLES_SUFFIX:
            problems.append(f"{path}:1: file name must be {parsed.indicator}{EXAMPLES_SUFFIX}")
        examples[parsed.indicator] = parsed.examples
    return examples
