"""The extraction's proposals on the review desk: editors accept them (one, or all), reviewers may
review them meanwhile; speaker names lead to the party; "Checked before?" loads per statement."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.models import Article, Party, Revision, Statement

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}

ARTICLE = """Row over ferry safety checks in the harbour

The Harbour Council has denied claims that it cut safety inspections on the city's ferries to save money.

"Not a single inspection has been cancelled this year," said Maria Lindqvist, the council's head of transport, at a press conference on Tuesday.

"Inspectors were told to sign off boats they never boarded," said Tom Okafor, the union's regional secretary.
"""  # noqa: E501


@pytest.fixture
def proposed(editor) -> Article:
    return Article.objects.submit(raw_text=ARTICLE, title="Ferry checks", created_by=editor)


def accept_url(statement: Statement) -> str:
    return reverse("statement_accept", args=[statement.article_id, statement.pk])


def all_url(article: Article) -> str:
    return reverse("proposals_accept", args=[article.pk])


def test_a_submitted_article_proposes_its_statements_and_the_page_marks_them(
    client, editor, proposed
):
    statements = list(proposed.statements.order_by("position"))
    assert len(statements) == 3
    assert all(s.is_proposal for s in statements)
    assert Statement.objects.proposals().filter(article=proposed).count() == 3
    client.force_login(editor)
    html = client.get(proposed.get_absolute_url()).content.decode()
    # An editor's Accept button says the statement is proposed.
    assert html.count(">Accept proposal</button>") == 3
    assert "<strong>3</strong> proposed by the extraction" in html
    assert html.count(" hl-proposed") == 3
    assert html.count("is-proposal") == 3
    assert "Accept all proposals" in html
    assert "<kbd>y</kbd></dt><dd>Accept the proposed statement" in html


def test_an_editor_accepts_one_proposal_by_htmx_and_twice_counts_once(client, editor, proposed):
    statement = proposed.statements.order_by("position").first()
    client.force_login(editor)
    response = client.post(accept_url(statement), {"number": "1"}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert html.startswith("<li ") and f'id="s{statement.pk}"' in html
    assert "Proposed" not in html and "data-accept" not in html
    assert "statements-accepted" in response["HX-Trigger"]
    statement.refresh_from_db()
    assert statement.accepted_at is not None and statement.accepted_by == editor
    assert not statement.is_proposal
    again = client.post(accept_url(statement), headers=HTMX)
    assert again.status_code == 200
    revisions = Revision.objects.filter(statement=statement, action="statement_accepted")
    assert revisions.count() == 1
    assert (revisions[0].before, revisions[0].after) == ({"accepted": False}, {"accepted": True})
    page = client.get(proposed.get_absolute_url()).content.decode()
    assert page.count(" hl-proposed") == 2
    history = client.get(reverse("statement_history", args=[proposed.pk, statement.pk]))
    assert "Statement accepted" in history.content.decode()
    assert "Accepted by an editor" in history.content.decode()


def test_accepting_without_javascript_redirects_back_to_the_statement(client, editor, proposed):
    statement = proposed.statements.order_by("position").first()
    client.force_login(editor)
    response = client.post(accept_url(statement))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#s{statement.pk}")


def test_accept_all_accepts_every_remaining_proposal_once(client, editor, proposed):
    first, *rest = proposed.statements.order_by("position")
    first.accept(editor)
    gone = rest[-1]
    gone.soft_delete(editor)
    client.force_login(editor)
    response = client.post(all_url(proposed), headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="review-body"' in html
    assert "Accept all proposals" not in html and "hl-proposed" not in html
    assert "Accepted 1 proposed statement." in response["HX-Trigger"]
    assert not Statement.objects.proposals().filter(article=proposed).exists()
    gone.refresh_from_db()
    assert gone.accepted_at is None  # a deleted proposal is not accepted behind the editor's back
    accepted = Revision.objects.filter(article=proposed, action="statement_accepted")
    assert accepted.count() == 2
    response = client.post(all_url(proposed))
    assert response.status_code == 302
    assert accepted.count() == 2


def test_statements_added_by_hand_are_accepted_on_creation(client, editor, proposed):
    client.force_login(editor)
    start = proposed.text.index("The Harbour Council")
    client.post(
        reverse("statement_add", args=[proposed.pk]),
        {"start": start, "end": start + 19, "new_speaker": "Harbour Council"},
    )
    added = proposed.statements.get(origin="manual")
    assert added.accepted_by == editor and not added.is_proposal


@pytest.mark.parametrize("who", ["outsider", "viewer", "reviewer"])
@pytest.mark.parametrize("htmx", [False, True])
def test_only_editors_may_accept_proposals(client, request, who, htmx, proposed):
    client.force_login(request.getfixturevalue(who))
    statement = proposed.statements.first()
    headers = HTMX if htmx else {}
    assert client.post(accept_url(statement), headers=headers).status_code == 403
    assert client.post(all_url(proposed), headers=headers).status_code == 403
    assert Statement.objects.proposals().filter(article=proposed).count() == 3
    assert not Revision.objects.filter(action="statement_accepted").exists()


def test_signed_out_accepts_go_to_the_login_page_and_gets_are_refused(client, editor, proposed):
    statement = proposed.statements.first()
    response = client.post(accept_url(statement))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(all_url(proposed)).status_code == 302
    client.force_login(editor)
    assert client.get(accept_url(statement)).status_code == 405
    assert client.get(all_url(proposed)).status_code == 405
    assert Statement.objects.proposals().filter(article=proposed).count() == 3


def test_reviewers_give_verdicts_on_proposals_and_see_no_accept_button(client, reviewer, proposed):
    statement = proposed.statements.order_by("position").first()
    client.force_login(reviewer)
    html = client.get(proposed.get_absolute_url()).content.decode()
    assert "tag-proposed" in html
    assert "data-accept" not in html and "Accept all proposals" not in html
    response = client.post(
        reverse("statement_verdict", args=[proposed.pk, statement.pk]),
        {"value": "denied", "version": "0"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert statement.verdicts.get().value == "denied"
    statement.refresh_from_db()
    assert statement.is_proposal


def test_speaker_names_link_to_their_party_and_are_escaped(client, viewer, proposed):
    statement = proposed.statements.order_by("position").first()
    Party.objects.filter(pk=statement.speaker_id).update(name='<script>x()</script> "Q"')
    client.force_login(viewer)
    html = client.get(proposed.get_absolute_url()).content.decode()
    party_url = reverse("party_detail", args=[statement.speaker_id])
    assert f'<a class="speaker" href="{party_url}"' in html
    assert "<script>x()</script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt; &quot;Q&quot;" in html


def test_checked_before_loads_lazily_with_a_link_for_when_it_cannot(client, reviewer, proposed):
    statement = proposed.statements.order_by("position")[1]
    earlier = Article.objects.submit(raw_text=ARTICLE, title="Earlier story")
    settled = earlier.statements.order_by("position")[1]
    settled.set_final_verdict(reviewer, "denied", "Two inspections were cancelled in May.")
    client.force_login(reviewer)
    page = client.get(proposed.get_absolute_url()).content.decode()
    tools = reverse("statement_tools", args=[proposed.pk, statement.pk])
    # The row's tools load when asked for (the address is relative to the review page).
    assert f'<a class="more" href="statements/{statement.pk}/tools/">' in page
    html = client.get(tools, headers=HTMX).content.decode()
    similar = reverse("similar_statements", args=[statement.pk])
    assert f'<details class="similar-check" hx-get="{similar}" hx-trigger="toggle once"' in html
    assert f'<a href="{similar}">See similar statements' in html
    fragment = client.get(similar, headers=HTMX).content.decode()
    assert "<html" not in fragment
    assert "Earlier story" in fragment and "Denied" in fragment
    assert "<html" in client.get(similar).content.decode()


def test_the_served_report_links_speakers_but_a_saved_copy_does_not(client, editor, proposed):
    statement = proposed.statements.order_by("position").first()
    client.force_login(editor)
    report = reverse("article_export", args=[proposed.pk, "html"])
    party_url = reverse("party_detail", args=[statement.speaker_id])
    assert f'href="{party_url}"' in client.get(report).content.decode()
    saved = client.get(report + "?download=1").content.decode()
    assert "/parties/" not in saved and statement.speaker.name in saved


def test_settling_the_last_statement_tells_the_page_it_is_done(client, editor, proposed):
    first, *rest = proposed.statements.order_by("position")
    for statement in rest:
        statement.set_final_verdict(editor, "confirmed")
    client.force_login(editor)
    response = client.post(
        reverse("final_verdict", args=[proposed.pk, first.pk]),
        {"final_verdict": "denied", "final_note": "", "version": first.final_version},
        headers=HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    # The progress line and the status pill are redrawn out of band, from the database.
    assert '<div class="progress-line" id="progress" hx-swap-oob="true">' in html
    assert "<strong data-reviewed>3</strong> of <span data-total>3</span>" in html
    assert "<span data-settled>3</span> settled" in html
    assert 'id="article-status" hx-swap-oob="true">Done</span>' in html
    proposed.refresh_from_db()
    assert proposed.status == "done"
    first.refresh_from_db()
    response = client.post(
        reverse("final_verdict", args=[proposed.pk, first.pk]),
        {"final_verdict": "", "final_note": "", "version": first.final_version},
        headers=HTMX,
    )
    html = response.content.decode()
    assert "<span data-settled>2</span> settled" in html
    assert 'class="status status-in_review" id="article-status" hx-swap-oob="true">' in html
