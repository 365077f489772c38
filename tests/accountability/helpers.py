"""Shared set-up for accountability tests: alice and bob as buddies, dana in alice's circle."""

from __future__ import annotations

from cairn.accountability.models import Invitation, Pact
from cairn.accountability.services import invitations
from cairn.accounts.models import User


def make_pact(inviter: User, invitee: User) -> Pact:
    invitation = invitations.invite(inviter=inviter, kind=Invitation.Kind.PACT)
    invitations.accept(invitation.code, user=invitee)
    return Pact.objects.get(first=inviter, second=invitee, ended_at__isnull=True)


def join_circle(owner: User, member: User) -> None:
    invitation = invitations.invite(inviter=owner, kind=Invitation.Kind.CIRCLE)
    invitations.accept(invitation.code, user=member)
