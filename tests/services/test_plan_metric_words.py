"""The timeline's process metrics read in the window's language, dates included; the CLI's
`--json` keeps their stable English."""

from __future__ import annotations

from datetime import UTC, date, datetime

from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.playbooks import OwnerRole, Phase
from qbr_desktop.i18n import CHINESE, ENGLISH, catalogue
from qbr_desktop.services.plan_views import PlanTask, ReviewPlan

STAMP = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def task(number: int, phase: Phase, due: date, *, key: str | None = None,
         done_at: datetime | None = None) -> PlanTask:
    return PlanTask(id=number, key=key, phase=phase, title="Hold the pre-call <&> 🎯",
                    description="", owner=OwnerRole.CSM, outputs=(), feature=None, offset=-5,
                    due=due, done_at=done_at, position=number, updated_at=STAMP)


def plan(*tasks: PlanTask, today: date = date(2026, 12, 7)) -> ReviewPlan:
    # Monday 14 December 2026, 10:00 in Shanghai.
    return ReviewPlan(review_id=1, account_id=1, account_name="Acme", tier="core",
                      meeting_at=datetime(2026, 12, 14, 2, 0, tzinfo=UTC),
                      time_zone="Asia/Shanghai", duration_minutes=60,
                      status=ReviewStatus.PLANNED, playbook="core", executives_confirmed=False,
                      tasks=tasks, today=today, updated_at=STAMP)


def shown(review: ReviewPlan, language: str) -> list[str]:
    book = catalogue(language)
    return [f"{metric.title.render(book)}: {metric.says.render(book)}"
            for metric in review.metrics()]


OPEN = plan(task(1, Phase.DATA_GATHERING, date(2026, 12, 8)),
            task(2, Phase.CONTENT_AND_STAKEHOLDERS, date(2026, 12, 9), key="champion-pre-call",
                 done_at=None))


def test_open_metrics_in_english_name_the_weekday_day_month_and_year() -> None:
    assert shown(OPEN, ENGLISH) == [
        "Preparation complete 3+ days ahead: 2 of 2 preparation tasks open; due by "
        "Fri 11 Dec 2026.",
        "Champion pre-aligned: “Hold the pre-call <&> 🎯” is due Wed 9 Dec 2026.",
        "Executive attendance confirmed: Not confirmed yet: ask the champion or the "
        "sponsor's assistant.",
    ]


def test_open_metrics_in_chinese_write_dates_the_chinese_way() -> None:
    assert shown(OPEN, CHINESE) == [
        "提前 3 天以上完成准备: 2 项准备任务中有 2 项未完成；截止日期 2026年12月11日（周五）。",
        "已与内部倡导者预先对齐: “Hold the pre-call <&> 🎯”的截止日期为 2026年12月9日（周三）。",
        "已确认高管出席: 尚未确认：请询问内部倡导者或高管赞助人的助理。",
    ]


def test_a_finished_plan_counts_its_days_in_either_language() -> None:
    done = plan(task(1, Phase.DATA_GATHERING, date(2026, 12, 8),
                     done_at=datetime(2026, 12, 10, 3, 0, tzinfo=UTC)))
    preparation = done.metrics()[0]
    assert preparation.met is True
    assert preparation.says.render(catalogue(ENGLISH)) == (
        "Finished Thu 10 Dec 2026, 4 days before the meeting.")
    assert preparation.says.render(catalogue(CHINESE)) == (
        "已于 2026年12月10日（周四）完成，比会议提前 4 天。")


def test_the_stable_english_names_and_details_stay_for_json() -> None:
    names = [(metric.name, metric.detail) for metric in OPEN.metrics()]
    assert names[0] == ("Preparation complete 3+ days ahead",
                        "2 of 2 preparation tasks open; due by Fri 11 Dec 2026.")
    assert all(isinstance(name, str) and isinstance(detail, str) for name, detail in names)
