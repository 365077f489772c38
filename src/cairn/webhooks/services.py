"""Registering webhooks, queueing their deliveries, and sending them."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from cairn.accountability.services.sharing import tell
from cairn.accounts.models import User
from cairn.errors import NotFound
from cairn.goals.access import owned_goals
from cairn.goals.events import EVENTS
from cairn.goals.models import Status
from cairn.webhooks.models import Delivery, Webhook

MAX_HOOKS = 10
BACKOFF = (dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30),
           dt.timedelta(hours=2), dt.timedelta(hours=12))  # fmt: skip
DISABLE_AFTER = 10  # deliveries failed in a row (each after all its retries)
BATCH = 20
TIMEOUT = 5  # seconds a receiver has to answer
SOON_DAYS = 7


# --- registering -----------------------------------------------------------------------------


def check_url(url: str) -> str:
    """An http(s) URL whose host is not a private address (unless the operator allows)."""
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError({"url": "Give a full http:// or https:// address."}) from None
    if not settings.WEBHOOKS_ALLOW_PRIVATE and _private(urlsplit(url).hostname or ""):
        raise ValidationError({"url": "That address is on a private network; this Cairn only "
                                      "sends to public addresses."})  # fmt: skip
    return url


def _private(host: str) -> bool:
    try:
        found = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return False  # not resolvable now: checked again when sending
    return any(not ipaddress.ip_address(str(address).split("%")[0]).is_global for address in found)


@transaction.atomic
def add_webhook(*, owner: User, url: str, events: list[str]) -> Webhook:
    chosen = [event for event in EVENTS if event in set(events or [])]
    if not chosen:
        raise ValidationError({"events": "Choose at least one event."})
    if Webhook.objects.filter(owner=owner).count() >= MAX_HOOKS:
        raise ValidationError(f"You have {MAX_HOOKS} webhooks: remove one first.")
    return Webhook.objects.create(owner=owner, url=check_url(url), events=chosen,
                                  secret=secrets.token_urlsafe(32))  # fmt: skip


def own_webhook(owner: User, webhook_id: int) -> Webhook:
    found = Webhook.objects.filter(owner=owner, pk=webhook_id).first()
    if found is None:
        raise NotFound("No such webhook.")
    return found


@transaction.atomic
def remove_webhook(*, owner: User, webhook_id: int) -> None:
    own_webhook(owner, webhook_id).delete()


@transaction.atomic
def enable_webhook(*, owner: User, webhook_id: int) -> Webhook:
    hook = own_webhook(owner, webhook_id)
    Webhook.objects.filter(pk=hook.pk).update(disabled_at=None, failures=0)
    return own_webhook(owner, webhook_id)


# --- queueing --------------------------------------------------------------------------------


def on_goal_event(sender: Any, owner: User, event: str, data: dict[str, Any], **_: Any) -> None:
    """A goal's event: one delivery for each live webhook of its owner that wants it."""
    hooks = Webhook.objects.filter(owner=owner, disabled_at__isnull=True)
    now = timezone.now()
    for hook in hooks:
        if event in hook.events:
            _queue(hook, event, f"{event}:{now.isoformat()}:{secrets.token_hex(4)}", data, now)


def _queue(hook: Webhook, event: str, key: str, data: dict[str, Any], now: dt.datetime) -> None:
    body = json.dumps({"event": event, "at": now.isoformat(), "data": data}, ensure_ascii=False)
    try:
        with transaction.atomic():
            Delivery.objects.create(webhook=hook, event=event, key=key, body=body)
    except IntegrityError:
        pass  # queued already (deadline.soon is planned on every pass)


def plan_deadlines(now: dt.datetime) -> None:
    """deadline.soon, once a goal, when its deadline is SOON_DAYS away or nearer."""
    hooks = Webhook.objects.filter(disabled_at__isnull=True).select_related("owner")
    horizon = timezone.localdate(now) + dt.timedelta(days=SOON_DAYS)
    for hook in hooks:
        if "deadline.soon" not in hook.events:
            continue
        due = owned_goals(hook.owner).filter(status=Status.ACTIVE, deadline__lte=horizon,
                                             deadline__gte=timezone.localdate(now))  # fmt: skip
        for goal in due:
            data = {"goal": goal.pk, "statement": goal.statement,
                    "deadline": goal.deadline.isoformat() if goal.deadline else None}  # fmt: skip
            _queue(hook, "deadline.soon", f"deadline.soon:{goal.pk}:{goal.deadline}", data, now)


# --- sending ---------------------------------------------------------------------------------


def signature(secret: str, timestamp: int, body: str) -> str:
    """What a receiver recomputes: HMAC-SHA256 of "{timestamp}.{body}" with the secret."""
    message = f"{timestamp}.{body}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def claim(now: dt.datetime, token: str) -> list[Delivery]:
    """Claim due deliveries with a conditional UPDATE: two workers never share one; a claim
    older than two minutes is a dead worker's and may be taken."""
    stale = now - dt.timedelta(minutes=2)
    open_rows = Q(sent_at__isnull=True, given_up_at__isnull=True, next_attempt_at__lte=now)
    due = Delivery.objects.filter(open_rows, webhook__disabled_at__isnull=True)
    free = due.filter(Q(claimed_by="") | Q(claimed_at__lt=stale))
    ids = list(free.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:BATCH])
    Delivery.objects.filter(Q(claimed_by="") | Q(claimed_at__lt=stale), pk__in=ids).update(
        claimed_by=token, claimed_at=now
    )
    return list(Delivery.objects.filter(pk__in=ids, claimed_by=token).select_related("webhook"))


def deliver_due(now: dt.datetime | None = None) -> int:
    """The worker's pass: plan deadline events, then send what is due. Returns how many
    were delivered."""
    now = now or timezone.now()
    plan_deadlines(now)
    token = secrets.token_hex(8)
    sent = 0
    while claimed := claim(now, token):
        for delivery in claimed:
            sent += _send(delivery, now)
    return sent


def _post(delivery: Delivery, now: dt.datetime) -> tuple[int | None, str]:
    hook = delivery.webhook
    if not settings.WEBHOOKS_ALLOW_PRIVATE and _private(urlsplit(hook.url).hostname or ""):
        return None, "refused: the address is on a private network"
    stamp = int(now.timestamp())
    signed = signature(hook.secret, stamp, delivery.body)
    headers = {"Content-Type": "application/json", "User-Agent": "Cairn-Webhooks/1",
               "Cairn-Event": delivery.event, "Cairn-Delivery": str(delivery.pk),
               "Cairn-Signature": f"t={stamp},v1={signed}"}  # fmt: skip
    request = urllib.request.Request(hook.url, data=delivery.body.encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return answer.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:300]


def _send(delivery: Delivery, now: dt.datetime) -> int:
    code, error = _post(delivery, now)
    ok = code is not None and 200 <= code < 300
    with transaction.atomic():
        attempts = delivery.attempts + 1
        fields: dict[str, Any] = {"attempts": attempts, "status_code": code, "error": error,
                                  "claimed_by": "", "claimed_at": None}  # fmt: skip
        if ok:
            fields["sent_at"] = now
        elif attempts > len(BACKOFF):
            fields["given_up_at"] = now
        else:
            fields["next_attempt_at"] = now + BACKOFF[attempts - 1]
        Delivery.objects.filter(pk=delivery.pk).update(**fields)
        _count(delivery.webhook, ok=ok, gave_up="given_up_at" in fields, now=now)
    return int(ok)


def _count(hook: Webhook, *, ok: bool, gave_up: bool, now: dt.datetime) -> None:
    if ok:
        Webhook.objects.filter(pk=hook.pk).update(failures=0)
    elif gave_up:
        hook.failures += 1
        Webhook.objects.filter(pk=hook.pk).update(failures=hook.failures)
        if hook.failures >= DISABLE_AFTER:
            Webhook.objects.filter(pk=hook.pk).update(disabled_at=now)
            tell(recipient_id=hook.owner_id, url="/accounts/webhooks/",
                 text=f"Your webhook to {hook.url[:150]} failed {DISABLE_AFTER} times in a row; "
                      "it is turned off until you turn it on again.")  # fmt: skip
