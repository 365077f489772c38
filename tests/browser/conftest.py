"""End-to-end tests in a real Chromium (Debian's), driven by Playwright's sync API.

Playwright cannot download its own browsers here, so the tests launch the system `chromium`;
when it is missing they are skipped with the reason. Every test gets a fresh browser context
pointed at pytest-django's live server, and a `shots` helper that saves a numbered screenshot
of each step under test-artifacts/screenshots/<test name>/.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.test import Client

from cairn.accounts.models import User
from cairn.planning.models import PlanSession

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these, Chromium stalls on a closed network trying to reach Google's services.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def _async_unsafe_allowed() -> Iterator[None]:
    """Playwright's sync API runs an event loop in this thread while the browser is open;
    Django would otherwise refuse to touch the database from the tests (fixtures, assertions).
    Set only around the browser tests: the variable must not reach the rest of the suite
    (its subprocesses run `check --deploy`, which warns about it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


# Held while the live server handles a request; a test reading the database while a request
# may be in flight (polling for a beacon) takes it too.
REQUEST_LOCK = threading.Lock()


@pytest.fixture(autouse=True)
def _one_request_at_a_time_on_sqlite() -> Iterator[None]:
    """The live server shares the test's in-memory SQLite connection with every request
    thread; two requests at once (a page and an autosave beacon, say) misuse it. A real
    deployment uses a file database with a connection per thread, so only tests serialize."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    original = WSGIHandler.__call__

    def serialized(self: WSGIHandler, environ: Any, start_response: Any) -> Any:
        with REQUEST_LOCK:
            return original(self, environ, start_response)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WSGIHandler, "__call__", serialized)
        yield


# One Chromium per module: its event loop must not outlive the module, since pytest-randomly
# may put other tests' modules in between.
@pytest.fixture(scope="module")
def browser(_async_unsafe_allowed: None) -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Chromium not installed: `apt-get install chromium` to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - the dev extras install it
        pytest.skip(f"Playwright not installed ({error}): pip install -e '.[dev]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_context(
    browser: Browser, live_server: Any, transactional_db: None
) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts on the live server (closed after the test); options override."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        defaults: dict[str, Any] = {
            "base_url": live_server.url,
            "locale": "en-US",
            "timezone_id": "UTC",
            "viewport": {"width": 1280, "height": 900},
        }
        created = browser.new_context(**{**defaults, **options})
        created.set_default_timeout(TIMEOUT_MS)
        made.append(created)
        return created

    yield make
    for created in made:
        created.close()


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def log_in(context: BrowserContext, live_server: Any) -> Callable[..., None]:
    """Sign a browser context in as a user, skipping the login form (for tests of other pages)."""

    def sign_in(user: User, into: BrowserContext | None = None) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
        (into or context).add_cookies([cookie])  # type: ignore[list-item]

    return sign_in


class Shots:
    """Numbered full-page screenshots of one test: NN-step.png."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, page: Page, step: str) -> Path:
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.folder / f"{self.count:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Shots:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    return Shots(SCREENSHOTS / name)


@pytest.fixture
def planned_session(alice: User, transactional_db: None) -> PlanSession:
    """alice's guided session with every step filled in, not yet committed (at review)."""
    import datetime as dt

    from django.utils import timezone

    from cairn.goals.models import Prompt
    from cairn.planning import services as planning

    today = timezone.localdate()
    session = planning.start_session(owner=alice)
    answers = {prompt.value: f"My answer about {prompt.label.lower()}" for prompt in Prompt}
    planning.save_step(session, step="reflect", data={**answers, "question": 6})
    ideas = {"knowledge": ["Get AWS certified", "Teach a course"], "power": ["Lead a team"]}
    planning.save_step(session, step="brainstorm", data={"ideas": ideas})
    statement = "Get the AWS Solutions Architect certification by June 2027"
    data = {"statement": statement, "idea": "Get AWS certified"}
    planning.save_step(session, step="draft", data=data)
    smart = {"deadline": today + dt.timedelta(days=300), "network_contact": "Dana, my lead"}
    planning.save_step(session, step="smart", data=smart)
    ladder = {"new_rung_statement": "Become a cloud architect", "new_rung_horizon": 5}
    planning.save_step(session, step="ladder", data=ladder)
    planning.add_micro_goal(
        session,
        title="Book the exam",
        deadline=today + dt.timedelta(days=14),
        action_plan="Pick a date at the test centre",
        if_then="If it is Sunday evening, then I study for an hour",
    )
    planning.save_step(
        session, step="reward", data={"reward": "A concert", "reward_size": "medium"}
    )
    saved = planning.save_step(session, step="review", data={})
    return saved.session


def session_version(page: Page) -> int:
    """The session version the page holds: each autosave answers with the new one."""
    return int(page.locator("#version").input_value())


def wait_for_autosave(page: Page, after: int) -> int:
    """Wait until an autosave newer than version `after` reached the page; the new version."""
    from playwright.sync_api import expect

    page.wait_for_function("v => Number(document.getElementById('version').value) > v", arg=after)
    expect(page.locator("#save-status")).not_to_have_text("Saved as you type.")
    return session_version(page)


def wait_for_htmx(page: Page) -> None:
    """Wait until no htmx request is in flight (htmx marks the element that sent it)."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
