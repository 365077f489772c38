"""Download all my data, and load an export: the profile's "Your data" section."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_POST

from cairn.portability import deletion
from cairn.portability.document import checkins_csv, export_document
from cairn.portability.forms import ImportForm
from cairn.portability.load import DocumentError, ImportReport, import_document
from cairn.web.forms import render_form, submit
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


class DeleteForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput, label="Your password, to confirm")


@login_required
def delete_account(request: AuthedRequest) -> HttpResponse:
    """Ask for the account's deletion (the export offered first), or see it is pending."""
    form = DeleteForm(request.POST or None)
    if request.method == "POST":
        done = submit(form, lambda: deletion.request_deletion(
            user=request.user, password=form.cleaned_data["password"]))  # fmt: skip
        if done is not None:
            when = date_format(timezone.localtime(done.delete_after), "j F Y")
            messages.success(request, f"Your account will be deleted on {when}. "
                             "Until then you can change your mind here.")  # fmt: skip
            return redirect("delete_account")
    return render_form(request, "portability/delete.html", {"form": form})


@login_required
@require_POST
def cancel_deletion(request: AuthedRequest) -> HttpResponse:
    deletion.cancel_deletion(user=request.user)
    messages.success(request, "Your account stays. (Make new API tokens and a new calendar "
                     "link if you need them: those stopped when you asked.)")  # fmt: skip
    return redirect("profile")
