# Report Viewer: the two Quick start commands and their setup.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every library Qt's xcb platform plugin and the Qt libraries we load link against (ldd, mapped to
# packages; tests/e2e/test_setup.py keeps this list complete), plus libxcb-cursor0, which Qt >= 6.5
# opens at run time, and libdbus-1-3 for Qt's D-Bus.
QT_RUNTIME_PACKAGES := libbrotli1 libbsd0 libdbus-1-3 libegl1 libfontconfig1 libfreetype6 \
  libgcrypt20 libgl1 libglib2.0-0 libglvnd0 libglx0 liblz4-1 libmd0 libpcre2-8-0 libpng16-16 \
  libstdc++6 libsystemd0 libx11-6 libx11-xcb1 libxau6 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 \
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 \
  libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb1 libxdmcp6 \
  libxkbcommon-x11-0 libxkbcommon0 libzstd1
# CJK fonts, pdftotext for the PDF tests, an X server for the real-window tests.
APT_PACKAGES := fonts-wqy-microhei fonts-noto-cjk poppler-utils xvfb $(QT_RUNTIME_PACKAGES)

.PHONY: run test system-deps venv clean bench translations update-translations dist budgets install-desktop

SAMPLE := seeds/000_5858aa637edd593f.txt

run: venv
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY$$QT_QPA_PLATFORM" ]; then \
	  echo "No display here: printing the sample's section tree. On a desktop 'make run' opens the app;"; \
	  echo "headless, use: $(BIN)/report-viewer --screenshot out.png"; \
	  $(BIN)/report-viewer tree $(SAMPLE); \
	else \
	  $(BIN)/report-viewer; \
	fi

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# ripgrep is the bench's reference for searching the same texts as plain files (optional: without
# it the bench says "ripgrep not installed"; make test never needs it).
BENCH_APT_PACKAGES := ripgrep

bench: venv
	-@$(MAKE) --no-print-directory system-deps APT_PACKAGES="$(BENCH_APT_PACKAGES)"
	$(BIN)/python -m viewer.bench

# The offline bundle: dist/report-viewer/ (onedir, PyInstaller) and its archive.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
ARCHIVE := dist/report-viewer-$(VERSION)-linux-$(shell uname -m).tar.gz

dist: venv
	rm -rf dist/report-viewer $(ARCHIVE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	find dist/report-viewer -xtype l -delete
	cp packaging/install-desktop.sh dist/report-viewer/
	tar -C dist -czf $(ARCHIVE) report-viewer
	@echo "Built dist/report-viewer/ and $(ARCHIVE)"

# Size and start-up budgets of the bundle (README, "Bundle budgets").
budgets: dist
	$(BIN)/python packaging/measure_bundle.py dist/report-viewer $(ARCHIVE)

# Menu entry, icon and .rvshare.json file type for this user (uninstall: packaging/install-desktop.sh --uninstall).
install-desktop: dist
	packaging/install-desktop.sh "$(CURDIR)/dist/report-viewer/report-viewer"

venv: system-deps $(STAMP) translations

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts sources from the code's self.tr() strings (then translate the new entries).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find viewer/ui -name '*.py' | sort) -ts resources/translations/report_viewer_en.ts

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "Not a Debian system: install Qt 6 runtime libraries and a CJK font (e.g. WenQuanYi Micro Hei) by hand."; \
	  elif [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing system packages. Run:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) build dist *.egg-info
