"""Cairn's JSON API (django-ninja): /api/v1/..., its OpenAPI schema at /api/openapi.json and
browsable docs at /api/docs. It calls the same services and access rules as the web pages;
nothing here decides a rule. Top layer, beside the CLI and the site."""
