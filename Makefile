# sitrep — the two commands a newcomer runs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sitrep.db
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install system-deps demo test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall when the dependencies change; the stamp keeps repeated runs fast.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,postgres,spark]'
	touch $@

install: $(VENV)/.installed

# Debian packages the tests drive for real: a PostgreSQL server, a browser, and Java for Spark.
# apt-get only runs where something is missing; it needs root (CI runs as root).
system-deps:
	@missing=""; \
	[ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$$missing postgresql"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

demo: install
	$(BIN)/sitrep run samples/ --db $(DB)
	@echo "sitrep: serving the map on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/sitrep serve --db $(DB) --host $(HOST) --port $(PORT)

test: install system-deps
	$(BIN)/pytest -q $(PYTEST_ARGS)

# The evaluations and benchmarks read $(SITREP_DATA) (default ../shared/data); see BENCHMARKS.md.
eval: install
	$(BIN)/python eval/geoparse.py --corpus GeoWebNews --split test
	$(BIN)/python eval/geoparse.py --corpus LGL --split test
	$(BIN)/python eval/villages.py --split test
	$(BIN)/python eval/events_reference.py
	$(BIN)/python eval/events_case2021.py --cv 10
	$(BIN)/python eval/events_cir_ukraine.py
	$(BIN)/python eval/stories.py --split test

bench: install
	$(BIN)/python bench/extract_bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache artefacts
