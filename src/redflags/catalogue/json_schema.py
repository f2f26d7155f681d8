"""The catalogue's JSON Schema: an indicator file with `detector` a union discriminated on
`kind`, each kind's `params` its typed model. Editors with a YAML language server validate an
indicator while it is being typed (docs/catalogue.schema.json, `redflags catalogue schema`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from redflags.catalogue.params import PARAMS_BY_KIND
from redflags.catalogue.schema import Indicator

SCHEMA_ID = "https://redflags.invalid/catalogue.schema.json"


class _Variant(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _variant(kinds: tuple[str, ...], params: Any, name: str, required: bool) -> type[BaseModel]:
    kind_type: Any = Literal[kinds]  # a Literal of several values is one variant for all
    default: Any = ... if required else {}
    return create_model(
        name,
        __base__=_Variant,
        kind=(kind_type, ...),
        params=(params, default),
    )


def catalogue_schema(untyped_kinds: Iterable[str] = ()) -> dict[str, Any]:
    """The JSON Schema of an indicator file. `untyped_kinds` (kinds without a params model yet,
    such as planned ones) accept any mapping as params."""
    variants: list[Any] = []
    for kind, model in sorted(PARAMS_BY_KIND.items()):
        required = any(f.is_required() for f in model.model_fields.values())
        name = "Detector_" + kind
        variants.append(_variant((kind,), model, name, required))
    others = tuple(sorted(set(untyped_kinds) - set(PARAMS_BY_KIND)))
    if others:
        variants.append(_variant(others, dict[str, Any], "Detector_untyped", False))
    union: Any = Annotated[Union[tuple(variants)], Field(discriminator="kind")]  # noqa: UP007
    indicator = create_model("Indicator", __base__=Indicator, detector=(union, ...))
    schema = indicator.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "redflags indicator"
    return schema


def render_schema(untyped_kinds: Iterable[str] = ()) -> str:
    return json.dumps(catalogue_schema(untyped_kinds), indent=2, ensure_ascii=False) + "\n"
