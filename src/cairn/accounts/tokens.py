"""Personal access tokens: made, found by the API on each request, revoked."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cairn.accounts.models import ApiToken, User
from cairn.errors import NotFound

PREFIX = "cairn_"
MAX_ACTIVE = 20
# last_used_at is written at most this often a token: a busy script should not turn every
# read into a write.
TOUCH_EVERY = dt.timedelta(minutes=1)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def create_token(*, user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token and its only plain copy (shown once; only the digest is kept)."""
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError({"name": "Name the token (what uses it), in up to 100 characters."})
    if scope not in ApiToken.Scope.values:
        raise ValidationError({"scope": "Choose read, or read and write."})
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE:
        raise ValidationError(f"You have {MAX_ACTIVE} tokens: revoke one you no longer use.")
    plain = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, scope=scope, prefix=plain[:12],
                                    digest=_digest(plain))  # fmt: skip
    return token, plain


def user_tokens(user: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user))


@transaction.atomic
def revoke_token(*, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise NotFound("No such token.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def revoke_all(*, user: User) -> int:
    """Every live token of `user` stops working (their account is going)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def authenticate(plain: str) -> ApiToken | None:
    """The live token `plain` names (of an active account), or None; notes its use."""
    if not plain.startswith(PREFIX) or len(plain) > 100:
        return None
    token = (ApiToken.objects.select_related("user")
             .filter(digest=_digest(plain), revoked_at__isnull=True, user__is_active=True)
             .first())  # fmt: skip
    if token is not None:
        _touch(token)
    return token


def _touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
