"""Charts as PNG bytes: read the images back (signature, size, pixels), from any thread."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from qbr_desktop.domain.benchmark import (
    BENCHMARK_METRICS,
    TICKETS_PER_100_SEATS,
    Benchmark,
    MetricBenchmark,
    benchmark,
)
from qbr_desktop.domain.health import health_report
from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.peer_cohort import Cohort, PeerProfile
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.exports.charts import (
    ACCENT,
    benchmark_chart,
    health_history_chart,
    metric_history_chart,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
QUARTERS = [Quarter(2025, 1).shifted(i) for i in range(6)]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, checking the structure on the way."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    crc = struct.unpack(">I", data[29:33])[0]
    assert crc == zlib.crc32(data[12:29]) & 0xFFFFFFFF
    assert data.endswith(b"IEND\xaeB`\x82")
    return width, height


def decoded(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    assert (image.width(), image.height()) == png_size(data)
    return image


def pixels_near(image: QImage, colour: str, tolerance: int = 40) -> int:
    wanted = QColor(colour)
    small = image.scaled(image.width() // 2, image.height() // 2)
    count = 0
    for y in range(small.height()):
        for x in range(small.width()):
            pixel = small.pixelColor(x, y)
            if (abs(pixel.red() - wanted.red()) + abs(pixel.green() - wanted.green())
                    + abs(pixel.blue() - wanted.blue())) <= tolerance:
                count += 1
    return count


def history(rows: int = 6) -> MetricHistory:
    values = []
    for index, quarter in enumerate(QUARTERS[:rows]):
        active = 40 + index * 8
        values += [
            MetricValue(quarter, "active_users", float(active)),
            MetricValue(quarter, "licensed_seats", 100.0),
            MetricValue(quarter, "features_adopted", 10.0 + index * 3),
            MetricValue(quarter, "features_available", 40.0),
            MetricValue(quarter, "logins", active * 13 * 3.0),
            MetricValue(quarter, "csat", 3.5 + index * 0.2),
            MetricValue(quarter, "nps", -10.0 + index * 10),
        ]
    return MetricHistory.from_values(values)


def peer_benchmark(industry: str = "Retail") -> Benchmark:
    profiles = [PeerProfile(n, industry, "Growth", "1–2 years",
                            {"health": 40.0 + n * 7, "nps": n * 9.0, "csat": 3 + n / 5,
                             "adoption_rate": n / 8, TICKETS_PER_100_SEATS: 20.0 - n})
                for n in range(1, 8)]
    return benchmark(profiles[2], profiles)


# --- health history ------------------------------------------------------------------------

def test_health_history_chart_is_a_png_of_the_requested_size(qapp: Any) -> None:
    scores = health_report(history()).history
    small = decoded(health_history_chart(scores, width=4, height=2, dpi=80))
    large = decoded(health_history_chart(scores, width=4, height=2, dpi=160))
    # bbox_inches="tight" trims the margins, so sizes are near, not exact.
    assert 200 <= small.width() <= 4 * 80 * 1.1
    assert 100 <= small.height() <= 2 * 80 * 1.2
    assert large.width() / small.width() == pytest.approx(2, rel=0.1)
    assert large.height() / small.height() == pytest.approx(2, rel=0.1)


def test_health_history_chart_draws_the_line(qapp: Any) -> None:
    drawn = decoded(health_history_chart(health_report(history()).history))
    empty = decoded(health_history_chart(()))
    assert pixels_near(drawn, ACCENT) > 20
    assert pixels_near(empty, ACCENT) == 0


def test_health_history_chart_skips_quarters_without_a_score(qapp: Any) -> None:
    sparse = MetricHistory.from_values([
        MetricValue(QUARTERS[0], "nps", 10.0),
        MetricValue(QUARTERS[1], "logins", 5.0),  # nothing scores on logins alone
        MetricValue(QUARTERS[2], "nps", 30.0)])
    scores = health_report(sparse).history
    assert [s.total is None for s in scores] == [False, True, False]
    decoded(health_history_chart(scores))


# --- metric history ------------------------------------------------------------------------

def test_metric_history_chart_with_gaps_and_without_data(qapp: Any) -> None:
    gappy = MetricHistory.from_values([
        MetricValue(QUARTERS[0], "active_users", 10.0),
        MetricValue(QUARTERS[2], "active_users", 30.0),
        MetricValue(QUARTERS[1], "licensed_seats", 50.0)])
    with_gaps = decoded(metric_history_chart(gappy, ("active_users", "licensed_seats")))
    nothing_chosen = decoded(metric_history_chart(history(), ("no_such_metric",)))
    nothing_at_all = decoded(metric_history_chart(MetricHistory.from_values([]),
                                                  ("active_users",)))
    assert with_gaps.width() > 100 and nothing_chosen.width() > 100
    assert nothing_at_all.height() > 50


def test_metric_history_chart_of_one_quarter(qapp: Any) -> None:
    decoded(metric_history_chart(history(rows=1), ("active_users", "licensed_seats")))


# --- benchmark -----------------------------------------------------------------------------

def test_benchmark_chart_draws_bars(qapp: Any) -> None:
    result = peer_benchmark()
    assert any(m.percentile is not None for m in result.metrics)
    image = decoded(benchmark_chart(result, width=5, height=2.6, dpi=100))
    assert image.width() > 300


def test_benchmark_chart_without_peer_data(qapp: Any) -> None:
    empty = Benchmark(1, Cohort((), "the whole portfolio", 0, None), tuple(
        MetricBenchmark(m.key, m.label, None, None, None, 0, f"no data for {m.label}",
                        m.higher_is_better)
        for m in BENCHMARK_METRICS))
    decoded(benchmark_chart(empty))
    alone = benchmark(PeerProfile(1, "Retail", "Core", "Unknown tenure", {"nps": 5.0}),
                      [PeerProfile(1, "Retail", "Core", "Unknown tenure", {"nps": 5.0})])
    decoded(benchmark_chart(alone))


@pytest.mark.parametrize("industry", [
    "$5 & $6 Stores",
    "Deals $5 {$6 and up",      # with math text on, "$5 {$" is a TeX error
    "Cost $\\foo$ bar",          # and an unknown TeX command
    "Price $x^2$ and _under_",
    "株式会社 <R&D> 東京",
    "شركة الأمل",
    "Rocket 🚀 Retail",
    "100% \\ back\\slash {braces}",
])
def test_any_name_in_a_title_renders(qapp: Any, industry: str) -> None:
    result = peer_benchmark(industry)
    assert industry in result.cohort.description
    decoded(benchmark_chart(result))


def test_charts_do_not_switch_math_text_back_on(qapp: Any) -> None:
    import matplotlib

    decoded(health_history_chart(()))
    matplotlib.rcParams["text.parse_math"] = True  # someone else's code turned it on
    try:
        decoded(benchmark_chart(peer_benchmark("Deals $5 {$6 and up")))
    finally:
        matplotlib.rcParams["text.parse_math"] = False


# --- threads -------------------------------------------------------------------------------

def test_charts_render_from_worker_threads_at_once(qapp: Any) -> None:
    scores = health_report(history()).history
    jobs = [
        lambda: health_history_chart(scores),
        lambda: metric_history_chart(history(), ("active_users", "licensed_seats")),
        lambda: benchmark_chart(peer_benchmark("$5 & $6 Stores")),
    ] * 4
    with ThreadPoolExecutor(max_workers=6) as pool:
        images = list(pool.map(lambda job: job(), jobs))
    for data in images:
        decoded(data)
    # The same input gives the same picture, whichever thread drew it.
    assert len({images[i] for i in range(0, len(images), 3)}) == 1


def test_a_chart_renders_in_the_apps_worker(qtbot: Any) -> None:
    from qbr_desktop.gui.worker import start_task

    results: list[bytes] = []
    errors: list[str] = []
    # Keep the task, as MainWindow.back_up does: its signals live on it.
    task = start_task(lambda: benchmark_chart(peer_benchmark()), results.append,
                      errors.append, (Exception,))
    qtbot.waitUntil(lambda: bool(results or errors), timeout=20000)
    assert errors == [] and task.signals is not None
    decoded(results[0])


def test_importing_the_chart_module_does_not_load_matplotlib() -> None:
    code = ("import sys, qbr_desktop.exports.charts, qbr_desktop.gui.main_window; "
            "print('matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "False"


# --- scripts and emoji ---------------------------------------------------------------------

def laid_out(text: str) -> list[tuple[str, float]]:
    """(glyph, x) for each glyph matplotlib draws for the text, in the font's own terms."""
    from matplotlib import font_manager
    from matplotlib.textpath import text_to_path

    font = font_manager.get_font(font_manager.findfont("DejaVu Sans"))
    font.set_size(100, 72)
    return [(glyph, x) for glyph, x, _y, _size in
            text_to_path.get_glyphs_with_font(font, text)[0]]


def test_matplotlib_lays_hebrew_and_arabic_out_right_to_left() -> None:
    # Chart text is handed over in logical order because matplotlib (libraqm) reorders and
    # joins it; were it reordered before, it would come out reversed again.
    word = "\u05e9\u05dc\u05d5\u05dd"
    where = dict(laid_out(word))
    xs = [where[laid_out(char)[0][0]] for char in word]
    assert xs == sorted(xs, reverse=True) and len(set(xs)) == len(word)
    arabic = "\u0645\u062c\u0645\u0648\u0639\u0629"
    isolated = {laid_out(char)[0][0] for char in arabic}
    glyphs = laid_out(arabic)
    assert sum(glyph not in isolated for glyph, _x in glyphs) >= 4  # joining forms
    # The word's end, a final teh marbuta, is drawn leftmost; its initial meem rightmost.
    assert edge(arabic, min) == edge("\u062c\u0629", min) != edge("\u0629", min)
    assert edge(arabic, max) == edge("\u0645\u062c", max) != edge("\u0645", max)


def edge(text: str, side: Any) -> str:
    return str(side(laid_out(text), key=lambda glyph: glyph[1])[0])


def test_chart_text_stays_logical_and_leaves_out_what_no_font_draws() -> None:
    from qbr_desktop.exports.charts import chart_text

    assert chart_text("\u05e9\u05dc\u05d5\u05dd (Q4)") == "\u05e9\u05dc\u05d5\u05dd (Q4)"
    assert chart_text("Melt \U0001fae0 and \U0001f1e9\U0001f1ea flag\x07\n") == "Melt and flag"
    assert chart_text("Team \U0001f44d\U0001f3fd\ufe0f") in ("Team \U0001f44d", "Team")


def test_charts_with_rtl_and_emoji_labels_draw_no_missing_glyph(qapp: Any) -> None:
    import warnings

    from qbr_desktop.domain.deck import ChartData, Series
    from qbr_desktop.exports.handout_pdf import chart_png

    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    chart = ChartData("\u05e9\u05d9\u05de\u05d5\u05e9 \U0001f680 " + family,
                      ("\u05e9\u05dc\u05d5\u05dd", "\u0645\u062c\u0645\u0648\u0639\u0629",
                       "Melt \U0001fae0", "\U0001f1e9\U0001f1ea Berlin", "1\ufe0f\u20e3 first"),
                      (Series("\u05d3\u05d5\u05d3 \U0001f44d\U0001f3fd", (1.0, 2.0, 3.0, 4.0, 5.0)),
                       Series("Peers", (2.0, 1.0, 2.0, 1.0, 2.0))))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        decoded(chart_png(chart, dpi=60))
        decoded(benchmark_chart(peer_benchmark(f"Rocket \U0001f680 \U0001fae0 {family} Retail")))
    assert not [str(w.message) for w in caught if "missing from font" in str(w.message)]


# --- nothing to plot -----------------------------------------------------------------------

def drawn_figures(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[Any]:
    """The figures `module` turns into PNG bytes, kept to look inside."""
    figures: list[Any] = []
    real = module.png_bytes

    def keep(figure: Any, dpi: int) -> bytes:
        figures.append(figure)
        return real(figure, dpi)

    monkeypatch.setattr(module, "png_bytes", keep)
    return figures


def words_and_axes(figure: Any) -> tuple[list[str], list[bool]]:
    texts = [t.get_text() for axes in figure.axes for t in axes.texts]
    texts += [axes.get_title(loc="left") for axes in figure.axes]
    return [t for t in texts if t], [axes.axison for axes in figure.axes]


def test_an_empty_chart_says_so_in_words_and_draws_no_axes(
        qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from qbr_desktop.exports import charts

    figures = drawn_figures(monkeypatch, charts)
    nobody = Benchmark(1, Cohort((), "the whole portfolio", 0, None), tuple(
        MetricBenchmark(m.key, m.label, None, None, None, 0, f"no data for {m.label}",
                        m.higher_is_better) for m in BENCHMARK_METRICS))
    images = [decoded(health_history_chart(())),
              decoded(metric_history_chart(MetricHistory.from_values([]), ("active_users",))),
              decoded(metric_history_chart(history(), ("no_such_metric",))),
              decoded(benchmark_chart(nobody))]
    expected = ["No health scores yet", "No usage figures recorded yet",
                "No usage figures recorded yet", "No peers to compare with yet"]
    for figure, message in zip(figures, expected, strict=True):
        words, axes_on = words_and_axes(figure)
        assert message in words
        assert axes_on == [False]  # no 0–1 scale that reads like a measurement
    for image in images:  # still a chart-sized picture, so the page does not jump
        assert image.width() > 300 and image.height() > 150


def test_a_chart_with_data_keeps_its_axes(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from qbr_desktop.exports import charts

    figures = drawn_figures(monkeypatch, charts)
    health_history_chart(health_report(history()).history)
    metric_history_chart(history(), ("active_users",))
    benchmark_chart(peer_benchmark())
    assert [words_and_axes(f)[1] for f in figures] == [[True]] * 3
