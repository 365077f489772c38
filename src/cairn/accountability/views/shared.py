"""Sharing a goal, and what others see of it: read-only, with encouragement and reactions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cairn.accountability import access
from cairn.accountability.forms import CommentForm, SharingForm
from cairn.accountability.models import GoalShare, Notice, Reaction
from cairn.accountability.privacy import is_money_goal, masked_statement, shown_statement
from cairn.accountability.services import sharing as sharing_services
from cairn.goals import queries
from cairn.goals.access import own_goal, owned_goals
from cairn.goals.insight import goal_insight
from cairn.goals.models import Goal
from cairn.web.forms import attach_errors
from cairn.web.types import AuthedRequest


@login_required
def sharing(request: AuthedRequest, goal_id: int) -> HttpResponse:
    goal = own_goal(request.user, goal_id)
    pacts = access.active_pacts(request.user).select_related("first", "second")
    labels = {
        pact.pk: (pact.second if pact.first_id == request.user.pk else pact.first).get_username()
        for pact in pacts
    }
    initial = {
        "visibility": goal.visibility,
        "show_money": sharing_services.show_money(goal),
        "pacts": list(GoalShare.objects.filter(goal=goal).values_list("pact", flat=True)),
    }
    form = SharingForm(request.POST or None, pacts=pacts, labels=labels, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            sharing_services.share(goal, by=request.user, **form.cleaned_data)
            messages.success(request, "Sharing saved.")
            return redirect("goal", goal_id=goal.pk)
        except ValidationError as error:
            attach_errors(form, error)
    status = 400 if form.errors else 200
    return render(
        request, "accountability/sharing.html", {"goal": goal, "form": form}, status=status
    )


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    goals = access.goals_shared_with(request.user).select_related("owner", "sharing")
    goals = queries.with_progress(goals, timezone.localdate()).order_by("owner_id", "deadline")
    shown = list(goals)
    for item in shown:
        item.shown_statement = shown_statement(item, request.user.pk)  # type: ignore[attr-defined]
    return render(request, "accountability/shared.html", {"goals": shown})


@login_required
def goal(request: AuthedRequest, goal_id: int) -> HttpResponse:
    if owned_goals(request.user).filter(pk=goal_id).exists():
        return redirect("goal", goal_id=goal_id)  # the owner reads their own page
    found = access.shared_goal(request.user, goal_id)
    return render(request, "accountability/shared_goal.html", _context(request, found))


def _context(request: AuthedRequest, found: Goal, **extra: object) -> dict[str, object]:
    today = timezone.localdate()
    annotated = queries.with_progress(Goal.objects.filter(pk=found.pk), today).get()
    annotated.progress = queries.progress_fraction(annotated)  # type: ignore[attr-defined]
    hide = is_money_goal(found) and not sharing_services.show_money(found)
    return {
        **({} if hide else goal_insight(annotated, today)),
        "goal": annotated,
        "statement": masked_statement(found.statement) if hide else found.statement,
        "owner": found.owner,
        "hide_amounts": hide,
        "steps": found.steps.all(),
        "check_ins": found.check_ins.prefetch_related("reactions")[:20],
        "comments": found.comments.select_related("author"),
        "reactions": Reaction.Kind.choices,
        "form": extra.get("form") or CommentForm(),
        "today": today,
    }


@login_required
@require_POST
def comment(request: AuthedRequest, goal_id: int) -> HttpResponse:
    found = access.shared_goal(request.user, goal_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            sharing_services.comment(found, author=request.user, text=form.cleaned_data["text"])
            messages.success(request, "Thank you: your encouragement was sent.")
            return redirect("shared_goal", goal_id=found.pk)
        except ValidationError as error:
            attach_errors(form, error)
    context = _context(request, found, form=form)
    return render(request, "accountability/shared_goal.html", context, status=400)


@login_required
@require_POST
def react(request: AuthedRequest, goal_id: int, check_in_id: int) -> HttpResponse:
    check_in = access.shared_check_in(request.user, goal_id, check_in_id)
    try:
        sharing_services.react(check_in, author=request.user, kind=request.POST.get("kind", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("shared_goal", goal_id=goal_id)


@login_required
def notices(request: AuthedRequest) -> HttpResponse:
    mine = list(Notice.objects.filter(recipient=request.user)[:50])
    # Read once shown: the list above was taken before, so new ones still stand out.
    sharing_services.mark_notices_read(recipient=request.user)
    return render(request, "accountability/notices.html", {"notices": mine})
