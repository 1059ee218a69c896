"""Who takes part when someone sends a delegation.

"President X will send a delegation to the talks", "X sent her foreign
minister": the delegation goes for X's state (or body), X does not go. A
person who sends is replaced by the state of their country when the report
names it, else by the body they serve ("the UN envoy will send a technical
team"), else stands for their own team; a body or state that sends takes part
itself.
"""

from __future__ import annotations

from typing import Any

from ...context import Context


def represented(ctx: Context, cue: Any, actors: list[str]) -> list[str]:
    """The actors a sending cue's subject stands for: a person's state or body, others themselves."""
    if cue.lemma_ != "send":
        return actors
    out: list[str] = []
    for actor_id in actors:
        actor = ctx.actors.get(actor_id)
        if actor is None or actor.type != "person":
            out.append(actor_id)
            continue
        state = _state(ctx, actor.country)
        out.append(state or getattr(actor, "affiliation", None) or actor_id)
    return list(dict.fromkeys(out))


def _state(ctx: Context, country: str | None) -> str | None:
    """The state actor of a country code the report names, if one."""
    if not country:
        return None
    return next((a.id for a in ctx.actors.actors if a.type == "state" and a.country == country), None)
