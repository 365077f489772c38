"""Webhooks: a person's URLs told of their goals' events, each delivery signed with
HMAC-SHA256 and sent by the worker with the same claim, retry and back-off as email.
Beside portability in the layers: it listens to goals' events and joins the worker."""
