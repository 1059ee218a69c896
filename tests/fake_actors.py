"""A fake ``ActorIndex`` for extractor unit tests: the actors are given, not resolved.

Extractors read actors through a small interface (``get``, ``at``,
``mentions_in``, ``last_before``, ``lookup``, ``add``). Rule tests fill it by
hand so that they test one extractor alone, without the gazetteer or the actor
clustering; the integration tests go through the real ``actors.resolve``.

Three ways to fill it, one per kind of test:

* ``FakeIndex.of(body, [("Kyiv", "government"), ...])``: every occurrence of a name;
* ``FakeIndex.from_entities(doc)``: spaCy's entities, a person found again by surname;
* ``FakeIndex.over(body, actors)``: actors built by the test, with their mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from talkwatch.actors import Mention
from talkwatch.model import Actor

# spaCy entity label -> actor type, and the titles a person's entity may follow.
ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
TITLES = {"envoy", "minister", "mediator", "spokesman", "spokeswoman", "commander"}


@dataclass
class FakeIndex:
    """The ActorIndex interface over a fixed set of actors and mentions."""

    body: str
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    # -- filling ----------------------------------------------------------
    @classmethod
    def of(cls, body: str, spec: Sequence[tuple[str, str] | tuple[str, str, str]]) -> FakeIndex:
        """Actors named in ``spec`` as ``(name, type[, country])``, mentioned wherever the name occurs."""
        index = cls(body)
        for number, (name, actor_type, *country) in enumerate(spec, 1):
            country_code = country[0] if country else None
            actor = Actor(id=f"a{number}", name=name, type=actor_type, country=country_code)
            index.actors.append(actor)
            for match in re.finditer(rf"\b{re.escape(name)}\b", body):
                index.attach(actor, match.start(), match.end())
        return index

    @classmethod
    def from_entities(cls, doc: Any) -> FakeIndex:
        """Actors from spaCy's person, organisation, place and group entities.

        A person named again by surname ("Ahmed Ali" ... "Ali") is the same actor,
        and a title word just before a person's entity becomes their title.
        """
        index = cls(doc.text)
        for ent in doc.ents:
            actor_type = ENTITY_TYPES.get(ent.label_)
            if actor_type is None:
                continue
            known = index._same_name(ent.text, actor_type)
            if known is not None:
                index.attach(known, ent.start_char, ent.end_char)
                continue
            title = doc[ent.start - 1].lower_ if ent.start else None
            index._new(ent.text, actor_type, ent.start_char, ent.end_char,
                       title=title if title in TITLES else None)
        return index

    @classmethod
    def over(cls, body: str, actors: Iterable[Actor]) -> FakeIndex:
        """The given actors, mentioned where their ``mentions`` say."""
        index = cls(body, actors=list(actors))
        index.mentions = sorted(
            (Mention(start, end, actor.id, body[start:end]) for actor in index.actors
             for start, end in actor.mentions),
            key=_text_order,
        )
        return index

    def add(self, name: str, type: str, start: int, end: int, **fields: Any) -> Actor:
        """Mention of an actor by name: the known one of that name, or a new one."""
        actor = self.lookup(name)
        if actor is None:
            return self._new(name, type, start, end, **fields)
        self.attach(actor, start, end)
        return actor

    def attach(self, actor: Actor, start: int, end: int) -> None:
        """Record one more mention of ``actor`` (chars), as the real index does."""
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
            self.mentions.append(Mention(start, end, actor.id, self.body[start:end]))
            self.mentions.sort(key=_text_order)

    def _new(self, name: str, type: str, start: int, end: int, **fields: Any) -> Actor:
        actor = Actor(id=f"a{len(self.actors) + 1}", name=name, type=type, **fields)
        self.actors.append(actor)
        self.attach(actor, start, end)
        return actor

    def _same_name(self, name: str, actor_type: str) -> Actor | None:
        surname = name.split()[-1]
        return next((actor for actor in self.actors if actor.type == actor_type
                     and (actor.name == name or actor.name.split()[-1] == surname)), None)

    # -- queries ----------------------------------------------------------
    def get(self, actor_id: str) -> Actor:
        """The actor with this id."""
        return next(actor for actor in self.actors if actor.id == actor_id)

    def at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest mention overlapping ``[start, end)``."""
        hits = [mention for mention in self.mentions if mention.start < end and start < mention.end]
        if not hits:
            return None
        return self.get(max(hits, key=lambda mention: mention.end - mention.start).actor)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``, in text order."""
        return [mention for mention in self.mentions if start <= mention.start and mention.end <= end]

    def last_before(self, pos: int, types: set[str] | None = None) -> Mention | None:
        """The most recent mention ending before ``pos`` (optionally of given actor types)."""
        fits = [mention for mention in self.mentions if mention.end <= pos
                and (types is None or self.get(mention.actor).type in types)]
        return fits[-1] if fits else None

    def lookup(self, text: str) -> Actor | None:
        """An actor by name, ignoring case."""
        return next((actor for actor in self.actors if actor.name.lower() == text.lower()), None)


def _text_order(mention: Mention) -> tuple[int, int]:
    return (mention.start, mention.end)
