"""The webhooks page: add a URL for chosen events (its secret shown once), see each one's
recent deliveries, turn a disabled one on again, remove one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from cairn.goals.events import EVENTS
from cairn.web.forms import render_form, submit
from cairn.web.types import AuthedRequest
from cairn.webhooks import services
from cairn.webhooks.models import Webhook

LOG_SIZE = 10


class WebhookForm(forms.Form):
    url = forms.CharField(label="URL", max_length=500, help_text="https://… where your app listens")
    events = forms.MultipleChoiceField(choices=list(EVENTS.items()),
                                       widget=forms.CheckboxSelectMultiple)  # fmt: skip


@login_required
def webhook_list(request: AuthedRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST":
        made = submit(form, lambda: services.add_webhook(owner=request.user, **form.cleaned_data))
        if made is not None:
            context.update(new_secret=made.secret, form=WebhookForm())
    hooks = list(Webhook.objects.filter(owner=request.user))
    for hook in hooks:
        hook.log = list(hook.deliveries.all()[:LOG_SIZE])  # type: ignore[attr-defined]
    context["hooks"] = hooks
    return render_form(request, "webhooks/list.html", context)


@login_required
@require_POST
def webhook_remove(request: AuthedRequest, webhook_id: int) -> HttpResponse:
    services.remove_webhook(owner=request.user, webhook_id=webhook_id)
    messages.success(request, "Webhook removed.")
    return redirect("webhooks")


@login_required
@require_POST
def webhook_enable(request: AuthedRequest, webhook_id: int) -> HttpResponse:
    services.enable_webhook(owner=request.user, webhook_id=webhook_id)
    messages.success(request, "Webhook on again.")
    return redirect("webhooks")
