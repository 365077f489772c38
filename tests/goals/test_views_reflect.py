"""The six aspirational prompts."""

from __future__ import annotations

import pytest

from cairn.goals.models import Prompt, ReflectionAnswer

pytestmark = pytest.mark.django_db


def test_all_six_prompts_are_asked(alice_client):
    page = alice_client.get("/reflect/").content.decode()
    for prompt in Prompt:
        assert prompt.label.replace("'", "&#x27;") in page


def test_answers_are_saved_and_revisions_kept(alice, alice_client):
    alice_client.post("/reflect/", {"success": "Freedom", "admire": "My first manager"})
    alice_client.post("/reflect/", {"success": "Freedom and impact", "admire": "My first manager"})
    texts = list(
        ReflectionAnswer.objects.filter(owner=alice, prompt="success").values_list(
            "text", flat=True
        )
    )
    assert texts == ["Freedom and impact", "Freedom"]
    assert ReflectionAnswer.objects.filter(prompt="admire").count() == 1
    assert "Freedom and impact" in alice_client.get("/reflect/").content.decode()
    history = alice_client.get("/reflect/history/").content.decode()
    assert "Freedom and impact" in history and "Freedom<" in history


def test_long_answer_is_refused_and_kept(alice_client):
    response = alice_client.post("/reflect/", {"success": "x" * 10001})
    assert response.status_code == 400
    assert "x" * 10001 in response.content.decode()  # what was typed is not lost
    assert not ReflectionAnswer.objects.exists()
