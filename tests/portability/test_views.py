"""'Your data' on the profile: download everything, download check-ins, import a file."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cairn.accounts.models import User
from cairn.goals.models import Goal
from cairn.portability.document import export_document
from tests.conftest import client_for, make_goal


def upload(client: Client, content: bytes, confirm: bool = True) -> object:
    data = {"file": SimpleUploadedFile("export.json", content, "application/json")}
    if confirm:
        data["confirm"] = "on"
    return client.post("/accounts/data/import/", data)


def test_the_profile_offers_the_downloads_and_the_import(alice_client: Client) -> None:
    page = alice_client.get("/accounts/profile/").content.decode()
    for url in ("/accounts/data/export.json", "/accounts/data/check-ins.csv",
                "/accounts/data/import/"):  # fmt: skip
        assert f'href="{url}"' in page


def test_download_all_my_data_is_mine_only(alice: User, charlie: User) -> None:
    make_goal(alice, "Earn $100K a year by 2028")
    make_goal(charlie, "Open a bakery by 2029")
    response = client_for(alice).get("/accounts/data/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="cairn-alice-')
    document = json.loads(response.content)
    assert [g["statement"] for g in document["goals"]] == ["Earn $100K a year by 2028"]
    csv = client_for(charlie).get("/accounts/data/check-ins.csv")
    assert csv["Content-Type"].startswith("text/csv") and b"Earn" not in csv.content


@pytest.mark.parametrize("url", ["/accounts/data/export.json", "/accounts/data/check-ins.csv",
                                 "/accounts/data/import/"])  # fmt: skip
def test_anonymous_visitors_are_sent_to_log_in(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_upload_adds_the_goals_and_says_what_it_did(alice: User, charlie: User) -> None:
    make_goal(alice, "Earn $100K a year by 2028")
    content = json.dumps(export_document(alice)).encode()
    client = client_for(charlie)
    response = upload(client, content)
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    assert Goal.objects.get(owner=charlie).statement == "Earn $100K a year by 2028"
    page = client.get("/accounts/profile/").content.decode()
    assert "Imported: " in page and "Imported: 1 goal, 1 history entry" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not text", "This is not JSON"),
        (b"{not json", "This is not JSON"),
        (b'{"format": "cairn-export", "version": 7}', "Nothing was imported: version"),
        (b"\x00" * 100, "This is not JSON"),
        (b"", "The submitted file is empty"),
    ],
)
def test_a_bad_file_is_refused_with_the_reason_and_changes_nothing(
    alice: User, content: bytes, message: str
) -> None:
    response = upload(client_for(alice), content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Goal.objects.filter(owner=alice).exists()


def test_the_import_must_be_confirmed(alice: User) -> None:
    content = json.dumps(export_document(alice)).encode()
    response = upload(client_for(alice), content, confirm=False)
    assert response.status_code == 400 and "This field is required" in response.content.decode()
