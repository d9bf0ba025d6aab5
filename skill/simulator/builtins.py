"""Everyday phrasings for Alexa's built-in intents, which interaction models list without samples.

Alexa trains these itself; the simulator needs them spelled out. Phrases are matched after the
same normalisation as the model's samples (lower case, no punctuation, no apostrophes), and a
built-in is only offered when the model declares that intent.
"""

from __future__ import annotations

BUILTIN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": (
        "yes", "yeah", "yea", "yeh", "yep", "yup", "ya", "yah", "yas", "aye", "of course",
        "i do", "i did", "i have", "i am", "it does",
        "it is", "it has", "correct", "that's right", "that is right", "true",
        "definitely", "absolutely", "certainly", "indeed", "affirmative", "yes please",
        "yes i do", "yes i have", "yes i am", "yes it does", "yes it is", "yes it has",
        "yeah i do", "yeah i have", "yep i have", "i think so", "i guess so", "i believe so",
        "you bet", "yes sir", "yes indeed", "totally",
        "for sure", "please do", "i would", "yes i did",
        "i'm afraid so", "unfortunately yes", "sadly yes",
    ),
    "AMAZON.NoIntent": (
        "no", "nope", "nah", "naw", "no way", "not really", "not at all", "never",
        "no never", "i don't", "i do not", "i didn't", "i haven't", "i have not", "i'm not",
        "i am not", "it doesn't", "it does not", "it isn't", "it hasn't", "no i don't",
        "no i haven't", "no i'm not", "no it doesn't", "no it isn't", "no it hasn't",
        "no thanks", "no thank you", "negative", "none", "not that i know of",
        "not that i've noticed", "i don't think so", "i don't believe so", "definitely not",
        "absolutely not", "of course not", "certainly not", "no not really", "nothing like that",
        "not at the moment", "not lately", "not recently", "no sir", "nuh uh", "uh uh",
        "i wouldn't say so", "thankfully not", "luckily no", "no i did not", "no i didn't",
        "no i have not", "not that i can tell",
    ),
    "AMAZON.HelpIntent": (
        "help", "help me", "help please", "i need help", "can you help", "can you help me",
        "what can i say", "what do i say", "what should i say", "what can you do",
        "what do you do", "how does this work", "how do i use this", "i'm confused",
        "i am confused", "i don't understand", "what do you mean", "what does that mean",
        "explain", "instructions", "options", "what are my options", "how do i answer",
    ),
    "AMAZON.RepeatIntent": (
        "repeat", "repeat that", "repeat please", "please repeat", "repeat the question",
        "say that again", "say it again", "can you say that again", "could you say that again",
        "say again", "again", "come again", "pardon", "pardon me", "sorry", "sorry what",
        "what", "what was that", "what did you say", "i didn't catch that",
        "i didn't hear that", "i didn't hear you", "one more time", "once more",
        "can you repeat that", "could you repeat that", "could you repeat the question",
        "repeat the last question", "huh", "excuse me",
    ),
    "AMAZON.StartOverIntent": (
        "start over", "start again", "restart", "start from the beginning",
        "go back to the beginning", "begin again", "from the top", "reset", "start afresh",
        "let's start over", "let's start again", "can we start over", "i want to start over",
        "start over please", "redo", "do it again", "let me start over", "new check",
        "start a new check",
    ),
    "AMAZON.StopIntent": (
        "stop", "stop it", "stop please", "please stop", "quit", "exit skill", "end",
        "shut up", "be quiet", "that's all", "that is all", "that's it", "i'm done",
        "i am done", "we're done", "done", "finished", "i'm finished", "enough",
        "that's enough", "goodbye", "good bye", "bye", "bye bye", "see you", "leave",
        "end this", "stop the check", "turn off", "off",
    ),
    "AMAZON.CancelIntent": (
        "cancel", "cancel that", "cancel it", "cancel please", "never mind", "nevermind",
        "forget it", "forget about it", "forget that", "don't bother", "skip it",
        "abort", "not now", "no thanks i'm good", "i changed my mind", "cancel the check",
    ),
    # Alexa's built-in acknowledgements ("okay", "sure") are a yes to Amazon; this skill's model
    # gives them an intent of their own, since "okay" to "any of these?" is not a yes.
    "AcknowledgeIntent": (
        "sure", "ok", "okay", "alright", "all right", "right", "go ahead", "sounds good",
        "uh huh", "mm hmm", "sure thing",
    ),
    "AMAZON.NavigateHomeIntent": (
        "go home", "home", "go to home", "home screen", "go to the home screen",
        "back to home", "main menu",
    ),
}

# Answers: an intent of these is never reached by a fuzzy near miss, only by the words.
ANSWER_INTENTS: frozenset[str] = frozenset({
    "AMAZON.YesIntent", "AMAZON.NoIntent", "YesDetailIntent", "NoDetailIntent",
    "DenySymptomIntent", "AcknowledgeIntent", "CorrectionIntent", "SkipIntent", "SignFineIntent",
})

# Spoken fillers and discourse markers dropped from either end before matching ("um yes please"
# -> "yes please", "sorry what was that" -> "what was that"). Alexa's own models shrug these
# off; they carry no meaning of their own, so trimming them adds no understanding the
# interaction model does not give.
LEADING_FILLERS: tuple[str, ...] = (
    "um", "umm", "uh", "uhm", "er", "erm", "hmm", "well", "oh", "ah", "so", "hey", "alexa",
    "ok so", "okay so", "well um", "oh um", "by the way", "actually", "honestly", "oops",
    "wait", "sorry", "okay", "ok", "right", "oh and", "kindly", "hang on", "look", "shh",
    "shush", "hush", "achha", "acha", "arre", "haan", "like", "so like", "okay um", "um okay",
    "listen", "oh wait", "gosh", "oh gosh", "oh dear", "blimey", "hi", "hello", "excuse me",
    "okay so like", "right so", "yeah so", "so um",
)
TRAILING_FILLERS: tuple[str, ...] = (
    "please", "thanks", "thank you", "alexa", "really", "i think", "i suppose", "i reckon",
    "i guess", "anyway", "to be honest", "honestly", "then", "bye", "mate", "yeah",
    # terms of address and tags people end on: "is this serious, love?", "talking fine, eh"
    "love", "dear", "eh", "yaar", "ji", "right", "innit", "sir", "madam", "beta", "bro", "dude",
    "buddy", "pal", "doc", "like", "you know", "i promise", "may i ask", "do you know",
    "thankfully", "thank god", "quick", "quickly", "again",
    "ta", "cheers", "pet", "duck", "hun", "darling", "sweetheart", "i'm pleased to say",
    "thank you for asking", "thanks for asking", "touch wood", "actually",
)

# Spanish (es-US, es-MX, es-ES): Alexa's built-in intents in the words people use in the three
# regions. Matched like the English ones, after the same normalisation (accents kept, as Alexa
# writes them; the unaccented spellings people type are listed too).
SPANISH_BUILTIN_PHRASES: dict[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": (
        "sí", "si", "sí sí", "si si", "claro", "claro que sí", "claro que si", "por supuesto",
        "así es", "asi es", "correcto", "eso es", "exacto", "efectivamente", "afirmativo",
        "sí señor", "sí señora", "creo que sí", "creo que si", "yo creo que sí", "pues sí",
        "pues si", "sí claro", "sí por favor", "sí gracias", "la verdad es que sí",
        "me temo que sí", "desgraciadamente sí", "seguro", "sí seguro", "simón", "ajá sí",
        "sí tengo", "sí me pasa", "sí lo tengo", "sí he notado", "cierto", "sí cierto",
        "sip", "yes",
    ),
    "AMAZON.NoIntent": (
        "no", "nop", "nope", "nel", "para nada", "nada", "nunca", "ninguno", "ninguna",
        "no no", "no gracias", "no señor", "no señora", "creo que no", "yo creo que no",
        "pues no", "la verdad no", "la verdad que no", "no la verdad", "no nada",
        "nada de eso", "de ninguna manera", "en absoluto", "qué va", "que va", "no para nada",
        "no tengo", "no me pasa", "no me ha pasado", "no he notado nada", "claro que no",
        "por supuesto que no", "no que yo sepa", "que yo sepa no", "no lo creo",
        "no nunca", "ninguna de esas", "ninguno de esos", "nada nada",
    ),
    "AMAZON.HelpIntent": (
        "ayuda", "ayúdame", "ayudame", "ayuda por favor", "necesito ayuda", "qué puedo decir",
        "que puedo decir", "qué digo", "cómo funciona", "como funciona", "no entiendo",
        "qué quiere decir", "qué significa", "explícame", "explicame", "instrucciones",
        "opciones", "qué opciones tengo", "cómo contesto",
    ),
    "AMAZON.RepeatIntent": (
        "repite", "repítelo", "repitelo", "repite por favor", "repite la pregunta", "otra vez",
        "dilo otra vez", "puedes repetir", "me lo repites", "qué", "que", "cómo", "como",
        "perdón", "perdon", "perdona", "perdone", "mande", "qué dijiste", "no te oí",
        "no te escuché", "una vez más", "de nuevo", "cómo dice", "qué dice",
    ),
    "AMAZON.StartOverIntent": (
        "empieza de nuevo", "empezar de nuevo", "volver a empezar", "desde el principio",
        "reinicia", "reiniciar", "empecemos otra vez", "empecemos de nuevo", "de cero",
        "otra revisión", "una revisión nueva", "empieza otra vez", "comienza de nuevo",
    ),
    "AMAZON.StopIntent": (
        "para", "alto", "basta", "detente", "para por favor", "termina", "terminar", "salir",
        "sal", "fin", "adiós", "adios", "hasta luego", "chao", "chau", "ya terminé",
        "eso es todo", "ya está", "ya basta", "ya me voy", "me tengo que ir", "cállate",
        "apágate", "apagar", "stop",
    ),
    "AMAZON.CancelIntent": (
        "cancela", "cancelar", "cancélalo", "olvídalo", "olvidalo", "déjalo", "dejalo",
        "no importa", "ahora no", "cambié de opinión", "cancela la revisión", "mejor no",
    ),
    # As in English: "vale" or "de acuerdo" to "¿alguna de estas?" is not a yes.
    "AcknowledgeIntent": (
        "ok", "okey", "okay", "vale", "de acuerdo", "está bien", "esta bien", "bueno", "bien",
        "adelante", "sigue", "continúa", "continua", "dale", "órale", "orale", "ándale",
        "andale", "sale", "venga", "entendido", "perfecto", "ajá", "aja", "ya veo",
    ),
    "AMAZON.NavigateHomeIntent": (
        "inicio", "ir al inicio", "pantalla de inicio", "menú principal", "menu principal",
        "volver al inicio",
    ),
}


def builtin_phrases(locale: str | None) -> dict[str, tuple[str, ...]]:
    """The built-in intents' phrasings for a model's language: Spanish for es-*, else English."""
    if locale and locale.lower().startswith("es"):
        return SPANISH_BUILTIN_PHRASES
    return BUILTIN_PHRASES
