"""Download all my data, and load an export: the profile's "Your data" section."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET

from cairn.portability.document import checkins_csv, export_document
from cairn.portability.forms import ImportForm
from cairn.portability.load import DocumentError, ImportReport, import_document
from cairn.web.forms import render_form
from cairn.web.types import AuthedRequest


def _attachment(
    content: str, content_type: str, user: AuthedRequest, extension: str
) -> HttpResponse:
    name = f"cairn-{user.user.get_username()}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def export_json(request: AuthedRequest) -> HttpResponse:
    text = json.dumps(export_document(request.user), ensure_ascii=False, indent=1)
    return _attachment(text, "application/json; charset=utf-8", request, "json")


@login_required
@require_GET
def export_csv(request: AuthedRequest) -> HttpResponse:
    return _attachment(checkins_csv(request.user), "text/csv; charset=utf-8", request, "csv")


@login_required
def import_upload(request: AuthedRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = _load(form, request)
        if report is not None:
            messages.success(request, f"Imported: {report.summary()}.")
            for item in report.skipped:
                messages.info(request, f"Not imported: {item}.")
            return redirect("profile")
    return render_form(request, "portability/import.html", {"form": form})


def _load(form: ImportForm, request: AuthedRequest) -> ImportReport | None:
    """The import's report; None, with the reason on the form, when the file is refused."""
    try:
        document = json.loads(form.cleaned_data["file"].read().decode("utf-8"))
        return import_document(user=request.user, document=document)
    except (UnicodeDecodeError, json.JSONDecodeError):
        form.add_error("file", "This is not JSON: is it the file “Download all my data” gives?")
    except DocumentError as error:
        form.add_error("file", f"Nothing was imported: {error.where} — {error.message}.")
    return None
