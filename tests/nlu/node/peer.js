// Bespoken's virtual-alexa as a peer NLU: it reads the interaction model itself (its own
// utterance matching, nothing of the project's) and sends the requests to the skill's web
// service. One JSON request a line on stdin, one JSON answer a line on stdout:
//   {"url": "http://127.0.0.1:PORT/", "model": "path/en-US.json", "locale": "en-US",
//    "new": true, "utterances": ["open neck twitch check", "no", "..."]}
//   -> {"replies": [{"speech": "...", "ended": false, "card": {...}, "attributes": {...}}]}
// "open neck twitch check" is a launch; "tell neck twitch check <words>" a one-shot.
"use strict";
const readline = require("readline");
const { VirtualAlexa } = require("virtual-alexa");

const alexas = new Map();

// virtual-alexa's promises do not always settle (an endSession with no session open): never
// wait on one for more than this.
function settled(promise, ms = 5000) {
  return Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error("virtual-alexa did not answer")), ms))]);
}

function alexaFor(url, model, locale) {
  const key = `${url} ${model} ${locale}`;
  if (!alexas.has(key)) {
    alexas.set(key, VirtualAlexa.Builder().interactionModelFile(model).skillURL(url)
      .locale(locale).create());
  }
  return alexas.get(key);
}

function plain(ssml) {
  return String(ssml || "").replace(/<[^>]+>/g, " ").replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ").trim();
}

function reply(payload) {
  const response = (payload && payload.response) || {};
  const speech = plain(response.outputSpeech && (response.outputSpeech.ssml || response.outputSpeech.text));
  return {
    speech,
    ended: response.shouldEndSession !== false,
    card: response.card ? { title: response.card.title, text: response.card.content || response.card.text } : null,
    attributes: (payload && payload.sessionAttributes) || {},
  };
}

const ONE_SHOT = /^(?:alexa )?(?:tell|ask) neck twitch check (?:to |that |if |whether |about )?(.+)$/;

const SILENCE = { speech: "", ended: false, card: null, attributes: {}, unanswered: true };

async function say(alexa, utterance) {
  if (/^(?:alexa )?open neck twitch check$/.test(utterance)) {
    try {
      return reply(await settled(alexa.launch()));
    } catch (error) {
      return SILENCE;
    }
  }
  const oneShot = ONE_SHOT.exec(utterance);
  try {
    return reply(await settled(alexa.utter(oneShot ? oneShot[1] : utterance)));
  } catch (error) {
    // virtual-alexa found no intent for the words: as Alexa, FallbackIntent.
    try {
      return reply(await settled(alexa.intend("AMAZON.FallbackIntent")));
    } catch (again) {
      return SILENCE;  // nothing reached the skill: what the person hears is silence
    }
  }
}

async function handle(line) {
  const request = JSON.parse(line);
  const alexa = alexaFor(request.url, request.model, request.locale);
  if (request.new) {
    try { await settled(alexa.endSession(), 1000); } catch (error) { /* no session open */ }
  }
  const replies = [];
  for (const utterance of request.utterances) {
    replies.push(await say(alexa, utterance));
  }
  return { replies };
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    let answer;
    try {
      answer = await handle(line);
    } catch (error) {
      answer = { error: String(error && error.message || error) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  });
});
