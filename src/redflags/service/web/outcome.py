"""Running one change a form asked for through the API's route functions, and what to tell the
person in words: done, or refused (a field the API's model refused, or the API's own refusal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from starlette.requests import Request

from redflags.service.api.problems import ServiceError
from redflags.service.web.rendering import translate

RefusalWords = Callable[[Request, ServiceError], str]


def not_made(request: Request, refusal: ServiceError) -> str:
    return translate(request, "That change was not made.")


@dataclass(frozen=True)
class Outcome:
    status: int = 200
    done: str = ""
    problem: str = ""
    detail: str = ""  # the API's reason as it wrote it (English), shown beside the words
    result: Any = None

    def context(self) -> dict[str, Any]:
        return {
            "done": self.done,
            "problem": self.problem,
            "detail": self.detail,
            "result": self.result,
        }


def attempt(
    request: Request, change: Callable[[], Any], done: str, words: RefusalWords = not_made
) -> Outcome:
    """`change()`; `done` (a msgid) when it went through."""
    try:
        result = change()
    except ValidationError as invalid:
        fields = ", ".join(str(e["loc"][-1]) for e in invalid.errors() if e.get("loc"))
        problem = translate(
            request, "Some fields are missing or not valid: %(fields)s.", fields=fields
        )
        return Outcome(422, problem=problem)
    except ServiceError as refusal:
        return Outcome(refusal.status, problem=words(request, refusal), detail=refusal.detail)
    return Outcome(done=translate(request, done), result=result)
