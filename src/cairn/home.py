"""Where Cairn keeps what it writes: the SQLite database, the secret key, logs.

Pure Python (no Django import) so the CLI can use it before Django starts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir

SECRET_KEY_FILE = "secret_key"


def cairn_home() -> Path:
    """The data folder: $CAIRN_HOME, else the platform's user data folder."""
    configured = os.environ.get("CAIRN_HOME", "").strip()
    home = Path(configured).expanduser() if configured else Path(user_data_dir("cairn"))
    home.mkdir(parents=True, exist_ok=True)
    return home


def secret_key(home: Path) -> str:
    """Read the generated secret key, creating it (mode 0600) on first run."""
    path = home / SECRET_KEY_FILE
    if not path.exists():
        _write_private(path, secrets.token_urlsafe(50))
    return path.read_text(encoding="utf-8").strip()


def _write_private(path: Path, text: str) -> None:
    # O_EXCL: two processes starting at once must not both write a different key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
