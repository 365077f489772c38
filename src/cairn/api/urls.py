import json
from typing import Any

from django.http import HttpRequest
from django.urls import path
from ninja import NinjaAPI
from ninja.parser import Parser
from ninja.throttling import AuthRateThrottle

from cairn import __version__
from cairn.api import goals, more, problems, smart
from cairn.api.auth import AUTH


class EmptyIsEmptyObject(Parser):
    """`POST /goals/7/activate` with no body at all means no options, not a parse error."""

    def parse_body(self, request: HttpRequest) -> Any:
        return json.loads(request.body) if request.body.strip() else {}


api = NinjaAPI(
    parser=EmptyIsEmptyObject(),
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
