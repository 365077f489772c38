"""Inviting a buddy or a circle member: a signed, single-use link that expires in 14 days,
or a short code read out in person. Accepting makes the pact or the membership."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from cairn.accountability.access import active_pacts
from cairn.accountability.models import Circle, CircleMember, Invitation, Pact
from cairn.accounts.models import User

VALID_DAYS = 14
SALT = "cairn.accountability.invitation"


class InvitationRefused(ValidationError):
    """An invitation that cannot be used; the message says why, for a clear page."""


def circle_max() -> int:
    return int(getattr(settings, "CIRCLE_MAX", 5))


def token_for(invitation: Invitation) -> str:
    return signing.dumps({"code": invitation.code}, salt=SALT)


def link_for(invitation: Invitation) -> str:
    return f"{settings.SITE_URL}/invitations/{token_for(invitation)}/"


@transaction.atomic
def invite(*, inviter: User, kind: str, email: str = "") -> Invitation:
    """Create an invitation; with an email address, send it the link."""
    if kind == Invitation.Kind.CIRCLE:
        _check_circle_room(inviter)
    invitation = Invitation.objects.create(
        kind=kind,
        inviter=inviter,
        email=email.strip().lower(),
        expires_at=timezone.now() + dt.timedelta(days=VALID_DAYS),
    )
    if invitation.email:
        _send(invitation)
    return invitation


def _send(invitation: Invitation) -> None:
    what = "accountability buddy" if invitation.kind == Invitation.Kind.PACT else "small circle"
    name = invitation.inviter.get_username()
    body = (
        f"{name} invites you to be their {what} on Cairn, to help each other reach career "
        f"goals.\n\nAccept or decline here (the link works once, for {VALID_DAYS} days):\n"
        f"{link_for(invitation)}\n\nOr enter the code {invitation.code} on Cairn.\n"
    )
    send_mail(f"{name} invites you to Cairn", body, None, [invitation.email])


def _check_circle_room(owner: User) -> None:
    circle, _ = Circle.objects.get_or_create(owner=owner)
    pending = Invitation.objects.filter(
        inviter=owner,
        kind=Invitation.Kind.CIRCLE,
        used_at__isnull=True,
        declined_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).count()
    if circle.members.count() + pending >= circle_max():
        raise ValidationError(
            f"Your circle is full ({circle_max()} people, invitations included). "
            "Keep it small: a few people you trust help more than an audience."
        )


def find(token_or_code: str) -> Invitation:
    """The invitation a link or a code names; refused with a reason if tampered or unknown."""
    value = token_or_code.strip()
    try:
        code = signing.loads(value, salt=SALT)["code"] if len(value) > 8 else value.upper()
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise InvitationRefused("This invitation link is not valid: it may be mistyped.") from error
    invitation = Invitation.objects.select_related("inviter").filter(code=code).first()
    if invitation is None:
        raise InvitationRefused("No invitation has this code.")
    return invitation


def check_usable(invitation: Invitation, user: User) -> None:
    if invitation.used_at or invitation.declined_at:
        raise InvitationRefused("This invitation has already been used or declined.")
    if invitation.expires_at < timezone.now():
        raise InvitationRefused(f"This invitation expired (they last {VALID_DAYS} days).")
    if invitation.inviter_id == user.pk:
        raise InvitationRefused("This is your own invitation: send it to someone else.")
    if invitation.email and invitation.email != user.email.lower():
        raise InvitationRefused(
            "This invitation was sent to another email address. Log in with that account."
        )


@transaction.atomic
def accept(token_or_code: str, *, user: User) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=find(token_or_code).pk)
    check_usable(invitation, user)
    if invitation.kind == Invitation.Kind.PACT:
        _make_pact(invitation.inviter, user)
    else:
        _join_circle(invitation.inviter, user)
    Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now(), accepted_by=user)
    return invitation


def _make_pact(inviter: User, user: User) -> Pact:
    existing = active_pacts(inviter).filter(first=user) | active_pacts(inviter).filter(second=user)
    if existing.exists():
        raise InvitationRefused("You are already buddies.")
    return Pact.objects.create(first=inviter, second=user)


def _join_circle(owner: User, user: User) -> None:
    circle, _ = Circle.objects.get_or_create(owner=owner)
    if circle.members.filter(member=user).exists():
        raise InvitationRefused("You are already in this circle.")
    if circle.members.count() >= circle_max():
        raise InvitationRefused("This circle is full.")
    CircleMember.objects.create(circle=circle, member=user)


@transaction.atomic
def decline(token_or_code: str, *, user: User) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=find(token_or_code).pk)
    check_usable(invitation, user)
    Invitation.objects.filter(pk=invitation.pk).update(declined_at=timezone.now())
    return invitation


@transaction.atomic
def withdraw(invitation: Invitation) -> None:
    """The inviter takes back an invitation nobody used yet."""
    Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).delete()
