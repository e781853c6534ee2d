PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint typecheck install clean

$(STAMP): requirements/base.txt requirements/dev.txt
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info[:2] != (3, 11))" || { echo "Kansrijk needs Python 3.11 (python3.11 on the PATH)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements/dev.txt
	touch $(STAMP)

install: $(STAMP)

# The demo is development: DEBUG=true (without it Kansrijk refuses to start without SECRET_KEY,
# ALLOWED_HOSTS and an https SITE_URL).
demo: export DEBUG = true
demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py demo_logins
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy kansrijk
	$(VENV)/bin/lint-imports --no-cache

clean:
	rm -rf $(VENV) kansrijk.sqlite3*
