# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench translations clean

# Create the virtual environment and install the project (editable, with the
# test extra) whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m app.system_check
	$(VENV)/bin/momentum-lab

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

# After changing a user-visible string: collect every translate() call into the .ts
# (new strings arrive untranslated: fill them in with pyside6-linguist or by hand, then
# run this again), and compile it into the .qm the app loads.
TS := resources/translations/momentum_lab_pt.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find app physics optimizers -name '*.py' | sort) -no-obsolete \
		-source-language en -target-language pt_BR -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

clean:
	rm -rf $(VENV) build *.egg-info
