"""Buddies and the small circle: invitations, the pact page with its rules, ending a pact."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cairn.accountability import access
from cairn.accountability.forms import CodeForm, HabitForm, InviteForm
from cairn.accountability.models import CircleMember, Invitation, Pact
from cairn.accountability.privacy import shown_statement
from cairn.accountability.services import invitations, pacts
from cairn.accountability.services.invitations import InvitationRefused, circle_max
from cairn.accountability.views.reviews import pact_reviews
from cairn.accounts.models import User
from cairn.web.types import AuthedRequest


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    user = request.user
    all_pacts = access.pacts_of(user).select_related("first", "second")
    pending = access.pending_invitations(user)
    context: dict[str, Any] = {
        "pacts": [(pact, _other(pact, user)) for pact in all_pacts],
        "pending": pending,
        "invite_form": InviteForm(initial={"kind": Invitation.Kind.PACT}),
        "code_form": CodeForm(),
    }
    new = _new_invitation(pending, request.GET.get("new", ""))
    if new is not None:
        context |= {"new": new, "new_link": invitations.link_for(new)}
    return render(request, "accountability/buddies.html", context)


def _new_invitation(pending: Any, new_id: str) -> Invitation | None:
    found: Invitation | None = pending.filter(pk=int(new_id)).first() if new_id.isdigit() else None
    return found


def _other(pact: Pact, user: User) -> User:
    return pact.second if pact.first_id == user.pk else pact.first


@login_required
@require_POST
def invite(request: AuthedRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            made = invitations.invite(inviter=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("circle" if form.cleaned_data["kind"] == "circle" else "buddies")
        sent = f" and emailed to {made.email}" if made.email else ""
        messages.success(request, f"Invitation made{sent}. Code: {made.code}")
        return redirect(f"/buddies/?new={made.pk}")
    messages.error(request, "Choose buddy or circle, and check the email address.")
    return redirect("buddies")


@login_required
def enter_code(request: AuthedRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("invitation", token=form.cleaned_data["code"])
    return redirect("buddies")


@login_required
def invitation(request: AuthedRequest, token: str) -> HttpResponse:
    """The page an invitation link opens: accept or decline, or a clear reason it can't."""
    try:
        found = invitations.find(token)
        invitations.check_usable(found, request.user)
    except InvitationRefused as refused:
        return _refused(request, refused)
    if request.method == "POST":
        return _answer(request, token)
    return render(request, "accountability/invitation.html", {"invitation": found})


def _answer(request: AuthedRequest, token: str) -> HttpResponse:
    try:
        if "decline" in request.POST:
            invitations.decline(token, user=request.user)
            messages.success(request, "Invitation declined.")
            return redirect("buddies")
        accepted = invitations.accept(token, user=request.user)
    except InvitationRefused as refused:
        return _refused(request, refused)
    messages.success(request, f"You and {accepted.inviter.get_username()} are connected.")
    return redirect("buddies" if accepted.kind == Invitation.Kind.PACT else "shared")


def _refused(request: AuthedRequest, refused: ValidationError) -> HttpResponse:
    context = {"reason": " ".join(refused.messages)}
    return render(request, "accountability/invitation_refused.html", context, status=400)


@login_required
@require_POST
def withdraw(request: AuthedRequest, invitation_id: int) -> HttpResponse:
    found = access.own_invitation(request.user, invitation_id)
    invitations.withdraw(found)
    messages.success(request, "Invitation withdrawn.")
    return redirect("buddies")


@login_required
def pact(request: AuthedRequest, pact_id: int) -> HttpResponse:
    """Set the rules: both sides' shared goals with their deadlines, each confirms them."""
    found = access.own_active_pact(request.user, pact_id)
    form = HabitForm(
        request.POST or None,
        initial={
            "checkin_habit": found.checkin_habit,
            "review_every_months": found.review_every_months,
        },
    )
    if request.method == "POST" and form.is_valid():
        pacts.set_habit(
            found,
            habit=form.cleaned_data["checkin_habit"],
            review_every_months=form.cleaned_data["review_every_months"],
        )
        messages.success(request, "Saved.")
        return redirect("pact", pact_id=found.pk)
    goals = list(
        access.shared_in_pact(found)
        .select_related("owner", "sharing")
        .order_by("owner_id", "deadline")
    )
    for goal in goals:
        goal.shown_statement = shown_statement(goal, request.user.pk)  # type: ignore[attr-defined]
    context = {
        **pact_reviews(found),
        "pact": found,
        "other": _other(found, request.user),
        "goals": goals,
        "form": form,
        "agreed": _agreed(found, request.user),
    }
    return render(request, "accountability/pact.html", context)


def _agreed(pact: Pact, user: User) -> dict[str, object]:
    mine, theirs = ("first", "second") if pact.first_id == user.pk else ("second", "first")
    return {"me": getattr(pact, f"{mine}_agreed_at"), "them": getattr(pact, f"{theirs}_agreed_at")}


@login_required
@require_POST
def agree(request: AuthedRequest, pact_id: int) -> HttpResponse:
    pacts.agree(access.own_active_pact(request.user, pact_id), user=request.user)
    messages.success(request, "You agreed to the goals and timelines on this page.")
    return redirect("pact", pact_id=pact_id)


@login_required
def end(request: AuthedRequest, pact_id: int) -> HttpResponse:
    found = access.own_active_pact(request.user, pact_id)
    if request.method == "POST":
        pacts.end(found, by=request.user)
        messages.success(request, "The pact has ended. Neither of you sees the other's goals now.")
        return redirect("buddies")
    return render(
        request,
        "accountability/pact_end.html",
        {"pact": found, "other": _other(found, request.user)},
    )


@login_required
def circle(request: AuthedRequest) -> HttpResponse:
    # Read-only: the circle itself is made by the first circle invitation (a POST).
    context = {
        "members": access.circle_members(request.user).select_related("member"),
        "joined": CircleMember.objects.filter(member=request.user).select_related("circle__owner"),
        "cap": circle_max(),
        "invite_form": InviteForm(initial={"kind": Invitation.Kind.CIRCLE}),
    }
    return render(request, "accountability/circle.html", context)


@login_required
@require_POST
def remove_member(request: AuthedRequest, membership_id: int) -> HttpResponse:
    """The circle's owner removes someone, or a member leaves."""
    pacts.leave_circle(access.membership_for(request.user, membership_id))
    messages.success(request, "Done: the circle changed.")
    return redirect("circle")
