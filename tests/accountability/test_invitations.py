"""Invitations: by email (signed single-use link, 14 days) or code; clear refusals."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from cairn.accountability.models import CircleMember, Invitation, Pact
from cairn.accountability.services import invitations
from cairn.accountability.services.invitations import InvitationRefused
from tests.accountability.helpers import join_circle, make_pact
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db


def test_email_invitation_link_makes_a_pact(alice, bob, alice_client, settings):
    settings.SITE_URL = "https://cairn.example"
    response = alice_client.post("/buddies/invite/", {"kind": "pact", "email": "bob@example.com"})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["bob@example.com"]
    link = re.search(r"https://cairn\.example(/invitations/[^/\s]+/)", message.body).group(1)
    bob_client = client_for(bob)
    page = bob_client.get(link).content.decode()
    assert "alice invites you" in page
    bob_client.post(link, {"accept": "1"})
    assert Pact.objects.filter(first=alice, second=bob, ended_at__isnull=True).exists()
    reused = bob_client.get(link)
    assert reused.status_code == 400 and "already been used" in reused.content.decode()


def test_code_works_and_decline_is_final(alice, bob):
    invitation = invitations.invite(inviter=alice, kind="pact")
    bob_client = client_for(bob)
    response = bob_client.post("/buddies/code/", {"code": invitation.code.lower()})
    assert response["Location"] == f"/invitations/{invitation.code.lower()}/"
    bob_client.post(response["Location"], {"decline": "1"})
    assert not Pact.objects.exists()
    assert "already been used or declined" in bob_client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("expired", "expired"),
        ("tampered", "not valid"),
        ("wrong_account", "another email address"),
        ("own", "your own invitation"),
    ],
)
def test_refused_with_a_clear_page(alice, bob, charlie, change, reason):
    invitation = invitations.invite(inviter=alice, kind="pact", email="bob@example.com")
    token = invitations.token_for(invitation)
    user = bob
    if change == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - dt.timedelta(seconds=1)
        )
    elif change == "tampered":
        token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    elif change == "wrong_account":
        user = charlie
    else:
        user = alice
    response = client_for(user).post(f"/invitations/{token}/", {"accept": "1"})
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not Pact.objects.exists()


def test_anonymous_is_asked_to_log_in(alice, client):
    invitation = invitations.invite(inviter=alice, kind="pact")
    response = client.get(f"/invitations/{invitations.token_for(invitation)}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_circle_is_capped(alice, settings):
    settings.CIRCLE_MAX = 2
    join_circle(alice, make_user("dana"))
    invitations.invite(inviter=alice, kind="circle")  # pending counts too
    with pytest.raises(Exception, match="circle is full"):
        invitations.invite(inviter=alice, kind="circle")
    assert CircleMember.objects.count() == 1


def test_no_double_pact(alice, bob):
    make_pact(alice, bob)
    invitation = invitations.invite(inviter=alice, kind="pact")
    with pytest.raises(InvitationRefused, match="already buddies"):
        invitations.accept(invitation.code, user=bob)


def test_a_newcomer_signs_up_from_the_link_and_lands_on_the_invitation(alice, client):
    invitation = invitations.invite(inviter=alice, kind="pact")
    link = f"/invitations/{invitations.token_for(invitation)}/"
    login_page = client.get(link, follow=True).content.decode()
    assert "Create an account" in login_page and "next=" in login_page
    response = client.post(
        f"/accounts/signup/?next={link}",
        {
            "username": "gina",
            "email": "gina@example.com",
            "password1": "a long passphrase 9",
            "password2": "a long passphrase 9",
            "next": link,
        },
    )
    assert response["Location"] == link
    client.post(link, {"accept": "1"})
    assert Pact.objects.filter(first=alice, second__username="gina").exists()
