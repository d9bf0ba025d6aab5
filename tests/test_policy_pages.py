"""GET /privacy and GET /terms on the web service: PRIVACY.md and TERMS.md, naming the contact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from skill.publishing import CONTACT_MARK, DOCUMENTS, ROOT, Publishing, document_text, render_page
from skill.web import policy
from skill.web.app import create_app


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FlaskClient]:
    publishing = tmp_path / "publishing.yaml"
    publishing.write_text("privacy_policy_url: https://neckcheck.net/privacy\n"
                          "terms_of_use_url: https://neckcheck.net/terms\n"
                          "contact: privacy@neckcheck.net\n", encoding="utf-8")
    monkeypatch.setenv(policy.PUBLISHING_ENV, str(publishing))
    app = create_app(verify=False)
    with app.test_client() as client:
        yield client


def test_the_web_service_serves_the_privacy_policy_and_terms(client: FlaskClient) -> None:
    privacy = client.get("/privacy")
    assert privacy.status_code == 200 and privacy.mimetype == "text/html"
    page = privacy.get_data(as_text=True)
    assert "<h1>Neck Twitch Check: privacy policy and terms of use</h1>" in page
    assert "<h2>What the skill keeps</h2>" in page
    assert "privacy@neckcheck.net" in page and CONTACT_MARK not in page
    terms = client.get("/terms").get_data(as_text=True)
    assert "<h1>Neck Twitch Check: terms of use</h1>" in terms
    assert "privacy@neckcheck.net" in terms and "not a doctor" in terms.lower()
    assert client.post("/privacy").status_code == 405
    assert client.get("/healthz").status_code == 200


def test_both_documents_name_a_contact() -> None:
    for name, file in DOCUMENTS.items():
        text = (ROOT / file).read_text(encoding="utf-8")
        assert CONTACT_MARK in text, f"{file} names no contact"
        given = document_text(name, Publishing(contact="help@neckcheck.net"))
        assert "help@neckcheck.net" in given and CONTACT_MARK not in given
        missing = document_text(name, Publishing())
        assert "no contact has been given yet" in missing


def test_pages_escape_what_they_show() -> None:
    page = render_page("# A <b> title\n\nSee [the terms](TERMS.md) and `code` **now**.\n\n"
                       "- one\n  more\n- two <script>\n")
    assert "<title>A &lt;b&gt; title</title>" in page
    assert '<a href="TERMS.md">the terms</a>' in page
    assert "<code>code</code>" in page and "<strong>now</strong>" in page
    assert "<li>one more</li>" in page and "&lt;script&gt;" in page and "<script>" not in page
