"""Personal access tokens for the API, on the profile: make one (shown once), see when each
was last used, revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from cairn.accounts import tokens
from cairn.accounts.models import ApiToken
from cairn.web.forms import render_form, submit
from cairn.web.types import AuthedRequest


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What will use it, e.g. “my spreadsheet”.")
    scope = forms.ChoiceField(choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ,
                              widget=forms.RadioSelect)  # fmt: skip


@login_required
def token_list(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    context: dict[str, object] = {"form": form, "tokens": tokens.user_tokens(request.user)}
    if request.method == "POST":
        made = submit(form, lambda: tokens.create_token(user=request.user, **form.cleaned_data))
        if made is not None:
            context.update(new_token=made[1], new_name=made[0].name, form=TokenForm(),
                           tokens=tokens.user_tokens(request.user))  # fmt: skip
    return render_form(request, "accounts/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    token = tokens.revoke_token(user=request.user, token_id=token_id)
    messages.success(request, f"Revoked “{token.name}”: it no longer opens the API.")
    return redirect("api_tokens")
