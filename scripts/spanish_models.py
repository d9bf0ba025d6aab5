"""Write the Spanish interaction models (es-US, es-MX, es-ES) from the phrasings below.

`python scripts/spanish_models.py` rewrites interaction_model/interactionModels/custom/es-*.json.
Every intent, slot and slot value id of the English models is here (tests/test_locales.py checks
it); the samples are written as people talk in Spanish, not translated: a neutral Latin American
base that all three share, then each region's own words (Mexico's "ahorita", "órale", "mande",
"nel"; the US's "okay" and Spanglish; Spain's "vale", "venga", "qué va", "ictus", "móvil").
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "interaction_model" / "interactionModels" / "custom"
INVOCATION = "revisión de tic en el cuello"

S = "{symptom}"

BASE: dict[str, list[str]] = {
    "AMAZON.YesIntent": [
        "sí", "sí señor", "sí señora", "claro", "claro que sí", "por supuesto", "así es",
        "correcto",
        "eso es", "sí tengo", "sí me pasa", "sí me ha pasado", "creo que sí", "yo creo que sí",
        "sí la verdad", "la verdad es que sí", "pues sí", "sí lo tengo", "sí he notado algo",
        "me temo que sí", "desgraciadamente sí", "por desgracia sí", "sí fue de repente",
        "sí empezó de repente", "sí de golpe", "sí definitivamente", "definitivamente sí",
        "sí seguro", "seguro que sí", "sí sí", "sí claro", "sí así es", "afirmativo",
        "diría que sí", "yo diría que sí", "sí fue rápido", "sí en horas", "sí en unos días",
        "sí me duele", "sí ya lo creo", "totalmente", "sí por favor", "sí gracias",
        "sí un poco", "afirmativo sí", "pues sí la verdad",
        # how fast, said as the yes to "did it start suddenly?" ("un momento" is no pause here)
        "sí de un momento a otro", "pues sí de un momento a otro", "de un momento a otro",
        "sí de la nada", "de la nada", "de repente sí", "de golpe sí", "fue de repente sí",
    ],
    "AMAZON.NoIntent": [
        "no", "no señor", "no señora", "para nada", "nada", "nunca", "no tengo",
        "no he notado nada",
        "creo que no", "yo creo que no", "no la verdad", "la verdad que no", "la verdad es que no",
        "pues no", "no nada", "ninguno", "ninguna", "ninguna de esas", "ninguna de ellas",
        "nada de eso", "no me ha pasado", "no me pasa", "no para nada", "no fue poco a poco",
        "no vino poco a poco", "fue poco a poco", "no fue de repente", "no fue rápido",
        "no que yo sepa", "que yo sepa no", "de ninguna manera", "no gracias", "no no",
        "no nunca", "nunca me ha pasado", "no he tenido nada", "no tengo nada de eso",
        "no nada de eso", "diría que no", "yo diría que no", "no lo creo", "claro que no",
        "por supuesto que no", "en absoluto", "no en absoluto", "nada de nada", "todo bien",
        "todo normal", "no todo bien", "no está igual", "sigue igual", "está igual que siempre",
        "no en semanas", "fue en semanas", "fue en meses", "no fue en meses", "no últimamente",
        "no ahora no", "por ahora no", "no gracias así está bien", "ninguno de esos",
    ],
    "AMAZON.HelpIntent": [
        "ayuda", "ayúdame", "necesito ayuda con esto", "qué puedo decir", "qué digo",
        "cómo funciona",
        "cómo funciona esto", "no entiendo", "no entiendo la pregunta", "no le entiendo",
        "qué quiere decir", "qué significa eso", "a qué se refiere", "explícame", "explíqueme",
        "cómo contesto", "qué tengo que decir", "qué se supone que diga", "qué opciones tengo",
        "no comprendo", "no entendí la pregunta", "me puede explicar", "me puedes explicar",
        "qué le contesto a esto", "qué contesto", "help qué le contesto a esto", "qué le digo",
    ],
    "AMAZON.RepeatIntent": [
        "repite", "repítelo", "repítela", "repita", "repítame", "otra vez", "repite la pregunta",
        "cuál era la pregunta", "qué dijiste", "qué dijo", "perdón qué", "no te oí", "no le oí",
        "no le escuché", "no te escuché", "dilo otra vez", "dígalo otra vez", "puedes repetir",
        "puede repetir", "me lo repites", "me lo repite", "qué me preguntaste", "qué me preguntó",
        "vuelve a preguntar", "pregúntame otra vez", "la pregunta otra vez", "cómo dice",
        "repítemelo", "repítamelo", "no me he enterado", "repítemelo que no me he enterado",
        "me lo puede decir otra vez", "me lo puedes decir otra vez", "no le escuché bien",
        "mande no le escuché bien", "cómo repítemelo",
        "me lo dice otra vez", "me la repites", "me la repite", "no la he oído bien",
        "no le he oído bien", "no lo oí bien", "se oyó cortado",
        "cómo dijo", "no entendí qué dijo",
    ],
    "AMAZON.StartOverIntent": [
        "empieza de nuevo", "empezar de nuevo", "volver a empezar", "vuelve a empezar",
        "desde el principio", "reinicia", "reiniciar", "empecemos otra vez", "empecemos de nuevo",
        "empezamos de nuevo", "de cero", "desde cero", "empezar desde cero", "otra revisión",
        "una revisión nueva", "quiero empezar de nuevo", "quiero volver a empezar",
        "vamos a empezar otra vez", "empieza otra vez", "comienza de nuevo",
        "empieza todo desde el principio", "empezar todo de nuevo", "start from scratch",
    ],
    "AMAZON.StopIntent": [
        "para", "alto", "basta", "detente", "termina", "terminar", "salir", "adiós", "ya me voy",
        "me tengo que ir", "tengo que irme", "ya no quiero seguir", "quiero parar", "eso es todo",
        "ya terminé", "hasta luego", "chao", "para ya", "ya basta", "ya estuvo", "para por favor",
        "ya cancela", "déjelo ya", "déjalo ya", "bueno déjelo ya", "mejor lo dejamos",
        "para me tengo que ir", "no quiero seguir", "prefiero parar", "dejémoslo aquí",
        "hasta aquí", "ya no", "fin", "apágate", "cállate",
        "ya déjalo", "déjalo", "tengo junta", "tengo que colgar",
    ],
    "NotSureIntent": [
        "no sé", "no lo sé", "no estoy seguro", "no estoy segura", "tal vez", "quizás", "quizá",
        "a lo mejor", "puede ser", "ni idea", "no tengo idea", "no tengo ni idea",
        "no sabría decir",
        "no sabría", "más o menos", "a veces", "un poco", "creo que un poco", "no me he fijado",
        "no me fijé", "no me acuerdo", "no recuerdo", "depende", "de vez en cuando", "algo así",
        "no sé la verdad", "la verdad no sé", "pues no sé", "no sé si", "no estoy muy seguro",
        "no estoy muy segura", "es difícil de decir", "difícil decir", "no sabría decirle",
        "quién sabe", "puede que sí", "puede que no", "poquito", "un poquito", "algunas veces",
        "no sé qué decir", "no sé qué contestar", "es posible", "posiblemente",
        "no estoy seguro la verdad",
        "no llevo la cuenta", "no lo apunté", "no lo he apuntado", "no lo apunté en ningún sitio",
    ],
    "YesDetailIntent": [
        "sí " + S, "sí tengo " + S, "sí he tenido " + S,
        "sí he notado " + S, "sí un poco de " + S, "sí como " + S, "sí es que " + S,
        "claro " + S, "sí la verdad " + S, "sí porque " + S, "sí y " + S,
        "sí también " + S, "sí a veces " + S, "sí creo que " + S, "sí noto " + S,
        "sí siento " + S, "sí últimamente " + S, "sí algo de " + S, "pues sí " + S,
        "sí fíjese " + S, "pues fíjese que sí " + S, "sí un poco " + S,
        "de repente sí " + S, "de golpe sí " + S, "creo que sí " + S, "me temo que sí " + S,
        "yo creo que sí " + S, "la verdad es que sí " + S,
    ],
    "NoDetailIntent": [
        "no mi " + S, "no es " + S, "no fue " + S, "no solo " + S, "no nada más " + S,
        "no empezó " + S, "no vino " + S, "no diría que " + S, "no es solo " + S,
        "no más bien " + S, "no fue más bien " + S, "no solamente " + S,
    ],
    "DenySymptomIntent": [
        # no "no tengo {symptom}": "no tengo fuerza para abrir las botellas" is a complaint;
        # "no {symptom}" puts the "no" back before "tengo ...", and the lexicon tells the two apart
        "no " + S, "no tengo nada de " + S, "nada de " + S, "no he tenido " + S,
        # no "no siento {symptom}": "no siento la pierna" is a complaint; "no {symptom}" puts
        # the "no" back before "siento ...", and the lexicon tells the two apart
        "no he notado " + S, "no he sentido " + S, "sin " + S, "ni " + S,
        "no me ha dado " + S, "no tengo ningún " + S, "no tengo ninguna " + S,
        "nunca he tenido " + S, "tampoco " + S, "no hay " + S, "ningún " + S, "ninguna " + S,
        "no he tenido nada de " + S, "no sufro de " + S, "no padezco de " + S,
    ],
    "ReportSymptomIntent": [
        "tengo " + S, "también tengo " + S, "he tenido " + S, "he notado " + S, "noté " + S,
        "hay " + S, "tengo algo de " + S, "qué tal " + S, "también " + S, "además " + S,
        "siento " + S, "estoy " + S,
        "creo que tengo " + S, "sufro de " + S, "a veces tengo " + S,
        "últimamente " + S, "últimamente tengo " + S, "o sea " + S,
        "es que " + S, "lo que pasa es que " + S, "ahora " + S,
        "y ahora " + S, "hoy " + S, "esta semana " + S, "desde hace " + S,
        "{detail} pero " + S, S, "pero " + S, "no sé pero " + S, "sí pero " + S, "oiga " + S,
        "oye " + S, "mire " + S, "el tic " + S, "el tic está " + S, "un poco de " + S,
        "algo de " + S, "noto " + S, "he estado " + S, "ando con " + S,
        "empecé con " + S, "le cuento que " + S,
        # the fillers each region opens with ("ay", "fíjese que", "la verdad es que", "este")
        "ay " + S, "fíjese que " + S, "la verdad es que " + S, "este " + S, "pues " + S,
        "perdón " + S, "perdón pero " + S, "disculpe " + S, "disculpa " + S,
        "es urgente " + S, "es una urgencia " + S, "urgente " + S,
        "lo que tengo es " + S, "tengo también " + S, "y también " + S, "otra cosa " + S,
        # A leading "no" that denies nothing of what follows ("no tengo tiempo, me está
        # costando respirar"): the words after it are read as said.
        "no tengo tiempo " + S, "no tengo mucho tiempo " + S, "no sé qué me pasa " + S,
        "no sé qué tengo " + S, "no sé lo que me pasa " + S,
        # a question about what is happening now ("¿es normal que se me duerma medio cuerpo?")
        # is read as said: a sign in it counts, an emergency gets the number
        "y " + S, "es normal que " + S, "es grave que " + S, "es malo que " + S,
        "es peligroso que " + S, "qué causa que " + S, "por qué será que " + S,
        "debo preocuparme si " + S,
    ],
    "SuddenSymptomIntent": [
        "hace una hora " + S, "hace unas horas " + S, "hace unos minutos " + S, "hace un rato " + S,
        "esta mañana " + S, "esta tarde " + S, "anoche " + S, "ayer " + S, "de repente " + S,
        "de pronto " + S, "de golpe " + S, "de la nada " + S, "hoy temprano " + S,
        "al despertar " + S, "hace media hora " + S, "de un momento a otro " + S,
    ],
    "EmergencyIntent": [
        "creo que me está dando un derrame", "me está dando un derrame", "me dio un derrame",
        "llama a una ambulancia", "necesito una ambulancia", "manda una ambulancia",
        "llama al nueve uno uno", "llama a emergencias", "es una emergencia",
        "esto es una emergencia",
        "me estoy muriendo", "me está dando un infarto", "creo que es un infarto",
        "me estoy ahogando", "necesito un médico ya", "llamen a una ambulancia",
        "llamen a emergencias", "se está muriendo", "le está dando un derrame",
        "le está dando un infarto", "llama a los paramédicos", "necesito ir a urgencias ya",
        "ayuda me estoy ahogando", "ayuda no puedo respirar", "me está dando una convulsión",
        "le está dando una convulsión",
        # a wish to die or an overdose is an emergency too (NHS: when to call 999)
        "me quiero morir", "me quiero morir ya no aguanto", "me quiero matar", "me voy a matar",
        "quiero quitarme la vida", "me tomé todas las pastillas", "se tomó todas las pastillas",
        "auxilio", "socorro", "ayúdenme", "ayúdenme por favor", "auxilio por favor",
        "es urgente", "es una urgencia", "urgente",
    ],
    # Slots joined only by "y" are no carrier: a sentence with "y" in it ("me duele el pecho y me
    # sudan las manos") is read whole by the catch-all and the lexicon, which finds the factors
    # of "estrés y café" too.
    "LifestyleIntent": [
        "{factor}", "sobre todo {factor}",
        "sobre todo {factor} y {factorTwo}", "creo que {factor}", "diría que {factor}",
        "{factor} la verdad", "mucho {factor}", "bastante {factor}", "un poco de {factor}",
        "principalmente {factor}", "más que nada {factor}", "yo diría {factor}",
        "solo {factor}", "nada más {factor}", "{factor} nada más",
        "sobre todo {factor} y también {factorTwo}",
        "sobre todo {factor} {factorTwo} y {factorThree}",
    ],
    "GoBackIntent": [
        "regresa", "atrás", "vuelve atrás", "la anterior", "pregunta anterior",
        "la pregunta anterior", "regresa a la anterior", "quiero cambiar mi respuesta",
        "cambiar mi respuesta", "cambia mi respuesta", "me equivoqué", "espera regresa",
        "regresa una", "vuelve a la anterior", "volver a la anterior", "puedo cambiar mi respuesta",
        "quiero cambiar la respuesta anterior", "me equivoqué en la anterior", "regresar",
        "ir atrás", "anterior", "go back", "regresa a la pregunta de antes", "la pregunta de antes",
        "regrésate", "regrésate a la de antes", "a la de antes",
        "go back regresa a la pregunta de antes", "vuelve a la de antes",
    ],
    "ProgressIntent": [
        "cuántas preguntas faltan", "cuántas más", "cuánto falta", "ya casi terminamos",
        "falta mucho", "cuánto va a tardar", "cuánto tiempo va a tardar", "cuántas quedan",
        "cuántas preguntas quedan", "ya vamos a terminar", "cuándo termina esto", "falta poco",
        "cuánto dura esto", "en qué pregunta vamos", "ya casi acabamos", "cuántas faltan",
        "cuántas faltan todavía", "cuántas más faltan", "cuántas preguntas más",
        "todavía falta mucho", "falta mucho todavía",
    ],
    "WhyAskIntent": [
        "por qué pregunta", "por qué preguntas", "por qué preguntas eso", "por qué me pregunta eso",
        "para qué quiere saber", "para qué quieres saber", "qué tiene que ver", "por qué importa",
        "y eso por qué", "por qué", "para qué", "por qué es importante", "qué tiene que ver eso",
        "qué tiene que ver con el cuello", "por qué necesita saber eso", "por qué lo pregunta",
        "para qué sirve", "para qué sirve eso", "why do you need to know",
        "para qué quieres saber lo de " + S, "para qué quiere saber lo de " + S,
        "por qué pregunta por " + S, "por qué importa " + S, "qué tiene que ver " + S,
        "{detail} y por qué pregunta por " + S,
    ],
    "LearnIntent": [
        "qué es {topic}", "qué es una fasciculación", "qué son {topic}", "explícame {topic}",
        "qué quiere decir {topic}", "qué significa {topic}", "un tic es lo mismo que {topic}",
        "cuál es la diferencia entre un tic y {topic}", "háblame de {topic}",
        "hábleme de {topic}", "cuéntame de {topic}", "qué es eso de {topic}",
        "a qué se refiere con {topic}", "es lo mismo que {topic}", "qué es exactly {topic}",
        "qué es eso de {topic} que dijo el doctor",
        "y qué es eso de {topic}", "qué es eso de {topic} que dijo mi doctor",
    ],
    "CausesIntent": [
        "qué lo causa", "qué causa esto", "qué causa los tics", "por qué me brinca el cuello",
        "por qué me tiembla el cuello", "por qué me pasa esto", "a qué se debe",
        "por qué pasa esto", "de qué viene esto", "qué provoca los tics", "por qué tengo tics",
        "por qué me late el músculo", "qué puede ser la causa", "cuál es la causa",
        "qué causa " + S, "por qué tengo " + S, "de dónde viene " + S,
        "qué causa el tic en el cuello", "qué causa el twitching",
        "qué causa el twitching en el cuello",
        "y esto a qué se debe", "a qué se debe esto", "por qué me salta así el músculo",
        "por qué me salta el músculo", "por qué me brinca así el músculo",
    ],
    "SeriousIntent": [
        "es {condition}", "será {condition}", "puede ser {condition}", "podría ser {condition}",
        "tengo {condition}", "es señal de {condition}", "es un síntoma de {condition}",
        "me preocupa que sea {condition}", "tengo miedo de que sea {condition}",
        "es grave", "es algo grave", "debo preocuparme", "es peligroso", "es malo",
        "será algo malo", "me preocupa que sea algo grave", "es grave tener " + S,
        "esto es grave", "pero esto es grave", "es grave o no es nada",
        "esto es grave o no es nada",
        "pero esto es grave o no es nada",
        "es señal de algo", "significa que tengo {condition}", "no será {condition}",
        "si esto es {condition}", "si es {condition}", "si es peligroso",
    ],
    "SourcesIntent": [
        "de dónde sacas esto", "de dónde saca esto", "cuáles son tus fuentes",
        "cuáles son sus fuentes",
        "de dónde viene este consejo", "quién dice eso", "en qué te basas", "en qué se basa",
        "es confiable", "esto lo dice un médico", "cómo sabes", "cómo lo sabe",
        "quién escribió esto",
        "de dónde es esta información", "es información confiable", "fuente de esto",
        "cuál es la fuente", "cuál es su fuente",
        "de dónde lo sacas", "de dónde lo saca",
    ],
    "DeleteDataIntent": [
        "borra mis datos", "borra mi información", "olvídame", "borra todo lo que sabes de mí",
        "elimina mis datos", "quiero borrar mis datos", "borra mis respuestas",
        "olvida mis respuestas",
        "borra mi historial", "elimina todo lo que guardaste de mí",
    ],
    "AcknowledgeIntent": [
        "ok", "okey", "está bien", "bueno", "bien", "de acuerdo", "adelante", "sigue", "continúa",
        "entendido", "perfecto", "muy bien", "órale pues", "sigamos", "siga", "adelante pues",
        "ok adelante", "bueno adelante", "entiendo", "ya entendí", "ajá", "aja", "sale",
    ],
    "OtherPersonIntent": [
        "pregunto por mi {person}", "es para mi {person}", "estoy revisando a mi {person}",
        "lo hago por mi {person}", "no soy yo es mi {person}", "es sobre mi {person}",
        "le pregunto por mi {person}", "pregunto por otra persona", "es para otra persona",
        "mi {person} " + S, "a mi {person} " + S, "mi {person} tiene " + S,
        "la {person} que cuido " + S, "el {person} que cuido " + S, "la señora " + S,
        "el señor " + S,
        "a mi {person} le " + S, "él " + S, "ella " + S, "ella tiene " + S, "él tiene " + S,
        "se le " + S, "a él le " + S, "a ella le " + S, "es mi {person} no yo",
        "estoy preguntando por mi {person}", "esto es para mi {person}", "no es para mí",
        "puedo contestar por mi {person}", "yo no soy es mi {person}",
        "lo estoy mirando para mi {person}",
        "que es para mi {person}", "es para mi {person} que está aquí a mi lado",
        "no es para mí es para mi {person}", "esto no es para mí", "es para mi {person} que " + S,
        "quiero checar a mi {person}", "quiero revisar a mi {person}", "es por mi {person}",
        "vengo por mi {person}", "lo hago por mi {person} que " + S,
    ],
    "PastSymptomIntent": [
        "hace años " + S, "hace mucho " + S, "hace mucho tiempo " + S, "de niño " + S,
        "de niña " + S,
        "cuando era niño " + S, "cuando era niña " + S, "cuando era joven " + S,
        "el año pasado " + S, "hace tiempo " + S, "en el pasado " + S, "de joven " + S,
        "hace unos años " + S, "hace varios años " + S, "de chico " + S, "hace muchos años " + S,
    ],
    "EarlierSymptomIntent": [
        "la semana pasada " + S, "hace unos días " + S, "el otro día " + S, "el mes pasado " + S,
        "hace una semana " + S, "hace dos semanas " + S, "hace unas semanas " + S,
        "el fin de semana " + S, "anteayer " + S, "el lunes " + S, "hace un mes " + S,
        "hace quince días " + S,
    ],
    "WhatIfIntent": [
        "y si me da " + S, "y si " + S, "qué pasa si " + S, "qué pasa si me da " + S,
        "qué hago si " + S, "qué hago si me da " + S,
        "si me da " + S, "me puede dar " + S, "me va a dar " + S, "puede causar " + S,
        "y si me llega a dar " + S, "qué tal si " + S, "qué pasaría si " + S,
        "y si tengo " + S, "qué debo hacer si " + S,
    ],
    "CorrectionIntent": [
        "perdón {answer} a la de {question}", "en realidad {answer} a la de {question}",
        "mejor {answer} a la de {question}", "quise decir {answer}",
        "quise decir {answer} a la de {question}", "me equivoqué es {answer}",
        "a la de {question} {answer}", "la de {question} es {answer}",
        "cambia la de {question} a {answer}", "espera {answer} a la de {question}",
        "oye {answer} a la pregunta de {question}", "en lo de {question} {answer}",
        "lo de {question} es {answer}", "corrijo {answer} a la de {question}",
        "perdón quise decir {answer}", "me equivoqué quise decir {answer}",
        "en realidad es {answer}", "cambia mi respuesta a {answer}",
        "corrijo la anterior {answer}", "la anterior es {answer}", "a la anterior {answer}",
        # "lo del hormigueo, en realidad no": the question named first, then the answer
        "lo del {question} {answer}", "lo del {question} en realidad {answer}",
        "lo de {question} en realidad {answer}", "la de {question} en realidad {answer}",
        "lo de la {question} {answer}", "perdona lo de {question} {answer}",
        "perdona lo de la {question} {answer}", "perdón lo de {question} {answer}",
        "perdón lo de la {question} {answer}", "la {question} que me preguntó {answer}",
        "oiga la {question} {answer}", "oye la {question} {answer}",
    ],
    "SkipIntent": [
        "sáltala", "salta esta", "sáltate esta", "siguiente", "la siguiente", "pasa a la siguiente",
        "paso", "me la salto", "prefiero no contestar", "no quiero contestar esa", "otra pregunta",
        "puedes saltar esta", "siguiente pregunta", "sáltate esa", "salta esa pregunta",
        "sáltate lo de " + S, "salta la de " + S, "prefiero no contestar lo de " + S,
        "esa me la salto", "esa me la salto siguiente", "pásala", "esa pásala",
        "esa pásala no quiero contestar",
        "me la salto siguiente",
    ],
    "PauseIntent": [
        "espera", "espérame", "un momento", "un segundo", "un minuto", "dame un minuto",
        "dame un segundo", "aguanta", "permíteme", "un momentito", "no cuelgues", "ahora vuelvo",
        "ya vuelvo", "tocan la puerta", "espera que tocan la puerta", "pausa", "espera un momento",
        "espere", "espéreme", "un segundito", "espera " + S, "espera un momento " + S,
        "un momento " + S,
    ],
    "SignFineIntent": [
        S + " no", S + " para nada", S + " está bien",
        S + " están bien", S + " todo bien", S + " igual que siempre",
        S + " como siempre", S + " sin cambios", S + " sin problema", S + " sin problemas",
        "mi " + S + " está bien", "mis " + S + " están bien", "{detail} y " + S + " están bien",
        "el " + S + " está bien", "la " + S + " está bien", "nada con " + S,
        "ningún problema con " + S, "ningún problema con el " + S, "ningún problema con la " + S,
        S + " no todo bien", S + " no para nada", S + " no la verdad",
        S + " no igual que siempre", S + " perfecto", S + " de maravilla", S + " sigue igual",
        S + " siguen igual", S + " está normal", S + " están normales", S + " no ha cambiado",
        S + " no han cambiado",
        "mi " + S + " sigue igual", "el " + S + " sigue igual", "la " + S + " sigue igual",
        S + " bien gracias", S + " todo normal", S + " no está igual",
    ],
    "SlowerIntent": [
        "más despacio", "más lento", "habla más despacio", "habla más lento", "despacio por favor",
        "puedes hablar más despacio", "puede hablar más despacio", "más despacito",
        "no tan rápido", "hablas muy rápido", "habla muy rápido", "ve más despacio",
        "baja la velocidad", "hable más despacio", "más despacio por favor",
    ],
    "NoButIntent": [
        "no pero " + S, "no la verdad pero " + S, "nada pero " + S, "no nada pero " + S,
        "para nada pero " + S, "no no pero " + S, "no eso no pero " + S, "no señor pero " + S,
        "no señora pero " + S, "no tengo eso pero " + S, "no creo pero " + S, "pues no pero " + S,
        "no mucho pero " + S,
        "no eso no pero sí " + S, "no sin embargo " + S, "no aunque " + S,
    ],
    "FearIntent": [
        "{fear}", "y {fear}", "una pregunta {fear}", "oiga {fear}", "pregunta {fear}",
        "otra cosa {fear}", "por cierto {fear}", "también {fear}", "oye {fear}", "pero {fear}",
    ],
    "RemindIntent": [
        "recuérdamelo", "recuérdame", "recuérdame en dos semanas", "pon un recordatorio",
        "ponme un recordatorio", "quiero un recordatorio", "avísame en dos semanas",
        "me puedes recordar", "recuérdame revisar otra vez",
        "pon un recordatorio para revisar otra vez",
        "recuérdamelo en dos semanas", "me lo recuerde", "que me lo recuerde", "recuérdemelo",
        "me lo recuerdes",
    ],
    "RemindWeekIntent": [
        "recuérdame en una semana", "en una semana", "mejor en una semana", "la próxima semana",
        "recuérdame la semana que viene", "en siete días", "una semana por favor",
        "mejor una semana", "recuérdamelo en una semana",
    ],
    "CancelReminderIntent": [
        "cancela mi recordatorio", "borra el recordatorio", "quita el recordatorio",
        "cancelar recordatorio", "no quiero el recordatorio", "elimina mi recordatorio",
        "cancela el recordatorio", "quita mi recordatorio",
    ],
    "ReminderStatusIntent": [
        "tengo un recordatorio", "tengo algún recordatorio", "cuándo es mi recordatorio",
        "pusiste el recordatorio", "está puesto el recordatorio", "revisa mi recordatorio",
        "cuándo me vas a recordar", "qué recordatorios tengo",
    ],
}

# Each region's own words, added to the base.
REGIONAL: dict[str, dict[str, list[str]]] = {
    "es-US": {
        "AMAZON.YesIntent": ["yes", "sí okay", "okay sí", "sí yes"],
        "AMAZON.NoIntent": ["no nothing", "nope", "no okay"],
        "AcknowledgeIntent": ["okay", "dale", "all right", "okay dale"],
        "AMAZON.RepeatIntent": ["what", "cómo", "otra vez por favor"],
        "EmergencyIntent": ["llama al nine one one"],
        "ReportSymptomIntent": ["tengo como " + S, "ando " + S],
        # a yes with its words in Spanglish ("yes, de repente")
        "YesDetailIntent": ["yes " + S, "yeah " + S, "yes sí " + S],
        "AMAZON.StopIntent": ["stop", "bye"],
    },
    "es-MX": {
        "AMAZON.YesIntent": ["simón", "sí pues", "ándale sí", "sí ándale", "pos sí"],
        "AMAZON.NoIntent": ["nel", "nop", "pos no", "no pues", "nel nada"],
        "AcknowledgeIntent": ["órale", "ándale", "va", "sale pues", "dale"],
        "AMAZON.RepeatIntent": ["mande", "mande usted", "cómo dijo"],
        "PauseIntent": ["espérame tantito", "tantito", "aguántame tantito", "un ratito"],
        "ProgressIntent": ["ya mero acabamos", "ya mero", "cuánto falta todavía"],
        "ReportSymptomIntent": ["ando con mucho " + S],
        "YesDetailIntent": ["órale sí " + S, "ándale sí " + S, "simón " + S, "sí pues " + S],
        # "ahorita" is just now, as the lexicon's sudden markers have it
        "SuddenSymptomIntent": ["hace ratito " + S, "ahorita de repente " + S, "ahorita " + S],
        "AMAZON.StopIntent": ["ya estuvo", "ahí muere"],
    },
    "es-ES": {
        "AMAZON.YesIntent": ["sí efectivamente", "efectivamente", "pues sí la verdad", "sí hombre"],
        "AMAZON.NoIntent": ["qué va", "que va", "qué va para nada", "no qué va", "no hombre"],
        "NoDetailIntent": ["qué va " + S],
        "YesDetailIntent": ["sí hombre " + S, "efectivamente " + S],
        "AcknowledgeIntent": ["vale", "venga", "vale venga", "venga vale", "de acuerdo vale"],
        "AMAZON.RepeatIntent": ["cómo", "perdona", "perdone", "qué has dicho", "qué ha dicho"],
        "EmergencyIntent": ["me está dando un ictus", "creo que me está dando un ictus",
                            "llama al uno uno dos", "le está dando un ictus"],
        "PauseIntent": ["espera un momentito", "espera un segundito"],
        "GoBackIntent": ["vuelve", "volver atrás", "vuelve a la pregunta anterior"],
        "ReportSymptomIntent": ["pues resulta que " + S, "tengo un poco de " + S],
        "AMAZON.StopIntent": ["vale ya", "déjalo", "déjalo ya"],
    },
}


def _v(id_: str, value: str, *synonyms: str) -> dict[str, object]:
    name: dict[str, object] = {"value": value}
    if synonyms:
        name["synonyms"] = list(synonyms)
    return {"id": id_, "name": name}


SYMPTOMS = [
    _v("breathing_now", "ahogo", "asfixia", "ahogándome", "falta de aire muy fuerte",
       "no me entra nada de aire", "labios morados"),
    _v("face_droop", "cara caída", "la cara caída", "la cara torcida", "boca torcida",
       "se me cae la cara de un lado", "la cara chueca", "media cara dormida",
       "un lado de la cara caído", "la sonrisa torcida"),
    _v("sudden_weakness", "debilidad repentina", "debilidad de un lado",
       "un lado del cuerpo dormido",
       "el brazo se me durmió de golpe", "adormecimiento repentino"),
    _v("sudden_speech", "lengua trabada de repente", "de golpe no podía hablar"),
    _v("sudden_balance", "pérdida del equilibrio de golpe", "mareo de golpe"),
    _v("vision", "visión doble", "veo doble", "pérdida de la vista",
       "se me nubló la vista de golpe",
       "una cortina sobre un ojo", "no ve de un ojo", "no veo de un ojo", "no ve nada de un ojo",
       "no veo nada de un ojo", "no ve de un lado", "no veo de un lado"),
    _v("meningism", "cuello rígido con fiebre", "rigidez de nuca con fiebre", "meningitis"),
    _v("thunderclap", "el peor dolor de cabeza de mi vida", "dolor de cabeza de golpe",
       "dolor de cabeza repentino y muy fuerte"),
    _v("breathless", "falta de aire", "cuando respiro acostado en la cama me falta el aire",
       "cuando me acuesto en la cama por la noche y cuando subo las escaleras de la casa me "
       "falta el aire y me tengo que sentar a descansar un rato",
       # Spanish says a story in more words than English: the catch-all takes sentences this long.
       "pues mire le cuento que desde hace unas semanas cuando me acuesto en la cama por la "
       "noche o cuando subo las escaleras de la casa con las bolsas del mandado me falta el "
       "aire y me tengo que sentar un buen rato a descansar porque siento que me ahogo",
       "me falta el aire", "dificultad para respirar",
       "me quedo sin aire", "me canso al respirar", "me falta el aire acostado"),
    _v("swallowing", "dificultad para tragar", "cuando trago la comida se me atora y toso",
       "problemas para tragar", "me atraganto",
       "me cuesta tragar", "se me atora la comida", "disfagia", "me ahogo con la comida",
       "toso cuando como",
       "se me atora la comida en la garganta cuando como y toso y me ahogo con el agua en la cena"),
    _v("speech", "se me traba la lengua", "cuando hablo la gente ya no me entiende bien",
       "lengua trabada", "arrastro las palabras",
       "me cuesta hablar", "hablo raro", "la voz cambiada", "el habla", "habla arrastrada",
       "en el trabajo me dicen que hablo arrastrando las palabras y que mi voz suena distinta "
       "por teléfono"),
    _v("weakness", "debilidad", "debilidad en la mano", "debilidad en el brazo",
       "se me caen las cosas",
       "torpeza", "sin fuerza en la mano", "me cuesta abrocharme los botones",
       "la mano izquierda se me ha puesto más débil estas semanas y se me caen las llaves y me "
       "cuestan los botones"),
    _v("balance", "mareo", "mareos", "cuando camino me voy de lado y me tropiezo",
       "pérdida del equilibrio", "inestabilidad", "me tropiezo",
       "problemas para caminar", "vértigo",
       "me tropiezo con mis propios pies y me siento inestable en las escaleras como si "
       "perdiera el equilibrio"),
    _v("wasting", "músculo más delgado", "atrofia muscular", "un músculo hundido",
       "pérdida de músculo",
       "el músculo se ve más flaco"),
    _v("bladder_bowel", "problemas para orinar", "voy al baño a cada rato y se me escapa el pis",
       "se me escapa la orina", "incontinencia",
       "problemas con la vejiga", "problemas con el intestino", "no llego al baño"),
    _v("injury", "un golpe en el cuello", "un accidente", "latigazo cervical", "una caída",
       "me lastimé el cuello", "me caí"),
    _v("worsening", "va empeorando", "cada vez peor", "cada vez más seguido", "empeora"),
    _v("tongue", "la lengua me tiembla", "tics en la lengua", "me brinca la lengua",
       "me salta la lengua", "fasciculaciones en la lengua"),
    _v("numbness", "hormigueo", "siento los brazos y las manos dormidos",
       "cuando fumo o vapeo o tomo bebidas energéticas o paso horas con el móvil o el ordenador "
       "o la pantalla y duermo fatal siento hormigueo",
       "adormecimiento", "entumecimiento", "la mano dormida",
       "el brazo dormido", "dolor que baja por el brazo", "calambritos en la mano",
       "tengo un hormigueo y la mano como dormida que baja del cuello por el brazo derecho "
       "hasta los dedos"),
    _v("spreading", "tics en otros lados", "tics en las piernas", "tics en los brazos",
       "tics por todo el cuerpo", "me brinca la pierna", "me tiembla el párpado",
       "empezó en el cuello pero ahora el tic está en los brazos y en las pantorrillas y en la "
       "espalda también"),
    _v("stiffness", "calambres", "los músculos de las piernas se me ponen tiesos",
       # the lifestyle words too, so the catch-all takes "estrés y café" whole (the lexicon
       # finds the factors; a value resolves only when the whole slot is it)
       "con el estrés del trabajo y tanto café y el cigarro y dormir mal frente a la "
       "computadora me dan más calambres",
       "rigidez", "músculos tiesos", "músculos rígidos", "contracturas",
       "espasmos", "rampas",
       "me dan calambres fuertes en las piernas por la noche y amanezco con los músculos tiesos "
       "y rígidos"),
    _v("weight_loss", "bajé de peso", "la báscula dice que bajé de peso sin querer",
       "pérdida de peso", "adelgacé sin querer", "he perdido peso"),
    _v("duration", "desde hace semanas", "más de dos semanas", "desde hace meses", "hace un mes",
       "el tic del cuello me da casi todos los días desde hace como dos meses y no se quita "
       "para nada"),
    _v("medicine", "un medicamento nuevo", "pastillas nuevas", "medicina nueva", "un antidepresivo",
       "un antibiótico", "me subieron la dosis"),
    _v("stroke_passed", "mini derrame", "isquemia transitoria", "mini ictus"),
    _v("chest_pain", "dolor de pecho", "presión en el pecho", "opresión en el pecho",
       "me aprieta el pecho"),
    _v("allergic", "labios hinchados", "lengua hinchada", "garganta hinchada", "reacción alérgica",
       "se me hinchan los labios"),
    _v("seizure", "convulsión", "convulsiones", "un ataque epiléptico", "una crisis epiléptica"),
    _v("confusion", "confusión", "desorientación", "estoy confundido", "estoy confundida",
       "muy adormilado"),
    _v("rash_fever", "manchas que no se borran", "manchas moradas con fiebre",
       "manchas que no se quitan con un vaso"),
    _v("weakness_fast", "más débil cada día", "debilidad que avanza en días"),
    _v("speech_fast", "hablo peor cada día"),
    _v("balance_fast", "camino peor cada día"),
    _v("injury_recent", "un golpe ayer", "un accidente esta semana", "me caí ayer"),
    _v("injury_danger", "me tiré de clavado", "me caí de la escalera", "un choque a alta velocidad",
       "me caí de la bicicleta", "me tiré de cabeza"),
    _v("neck_pain_sudden", "dolor de cuello repentino",
       "me tronaron el cuello y me dio un dolor fuerte"),
    _v("serotonin", "sudor y agitación con un antidepresivo", "síndrome serotoninérgico"),
    _v("pregnancy_warning", "preeclampsia", "hinchazón en el embarazo"),
    _v("pregnant", "embarazada", "estoy embarazada", "embarazo"),
    _v("under_16", "soy menor de edad", "tengo quince años", "es para mi hijo de diez años"),

]

# Short emergencies said whole, as values of their own: a carrier or a filler before them
# ("la verdad es que no veo nada", "no sé, pero me estoy ahogando") then resolves to the sign,
# where unresolved words would let a "no" or a "no sé" inside them be the answer
# (skill/simulator/nlu.py, Nlu._contained).
SHORT_EMERGENCIES: dict[str, list[str]] = {
    "vision": ["no veo nada", "no veo", "no puedo ver", "no ve nada", "veo todo negro",
               "perdí la vista", "me quedé ciego", "me quedé ciega", "no veo bien de un ojo"],
    "breathing_now": ["no puedo respirar", "me ahogo", "no me entra el aire", "no respira",
                      "se está ahogando", "me estoy asfixiando", "me falta el aire ahorita",
                      "no puede respirar", "me estoy ahogando con algo"],
    "confusion": ["no sé dónde estoy", "no sé quién soy", "no sé qué día es", "no me reconoce",
                  "no sabe dónde está", "no sé ni dónde estoy"],
    "sudden_speech": ["no puedo hablar", "no puede hablar", "no me salen las palabras",
                      "no le salen las palabras"],
    "face_droop": ["se me cayó la cara", "tengo la boca chueca", "se me torció la boca",
                   "se le cayó la cara", "tiene la boca torcida"],
    "sudden_weakness": ["no puedo mover el brazo", "no puedo mover la pierna", "no siento el brazo",
                        "no puede mover el brazo"],
    "chest_pain": ["me duele el pecho", "me duele mucho el pecho", "le duele el pecho"],
    "seizure": ["está convulsionando", "le dio una convulsión", "está temblando y no responde"],
    "allergic": ["se me hinchó la lengua", "se me hincharon los labios", "se le hinchó la cara"],
}

# Sentence-long synonyms that carry the words people use for the emergencies ("me duele el
# corazón", "se cayó y no responde", "se me oscureció un ojo"): the catch-all takes a sentence
# only where it shares the values' vocabulary (skill/simulator/nlu.py, Nlu._catches), as
# Amazon's model would learn these words from the values.
EMERGENCY_WORDS: dict[str, list[str]] = {
    # only words of the sign: a common word here ("comer") would keep the model's requests
    # from being found inside longer words (Nlu._contained)
    "chest_pain": ["me duele el corazón con una punzada como una piedra que me aplasta el pecho "
                   "y la quijada sudando frío y pálido",
                   "una losa o un ladrillo o plomo en el pecho pesadez opresión me oprime el "
                   "corazón como un elefante la mandíbula"],
    "confusion": ["tirado inconsciente y desmayado no responde ni despierta ni abre los ojos ni "
                  "reconoce a los suyos desorientado se privó no vuelve en sí perdido el "
                  "conocimiento un stroke siento que me muero vahído desvanecido tirado en la "
                  "banqueta o la acera",
                  "una ambulancia se desplomó se ha desplomado se cayó redondo al suelo o al piso "
                  "no contesta embolia infarto cerebral emergencia un jamacuco un telele un "
                  "soponcio un patatús echando espumarajos no rige no coordina desvaría delirando "
                  "no está en sus cabales no sabe ni cómo se llama ni su nombre sobredosis "
                  "suicidarme sangrando sin parar",
                  # the inflected words of emergencies people say, for the catch-all to know
                  "ahogando vomitando vomita reacciona tieso rígida desmayó desmayando desmayar "
                  "agarra suda torció explotar pita silba hablando respirando hinchando saliva "
                  "trabó durmiendo borracho respiración picado seizure droopy chest pain breathe "
                  "slurred speech numb confused paralizó entume pasmado desvaneció fortísimo "
                  "fuertísimo estallado decaído lastima entrecortada cerrado cerrando inflamó "
                  "hincharon sacudirse temblar desvariando adormilada privado tirada torcer "
                  "tumba tumbado azul apretado jaló colgada cuelga trapo gritando dolía "
                  "agarrotado pegarse patalear atoró sostiene mareando pararse arrastra urgente "
                  "auxilio socorro ayúdenme morado morada cachete moflete mejilla jeta trompa "
                  "chiflar silbar aliento resollar ennegreció nublada chuequeó"],
    "vision": ["se me oscureció un ojo y se me nubló la vista borroso o doble como una cortina "
               "negra vi negro",
               "se me apagó un ojo ciego de un ojo una sombra veo todo doble"],
    "breathing_now": ["no puedo agarrar aire me estoy quedando sin aire se me cierra la garganta "
                      "jadeando con los labios morados",
                      "me estoy sofocando boqueando respira con esfuerzo se le hunden las "
                      "costillas crisis de asma el inhalador no sirve labios azules no me llega "
                      "el aire a los pulmones como pescadito fuera del agua"],
    "sudden_weakness": ["no siento la pierna izquierda sin fuerza el lado derecho del cuerpo no "
                        "puedo mover el brazo paralizado se me entumió una pérdida de fuerza",
                        "el brazo colgando muerto no lo puedo levantar medio cuerpo dormido"],
    "face_droop": ["se me cayó el párpado y la comisura de la boca ladeada la cara chueca",
                   "la boca desviada la cara descolgada jalada colgando un lado torcerse parálisis "
                   "facial rostro caído no puede sonreír"],
    "allergic": ["ronchas y se me hinchó la cara y los labios por una picadura de avispa o abeja "
                 "o mariscos o cacahuate",
                 "urticaria la garganta cerrada la lengua enorme los labios como morcillas la cara "
                 "inflamada hecha un globo epipen"],
    "thunderclap": ["un dolor de cabeza en la nuca como un trueno o un balazo que me va a "
                    "estallar",
                    "un trancazo un mazazo un martillazo un tronido un rayo dolor atroz bestial "
                    "brutal espantoso horroroso tremendo insoportable fulminante jaqueca"],
    "seizure": ["convulsionando y sacudiéndose con los ojos en blanco los dientes apretados y "
                "espuma en la boca los ojos volteados seizing",
                "temblando entero sacudidas patalea pataleando se mordió la lengua los ojos para "
                "arriba ataque epiléptico"],
    "meningism": ["fiebre con el cuello duro la nuca tiesa no soporta la luz manchitas moradas",
                  "calentura temperatura el pescuezo la barbilla al pecho no puede agachar la "
                  "cabeza"],
    "sudden_speech": ["no le salen las palabras habla enredado dice incoherencias no se le "
                      "entiende",
                      "se quedó mudo no articula balbucea disparates tonterías puras cosas raras "
                      "nomás hace ruidos"],
    "sudden_balance": ["un mareo horrible no me puedo sostener todo me da vueltas me fui de "
                       "lado no me tengo en pie un chungo",
                       "se desplomó se le doblaron las piernas no se puede mantener en pie "
                       "se me va el mundo"],
}



# The lexicon's distinctive words for the other signs, so the catch-all takes a sentence told
# with them ("me noto la voz más ronca y gangosa" fell back: none of its words was a value's).
SIGN_WORDS: dict[str, list[str]] = {
    "balance": ["borracha chueco coordinación gelatina tropezando tumbos mareara mareé ladeo "
                "dizzy"],
    "bladder_bowel": ["orino meando mearme pipí estreñimiento accidentes"],
    "breathless": ["almohadas silbido sofoca sofoco jadeo agito shortness breath chilla"],
    "duration": ["enero febrero marzo abril junio julio agosto septiembre octubre noviembre "
                 "diciembre navidad verano weeks months llevo lleva llevamos"],
    "injury": ["columna crujieron huesero sobador quiropráctico tortícolis lastimé rompí rompió"],
    "medicine": ["amitriptilina citalopram escitalopram fluoxetina gabapentina litio lyrica "
                 "prednisona pregabalina prozac salbutamol sertralina ventolín medicinas "
                 "tratamiento"],
    "numbness": ["agujas alfileres ciática entumen entumieron hormiguitas pellizcado pinzado "
                 "piquetitos sensibilidad toques tingling needles nervio"],
    "speech": ["gangosa gangoso nasal ronca mocho pastosa acorchada trabado enredada enredan "
               "pronuncio pronuncia arrastrado"],
    "spreading": ["barriga estómago panza extendido extendiendo"],
    "stiffness": ["agujetas duros rampa"],
    "swallowing": ["atoran bocado tragando choking"],
    "tongue": ["gusanos ondas vibra"],
    "wasting": ["adelgazando chupado hueco hundida muslo pantorrilla pulgar"],
    "weakness": ["abrochar aflojan aflojaron atino atinaba cuchara taza tenedor temblorosa "
                 "flojera resbalan rodillas sujetar"],
    "weight_loss": ["apetito kilos"],
    "worsening": ["aumentado aumentando"],
}


def _with_words(value: dict[str, object]) -> dict[str, object]:
    extra = [*SHORT_EMERGENCIES.get(str(value["id"]), []),
             *EMERGENCY_WORDS.get(str(value["id"]), []), *SIGN_WORDS.get(str(value["id"]), [])]
    if not extra:
        return value
    name = dict(value["name"])  # type: ignore[call-overload]
    name["synonyms"] = [*name.get("synonyms", []), *extra]
    return {**value, "name": name}


TYPES = [
    {"name": "SymptomType", "values": [_with_words(value) for value in SYMPTOMS]},
    {"name": "LearnTopicType", "values": [
        _v("fasciculation", "fasciculación", "una fasciculación", "fasciculaciones",
           "las fasciculaciones", "un tic muscular", "la fasciculación", "un twitch muscular"),
        _v("causes", "las causas", "la causa", "por qué pasa", "las razones"),
        _v("spasm", "espasmo", "un espasmo", "un calambre", "los calambres", "un espasmo muscular"),
    ]},
    {"name": "ConditionType", "values": [
        _v("als", "ELA", "esclerosis lateral amiotrófica", "e l a", "la ela"),
        _v("mnd", "enfermedad de la neurona motora", "enfermedad de motoneurona",
           "la enfermedad de la motoneurona"),
        _v("ms", "esclerosis múltiple", "la esclerosis múltiple", "e m"),
        _v("stroke", "un derrame", "un derrame cerebral", "un ictus", "un infarto cerebral",
           "una embolia", "un mini derrame"),
        _v("cancer", "cáncer", "un tumor", "un tumor cerebral", "un cáncer"),
        _v("parkinsons", "párkinson", "parkinson", "el párkinson", "la enfermedad de párkinson"),
        _v("serious", "algo grave", "algo malo", "algo de los nervios", "algo peligroso"),
        _v("deficiency", "una deficiencia", "falta de magnesio", "falta de vitaminas",
           "falta de potasio", "una deficiencia de vitaminas"),
    ]},
    {"name": "FactorType", "values": [
        _v("stress", "estrés", "estresado", "estresada", "ansiedad", "nervios", "preocupación",
           "mucho estrés"),
        _v("sleep", "dormir mal", "duermo mal", "poco sueño", "no duermo bien", "falta de sueño",
           "desvelos", "insomnio", "cansancio"),
        _v("caffeine", "cafeína", "café", "mucho café", "té", "refrescos", "bebidas energéticas",
           "coca cola"),
        _v("nicotine", "fumar", "fumo", "cigarros", "cigarrillos", "vapear", "vapeo", "tabaco"),
        _v("desk", "pantallas", "pantalla", "la computadora", "el ordenador", "el celular",
           "el móvil", "muchas horas de pantalla"),
        _v("all", "todas", "todos", "todas esas", "todo", "todo eso", "todas las anteriores"),
    ]},
    {"name": "PersonType", "values": [
        _v("husband", "esposo", "marido", "viejo", "señor", "viejito", "husband"),
        _v("wife", "esposa", "mujer", "vieja", "señora", "viejita", "wife"),
        _v("partner", "pareja", "novio", "novia", "boyfriend", "girlfriend"),
        _v("mother", "mamá", "madre", "mami", "jefecita", "jefa", "amá", "mamita", "jefita",
           "mom"),
        _v("father", "papá", "padre", "papi", "jefecito", "apá", "papito", "jefito", "dad"),
        _v("son", "hijo"),
        _v("daughter", "hija"),
        _v("child", "niño", "niña", "bebé", "hijito", "hijita", "nene", "nena", "chamaco",
           "chamaca", "chiquito", "chiquita", "peque", "crío", "cría", "chaval", "chavala"),
        _v("brother", "hermano", "carnal", "hermanito", "brother"),
        _v("sister", "hermana", "carnala", "hermanita", "sister"),
        _v("grandparent", "abuelo", "abuela", "abuelito", "abuelita", "yayo", "yaya", "abue",
           "grandma", "grandpa"),
        _v("friend", "amigo", "amiga", "vecino", "vecina", "compadre", "comadre", "compi",
           "roommate", "compañero de piso", "compañera de piso", "compañero de cuarto",
           "compañera de cuarto", "compa", "cuate", "cuata", "chavo", "chava", "morro", "morra",
           "colega", "roomie"),
        _v("relative", "familiar", "tío", "tía", "primo", "prima", "suegro", "suegra", "cuñado",
           "cuñada", "cuñis", "sobrino", "sobrina", "nieto", "nieta", "padrino", "madrina",
           "ahijado", "ahijada"),
        _v("someone_else", "otra persona", "alguien más", "conocido", "conocida"),
    ]},
    {"name": "QuestionType", "values": [
        _v("screen", "emergencia", "la primera", "primera", "las emergencias"),
        _v("stroke_signs", "derrame", "las señales de derrame", "ictus", "la cara"),
        _v("breathless", "falta de aire", "respirar", "la respiración", "el aire"),
        _v("swallowing", "tragar", "atragantarse", "lo de tragar"),
        _v("speech", "hablar", "el habla", "la voz", "la lengua trabada"),
        _v("weakness", "debilidad", "la fuerza", "torpeza", "agarrar"),
        _v("balance", "equilibrio", "caminar", "el equilibrio"),
        _v("wasting", "músculo delgado", "los músculos", "músculos más delgados"),
        _v("injury", "golpe", "el golpe", "accidente", "lesión", "la caída"),
        _v("numbness", "hormigueo", "adormecimiento", "el brazo", "dolor del brazo"),
        _v("bladder_bowel", "orina", "la orina", "vejiga", "el baño", "intestino"),
        _v("spreading", "otros lugares", "más de un lugar", "tics en otros lados"),
        _v("stiffness", "rigidez", "calambres", "los calambres"),
        _v("weight_loss", "peso", "el peso", "bajar de peso"),
        _v("duration", "dos semanas", "cuánto tiempo", "la duración"),
        _v("medicine", "medicamento", "medicina", "las pastillas", "el medicamento"),
    ]},
    {"name": "AnswerType", "values": [
        _v("yes", "sí", "que sí", "un sí"),
        _v("no", "no", "que no", "un no"),
    ]},
    {"name": "FearType", "values": [
        _v("die", "me puedo morir de esto", "me voy a morir", "esto me puede matar", "es mortal",
           "me puedo morir"),
        _v("medication", "debo dejar mi medicamento", "dejo de tomar mis pastillas",
           "puedo dejar la medicina", "tengo que dejar el medicamento"),
        _v("neurologist", "ya me vio un neurólogo", "ya fui al neurólogo",
           "el neurólogo dijo que estoy bien", "ya me revisó el neurólogo"),
        _v("supplements", "debo tomar magnesio", "me ayuda el magnesio", "sirven los suplementos",
           "sirven las vitaminas", "y el magnesio"),
        _v("anxiety", "ansiedad por la salud", "es pura ansiedad", "será ansiedad",
           "está todo en mi cabeza", "será todo mental"),
    ]},
]

SLOTS: dict[str, list[tuple[str, str]]] = {
    "YesDetailIntent": [("symptom", "SymptomType")],
    "NoDetailIntent": [("symptom", "SymptomType")],
    "DenySymptomIntent": [("symptom", "SymptomType")],
    "ReportSymptomIntent": [("symptom", "SymptomType"), ("detail", "SymptomType")],
    "SuddenSymptomIntent": [("symptom", "SymptomType")],
    "LifestyleIntent": [("factor", "FactorType"), ("factorTwo", "FactorType"),
                        ("factorThree", "FactorType")],
    "WhyAskIntent": [("symptom", "SymptomType"), ("detail", "SymptomType")],
    "LearnIntent": [("topic", "LearnTopicType")],
    "CausesIntent": [("symptom", "SymptomType")],
    "SeriousIntent": [("condition", "ConditionType"), ("symptom", "SymptomType")],
    "OtherPersonIntent": [("person", "PersonType"), ("symptom", "SymptomType")],
    "PastSymptomIntent": [("symptom", "SymptomType")],
    "EarlierSymptomIntent": [("symptom", "SymptomType")],
    "WhatIfIntent": [("symptom", "SymptomType")],
    "CorrectionIntent": [("question", "QuestionType"), ("answer", "AnswerType")],
    "SkipIntent": [("symptom", "SymptomType")],
    "PauseIntent": [("symptom", "SymptomType")],
    "SignFineIntent": [("symptom", "SymptomType"), ("detail", "SymptomType")],
    "NoButIntent": [("symptom", "SymptomType")],
    "FearIntent": [("fear", "FearType")],
}
# The order of the English models, built-ins without samples included.
ORDER = [
    "AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.HelpIntent", "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent",
    "AMAZON.NavigateHomeIntent", "AMAZON.FallbackIntent", "NotSureIntent", "YesDetailIntent",
    "NoDetailIntent", "DenySymptomIntent", "ReportSymptomIntent", "SuddenSymptomIntent",
    "EmergencyIntent", "LifestyleIntent", "GoBackIntent", "ProgressIntent", "WhyAskIntent",
    "LearnIntent", "CausesIntent", "SeriousIntent", "SourcesIntent", "DeleteDataIntent",
    "AcknowledgeIntent", "OtherPersonIntent", "PastSymptomIntent", "EarlierSymptomIntent",
    "WhatIfIntent", "CorrectionIntent", "SkipIntent", "PauseIntent", "SignFineIntent",
    "SlowerIntent", "NoButIntent", "FearIntent", "RemindIntent", "RemindWeekIntent",
    "CancelReminderIntent", "ReminderStatusIntent",
]


def model(locale: str) -> dict[str, object]:
    intents = []
    extra = REGIONAL[locale]
    for name in ORDER:
        samples = list(dict.fromkeys([*BASE.get(name, []), *extra.get(name, [])]))
        intent: dict[str, object] = {"name": name, "samples": samples}
        if name in SLOTS:
            intent["slots"] = [{"name": slot, "type": type_} for slot, type_ in SLOTS[name]]
        intents.append(intent)
    return {"interactionModel": {"languageModel": {
        "invocationName": INVOCATION, "intents": intents, "types": TYPES}}}


def main() -> None:
    for locale in REGIONAL:
        path = OUT / f"{locale}.json"
        path.write_text(json.dumps(model(locale), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
