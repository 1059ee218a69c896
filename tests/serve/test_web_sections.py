"""The status history rows and quotes written in Python are the bytes the Jinja loops wrote.

Each loop as the meeting template had it is rendered here with the dashboard's own
environment (autoescape, bidi controls dropped per value) and compared with
``serve.sections`` on rows with hostile text, missing keys and ``None`` values.
"""

from __future__ import annotations

from typing import Any

from talkwatch.serve import sections
from talkwatch.serve.render import _ENV

RUNS = """{% for r in runs %}
      <tr data-status="{{ r.status or 'unknown' }}"><td>{{ r.first or '' }}{% if r.last and r.last != r.first %} – {{ r.last }}{% endif %}</td><td>{{ status(r.status) }}</td><td>{{ r.start or '' }}</td><td class="num">{{ r.n }}</td><td>{{ evidence(r.evidence) }}</td>
        <td>{% for d in r.documents[:run_links] %}{{ doclink(d, titles) }}{{ '; ' if not loop.last else '' }}{% endfor %}{% if r.documents|length > run_links %} <span class="muted">and {{ r.documents|length - run_links }} more</span>{% endif %}</td></tr>
{% endfor %}
"""  # noqa: E501

QUOTES = """{% for qt in quotes %}
  <figure class="quote">
    <blockquote>{{ qt.text }}</blockquote>
    <figcaption>— {% if qt.speaker %}<a href="/actors/{{ qt.speaker|urlq }}">{{ qt.speaker_name or qt.speaker_text }}</a>{% else %}{{ qt.speaker_text or 'unknown speaker' }}{% endif %}, {{ doclink(qt.document, titles, qt.published) }}</figcaption>
  </figure>
{% endfor %}
"""  # noqa: E501

TITLES: dict[str, Any] = {"d1": {"title": "Talks <resume>\u202e", "source": "Wire & Co"},
                          "d2": {"title": None, "source": None}}


def test_history_rows_are_the_template_loop() -> None:
    runs = [
        {"status": "scheduled", "start": "2024-05-04", "n": 3, "first": "2024-04-01",
         "last": "2024-04-09", "evidence": {"text": 'due "<b>soon</b>"\u202e'},
         "documents": ["d1", "d2", "d3", "d4"]},
        {"status": None, "start": None, "n": 1, "first": None, "last": None, "evidence": {},
         "documents": [None]},
        {"status": "held", "start": "2024-05", "n": 2, "first": "2024-05-02", "last": "2024-05-02",
         "evidence": {"text": "met"}, "documents": ["d2"]},
    ]
    for links in (1, 3):
        want = _ENV.from_string(RUNS).render(runs=runs, titles=TITLES, run_links=links)
        assert str(sections.history_rows(runs, TITLES, links)) + "\n" == want
    assert "\u202e" not in want and "<b>" not in want


def test_quote_figures_are_the_template_loop() -> None:
    quotes = [
        {"speaker": "a/1 x", "speaker_name": "Ana <Ruiz>", "speaker_text": "she", "text": "We <came>",
         "document": "d1", "published": "2024-03-02"},
        {"speaker": "a2", "speaker_name": None, "speaker_text": None, "text": None,
         "document": "d2", "published": None},
        {"speaker": None, "speaker_text": "a spokesman\u202e", "text": "No.", "document": "d9"},
        {"text": "Maybe."},
    ]
    want = _ENV.from_string(QUOTES).render(quotes=quotes, titles=TITLES)
    assert str(sections.quote_figures(quotes, TITLES)) + "\n" == want
    assert "unknown speaker" in want and "None" in want and "\u202e" not in want


CONFLICTS = """{% for c in conflicts %}<li>{{ c.field }} reported on {{ c.reported }}: {% for v in c['values'] %}<strong>{{ v.value }}</strong> ({{ doclink(v.document, titles) }}){{ '; ' if not loop.last else '' }}{% endfor %}</li>{% endfor %}"""  # noqa: E501

AGREEMENTS = """{% for ag in agreements %}
    <li><strong>{{ ag.kind or 'agreement' }}</strong>{% if ag.name %} “{{ ag.name }}”{% endif %} {% if ag.status %}<span class="badge">{{ ag.status|replace('_', ' ') }}</span>{% endif %}{% if ag.start %} since {{ ag.start }}{% endif %}
      {% if ag.parties %}<br>Parties: {% for a in ag.parties %}<a href="/actors/{{ a|urlq }}">{{ agreement_actors.get(a, a) }}</a>{{ ', ' if not loop.last else '' }}{% endfor %}{% endif %}
      {% if ag.brokers %}<br>Brokered by: {% for a in ag.brokers %}<a href="/actors/{{ a|urlq }}">{{ agreement_actors.get(a, a) }}</a>{{ ', ' if not loop.last else '' }}{% endfor %}{% endif %}
      <br>{{ evidence(ag.evidence) }} — {{ doclink(ag.document, titles, ag.published) }}</li>
{% endfor %}
"""  # noqa: E501


def test_conflict_items_are_the_template_loop() -> None:
    conflicts = [
        {"field": "start", "reported": "2024-03-01", "values": [
            {"value": "2024-03-04", "document": "d1"}, {"value": "<i>5 May</i>\u202e", "document": "d2"}]},
        {"field": None, "reported": None, "values": []},
        {"field": "city", "values": [{"value": 3}, {"document": "d1"}]},
    ]
    want = _ENV.from_string(CONFLICTS).render(conflicts=conflicts, titles=TITLES)
    assert str(sections.conflict_items(conflicts, TITLES)) == want
    assert "<i>" not in want and "\u202e" not in want


def test_agreement_items_are_the_template_loop() -> None:
    names = {"a1": "Lumbia <govt>", "a2": "Front\u202e"}
    agreements = [
        {"kind": "ceasefire", "name": "Truce <of> May", "status": "in_force", "start": "2024-05-01",
         "parties": ["a1", "a2", "a/3"], "brokers": ["a4"], "evidence": {"text": "signed"},
         "document": "d1", "published": "2024-05-02"},
        {"kind": None, "name": None, "status": None, "start": None, "parties": [], "brokers": [],
         "evidence": None, "document": None, "published": None},
        {"kind": "roadmap", "parties": ["a1"]},
    ]
    want = _ENV.from_string(AGREEMENTS).render(agreements=agreements, titles=TITLES,
                                               agreement_actors=names)
    assert str(sections.agreement_items(agreements, TITLES, names)) + "\n" == want
    assert "in force" in want and "&lt;govt&gt;" in want and "\u202e" not in want


GRID = """{% for row in matrix.rows %}
      {% set ri = loop.index0 %}
      <tr data-actor="{{ row.actor }}">
        <th scope="row"><a href="/actors/{{ row.actor|urlq }}">{{ row.name }}</a></th>
        {% for cell in row.cells %}{{ grid_cell(row, cell, matrix.columns[loop.index0], ri, loop.index0, current, matrix.titles, None, matrix.panels) }}{% endfor %}
      </tr>
{% endfor %}
"""  # noqa: E501


def test_grid_rows_are_the_template_loop() -> None:
    from talkwatch.serve import cellhtml

    cell = {"status": "attended", "role": None, "n": 1, "evidence": [
        {"status": "attended", "document": "d1", "reported": "2024-03-01",
         "evidence": {"text": "joined <b>x</b>"}}]}
    matrix = {"columns": [{"id": "m1", "name": "Talks"}, {"id": "m/2", "start": "2024-05-01"}],
              "rows": [{"actor": "a 1", "name": "Front <b>\u202e", "cells": [cell, None]},
                       {"actor": "a2", "name": "Lumbia", "cells": [None, cell]}],
              "titles": TITLES, "panels": {"m/2": {"a2": "<li>remembered</li>"}}}
    want = _ENV.from_string(GRID).render(matrix=matrix, current="m1",
                                         grid_cell=cellhtml.grid_cell)
    assert str(cellhtml.grid_rows(matrix, "m1")) + "\n" == want
    assert "remembered" in want and "\u202e" not in want and "<b>" not in want
