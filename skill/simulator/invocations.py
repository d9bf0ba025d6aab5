"""How people open the skill in each language: "open neck twitch check", "abre revisión de tic
en el cuello", "pregunta a revisión de tic en el cuello qué es una fasciculación"."""

from __future__ import annotations

import re

from skill.simulator.nlu import InvocationParser, invocation_parser, normalise

# Amazon's Spanish invocation phrases (developer.amazon.com/es-ES and /es-MX, "Comprender cómo los
# usuarios invocan skills personalizadas"), as the model checker also reads them
# (skill.model_check.invocation); unaccented spellings too, as people type them.
_ES_LAUNCH = r"(?:abre|abrir|inicia|iniciar|empieza|comienza|ejecuta|lanza|usa)"
_ES_ONESHOT = (r"(?:pide|pídele|pidele|dile|dígale|digale|pregunta|pregúntale|preguntale|"
               r"pregunte|pregúntele|preguntele) a")
_ES_CONNECTORS = r"(?:que |si |por |sobre |acerca de )?"


def invocation_parser_for(locale: str, invocation_name: str) -> InvocationParser:
    """The launch and one-shot phrases of the locale's language (English for any but Spanish)."""
    if not locale.lower().startswith("es"):
        return invocation_parser(invocation_name)
    key = normalise(invocation_name)
    name = re.escape(key)
    regex = re.compile(
        rf"^(?:alexa )?(?:"
        rf"(?P<launch>{_ES_LAUNCH} (?:la )?{name}(?: por favor)?)"
        rf"|{_ES_ONESHOT} {name} {_ES_CONNECTORS}(?P<ask>.+)"
        rf"|{_ES_LAUNCH} {name} y (?P<and>.+)"
        rf")$"
    )
    return InvocationParser(regex, key.split()[0] if key else "")


def launch_phrase(locale: str, invocation_name: str) -> str:
    """What a user says to open the skill, in the locale's language."""
    verb = "abre" if locale.lower().startswith("es") else "open"
    return f"{verb} {invocation_name}"
