# routekit: two commands on a fresh machine.
#   make report   sets everything up and renders the default report from demo data
#   make test     sets everything up and runs the test suite
# Everything is installed into the project: Python packages into .venv, and the few system
# packages (Chromium for the PDF and browser tests, poppler for PDF checks, a Java runtime for
# the Spark engine) through apt when they are missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.routekit-setup
LOCK := requirements.lock
DEMO := data/demo
SYSTEM_PACKAGES := chromium poppler-utils fonts-dejavu-core default-jre-headless nodejs npm
# axe-core (accessibility checks in the browser test) from the npm registry, pinned, into .tools/
AXE_VERSION := 4.14.1
AXE := .tools/node_modules/axe-core/axe.min.js
APT := $(shell command -v apt-get 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system report test test-fast demo-data adhoc clean bench help lock

help:
	@echo "make report   - set up and render the default report (_build/html, _build/pdf/report.pdf)"
	@echo "make test     - set up and run the tests"
	@echo "make adhoc PARAMS=params/adhoc/FILE.yaml - render an ad-hoc question to its own folder"
	@echo "make bench    - run the benchmarks and print their figures"
	@echo "make lock     - re-resolve requirements.lock after a dependency change"

system:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ -z "$(APT)" ]; then echo "missing system packages:$$missing (install them, no apt-get here)"; exit 1; fi; \
	  echo "installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

# The environment is installed from the committed lock file, so next quarter's install is this
# quarter's; routekit itself goes in editable, without resolving anything again.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade "pip>=24"
	$(BIN)/pip install -q -r $(LOCK)
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

# Re-resolve the lock after changing dependencies in pyproject.toml (pip-tools in its own venv),
# then run `make test` and commit requirements.lock with the change.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install -q pip-tools
	.venv-lock/bin/pip-compile -q --extra test --extra spark --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o $(LOCK) pyproject.toml

$(AXE): | system
	npm install --prefix .tools --no-audit --no-fund --silent axe-core@$(AXE_VERSION)

setup: system $(STAMP) $(AXE)

$(DEMO)/partners: | setup
	$(BIN)/routekit synth --out $(DEMO) --seed 20251 --start 2023-01 --end 2025-12

demo-data: setup $(DEMO)/partners

report: demo-data
	$(BIN)/routekit report --params params/default.yaml

adhoc: demo-data
	$(BIN)/routekit report --params $(PARAMS)

test: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

test-fast: setup
	$(BIN)/python -m pytest -q -n 2 -m "not slow"

bench: demo-data
	$(BIN)/python benchmarks/run_all.py

# Opt-in: the hot text modules compiled with mypyc (pinned in tools/compiled-requirements.txt) for bulk extraction,
# in an environment of its own; routekit goes in NON-editable from a build copy, so no .so ever lands in the source
# tree or .venv. Not part of `make test` or CI. Run it again after changing routekit/text.
COMPILED := .venv-compiled
.PHONY: compiled
compiled:
	[ -x $(COMPILED)/bin/python ] || $(PYTHON) -m venv $(COMPILED)
	$(COMPILED)/bin/pip install -q --upgrade "pip>=24"
	grep -v -E '^(pyspark|py4j)==' $(LOCK) > $(COMPILED)/runtime.lock
	$(COMPILED)/bin/pip install -q -r $(COMPILED)/runtime.lock -r tools/compiled-requirements.txt
	$(COMPILED)/bin/python tools/build_compiled.py

clean:
	rm -rf _build
