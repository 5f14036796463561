"""The CSM's whole job in the window at 1366 × 768, by mouse and keyboard (journey_job.py),
with its steps counted and printed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from journey import Journey
from journey_job import WholeJob, three_weeks_out

SHOTS_ENV = "QBR_JOURNEY_SHOTS"


@pytest.fixture
def styled_like_the_app(qapp: Any) -> Iterator[None]:
    """The application configured as the program configures it (names, style sheet,
    number style), put back afterwards for the other tests."""
    from PySide6.QtCore import QCoreApplication

    from qbr_desktop.domain.money import number_style, use_number_style
    from qbr_desktop.gui.application import configure_application

    before = (QCoreApplication.organizationName(), QCoreApplication.applicationName(),
              qapp.applicationDisplayName(), qapp.styleSheet(), number_style())
    configure_application(qapp)
    yield
    organization, name, display, sheet, style = before
    QCoreApplication.setOrganizationName(organization)
    QCoreApplication.setApplicationName(name)
    qapp.setApplicationDisplayName(display)
    qapp.setStyleSheet(sheet)
    use_number_style(style)


def test_the_whole_job_at_1366_by_768(qtbot: Any, qsettings: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      styled_like_the_app: None) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # exports go to its Documents
    shots = os.environ.get(SHOTS_ENV)
    journey = Journey(shots=Path(shots) if shots else None)
    job = WholeJob(journey, qsettings, three_weeks_out())
    try:
        job.run()
    finally:
        print(journey.report())
        job.close()
