# The two commands of the README are `make run` and `make test`.
GO      ?= go
GQLGEN  := $(GO) run github.com/99designs/gqlgen
GOFILES  = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './data/*')

.PHONY: setup run test generate check-generated lint bench fuzz

## setup: fetch the Go modules; install Debian's chromium when no Chromium is found,
## and xmllint (libxml2-utils), which the JUnit report's schema test uses
setup:
	$(GO) mod download
	@if [ -n "$$CHROME_BIN" ] && [ -x "$$CHROME_BIN" ]; then :; \
	elif command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then :; \
	else \
		echo "installing Debian's chromium (the executor runs flows in it)"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@if ! command -v xmllint >/dev/null 2>&1; then \
		echo "installing Debian's libxml2-utils (xmllint checks the JUnit report against its schema)"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
		( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libxml2-utils >/dev/null ) || \
			{ echo "error: xmllint could not be installed (apt-get install libxml2-utils): the JUnit schema tests need it"; exit 1; }; \
	fi

## run: start the server on the embedded store (./data) at http://127.0.0.1:8080
## (without Chromium it still starts: everything works but running flows)
run:
	@$(MAKE) --no-print-directory setup || echo "warning: setup did not finish; without Chromium the server refuses to run flows"
	$(GO) run .

## test: formatting, vet, generated code up to date, every test, then a short fuzz run
test: setup lint check-generated
	$(GO) test -race -timeout 30m ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=10s

## fuzz: fuzz every mutation's variables and the parser limits (FUZZTIME each)
FUZZTIME ?= 1m
fuzz:
	$(GO) test ./graph -run '^$$' -fuzz '^FuzzMutationVariables$$' -fuzztime $(FUZZTIME)
	$(GO) test ./graph -run '^$$' -fuzz '^FuzzParserLimits$$' -fuzztime $(FUZZTIME)

## generate: regenerate graph/ from schema.graphqls and gqlgen.yml
generate:
	$(GQLGEN) generate

## check-generated: fail when `make generate` would change graph/ (run in a copy)
check-generated:
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	tar --exclude=./.git --exclude=./data -cf - . | tar -xf - -C "$$tmp"; \
	(cd "$$tmp" && $(GQLGEN) generate) || exit 1; \
	if ! diff -r graph "$$tmp/graph" >/dev/null; then \
		echo "graph/ is out of date with schema.graphqls or gqlgen.yml: run 'make generate' and commit:"; \
		diff -r graph "$$tmp/graph" | head -40; exit 1; \
	fi

## lint: gofmt and go vet
lint:
	@unformatted="$$(gofmt -l $(GOFILES))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: every benchmark, with allocations, then live queries over websockets (memory, writes, fan-out)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...
	$(GO) run ./bench/fanout -subscribers 1000,10000 -queries one,distinct
