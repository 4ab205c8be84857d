"""The coordinator prepares a steering group meeting (the agenda starts from the open
actions), records a decision with two action points, and prints the status of the action
plan, whose indicators follow the live offer."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from pnt.network.models import ActionPoint, Decision, Meeting
from tests.factories import (
    TEST_PASSWORD,
    ActivityFactory,
    ProviderFactory,
    municipality,
    region,
    user_with_role,
)
from tests.network.factories import (
    ActionFactory,
    ActionPointFactory,
    GroupFactory,
    IndicatorFactory,
    MeetingFactory,
    PartnerFactory,
    PillarFactory,
    PlanFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def rivo_network():
    """Rivierenland's steering group with open action points from March, and its plan."""
    rivierenland = region("rivierenland")
    coordinator = user_with_role("coordinator", region=rivierenland)
    coordinator.first_name, coordinator.last_name = "Sofie", "Peeters"
    coordinator.save()
    officer = user_with_role("municipal_officer", municipality=municipality("12029"))
    officer.first_name, officer.last_name = "Koen", "Maes"
    officer.save()
    library = PartnerFactory(name="Bibliotheek Lier", sector="culture")
    steering = GroupFactory(name="Stuurgroep Rivo", members=[coordinator, officer])
    march = MeetingFactory(
        group=steering,
        title="Stuurgroep maart",
        starts_at=timezone.now() - dt.timedelta(days=80),
        status="held",
    )
    today = timezone.localdate()
    ActionPointFactory(meeting=march, title="Flyer vertalen in het Oekraïens", owner=officer,
                       due_on=today - dt.timedelta(days=5))  # fmt: skip
    ActionPointFactory(meeting=march, title="Aanbod op ikdoemee.be nakijken",
                       owner_partner=library, due_on=today + dt.timedelta(days=10))  # fmt: skip

    plan = PlanFactory(title="Actieplan Rivo 2023-2028")
    pillar = PillarFactory(plan=plan, number=1, title="Netwerken laten groeien")
    buddy = ActionFactory(pillar=pillar, title="Regionaal buddyproject starten",
                          owner=coordinator, status="in_progress")  # fmt: skip
    IndicatorFactory(action=buddy, name="Plaatsen in buddyprojecten", measure="buddy_places",
                     target=Decimal("50"))  # fmt: skip
    family = ActionFactory(pillar=PillarFactory(plan=plan, number=2, title="Gezinnen bereiken"),
                           title="Gezinsvriendelijk aanbod in elke gemeente",
                           owner_partner=library, status="delayed")  # fmt: skip
    IndicatorFactory(
        action=family,
        name="Gemeenten met een gezinsactiviteit",
        measure="municipalities_with_family_activity",
        target=Decimal("12"),
    )
    ActionFactory(pillar=pillar, title="Infosessies voor aanbieders", status="done")

    mechelen = ProviderFactory(name="Compagnons vzw", municipality=municipality("12025"))
    ActivityFactory(provider=mechelen, type="buddy", title="Compagnons Mechelen", capacity=25)
    ActivityFactory(provider=ProviderFactory(municipality=municipality("12029")), type="buddy",
                    title="Compagnons Putte", capacity=12)  # fmt: skip
    ActivityFactory(provider=mechelen, type="family", title="Gezinsnamiddag")
    return coordinator, steering, plan


def prepare_the_meeting(page: Page, steering, screenshot_dir) -> Meeting:
    page.goto("/network/meetings/")
    page.get_by_role("link", name="Stuurgroep maart").wait_for()
    page.screenshot(path=screenshot_dir / "network_1_meetings.png", full_page=True)
    page.locator(f"a[href='/network/groups/{steering.pk}/meetings/new/']").click()
    next_month = timezone.localdate() + dt.timedelta(days=21)
    page.locator("#id_title").fill("Stuurgroep juni")
    page.locator("#id_date").fill(next_month.isoformat())
    page.locator("#id_time").fill("14:00")
    page.locator("#id_place").fill("Stadhuis Mechelen, zaal 2")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/agenda/")
    meeting = Meeting.objects.get(title="Stuurgroep juni")

    # The agenda starts from what is still open.
    points = page.locator("input[name=action_points]")
    expect(points).to_have_count(2)
    for checkbox in points.all():
        checkbox.check()
    page.get_by_label("Regionaal buddyproject starten").check()
    page.get_by_label("Gezinsvriendelijk aanbod in elke gemeente").check()
    expect(page.get_by_label("Infosessies voor aanbieders")).to_have_count(0)  # done
    page.locator("#id_title").fill("Rondvraag")
    page.screenshot(path=screenshot_dir / "network_2_agenda.png", full_page=True)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/network/meetings/{meeting.pk}/")
    agenda = page.locator(".net-agenda li")
    expect(agenda).to_have_count(5)
    expect(agenda.first).to_contain_text("Flyer vertalen")
    expect(agenda.last).to_contain_text("Rondvraag")
    return meeting


def record_the_decision(page: Page, meeting: Meeting, screenshot_dir) -> None:
    page.locator(f"a[href='/network/meetings/{meeting.pk}/decisions/new/']").click()
    page.wait_for_url("**/decisions/new/")
    page.locator("#id_text").fill(
        "Het buddyproject breidt uit naar Putte en Berlaar; de stad Lier zoekt mee naar "
        "vrijwilligers."
    )
    page.locator("#id_agenda_item").select_option(label="Regionaal buddyproject starten")
    due = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    page.locator("#id_ap-0-title").fill("Vrijwilligers werven in Putte")
    page.locator("#id_ap-0-owner").select_option(label="Koen Maes")
    page.locator("#id_ap-0-due_on").fill(due)
    page.locator("#id_ap-1-title").fill("Lokaal zoeken voor de startavond")
    page.locator("#id_ap-1-owner_partner").select_option(label="Bibliotheek Lier")
    page.locator("#id_ap-1-due_on").fill(due)
    page.screenshot(path=screenshot_dir / "network_3_decision_form.png", full_page=True)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/network/meetings/{meeting.pk}/")
    decision = page.locator(".net-decision")
    expect(decision).to_contain_text("breidt uit naar Putte")
    expect(decision.locator(".net-points li")).to_have_count(2)
    expect(decision).to_contain_text("Koen Maes")
    expect(decision).to_contain_text("Bibliotheek Lier")
    page.screenshot(path=screenshot_dir / "network_4_meeting.png", full_page=True)


def print_the_plan_status(page: Page, plan, coordinator_name: str, screenshot_dir) -> None:
    page.goto(f"/network/plan/{plan.pk}/")
    page.locator(f"main a[href='/network/plan/{plan.pk}/status/']").first.click()
    page.wait_for_url(f"**/network/plan/{plan.pk}/status/")
    status = page.locator(".plan-status")
    # 25 + 12 places in the two buddy projects: the live figure, not a typed one.
    expect(status).to_contain_text(re.compile(r"37 \w+ 50"))
    expect(status).to_contain_text(re.compile(r"\D1 \w+ 12"))
    page.screenshot(path=screenshot_dir / "network_5_plan_status.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=screenshot_dir / "network_6_plan_status_print.png", full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, "the plan status fits on one A4 page"
    text = reader.pages[0].extract_text()
    assert "Regionaal buddyproject starten" in text
    assert re.search(r"37 \w+ 50", text)
    assert coordinator_name not in text, "the site header is not printed"


def test_the_coordinator_prepares_decides_and_prints(page: Page, phone_page: Page, screenshot_dir):
    coordinator, steering, plan = rivo_network()
    log_in(page, coordinator)
    meeting = prepare_the_meeting(page, steering, screenshot_dir)
    record_the_decision(page, meeting, screenshot_dir)

    decision = Decision.objects.get(meeting=meeting)
    points = ActionPoint.objects.filter(decision=decision).order_by("pk")
    assert [p.title for p in points] == [
        "Vrijwilligers werven in Putte",
        "Lokaal zoeken voor de startavond",
    ]
    assert all(p.status == ActionPoint.Status.OPEN for p in points)
    assert decision.agenda_item.title == "Regionaal buddyproject starten"

    print_the_plan_status(page, plan, "Sofie Peeters", screenshot_dir)

    log_in(phone_page, coordinator)
    phone_page.goto(f"/network/meetings/{meeting.pk}/")
    phone_page.screenshot(path=screenshot_dir / "network_7_meeting_phone.png", full_page=True)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.goto(f"/network/plan/{plan.pk}/status/")
    phone_page.screenshot(path=screenshot_dir / "network_8_plan_status_phone.png", full_page=True)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
