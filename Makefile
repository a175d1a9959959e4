# Qoima — the two commands a newcomer needs are `make run` and `make test`; `make help` lists all.
PREFIX ?= /usr/local
CONFIGURATION ?= release
SWIFT ?= swift
APP_ID := kz.qoima.Qoima
# GTK under a virtual display and a private session bus; cairo rendering keeps pictures stable.
HEADLESS := dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" env GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1

.DEFAULT_GOAL := help
.PHONY: help deps test-deps build run test test-swift validate install-check screenshots bench install po clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

deps: ## Install the missing Debian packages needed to build and run
	@./scripts/install-deps.sh run

test-deps: ## Install the missing Debian packages needed to build and test
	@./scripts/install-deps.sh test

build: deps ## Build both executables (debug)
	$(SWIFT) build

run: build ## Build and open Qoima in demo mode (the sandbox inside, demo companies, test keys)
	.build/debug/qoima --demo

test: test-deps ## Build and run the whole suite: Swift tests under Xvfb, desktop files, installed copy
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory test-swift validate install-check

test-swift:
	$(HEADLESS) $(SWIFT) test --skip-build

validate: ## Validate the desktop file and AppStream metainfo
	desktop-file-validate packaging/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/$(APP_ID).metainfo.xml

install-check: ## Install the debug build into .build/install-check and run it from there
	rm -rf .build/install-check
	$(MAKE) --no-print-directory install CONFIGURATION=debug PREFIX=$(CURDIR)/.build/install-check
	./scripts/check-installed.sh .build/install-check

screenshots: build ## Regenerate docs/screenshots/*.png: every page, the editor, the signing dialog and an incoming SNT, light and dark, over a fresh demo world
	LANG=en_US.UTF-8 $(HEADLESS) .build/debug/qoima --screenshots docs/screenshots

bench: deps ## Run the benchmarks (release; SNT XML, a 1,000,000-SNT database, the exchange with the sandbox, printing, startup); figures go to bench/results.json
	$(SWIFT) build -c release
	$(HEADLESS) .build/release/qoima-bench --output bench/results.json
	$(HEADLESS) ./scripts/bench-startup.sh .build/release/qoima 5

install: ## Install into $(PREFIX) (CONFIGURATION=release|debug)
	$(SWIFT) build -c $(CONFIGURATION)
	./scripts/install.sh "$(DESTDIR)$(PREFIX)" "$$($(SWIFT) build -c $(CONFIGURATION) --show-bin-path)"

po: ## Extract translatable strings and merge them into resources/po/*.po
	./scripts/update-po.sh

clean: ## Remove build products
	rm -rf .build
