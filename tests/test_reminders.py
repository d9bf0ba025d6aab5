"""Reminders and return visits, end to end through the Lambda handler, with a fake Reminders API
(the simulator's emulation) at a loopback apiEndpoint: consent accepted, denied and not
answered, API errors and timeouts, no offer after an emergency or a same-day outcome, and a
return visit that compares with an older check."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from skilltest import Dialog, LambdaHandler, envelope, resolved_slot

from skill.alexa import constants as names
from skill.alexa.reminders import SCOPE, TIMEOUT_SECONDS
from skill.content import available_locales, content_for
from skill.simulator.reminders_api import DENIED, GRANTED, HANG_SECONDS, RemindersApi
from skill.storage import BUDGET_SECONDS

LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "es-US", "es-MX", "es-ES"]
DAY = 86400


class ApiDialog(Dialog):
    """A Dialog whose envelopes carry the fake API's endpoint, the user's token and, once
    granted, the reminders permission, as Alexa's do."""

    def __init__(self, handler: LambdaHandler, api: RemindersApi | None, **kw: Any) -> None:
        super().__init__(handler, **kw)
        self.api = api

    def event(self, request: dict[str, Any]) -> dict[str, Any]:
        event = envelope(request, attributes=self.attributes, new=self.new, locale=self.locale,
                         user_id=self.user_id, timestamp=self.timestamp,
                         api=self.api is not None)
        system = event["context"]["System"]
        if self.api is not None:
            system["apiEndpoint"] = self.api.start()
            system["apiAccessToken"] = self.api.token_for(self.user_id)
            if self.api.granted(self.user_id):
                system["user"]["permissions"] = {"scopes": {SCOPE: {"status": "GRANTED"}}}
        return event

    def answer_permission(self, status: str, code: str = "200") -> dict[str, Any]:
        token = self.directive()["token"]
        if status == "ACCEPTED" and self.api is not None:
            self.api.permissions[self.user_id] = GRANTED
        elif status == "DENIED" and self.api is not None:
            self.api.permissions[self.user_id] = DENIED
        return self.send({"type": "Connections.Response", "name": "AskFor", "token": token,
                          "status": {"code": code, "message": "OK"},
                          "payload": {"permissionScope": SCOPE, "status": status}})

    def directive(self) -> dict[str, Any]:
        (found,) = [d for d in self.last["response"].get("directives") or []
                    if d["type"] == "Connections.SendRequest"]
        return dict(found)

    def to_outcome(self, launch: bool = True) -> None:
        """Launch (unless under way), then no until the check ends or offers a reminder."""
        if launch:
            self.launch()
        for _ in range(40):
            if self.ended or self.attributes.get(names.REMINDER_OFFER_KEY):
                return
            self.say(names.NO)
        raise AssertionError("the check never ended")


def text(locale: str, key: str, **values: str) -> str:
    return content_for(locale).text(key, **values)


@pytest.fixture
def api() -> Iterator[RemindersApi]:
    service = RemindersApi()
    yield service
    service.stop()


@pytest.mark.parametrize("locale", LOCALES)
def test_self_care_offers_a_reminder_and_accepted_consent_sets_it(
        lambda_handler: LambdaHandler, api: RemindersApi, locale: str) -> None:
    talk = ApiDialog(lambda_handler, api, locale=locale)
    talk.to_outcome()
    offer = text(locale, "reminders.offer")
    assert talk.speech.endswith(offer), "the outcome first, the offer last"
    assert text(locale, "outcomes.self_care.lead") in talk.speech
    assert not talk.ended and talk.reprompt is not None and offer in talk.reprompt
    talk.say(names.YES)
    directive = talk.directive()
    assert directive["name"] == "AskFor"
    assert directive["payload"]["permissionScopes"] == [
        {"permissionScope": SCOPE, "consentLevel": "ACCOUNT"}]
    assert "outputSpeech" not in talk.last["response"], "Alexa asks; the skill says nothing"
    talk.answer_permission("ACCEPTED")
    assert talk.speech == text(locale, "reminders.set",
                               when=text(locale, "reminders.two_weeks")), talk.speech
    assert talk.ended
    (stored,) = api.reminders(talk.user_id)
    assert stored.request["trigger"] == {"type": "SCHEDULED_RELATIVE",
                                         "offsetInSeconds": 14 * DAY}
    assert stored.request["alertInfo"]["spokenInfo"]["content"] == [
        {"locale": locale, "text": text(locale, "reminders.text")}]
    # The reminder names the skill and how to open it, in the locale's words.
    assert text(locale, "skill_name") in stored.text
    assert stored.text == text(locale, "reminders.text")


def test_book_an_appointment_offers_too_and_a_week_is_seven_days(
        lambda_handler: LambdaHandler, api: RemindersApi) -> None:
    api.default_permission = GRANTED
    talk = ApiDialog(lambda_handler, api)
    talk.launch()
    talk.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "tingling in my arm", "numbness"))
    talk.to_outcome(launch=False)
    assert "book an appointment" in talk.speech.lower()
    assert talk.speech.endswith(text("en-US", "reminders.offer"))
    talk.say(names.REMIND_WEEK)  # granted already: set at once, no AskFor
    assert "Connections.SendRequest" not in json.dumps(talk.last["response"])
    assert talk.speech.startswith("Done. I'll remind you one week from today")
    (stored,) = api.reminders(talk.user_id)
    assert stored.request["trigger"]["offsetInSeconds"] == 7 * DAY


def test_denied_consent_sets_nothing_and_sends_no_card(
        lambda_handler: LambdaHandler, api: RemindersApi) -> None:
    talk = ApiDialog(lambda_handler, api)
    talk.to_outcome()
    talk.say(names.YES)
    talk.answer_permission("DENIED")
    assert talk.speech == text("en-US", "reminders.denied") and talk.ended
    assert talk.card is None and api.reminders() == []


@pytest.mark.parametrize("status, code", [("NOT_ANSWERED", "200"), ("ACCEPTED", "500")])
def test_unanswered_or_failed_voice_permission_sends_the_consent_card(
        lambda_handler: LambdaHandler, api: RemindersApi, status: str, code: str) -> None:
    talk = ApiDialog(lambda_handler, api)
    talk.to_outcome()
    talk.say(names.YES)
    talk.answer_permission(status, code)
    assert talk.speech == text("en-US", "reminders.card_sent") and talk.ended
    assert talk.card == {"type": "AskForPermissionsConsent", "permissions": [SCOPE]}
    assert api.reminders() == []


def test_no_thanks_ends_kindly(lambda_handler: LambdaHandler, api: RemindersApi) -> None:
    talk = ApiDialog(lambda_handler, api)
    talk.to_outcome()
    talk.say(names.NO)
    assert talk.speech == text("en-US", "reminders.declined") and talk.ended
    assert api.calls == []


@pytest.mark.parametrize("fault", ["500", "429", "503", "garbage", "timeout"])
def test_api_failures_and_timeouts_end_in_plain_words(
        lambda_handler: LambdaHandler, api: RemindersApi, fault: str) -> None:
    api.default_permission = GRANTED
    api.fault = fault
    talk = ApiDialog(lambda_handler, api)
    talk.to_outcome()
    talk.say(names.YES)
    assert talk.speech == text("en-US", "reminders.failed",
                               when=text("en-US", "reminders.two_weeks"))
    assert talk.ended and api.reminders() == []


def test_the_api_deadline_fits_the_memory_budget_and_the_fake_hangs_past_it() -> None:
    # Three calls at most in a turn (list, then delete or create), after memory's budget, stay
    # well inside the 8 seconds Alexa waits.
    assert TIMEOUT_SECONDS <= BUDGET_SECONDS / 2 and BUDGET_SECONDS + 3 * TIMEOUT_SECONDS < 8
    assert HANG_SECONDS > TIMEOUT_SECONDS


def test_a_withdrawn_permission_gets_the_consent_card(
        lambda_handler: LambdaHandler, api: RemindersApi) -> None:
    talk = ApiDialog(lambda_handler, api)
    talk.to_outcome()
    api.permissions[talk.user_id] = GRANTED
    talk.say(names.YES)  # the envelope says granted...
    api.permissions[talk.user_id] = DENIED  # ...but the API says 401 (withdrawn in the app)
    del talk.attributes  # (a real session would carry on; the API decides)
    talk.attributes = {names.REMINDER_OFFER_KEY: 14}
    talk.new = False
    api.permissions[talk.user_id] = GRANTED
    api.fault = "401"
    talk.say(names.YES)
    assert talk.speech == text("en-US", "reminders.card_sent")
    assert talk.card is not None and talk.card["type"] == "AskForPermissionsConsent"


def test_a_device_without_the_reminders_api_is_not_offered_one(
        lambda_handler: LambdaHandler) -> None:
    talk = ApiDialog(lambda_handler, None)
    talk.to_outcome()
    assert talk.ended and "remind" not in talk.speech.lower()
    assert talk.last["sessionAttributes"][names.REMINDER_DUE_KEY] == 14
    talk.say(names.REMIND)
    assert talk.speech.startswith("I can't set reminders on this device")


@pytest.mark.parametrize("locale", LOCALES)
def test_no_offer_after_an_emergency_or_a_same_day_outcome(
        lambda_handler: LambdaHandler, api: RemindersApi, locale: str) -> None:
    talk = ApiDialog(lambda_handler, api, locale=locale)
    talk.launch()
    talk.say(names.EMERGENCY)
    assert talk.ended and "remind" not in talk.speech.lower()
    urgent = ApiDialog(lambda_handler, api, locale=locale)
    urgent.launch()
    urgent.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "trouble swallowing",
                                                   "swallowing"))
    urgent.to_outcome(launch=False)
    assert urgent.ended and "remind" not in urgent.speech.lower(), urgent.speech
    assert api.calls == []


def test_do_i_have_a_reminder_and_cancel_my_reminder(
        lambda_handler: LambdaHandler, api: RemindersApi) -> None:
    api.default_permission = GRANTED
    api.clock = lambda: datetime(2026, 11, 24, 12, tzinfo=timezone.utc)  # the envelopes' time
    talk = ApiDialog(lambda_handler, api)
    talk.say(names.REMINDER_STATUS)
    assert talk.speech == text("en-US", "reminders.none") and talk.ended
    talk.say(names.REMIND)
    assert len(api.reminders(talk.user_id)) == 1
    talk.say(names.REMINDER_STATUS)
    assert talk.speech == text("en-US", "reminders.has_one",
                               when=text("en-US", "reminders.in_days", n="14")), talk.speech
    talk.say(names.CANCEL_REMINDER)
    assert talk.speech == text("en-US", "reminders.cancelled")
    assert api.reminders(talk.user_id) == []
    talk.say(names.CANCEL_REMINDER)
    assert talk.speech == text("en-US", "reminders.none")


def test_during_a_check_a_reminder_waits_for_the_end(
        lambda_handler: LambdaHandler, api: RemindersApi) -> None:
    talk = ApiDialog(lambda_handler, api)
    talk.launch()
    talk.say(names.REMIND_WEEK)
    assert talk.speech.startswith(text("en-US", "reminders.during_check"))
    assert not talk.ended and api.calls == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_return_visit_names_the_last_check_and_what_is_new(
        lambda_handler: LambdaHandler, api: RemindersApi, locale: str) -> None:
    first = ApiDialog(lambda_handler, api, locale=locale)
    first.timestamp = "2026-11-10T09:00:00Z"
    first.to_outcome()
    first.say(names.NO)
    again = ApiDialog(lambda_handler, api, locale=locale, user_id=first.user_id)
    again.timestamp = "2026-11-24T09:00:00Z"
    again.launch()
    content = content_for(locale)
    when = content.text("history.date", day="10", month=content.text("history.months.m11"))
    assert text(locale, "history.last", date=when,
                outcome=text(locale, "history.outcomes.self_care")) in again.speech
    again.say(names.REPORT_SYMPTOM, resolved_slot("symptom", "my hands are clumsy",
                                                  "weakness"))
    again.to_outcome(launch=False)
    new = text(locale, "history.new", signs=text(locale, "signs.weakness"))
    assert new in again.speech
    assert again.speech.index(new) > again.speech.index(text(locale, "outcomes.soon.action"))
    assert again.speech.endswith(text(locale, "reminders.offer"))
    # The rule (rules.yaml since_last_check): after self-care, something new is worsening.
    assert text(locale, "signs.worsening") in again.speech
    again.say(names.NO)
    third = ApiDialog(lambda_handler, api, locale=locale, user_id=first.user_id)
    third.timestamp = "2026-11-25T09:00:00Z"
    third.launch()
    assert text(locale, "history.outcomes.soon") in third.speech
    third.say(names.DELETE_DATA)
    fourth = ApiDialog(lambda_handler, api, locale=locale, user_id=first.user_id)
    fourth.launch()
    assert "Last time" not in fourth.speech, "delete my data deletes the history too"


def test_reminder_logs_hold_no_ids_tokens_or_text(
        lambda_handler: LambdaHandler, api: RemindersApi,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    talk = ApiDialog(lambda_handler, api)
    talk.to_outcome()
    talk.say(names.YES)
    talk.answer_permission("ACCEPTED")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "reminder set: 14 days" in logged
    for secret in (talk.user_id, api.token_for(talk.user_id), "Time to check"):
        assert secret not in logged


def test_the_manifest_declares_the_reminders_permission_as_smapi_reads_it() -> None:
    from skill.model_check import MODEL_DIR
    from skill.model_check.permissions import check_permissions, smapi_permissions

    manifest = json.loads((MODEL_DIR / "skill.json").read_text(encoding="utf-8"))
    ours = {"en-US": {"intents": [{"name": names.REMIND}]}}
    assert smapi_permissions(manifest) == [SCOPE]  # ask-smapi-model's own deserialiser
    assert check_permissions(manifest, ours) == []
    misspelt = json.loads(json.dumps(manifest))
    misspelt["manifest"]["permissions"] = [{"name": "alexa::alerts:reminder:skill:readwrite"}]
    problems = [p.message for p in check_permissions(misspelt, ours)]
    assert any("not a permission SMAPI knows" in p for p in problems)
    assert any("does not declare" in p for p in problems)
    # Every published locale gets it (permissions are manifest-wide), with its reason public.
    from skill.model_check.manifest import published
    from skill.publishing import ROOT

    assert set(published(manifest) or {}) == set(available_locales())
    assert SCOPE in (ROOT / "PRIVACY.md").read_text(encoding="utf-8")


def test_the_simulator_sets_a_reminder_in_its_emulation_and_fires_it() -> None:
    """A held-out self-care conversation (en-AU, typed words) through the simulator: the offer,
    Alexa's permission question, the reminder in the emulated API, and 14 days later it goes
    off."""
    from datetime import timedelta

    from skill.simulator.command import Options

    options = Options("en-AU", "voice", f"held-out-{id(object())}", None, None, None, None,
                      fresh=True)
    try:
        sim = options.simulator()
        sim.say("open neck twitch check")
        sim.say("none of those")
        turn = sim.say("nope")
        for _ in range(30):
            if turn.ended or "remind you" in (turn.speech or ""):
                break
            turn = sim.say("no")
        assert (turn.speech or "").endswith("Shall I remind you in two weeks to check again?")
        assert "needs your permission" in (sim.say("yes please").speech or "")
        done = sim.say("yes")
        assert done.ended and (done.speech or "").startswith("Done. I'll remind you two weeks")
        api = options.reminders()
        (stored,) = api.reminders(sim.factory.user_id)
        assert stored.request["trigger"]["offsetInSeconds"] == 14 * DAY
        options.clock.forward(timedelta(days=14))
        (fired,) = api.fire_due()
        assert "Neck Twitch Check" in fired.text
    finally:
        options.close()
