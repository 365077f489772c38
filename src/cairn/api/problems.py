"""Errors as RFC 9457 problem details (application/problem+json), with the field at fault."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError

from cairn.errors import NotFound

TITLES = {400: "Bad request", 401: "Not signed in", 403: "Not allowed", 404: "Not found",
          405: "Method not allowed", 409: "Conflict", 422: "Invalid input",
          429: "Too many requests"}  # fmt: skip


PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"},
        "status": {"type": "integer"}, "detail": {"type": "string"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "message"],
            "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}},
    },
}  # fmt: skip
# What any operation may answer besides its own success (RFC 9457 problem details).
DOCUMENTED = (400, 401, 403, 404, 422, 429)


def document(schema: Any) -> Any:
    """The OpenAPI schema with the problem answers listed on every operation."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status in DOCUMENTED:
                responses.setdefault(str(status), {"description": TITLES[status],
                                                   "content": content})  # fmt: skip
    return schema


def problem(status: int, detail: str, errors: list[dict[str, str]] | None = None) -> JsonResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": TITLES.get(status, "Error"),
                            "status": status, "detail": detail}  # fmt: skip
    if errors:
        body["errors"] = errors
    return JsonResponse(body, status=status, content_type="application/problem+json")


def _rule_broken(error: ValidationError) -> list[dict[str, str]]:
    if hasattr(error, "error_dict"):
        fields = error.message_dict.items()
        return [{"field": f, "message": m} for f, messages in fields for m in messages]
    return [{"field": "", "message": message} for message in error.messages]


def _schema_broken(error: SchemaError) -> list[dict[str, str]]:
    found = []
    for item in error.errors:
        where = [str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path")]
        found.append({"field": ".".join(where[1:] if where[:1] == ["payload"] else where),
                      "message": str(item.get("msg", "invalid"))})  # fmt: skip
    return found


def install(api: NinjaAPI) -> None:
    """Every error the API can meet, answered as a problem."""

    @api.exception_handler(NotFound)
    def not_found(request: HttpRequest, error: NotFound) -> JsonResponse:
        return problem(404, str(error))

    @api.exception_handler(ValidationError)
    def rule_broken(request: HttpRequest, error: ValidationError) -> JsonResponse:
        errors = _rule_broken(error)
        return problem(422, errors[0]["message"] if errors else "Invalid input.", errors)

    @api.exception_handler(SchemaError)
    def schema_broken(request: HttpRequest, error: SchemaError) -> JsonResponse:
        errors = _schema_broken(error)
        return problem(422, "The request does not match the schema.", errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> JsonResponse:
        return problem(401, "Send a token (Authorization: Bearer cairn_...) or sign in.")

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, error: PermissionDenied) -> JsonResponse:
        return problem(403, str(error) or "Not allowed.")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, error: HttpError) -> JsonResponse:
        return problem(error.status_code, str(error))
