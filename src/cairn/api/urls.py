import json
from typing import Any

from django.http import HttpRequest
from django.urls import path
from ninja import NinjaAPI
from ninja.errors import ValidationError as SchemaError
from ninja.parser import Parser
from ninja.throttling import AuthRateThrottle

from cairn import __version__
from cairn.api import goals, more, problems, smart
from cairn.api.auth import AUTH


def _nul_at(value: Any, where: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """Where a NUL character hides in parsed input (PostgreSQL stores no text with one)."""
    if isinstance(value, str):
        return where if "\x00" in value else None
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = _nul_at(key, where) or _nul_at(item, (*where, key))
        if found is not None:
            return found
    return None


def _refuse_nul(data: Any, source: str) -> Any:
    where = _nul_at(data, (source,))
    if where is not None:
        raise SchemaError([{"loc": where, "msg": "Text cannot contain a NUL character."}])
    return data


class CairnParser(Parser):
    """JSON bodies and query strings as ninja reads them, with two differences: no body at
    all means no options (`POST /goals/7/activate`), and a NUL character anywhere is
    refused as invalid input, naming the field."""

    def parse_body(self, request: HttpRequest) -> Any:
        return _refuse_nul(json.loads(request.body) if request.body.strip() else {}, "body")

    def parse_querydict(self, data: Any, list_fields: list[str], request: HttpRequest) -> Any:
        return _refuse_nul(super().parse_querydict(data, list_fields, request), "query")


class CairnAPI(NinjaAPI):
    """The schema also lists, on every operation, the problems it can answer with."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        return problems.document(schema)


api = CairnAPI(
    parser=CairnParser(),
    title="Cairn API",
    version=f"1 (Cairn {__version__})",
    description="Your goals, check-ins and the SMART coach. Authenticate with a personal "
    "access token from your profile: `Authorization: Bearer cairn_...`.",
    auth=AUTH,
    throttle=[AuthRateThrottle("600/m")],  # per token or session: a runaway script, not a person
    urls_namespace="api",
)
problems.install(api)
api.add_router("/v1", goals.router)
api.add_router("/v1", more.router)
api.add_router("/v1", smart.router)

urlpatterns = [path("api/", api.urls)]
