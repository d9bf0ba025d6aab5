"""Phrases two intents share: after slot values and synonyms are filled in, no phrase may be
said by two intents, or Alexa cannot tell which is meant (and Amazon's build warns or fails)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from skill.model_check.problems import index
from skill.model_check.scope import ModelScope
from skill.model_check.words import sample_key

# Bounds the search for phrases two intents share (states of the phrase automaton explored).
MAX_COLLISION_STATES = 100_000
MAX_COLLISIONS = 100  # collisions reported per model


@dataclass(frozen=True)
class Template:
    """A sample as words and slot holes, for finding phrases two intents share."""

    intent: int  # index into the intents list
    sample: int  # index into that intent's samples
    parts: tuple[str | int, ...]  # a word, or the index of a slot type's value trie


@dataclass
class Trie:
    """A slot type's values and synonyms as a word trie (node 0 is the root)."""

    children: list[dict[str, int]] = field(default_factory=lambda: [{}])
    terminal: list[bool] = field(default_factory=lambda: [False])

    def add(self, words: Sequence[str]) -> None:
        node = 0
        for word in words:
            child = self.children[node].get(word)
            if child is None:
                child = len(self.children)
                self.children[node][word] = child
                self.children.append({})
                self.terminal.append(False)
            node = child
        self.terminal[node] = True


def check_collisions(scope: ModelScope) -> None:
    tries: list[Trie] = []
    trie_of: dict[str, int] = {}
    for type_name, phrases in scope.type_values.items():
        if phrases:
            trie = Trie()
            for words in phrases:
                trie.add(words)
            trie_of[type_name] = len(tries)
            tries.append(trie)
    templates: list[Template] = []
    for intent in scope.intents:
        for k, sample in intent.samples:
            parts = _template_parts(sample, intent.slots, trie_of)
            if parts:
                templates.append(Template(intent.index, k, parts))

    def on_incomplete(why: str) -> None:
        scope.warn(f"{scope.base}.intents", f"stopped looking for phrases two intents share "
                                            f"{why}; there may be more")

    collisions = shared_phrases(templates, tries, on_incomplete, MAX_COLLISION_STATES,
                                MAX_COLLISIONS)
    collisions.sort(key=lambda c: (c[1].intent, c[1].sample, c[0].intent, c[0].sample))
    for first, second, phrase in collisions:
        a, b = scope.intents[first.intent], scope.intents[second.intent]
        a_text = dict(a.samples)[first.sample]
        b_text = dict(b.samples)[second.sample]
        a_path = index(f"{a.path}.samples", first.sample).removeprefix(f"{scope.base}.")
        scope.error(index(f"{b.path}.samples", second.sample),
                    f"{b.name} sample {b_text!r} and {a.name} sample {a_text!r} ({a_path}) "
                    f"can both be {' '.join(phrase)!r}: Alexa cannot tell which intent is meant")


def _template_parts(sample: str, slots: Mapping[str, str],
                    trie_of: Mapping[str, int]) -> tuple[str | int, ...] | None:
    """Words and trie indexes; None when a slot's values are unknown (built-in or undefined)."""
    parts: list[str | int] = []
    for item in sample_key(sample):
        if item.startswith("{"):
            trie = trie_of.get(slots.get(item[1:-1], ""))
            if trie is None:
                return None
            parts.append(trie)
        else:
            parts.append(item)
    return tuple(parts) or None


_State = tuple[int, int, int]  # shape, part, trie node (0 at a part's start)
_Collision = tuple[Template, Template, tuple[str, ...]]


def shared_phrases(templates: Sequence[Template], tries: Sequence[Trie],
                   on_incomplete: Callable[[str], None] | None = None,
                   max_states: int = MAX_COLLISION_STATES,
                   max_found: int = MAX_COLLISIONS) -> list[_Collision]:
    """Pairs of templates of different intents that can say the same phrase, with that phrase.

    Templates with the same words and slot types are one shape, and two intents sharing a shape
    collide at once. Shapes are small automata over words (a slot is its type's value trie);
    their union is walked one word at a time as a determinised automaton: a state is the set of
    (shape, part, trie node) positions the phrase so far can be in. A state reached by several
    phrases is visited once, and a state with fewer than two shapes or only one intent alive is
    not followed, since nothing beyond it can collide; so slotted samples are never expanded into
    the cartesian product of their slots' values. At most `max_states` states are explored and
    `max_found` collisions returned; `on_incomplete` hears why the search stopped early.
    """
    members: dict[tuple[str | int, ...], dict[int, Template]] = {}
    for template in templates:  # the first template of each intent stands for its shape
        members.setdefault(template.parts, {}).setdefault(template.intent, template)
    shapes = list(members)
    owners = [sorted(members[parts].values(), key=lambda t: (t.intent, t.sample))
              for parts in shapes]
    found: list[_Collision] = []
    reported: set[tuple[int, int, int, int]] = set()

    def report(a: Template, b: Template, phrase: tuple[str, ...]) -> bool:
        """Record a collision; False once there are `max_found`."""
        if (a.intent, a.sample) > (b.intent, b.sample):
            a, b = b, a
        key = (a.intent, a.sample, b.intent, b.sample)
        if key not in reported:
            reported.add(key)
            found.append((a, b, phrase))
        if len(found) < max_found:
            return True
        if on_incomplete is not None:
            on_incomplete(f"after {max_found} collisions")
        return False

    for parts, group in zip(shapes, owners, strict=True):
        for other in group[1:]:
            if not report(group[0], other, _example(parts, tries)):
                return found

    intents_of = [frozenset(t.intent for t in group) for group in owners]

    def worth_following(moving: list[tuple[int, int, list[tuple[int, int]]]]) -> bool:
        """Whether the positions a word moves on span two shapes and two intents."""
        seen_shape = -1
        seen_intents: frozenset[int] = frozenset()
        for _, _, positions in moving:
            for shape, _ in positions:
                if seen_shape < 0:
                    seen_shape, seen_intents = shape, intents_of[shape]
                elif shape != seen_shape and (len(seen_intents) > 1
                                              or intents_of[shape] != seen_intents):
                    return True
        return False

    def following(states: frozenset[_State]) -> dict[str, frozenset[_State]]:
        """The states after each next word that is worth following.

        Positions at the same trie node share that node's words, so each node's words are
        visited once however many shapes are at it.
        """
        at_word: dict[str, list[tuple[int, int]]] = {}
        at_node: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for shape, p, node in states:
            parts = shapes[shape]
            if p < len(parts):
                part = parts[p]
                if isinstance(part, str):
                    at_word.setdefault(part, []).append((shape, p))
                else:
                    at_node.setdefault((part, node), []).append((shape, p))
        # A source is a literal word or a trie node, with the positions at it. Only words that
        # two sources share, or that one source spanning two intents has, can be worth following;
        # set operations find them without a Python loop over every word of every trie node.
        sources: list[tuple[int, Mapping[str, int], list[tuple[int, int]]]] = [
            (-1, {word: 0}, positions) for word, positions in at_word.items()]
        sources += [(trie_index, tries[trie_index].children[node], positions)
                    for (trie_index, node), positions in at_node.items()]
        seen: set[str] = set()
        candidates: set[str] = set()
        for _, words, positions in sources:
            if worth_following([(0, 0, positions)]):
                candidates.update(words)
            else:
                candidates.update(seen.intersection(words))
            seen.update(words)
        # word -> (trie or -1 for a literal word, trie node reached, positions moving)
        moves: dict[str, list[tuple[int, int, list[tuple[int, int]]]]] = {}
        for trie_index, words, positions in sources:
            for word in candidates.intersection(words):
                moves.setdefault(word, []).append((trie_index, words[word], positions))
        result: dict[str, frozenset[_State]] = {}
        for word, moving in moves.items():
            if not worth_following(moving):
                continue
            reached: set[_State] = set()
            for trie_index, child, positions in moving:
                if trie_index < 0:
                    reached.update((shape, p + 1, 0) for shape, p in positions)
                    continue
                trie = tries[trie_index]
                if trie.children[child]:
                    reached.update((shape, p, child) for shape, p in positions)
                if trie.terminal[child]:
                    reached.update((shape, p + 1, 0) for shape, p in positions)
            result[word] = frozenset(reached)
        return result

    start = frozenset((shape, 0, 0) for shape in range(len(shapes)))
    parents: dict[frozenset[_State], tuple[frozenset[_State], str] | None] = {start: None}
    queue = deque([start])
    while queue:
        states = queue.popleft()
        accepted = sorted({s for s, p, _ in states if p == len(shapes[s])})
        for i, first in enumerate(accepted):
            for second in accepted[i + 1:]:
                for a in owners[first]:
                    for b in owners[second]:
                        if a.intent != b.intent and not report(a, b, _phrase(parents, states)):
                            return found
        for word, key in following(states).items():
            if key not in parents:
                if len(parents) >= max_states:
                    if on_incomplete is not None:
                        on_incomplete(f"after exploring {max_states} states")
                    return found
                parents[key] = (states, word)
                queue.append(key)
    return found


def _example(parts: Sequence[str | int], tries: Sequence[Trie]) -> tuple[str, ...]:
    """One phrase a shape can say: its words, and the first value of each slot."""
    words: list[str] = []
    for part in parts:
        if isinstance(part, str):
            words.append(part)
            continue
        trie, node = tries[part], 0
        while not trie.terminal[node]:
            word, node = next(iter(trie.children[node].items()))
            words.append(word)
    return tuple(words)


def _phrase(parents: Mapping[frozenset[_State], tuple[frozenset[_State], str] | None],
            states: frozenset[_State]) -> tuple[str, ...]:
    words: list[str] = []
    link = parents[states]
    while link is not None:
        states, word = link
        words.append(word)
        link = parents[states]
    return tuple(reversed(words))

