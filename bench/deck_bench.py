"""QBR deck export benchmark for QBR Desktop.

Run with `make bench` (or `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/deck_bench.py`).

On the demo portfolio (built in a temporary folder), for the Strategic account whose deck
has the most slides:

* gathering the deck's content from every service (DeckService.content), median of 5
  (goal ≤ 300 ms);
* `qbr export deck` in a fresh process, median of 3 after one untimed run that fills the
  bytecode cache (goal ≤ 2 s; its CPU time is printed beside it, since a shared machine's
  load stretches the wall time);
* writing the full PPTX deck after a warm-up, median of 9 (goal ≤ 1.5 s);
* writing the one-page PDF brief, median of 9 (goal ≤ 0.5 s);
* a baseline measured in the same run, writing the SAME slides (bench/deck_baseline.py):
  our written deck is read back once, untimed, and replayed by the plainest python-pptx
  calls: the same layout, title, text boxes (runs with size, bold, colour; alignment),
  rectangles and fills, tables, pictures, native charts (same type and data, default
  styling) and speaker notes. Our deck against it (goal ≤ 1.5×) is then what our writer adds
  (text fitting, sanitising, chart styling, layout), not python-pptx's own cost. The replayed
  deck is read back and must hold the same slides with the same text, or the run stops.
  Our deck and the baseline are timed in turns, so load on the machine falls on both,
  and, as timeit does, with the garbage collector held off during each run;
* for reference, the older lean baseline: as many slides with only a title, one text box
  and the same native charts (no notes, tables or pictures); its ratio is info only;
* the GUI thread while an export runs: content() and write_deck in a QThreadPool worker
  (the app's ExportJob) while a 10 ms QTimer on the GUI thread records the gap between
  its firings; the longest gap is the worst stall (goal: none over 100 ms).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
RESULTS_FILE = ROOT / "bench" / "results" / "deck.json"
RUNS = 9
CONTENT_RUNS = 5
DECK_GOAL_S, BRIEF_GOAL_S, RATIO_GOAL, STALL_GOAL_MS = 1.5, 0.5, 1.5, 100.0
CONTENT_GOAL_S, CLI_GOAL_S, CLI_RUNS = 0.3, 2.0, 3
TIMER_MS = 10


def sample(work: Any) -> float:
    """One run's seconds, with the garbage collector held off as timeit does: the demo
    portfolio's objects would otherwise make every collection pause part of the figure."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started
    finally:
        gc.enable()


def alternating(first: Any, second: Any, runs: int) -> tuple[list[float], list[float]]:
    """Time two pieces of work in turns, so a busy moment on the machine costs both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(sample(first))
        times[1].append(sample(second))
    return times


def timed(work: Any, runs: int) -> list[float]:
    return [sample(work) for _ in range(runs)]


def slide_count(content: Any) -> int:
    """The slides write_deck makes: the shown main slides, an appendix divider, the backup."""
    main = [p for p in content.outline if p.shown and not p.backup]
    backup = [p for p in content.outline if p.shown and p.backup]
    return len(main) + (1 + len(backup) if backup else 0)


def pick_account(context: Any, today: date) -> tuple[int, Any]:
    """The Strategic account whose deck has the most slides (the first of equals)."""
    best: tuple[int, Any] | None = None
    for account in context.accounts.list_accounts():
        if account.tier != "Strategic":
            continue
        content = context.decks.content(context, account.id, today=today)
        if best is None or slide_count(content) > slide_count(best[1]):
            best = (account.id, content)
    if best is None:
        raise SystemExit("the demo portfolio has no Strategic account")
    return best


Layout = list[list[tuple[Any, str, tuple[int, int, int, int]]]]


def chart_layout(deck: Path, content: Any) -> Layout:
    """Per slide of our written deck: (ChartData, kind, position) of each native chart, as
    the chart itself holds it (some charts, such as the expansion options', are drawn from
    figures the slide combines)."""
    from pptx import Presentation
    from pptx.enum.chart import XL_CHART_TYPE

    from qbr_desktop.domain.deck import ChartData, Series

    kinds = {XL_CHART_TYPE.LINE_MARKERS: "line", XL_CHART_TYPE.COLUMN_STACKED: "column_stacked"}
    slides = []
    for slide in Presentation(str(deck)).slides:
        charts = []
        for shape in slide.shapes:
            if not getattr(shape, "has_chart", False):
                continue
            chart = shape.chart
            title = chart.chart_title.text_frame.text if chart.has_title else ""
            plot = chart.plots[0]
            data = ChartData(title, tuple(str(c) for c in plot.categories),
                             tuple(Series(s.name, tuple(s.values)) for s in plot.series),
                             number_format=chart.value_axis.tick_labels.number_format)
            charts.append((data, kinds.get(chart.chart_type, "bar"),
                           (int(shape.left), int(shape.top), int(shape.width),
                            int(shape.height))))
        slides.append(charts)
    return slides


def lean_baseline_deck(layout: Layout, out: Path) -> None:
    """The least a python-pptx script does for as many slides: a title, a text box, charts
    (no notes, tables or pictures; less work than our deck, so its ratio is info only)."""
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    types = {"line": XL_CHART_TYPE.LINE_MARKERS, "column_stacked": XL_CHART_TYPE.COLUMN_STACKED}
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(13.333), Inches(7.5)
    blank = presentation.slide_layouts[6]
    for number, charts in enumerate(layout, start=1):
        slide = presentation.slides.add_slide(blank)
        slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(12), Inches(0.8)) \
            .text_frame.text = f"Slide {number}"
        slide.shapes.add_textbox(Inches(0.5), Inches(1.2), Inches(5), Inches(5)) \
            .text_frame.text = "One paragraph of text for this slide."
        for data, kind, (left, top, width, height) in charts:
            chart_data = CategoryChartData(number_format=data.number_format)
            chart_data.categories = list(data.categories)
            for series in data.series:
                chart_data.add_series(series.name, list(series.values))
            slide.shapes.add_chart(types.get(kind, XL_CHART_TYPE.COLUMN_CLUSTERED),
                                   left, top, width, height, chart_data)
    presentation.save(str(out))


def check_same_slides(ours: Path, baseline: Path) -> None:
    """Stop the run unless the replayed deck has our slides with the same text in each."""
    from deck_baseline import read_slides

    mine, theirs = read_slides(ours), read_slides(baseline)
    if len(mine) != len(theirs):
        raise SystemExit(f"the same-slides baseline has {len(theirs)} slides, our deck "
                         f"{len(mine)}: the baseline does not replay our deck")
    for number, (a, b) in enumerate(zip(mine, theirs, strict=True), start=1):
        if len(a.shapes) != len(b.shapes):
            raise SystemExit(f"slide {number}: the same-slides baseline has {len(b.shapes)} "
                             f"shapes besides the title, our deck {len(a.shapes)}")
        for want, got in zip(a.texts(), b.texts(), strict=True):
            if want != got:
                raise SystemExit(f"slide {number}: the same-slides baseline has {got!r} "
                                 f"where our deck has {want!r}")


def gui_stalls(app: Any, context: Any, account_id: int, today: date,
               out: Path) -> tuple[list[float], float]:
    """Timer gaps (ms) on the GUI thread while the export runs in a worker; export time (s)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from qbr_desktop.exports.deck_pptx import DeckCancelled, write_deck
    from qbr_desktop.gui.worker import run_in_background

    def work(progress: Any, cancelled: Any) -> Any:
        content = context.decks.content(context, account_id, today=today)
        return write_deck(content, out, progress=progress, cancelled=cancelled)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(tick)
    outcome: list[Any] = []
    steps: list[tuple[int, int]] = []

    def done(result: object) -> None:
        outcome.append(result)
        loop.quit()

    timer.start()
    last[0] = started = time.perf_counter()
    # The app's one worker shape, as the Deck tab starts an export.
    run_in_background(work, "writing the deck", done, done,
                      progress=lambda step, total: steps.append((step, total)),
                      on_cancel=loop.quit, cancel_errors=(DeckCancelled,))
    loop.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    app.processEvents()
    if not outcome or isinstance(outcome[0], str):
        raise SystemExit(f"the export in the worker failed: {outcome}")
    if not steps or steps[-1][0] != steps[-1][1]:
        raise SystemExit("the worker's progress never reached the last slide")
    return gaps, elapsed


def cli_export(folder: Path, name: str) -> tuple[list[float], list[float]]:
    """`qbr export deck` in a fresh process, CLI_RUNS times: imports, the database, the
    content and the file, as a CSM's command runs. Bytecode is cached in the bench's
    folder (the machines set PYTHONDONTWRITEBYTECODE), after one untimed run."""
    import os
    import subprocess

    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
           "PYTHONDONTWRITEBYTECODE": "", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE")
    command = [str(Path(sys.executable).parent / "qbr"), "--db",
               str(folder / "portfolio.sqlite"), "export", "deck", name]
    import resource

    times, cpu = [], []
    for run in range(CLI_RUNS + 1):
        out = folder / f"cli-{run}.pptx"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*command, "--out", str(out)], env=env, check=True,
                       capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run:
            times.append(time.perf_counter() - started)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times, cpu


def main() -> int:
    import os

    from deck_baseline import read_slides, write_baseline
    from PySide6.QtWidgets import QApplication

    from qbr_desktop.exports.brief_pdf import write_brief
    from qbr_desktop.exports.deck_pptx import write_deck
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.demo import build_demo_portfolio

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="qbr-deck-bench-"))
    os.environ.setdefault("QBR_DATA_DIR", str(folder / "user-data"))
    context = AppContext.open(DatabaseTarget(path=folder / "portfolio.sqlite"))
    today = date.today()
    build_demo_portfolio(context, today=today)
    account_id, content = pick_account(context, today)
    slides = slide_count(content)
    plan = context.decks.plan(account_id)
    accent = plan.accent or "#1565C0"

    gathering = timed(lambda: context.decks.content(context, account_id, today=today),
                      CONTENT_RUNS)
    deck_path, brief_path = folder / "deck.pptx", folder / "brief.pdf"
    write_deck(content, deck_path, accent=accent)  # warm-up: imports, fonts, the template
    write_brief(content, brief_path)
    brief = timed(lambda: write_brief(content, brief_path), RUNS)

    specs = read_slides(deck_path)  # what our deck holds, read once and not timed
    base_path = folder / "baseline.pptx"
    write_baseline(specs, base_path)  # warm-up
    check_same_slides(deck_path, base_path)
    deck, baseline = alternating(lambda: write_deck(content, deck_path, accent=accent),
                                 lambda: write_baseline(specs, base_path), RUNS)

    layout = chart_layout(deck_path, content)
    lean_path = folder / "lean-baseline.pptx"
    lean_baseline_deck(layout, lean_path)  # warm-up
    lean = timed(lambda: lean_baseline_deck(layout, lean_path), RUNS)

    gaps, worker_s = gui_stalls(app, context, account_id, today, folder / "worker.pptx")
    cli, cli_cpu = cli_export(folder, context.insights.name(account_id))

    deck_m, brief_m, base_m, lean_m = (statistics.median(s)
                                       for s in (deck, brief, baseline, lean))
    ratio, lean_ratio = deck_m / base_m, deck_m / lean_m
    longest = max(gaps) if gaps else 0.0
    charts = sum(len(c) for c in layout)
    name = content.account_name
    print(f"\nQBR Desktop deck benchmark: {name!r} ({slides} slides, {charts} charts), "
          f"Python {sys.version.split()[0]}, median of {RUNS}")
    print(f"{'metric':<50}{'median':>10}  {'goal':<10}result")
    gather_m = statistics.median(gathering)
    print(f"{'gather the deck content (DeckService.content)':<50}"
          f"{gather_m * 1000:>7.0f} ms  {'<= 300 ms':<10}"
          f"{'PASS' if gather_m <= CONTENT_GOAL_S else 'MISS'}")
    cli_m = statistics.median(cli)
    print(f"{'qbr export deck, a fresh process (cold)':<50}{cli_m * 1000:>7.0f} ms  "
          f"{'<= 2 s':<10}{'PASS' if cli_m <= CLI_GOAL_S else 'MISS'}")
    print(f"{'  its CPU time (what a busy machine cannot inflate)':<50}"
          f"{statistics.median(cli_cpu) * 1000:>7.0f} ms  {'':<10}info")
    print(f"{'write the PPTX deck':<50}{deck_m * 1000:>7.0f} ms  {'<= 1.5 s':<10}"
          f"{'PASS' if deck_m <= DECK_GOAL_S else 'MISS'}")
    print(f"{'write the PDF brief':<50}{brief_m * 1000:>7.0f} ms  {'<= 0.5 s':<10}"
          f"{'PASS' if brief_m <= BRIEF_GOAL_S else 'MISS'}")
    print(f"{'baseline: plain python-pptx, the same slides':<50}"
          f"{base_m * 1000:>7.0f} ms  {'':<10}info")
    print(f"{'  our deck / same-slides baseline':<50}{ratio:>8.2f} ×  {'<= 1.5×':<10}"
          f"{'PASS' if ratio <= RATIO_GOAL else 'MISS'}")
    print(f"{'lean baseline: titles, a text box, charts':<50}"
          f"{lean_m * 1000:>7.0f} ms  {'':<10}info (no notes/tables/pictures)")
    print(f"{'  our deck / lean baseline':<50}{lean_ratio:>8.2f} ×  {'':<10}info")
    print(f"{'GUI thread: longest timer gap during an export':<50}{longest:>7.0f} ms  "
          f"{'<= 100 ms':<10}{'PASS' if longest <= STALL_GOAL_MS else 'MISS'}")
    print(f"{'  export in the worker (content + deck)':<50}{worker_s * 1000:>7.0f} ms  "
          f"{'':<10}{len(gaps)} ticks, median gap {statistics.median(gaps):.1f} ms"
          if gaps else "")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({
        "account": name, "slides": slides, "charts": charts,
        "content_s": gathering, "deck_s": deck, "brief_s": brief, "baseline_s": baseline,
        "ratio": ratio, "lean_baseline_s": lean, "lean_ratio": lean_ratio,
        "baseline_kind": "same slides replayed by bench/deck_baseline.py",
        "gui_gaps_ms": gaps, "worker_export_s": worker_s, "cli_export_s": cli,
        "cli_cpu_s": cli_cpu},
        ensure_ascii=False), encoding="utf-8")
    print(f"\nWrote {RESULTS_FILE.relative_to(ROOT)}")
    context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
