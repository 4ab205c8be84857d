"""The simulated people of `make load`: visitors searching the catalogue, coaches enrolling
newcomers, provider staff filling in attendance. Each simulated user owns its newcomer and
its session (see prepare.py), so the load measures the server, not lock queues between
people who would never work on the same record at once."""

from __future__ import annotations

import itertools
import json
import os
import random

from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["PNT_LOAD_PLAN"]).read())  # noqa: SIM115
_numbers = itertools.count()


class Person(HttpUser):
    # People read a page before the next click: 3 to 10 seconds (about 15 clicks a second
    # for 100 people, some clicks making two requests).
    wait_time = between(3, 10)

    def on_start(self) -> None:
        n = next(_numbers)
        self.rng = random.Random(n)  # noqa: S311 — load shapes, not secrets
        mine = PLAN["enrol"][n % len(PLAN["enrol"])]
        self.newcomer, self.activities = mine["newcomer"], mine["activities"]
        self.sheet = PLAN["attendance"][n % len(PLAN["attendance"])] if PLAN["attendance"] else None
        self.coach = {"Authorization": f"Bearer {PLAN['coach_token']}"}

    @task(6)
    def search_catalogue(self) -> None:
        word = self.rng.choice(PLAN["search_words"])
        if self.rng.random() < 0.5:
            self.client.get(f"/catalogus/?q={word}", name="/catalogus/?q=")
        else:
            self.client.get(f"/api/offer/search?q={word}&limit=24", name="/api/offer/search")

    @task(2)
    def enrol_and_cancel(self) -> None:
        activity = self.rng.choice(self.activities)
        with self.client.post(
            "/api/trajectories/enrolments", json={"newcomer_id": self.newcomer,
            "activity_id": activity}, headers=self.coach, name="/api/trajectories/enrolments",
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return
            enrolment = response.json()["id"]
        self.client.post(
            f"/api/trajectories/enrolments/{enrolment}/cancel", headers=self.coach,
            name="/api/trajectories/enrolments/[id]/cancel",
        )  # fmt: skip

    @task(2)
    def record_attendance(self) -> None:
        if self.sheet is None:
            return
        headers = {"Authorization": f"Bearer {self.sheet['token']}"}
        session = self.sheet["session"]
        self.client.get(
            f"/api/trajectories/sessions/{session}/attendance", headers=headers,
            name="/api/trajectories/sessions/[id]/attendance GET",
        )  # fmt: skip
        marks = [
            {"enrolment_id": e, "status": self.rng.choice(["present", "present", "absent"])}
            for e in self.sheet["enrolments"]
        ]
        self.client.post(
            f"/api/trajectories/sessions/{session}/attendance", json={"marks": marks},
            headers=headers, name="/api/trajectories/sessions/[id]/attendance POST",
        )  # fmt: skip
