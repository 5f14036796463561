# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test lint bench dist dist-windows clean translations translations-qt

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make the install step re-run only when pyproject.toml changes.
$(VENV)/.installed-app: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(PY) -m qbr_desktop.platform_check
	$(BIN)/qbr-desktop $(ARGS)

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/ruff check qbr_desktop tests bench
	QT_QPA_PLATFORM=offscreen $(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check qbr_desktop tests bench
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/insights_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/import_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/plans_bench.py
	$(PY) bench/roi_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/team_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/import_server_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/stakeholders_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/meeting_bench.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/deck_bench.py
	$(PY) bench/store_bench.py

# The window's Qt catalogues (resources/i18n): extract marked text, then compile the .qm.
translations-qt: $(VENV)/.installed-test
	$(PY) build/qt_translations.py

# The pure layers' catalogues (qbr_desktop/i18n.py): extract every msg()/N_()/gettext()
# template into resources/locale/qbr.pot, merge it into each language's qbr.po (new entries
# empty, changed ones fuzzy: tests/test_catalogues.py fails until they are translated), and
# compile the .mo files the program loads. resources/locale/GLOSSARY.md holds the terms.
LOCALES := resources/locale
translations: $(VENV)/.installed-test
	$(BIN)/pybabel extract --project=qbr --no-wrap --add-location=file --sort-by-file \
		-k msg -k msg_plural:1,2 -k msg_in_context:1c,2 -k N_ \
		-o $(LOCALES)/qbr.pot qbr_desktop
	$(BIN)/pybabel update --no-wrap --ignore-obsolete -D qbr -i $(LOCALES)/qbr.pot -d $(LOCALES)
	$(BIN)/pybabel compile --statistics -D qbr -d $(LOCALES)

dist: $(VENV)/.installed-test
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/work build/qbr-desktop.spec
	@du -sh dist/qbr-desktop

# The Windows build, made here with Wine (build/windows/README.md); needs
# `apt-get install wine64 binutils-mingw-w64-x86-64 fontconfig`, as .ci/run does.
dist-windows: $(VENV)/.installed-test
	nice -n 10 $(PY) build/windows/make_dist.py --dist dist

clean:
	rm -rf dist build/work .pytest_cache .mypy_cache .ruff_cache
