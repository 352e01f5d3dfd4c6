"""Locust users for `make bench` (load.py starts them; not imported by Django).

Reviewer: opens its article, gives verdicts, and polls for colleagues' changes as the review page
does, pausing 2-6 s between actions as someone reading each statement before judging it would.
Every verdict the server acknowledged (200) is written to LOAD_ACKS at the end, for load.py to
check against the database. Hurried: the same with no pauses, for the most verdicts/s the stack
saves. Bare: a view that does no work (/healthz), the ceiling of the stack.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text()) if os.environ.get("LOAD_PLAN") else {}
MAX_VERDICTS = int(os.environ.get("LOAD_MAX_VERDICTS", "400"))  # per user: bounded in count
VALUES = ("confirmed", "denied", "disputed")
PROXY = {"X-Forwarded-Proto": "https"}  # as the TLS-terminating proxy adds in production
SINCE = re.compile(r"changes/\?since=(\d+)")
VERSION = re.compile(r'data-version="(\d+)"')
acknowledged: list[tuple[int, int, str]] = []
seats = itertools.count()


class Reviewer(FastHttpUser):
    wait_time = between(2, 6)

    def on_start(self) -> None:
        seat = PLAN["reviewers"][next(seats) % len(PLAN["reviewers"])]
        self.user_id = seat["user"]
        self.article = seat["article"]
        self.statements = seat["statements"]
        self.since = seat["since"]
        self.given = 0
        # The version of my verdict on each statement; 0 for none yet.
        self.versions = dict.fromkeys(self.statements, 0)
        self.versions.update({int(pk): v for pk, v in seat.get("versions", {}).items()})
        csrf = f"{random.getrandbits(128):032x}"  # any 32-character secret will do
        self.headers = {
            **PROXY,
            "Cookie": f"sessionid={seat['session']}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Origin": f"https://{self.host.split('://', 1)[1]}",
        }
        self.open_article()

    @task(1)
    def open_article(self) -> None:
        self.client.get(f"/articles/{self.article}/", headers=self.headers, name="article page")

    @task(2)
    def live_updates(self) -> None:
        url = f"/articles/{self.article}/changes/?since={self.since}"
        headers = {**self.headers, "HX-Request": "true"}
        response = self.client.get(url, headers=headers, name="live updates")
        # As the page does: the answer carries the marker to ask from next time.
        moved = SINCE.search(response.text or "") if response.status_code == 200 else None
        if moved:
            self.since = int(moved.group(1))

    @task(4)
    def verdict(self) -> None:
        if self.given >= MAX_VERDICTS:
            raise StopUser()
        statement = random.choice(self.statements)
        value = random.choice(VALUES)
        # As a verdict button on the review page posts (review.js).
        url = f"/articles/{self.article}/verdicts/"
        headers = {**self.headers, "HX-Request": "true"}
        data = {"statement": statement, "value": value, "version": self.versions[statement]}
        with self.client.post(
            url, data=data, headers=headers, name="verdict", catch_response=True
        ) as response:
            if response.status_code == 200 and "verdict-saved" in response.headers.get(
                "HX-Trigger", ""
            ):
                acknowledged.append((self.user_id, statement, value))
                # As the page does: the row it gets back carries the version to send next.
                self.versions[statement] = int(VERSION.search(response.text).group(1))
                response.success()
            else:
                response.failure(f"verdict answered {response.status_code}")
        self.given += 1


class Hurried(Reviewer):
    wait_time = constant(0)


class Bare(FastHttpUser):
    wait_time = constant(0)

    @task
    def bare(self) -> None:
        self.client.get("/healthz", headers=PROXY, name="bare view")


@events.quitting.add_listener
def _write_acknowledged(environment, **kwargs) -> None:
    if os.environ.get("LOAD_ACKS"):
        with open(os.environ["LOAD_ACKS"], "w") as out:
            json.dump(acknowledged, out)
