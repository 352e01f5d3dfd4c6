"""The review desk around one article, by concern.

Every view checks access at the top. Each serves a plain page (or redirect after POST) and, asked by
htmx, the matching fragment of `articles/detail.html` or `review/*.html`.

- page: assembling the review page (rows, highlights, filters, progress);
- verdicts: reviewers' verdicts and editors' final verdicts;
- statements: adding, editing, accepting, deleting, restoring statements; speakers;
- history: comments and the history of a statement or an article;
- assignments: reviewers assigned to an article, blind review;
- live: live updates of the page and agreement across the desk.
"""
