# make run  - install what is missing, build indexes, start the app on http://127.0.0.1:7860
# make test - install what is missing (with test tools), build, run the whole test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test system build bench clean
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
	GRADIO_ANALYTICS_ENABLED=False $(PY) app.py

test: build $(VENV)/.testing
	$(PY) -m pytest -q

bench: build
	$(PY) benchmarks/latency.py

clean:
	rm -rf $(VENV) var
