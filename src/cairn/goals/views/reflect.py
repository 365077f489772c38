"""The six aspirational prompts (a plain form; the guided session comes later)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cairn.goals import services
from cairn.goals.forms import ReflectionForm
from cairn.goals.models import Prompt, ReflectionAnswer
from cairn.goals.services.reflections import latest_answers
from cairn.web.forms import render_form
from cairn.web.types import AuthedRequest


@login_required
def prompts(request: AuthedRequest) -> HttpResponse:
    current = latest_answers(request.user)
    initial = {key: answer.text for key, answer in current.items()}
    form = ReflectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for prompt in Prompt.values:
                text = form.cleaned_data[prompt]
                services.save_reflection_answer(owner=request.user, prompt=prompt, text=text)
        messages.success(request, "Reflections saved.")
        return redirect("reflect")
    return render_form(request, "goals/reflect.html", {"form": form})


@login_required
def prompts_history(request: AuthedRequest) -> HttpResponse:
    answers = ReflectionAnswer.objects.filter(owner=request.user)
    labels = dict(Prompt.choices)
    return render(request, "goals/reflect_history.html", {"answers": answers, "labels": labels})
