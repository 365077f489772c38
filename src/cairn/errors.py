"""Domain errors every app may raise and every front end turns into its own answer.

This module imports nothing from Cairn's apps, so the lowest layer can use it. The web
answers NotFound with its usual 404 page (cairn.web.middleware), the CLI with a message.
"""

from __future__ import annotations


class NotFound(Exception):
    """What was asked for does not exist for this person: absent, or someone else's.
    The two are one error on purpose, so no answer hints that another's thing exists."""
