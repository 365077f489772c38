"""The feeds load in a real CalDAV server: Radicale, started by the test on a loopback port
(its own config, storage and HOME in a temporary folder), gets each event of the feeds
through the `caldav` client and gives it back unchanged."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar, Event

from cairn.accountability.models import Review
from cairn.accountability.services import calendar, sharing
from tests.accountability.helpers import make_pact
from tests.accountability.test_calendar import dated_goal

caldav = pytest.importorskip("caldav")
pytest.importorskip("radicale")

pytestmark = pytest.mark.django_db

CONFIG = """\
[server]
hosts = 127.0.0.1:{port}
[auth]
type = none
[rights]
type = from_file
file = {folder}/rights
[storage]
filesystem_folder = {folder}/collections
[web]
type = none
[logging]
level = warning
"""
# Anyone, anonymous included, may read and write every collection: a throwaway server.
RIGHTS = """\
[anyone]
user: .*
collection: .*
permissions: RrWw
"""
START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=1)
            return True
        except urllib.error.HTTPError:
            return True  # it answers, even if not with 200
        except OSError:
            time.sleep(0.1)
    return False


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "radicale"
    folder.mkdir()
    port = free_port()
    (folder / "rights").write_text(RIGHTS)
    (folder / "config").write_text(CONFIG.format(port=port, folder=folder))
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder)}
    env.pop("RADICALE_CONFIG", None)
    command = [sys.executable, "-m", "radicale", "--config", str(folder / "config")]
    command += [f"--storage-filesystem-folder={folder / 'collections'}", "--auth-type=none"]
    command += [f"--server-hosts=127.0.0.1:{port}"]
    log = (folder / "log").open("wb")
    server = subprocess.Popen(command, env=env, cwd=folder, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/"
    try:
        if not wait_until_up(url, server):
            pytest.skip(f"Radicale did not start: {(folder / 'log').read_text()[-500:]}")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def client_for(url: str) -> Any:
    return caldav.DAVClient(
        url=url, username="cairn", password="any", require_tls=False, enable_rfc6764=False
    )


def alone(event: Event) -> bytes:
    """One event as its own calendar, as a CalDAV resource must be."""
    wrapper = Calendar()
    wrapper.add("prodid", calendar.PRODID)
    wrapper.add("version", "2.0")
    wrapper.add_component(event)
    return bytes(wrapper.to_ical())


def essentials(event: Event) -> dict[str, Any]:
    """Every line of the event (alarms included) and the alarms on their own, for messages."""
    alarms = [
        (alarm["ACTION"].to_ical(), alarm["TRIGGER"].to_ical(), str(alarm["DESCRIPTION"]))
        for alarm in event.walk("VALARM")
    ]
    return {"lines": sorted(bytes(event.to_ical()).splitlines()), "alarms": alarms}


def upload_and_read_back(dav_calendar: Any, feed: Calendar) -> None:
    sent = {str(event["UID"]): event for event in feed.walk("VEVENT")}
    assert sent
    for event in sent.values():
        # As the feed has it: by default the client would bump SEQUENCE on every save.
        dav_calendar.add_event(alone(event).decode(), increase_seqno=False)
    for uid, event in sent.items():
        stored = Calendar.from_ical(dav_calendar.event_by_uid(uid).data)
        (back,) = stored.walk("VEVENT")
        assert essentials(back) == essentials(event), uid
        assert back["DTSTART"].dt == event["DTSTART"].dt
        assert str(back["SUMMARY"]) == str(event["SUMMARY"])
    assert {str(item.icalendar_component["UID"]) for item in dav_calendar.events()} == set(sent)


def test_feeds_load_in_radicale_and_come_back_unchanged(radicale, alice, bob, goal):
    pact = make_pact(alice, bob)
    shared = dated_goal(alice)
    sharing.share(shared, by=alice, visibility="buddy", pacts=[pact])
    sharing.share(dated_goal(bob), by=bob, visibility="circle")
    when = dt.datetime.combine(dt.date.today() + dt.timedelta(days=20), dt.time(15), dt.UTC)
    Review.objects.create(pact=pact, scheduled_for=when)
    Review.objects.create(owner=alice, scheduled_for=when + dt.timedelta(days=2))
    client = client_for(radicale)
    principal = client.principal()
    mine = principal.make_calendar(name="Cairn: alice", cal_id="cairn-alice")
    ours = principal.make_calendar(name="Cairn: alice & bob", cal_id="cairn-pact")
    upload_and_read_back(mine, calendar.personal_calendar(alice))
    upload_and_read_back(ours, calendar.pact_calendar(pact))
    # The server understands the dates too: a time-range query finds the review meeting.
    found = mine.search(event=True, start=when - dt.timedelta(hours=2), end=when)
    assert [str(item.icalendar_component["UID"]) for item in found] == []
    found = mine.search(event=True, start=when, end=when + dt.timedelta(minutes=30))
    assert {str(item.icalendar_component["SUMMARY"]) for item in found} == {"Review with bob"}
