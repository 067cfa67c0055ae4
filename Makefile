# make run  - install what is missing, build indexes, start the app on http://127.0.0.1:7860
# make test - install what is missing (with test tools), build, run the whole test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test system build bench bench-quick report clean coqui test-coqui
.DEFAULT_GOAL := run

system:
	@scripts/install-system.sh

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt pyproject.toml | $(PY)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $@

# torch first and alone, so pip takes the CPU build that lies on disk, never a CUDA download
$(VENV)/.testing: $(VENV)/.runtime requirements-test.txt
	$(PIP) install torch==2.13.0
	$(PIP) install -r requirements-test.txt
	touch $@

build: system $(VENV)/.runtime
	$(PY) -m assistant.build

run: build
	MALLOC_ARENA_MAX=2 GRADIO_ANALYTICS_ENABLED=False $(PY) app.py

test: build $(VENV)/.testing
	$(PY) -m pytest -q

# Every benchmark, one after another, then one report with targets and plots
# (benchmarks/results/REPORT.md, summary.png). About 40 minutes; bench-quick about 10.
bench: build
	$(PY) benchmarks/report.py

bench-quick: build
	$(PY) benchmarks/report.py --quick

# The report from the saved results, without running anything
report:
	$(PY) benchmarks/report.py --no-run

# Optional: Coqui TTS for your own (e.g. Korean) multi-speaker voices. It needs torch 2.9.1 +
# torchaudio (about 7 GB), so it lives in its own venv, outside make run / make test / CI.
COQUI := .venv-coqui
$(COQUI)/.installed:
	$(PYTHON) -m venv $(COQUI)
	$(COQUI)/bin/pip install -q torch==2.9.1 torchaudio==2.9.1
	$(COQUI)/bin/pip install -q coqui-tts==0.28.0 torchcodec==0.8.1 six==1.17.0 PyYAML==6.0.3 SQLAlchemy==2.1.9
	touch $@

coqui: $(COQUI)/.installed

test-coqui: coqui
	PYTHONPATH=$(CURDIR) $(COQUI)/bin/python -m voices.coqui_selftest

clean:
	rm -rf $(VENV) var
