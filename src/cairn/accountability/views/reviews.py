"""Review meetings: schedule one with a buddy, walk through each shared goal (or one's own,
alone), decide, take notes, finish and schedule the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cairn.accountability import access
from cairn.accountability.forms_reviews import DecisionForm, NotesForm, ScheduleForm
from cairn.accountability.models import Pact, Review, ReviewDecision
from cairn.accountability.privacy import HIDDEN, is_money_goal, masked_statement
from cairn.accountability.services import reviews as services
from cairn.accountability.services.sharing import show_money
from cairn.accounts.models import User
from cairn.goals import queries
from cairn.goals.history import Change, changes_of
from cairn.goals.insight import goal_insight
from cairn.goals.models import CheckIn, Goal, Status
from cairn.goals.services import TransitionRefused
from cairn.web.forms import attach_errors, render_form, run_service
from cairn.web.types import AuthedRequest

MONEY_FIELDS = {"Metric baseline", "Metric target"}
PLAIN_PACE = {
    "on_track": "on track",
    "ahead": "ahead of the line",
    "behind": "behind the line",
    "overdue": "deadline passed",
    "done": "target reached",
    "no_data": "no check-ins yet",
}


@dataclass
class GoalWalk:
    """One goal on the review page: where it stands, what happened since the last review,
    and its decision."""

    goal: Goal
    statement: str
    mine: bool
    money_hidden: bool
    pace: str
    insight: dict[str, Any]
    value_then: Decimal | None
    check_ins: list[CheckIn]
    revisions: list[tuple[Any, list[Change]]]
    decision: ReviewDecision | None
    form: DecisionForm | None = field(default=None)


def _money_hidden(goal: Goal, viewer: User) -> bool:
    return goal.owner_id != viewer.pk and is_money_goal(goal) and not show_money(goal)


def _pace_text(insight: dict[str, Any], hidden: bool) -> str:
    if "periods" in insight:
        return str(insight["periods"].summary())
    if "pace" not in insight:
        return ""
    return PLAIN_PACE.get(insight["pace"].status, "") if hidden else insight["pace"].summary()


def _readable(changes: list[Change], hidden: bool) -> list[Change]:
    if not hidden:
        return changes
    return [_masked(change) for change in changes]


def _masked(change: Change) -> Change:
    if change.label in MONEY_FIELDS:
        return Change(change.label, HIDDEN, HIDDEN)
    if change.label == "Statement":
        return Change(change.label, masked_statement(change.before), masked_statement(change.after))
    return change


def _walk_one(goal: Goal, viewer: User, start: dt.datetime | None, today: dt.date) -> GoalWalk:
    hidden = _money_hidden(goal, viewer)
    check_ins = goal.check_ins.all()
    revisions = goal.revisions.select_related("author")
    value_then = goal.metric_baseline
    if start is not None:
        since_day = timezone.localdate(start)
        earlier = check_ins.filter(date__lt=since_day, value__isnull=False)
        then = earlier.values_list("value", flat=True).first()
        value_then = value_then if then is None else then
        check_ins = check_ins.filter(date__gte=since_day)
        revisions = revisions.filter(at__gte=start)
    insight = goal_insight(goal, today)
    return GoalWalk(
        goal=goal,
        statement=masked_statement(goal.statement) if hidden else goal.statement,
        mine=goal.owner_id == viewer.pk,
        money_hidden=hidden,
        pace=_pace_text(insight, hidden),
        insight={} if hidden else insight,
        value_then=value_then,
        check_ins=list(check_ins[:20]),
        revisions=[(r, _readable(changes_of(r), hidden)) for r in revisions[:20]],
        decision=None,
    )


def walk(review: Review, viewer: User, forms: dict[int, DecisionForm]) -> list[GoalWalk]:
    """Every goal of the review, the viewer's first; decision forms for their own open ones."""
    today = timezone.localdate()
    start = services.since(review)
    goals = queries.with_progress(services.review_goals(review).select_related("owner"), today)
    decisions = {d.goal_id: d for d in review.decisions.all()}
    items = []
    for goal in sorted(goals, key=lambda g: g.owner_id != viewer.pk):
        goal.progress = queries.progress_fraction(goal)  # type: ignore[attr-defined]
        item = _walk_one(goal, viewer, start, today)
        item.decision = decisions.get(goal.pk)
        if item.mine and review.held_at is None and goal.status in (Status.ACTIVE, Status.PAUSED):
            item.form = forms.get(goal.pk) or DecisionForm(goal=goal)
        items.append(item)
    return items


def _people(review: Review, viewer: User) -> list[tuple[str, User, bool]]:
    """Each side's name, account and whether it is the viewer, for the notes."""
    if review.pact is None:
        return [("first_notes", viewer, True)]
    pact = Pact.objects.select_related("first", "second").get(pk=review.pact.pk)
    return [
        ("first_notes", pact.first, pact.first_id == viewer.pk),
        ("second_notes", pact.second, pact.second_id == viewer.pk),
    ]


def _page(request: AuthedRequest, review: Review, **forms: Any) -> HttpResponse:
    user = request.user
    decision_forms = forms.get("decisions", {})
    notes_form = forms.get("notes") or NotesForm(
        initial={"notes": getattr(review, services.notes_field(review, user))}
    )
    notes = [(person, getattr(review, name), mine) for name, person, mine in _people(review, user)]
    last = services.last_held(review)
    context = {
        "review": review,
        "items": walk(review, user, decision_forms),
        "notes": notes,
        "notes_form": notes_form,
        "last_review": last,
        "since": services.since(review),
    }
    failed = any(f.errors for f in [notes_form, *decision_forms.values()])
    return render(request, "accountability/review.html", context, status=400 if failed else 200)


@login_required
def schedule(request: AuthedRequest, pact_id: int) -> HttpResponse:
    """Agree the date and time of the pact's next review (or move the planned one)."""
    pact = access.own_active_pact(request.user, pact_id)
    planned = services.upcoming(pact)
    start = planned.scheduled_for if planned else services.default_review_time(pact)
    when = timezone.localtime(start)
    form = ScheduleForm(request.POST or None, initial={"date": when.date(), "time": when.time()})
    if request.method == "POST" and form.is_valid():
        user = request.user
        review = run_service(
            form, lambda: services.schedule_review(pact, by=user, when=form.when())
        )
        if review is not None:
            messages.success(request, "Review scheduled; it is in both your calendars.")
            return redirect("review", review_id=review.pk)
    context = {"form": form, "pact": pact, "planned": planned}
    return render_form(request, "accountability/review_schedule.html", context)


@login_required
def review_page(request: AuthedRequest, review_id: int) -> HttpResponse:
    review = access.review_for(request.user, review_id)
    if request.method != "POST":
        return _page(request, review)
    if review.held_at is not None:
        messages.info(request, "This review is finished; its notes and decisions are kept.")
        return redirect("review", review_id=review.pk)
    action = request.POST.get("action")
    if action == "notes":
        return _save_notes(request, review)
    if action == "decide":
        return _decide(request, review)
    return HttpResponseBadRequest("Unknown action.")


def _save_notes(request: AuthedRequest, review: Review) -> HttpResponse:
    form = NotesForm(request.POST)
    user = request.user
    if form.is_valid():
        text = form.cleaned_data["notes"]
        if run_service(form, lambda: services.save_notes(review, by=user, text=text)):
            messages.success(request, "Notes saved.")
            return redirect(reverse("review", args=[review.pk]) + "#notes")
    return _page(request, review, notes=form)


def _decide(request: AuthedRequest, review: Review) -> HttpResponse:
    covered = services.review_goals(review)
    goal = access.decidable_goal(request.user, covered, request.POST.get("goal", ""))
    form = DecisionForm(request.POST, goal=goal)
    here = reverse("review", args=[review.pk]) + f"#goal-{goal.pk}"
    try:
        made = _decided(review, goal, request.user, form)
    except TransitionRefused as refused:
        # The goal's status no longer allows it (it has no form on the page to show this).
        messages.warning(request, " ".join(refused.messages))
        return redirect(here)
    if made is None:
        return _page(request, review, decisions={goal.pk: form})
    messages.success(request, f"Decided: {made.get_decision_display().lower()}.")
    return redirect(here)


def _decided(review: Review, goal: Goal, user: User, form: DecisionForm) -> ReviewDecision | None:
    """The decision made, or None with the form's or the service's reasons on the form."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return services.decide(
            review,
            goal,
            by=user,
            decision=data["decision"],
            note=data["note"],
            changes=form.adjust_fields(),
            confirm_past_deadline=data["confirm_past_deadline"],
        )
    except TransitionRefused:
        raise
    except ValidationError as error:
        attach_errors(form, error)
        return None


@login_required
@require_POST
def finish(request: AuthedRequest, review_id: int) -> HttpResponse:
    """Mark the review held and schedule the next one."""
    review = access.review_for(request.user, review_id)
    upcoming = services.finish_review(review)
    if upcoming is not None:
        at = timezone.localtime(upcoming.scheduled_for)
        when = f"{at:%B} {at.day}, {at:%Y} at {at:%H:%M}"
        messages.success(request, f"Review finished. The next one: {when}.")
    return redirect("review", review_id=review.pk)


@login_required
def solo(request: AuthedRequest) -> HttpResponse:
    """Review one's own goals alone, private ones included."""
    if request.method == "POST":
        review = services.start_solo_review(request.user)
        return redirect("review", review_id=review.pk)
    past = access.own_solo_reviews(request.user).order_by("-scheduled_for")
    return render(request, "accountability/review_solo.html", {"reviews": past[:20]})


def pact_reviews(pact: Pact) -> dict[str, Any]:
    """Context for the `_pact_reviews.html` include on the pact page:
    `{**pact_reviews(pact), "pact": pact}`."""
    held = pact.reviews.filter(held_at__isnull=False).order_by("-held_at")
    return {"next_review": services.upcoming(pact), "past_reviews": list(held[:12])}
