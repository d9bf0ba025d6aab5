"""`neck-twitch check-model`: the interaction models agree with the code and with Amazon's rules.

Every locale model of an ASK CLI skill package (`interactionModels/custom/<locale>.json`) and its
manifest (`skill.json`) is checked for what Amazon's build and certification reject, for what
makes Alexa misroute, and against the code. Each problem is one line: file, JSON path, message.
One module per rule family, as the ASK SDK keeps its utilities:

- `invocation`: the invocation name, and the phrases that invoke a skill;
- `slot_types`, `samples`: slot types, intents, slots and sample text (SMAPI's build rules);
- `collisions`: a phrase two intents can both say, after slot expansion;
- `help_safety`: an emergency sample a tester checking Help would say;
- `code_agreement`: handled intents, slots and slot ids, the required built-in intents;
- `locales`: every locale has the same intents, slots and ids;
- `manifest`: skill.json's locales, icons, store text limits, privacy and terms addresses;
- `examples`: example phrases (the wake word, at most three, each a sample of some intent).

`language` runs the model rules on one model, `package` on a whole skill package, `command` is
the CLI. See docs/check-model.md.
"""

from __future__ import annotations

from skill.model_check.code_agreement import REQUIRED_BUILT_INS, expected_type_ids
from skill.model_check.command import check_model
from skill.model_check.examples import SampleMatcher, example_phrase_problems, parse_example
from skill.model_check.files import (
    LANGUAGE_MODEL_PATH,
    MODEL_DIR,
    load_model,
    model_locales,
    model_path,
)
from skill.model_check.invocation import invocation_name_problems
from skill.model_check.language import check_language_model, check_model_data, model_problems
from skill.model_check.manifest import check_manifest, privacy_problems
from skill.model_check.package import check_package
from skill.model_check.problems import Problem, Report
from skill.model_check.scope import MIN_SAMPLES
from skill.model_check.words import normalise

__all__ = [
    "LANGUAGE_MODEL_PATH", "MIN_SAMPLES", "MODEL_DIR", "REQUIRED_BUILT_INS", "Problem", "Report",
    "SampleMatcher", "check_language_model", "check_manifest", "check_model", "check_model_data",
    "check_package", "example_phrase_problems", "expected_type_ids", "invocation_name_problems",
    "load_model", "model_locales", "model_path", "model_problems", "normalise", "parse_example",
    "privacy_problems",
]
