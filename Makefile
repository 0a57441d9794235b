# monev: see README.md. `make run` and `make test` are all a newcomer needs.

GO       ?= go
BIN      := bin/monev
GOFILES   = $(shell find cmd internal web migrations -name '*.go' -not -name '*_templ.go')
FUZZTIME ?= 30s
DURATION ?= 10m
CLIENTS  ?= 8
SCALE    ?= 1
name     ?=

.PHONY: run test lint fmt-check vet templ-check schema schema-check generate build bench bench-national soak fuzz migration clean

## run: start a project-local PostgreSQL under .data/ (unless DATABASE_URL is set),
##      migrate, load the demo on first start and serve http://127.0.0.1:8080
run: build
	./$(BIN) dev

## test: every check and test against a throwaway PostgreSQL cluster (browser tests included)
test: lint
	$(GO) run ./cmd/pgtemp -- $(GO) test -race -count=1 -timeout 30m ./...

## lint: gofmt, go vet, generated templ code and migrations/schema.sql up to date
lint: fmt-check vet templ-check schema-check

fmt-check:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

templ-check:
	@before=$$(find internal web -name '*_templ.go' -exec sha256sum {} + | sort); \
	$(GO) tool templ generate >/dev/null 2>&1 || { $(GO) tool templ generate; exit 1; }; \
	after=$$(find internal web -name '*_templ.go' -exec sha256sum {} + | sort); \
	if [ "$$before" != "$$after" ]; then echo "templ: generated *_templ.go files were stale; commit the regenerated files"; exit 1; fi

## schema: regenerate migrations/schema.sql from a freshly migrated database (commit it)
schema:
	$(GO) run ./internal/tools/schema

schema-check:
	@$(GO) run ./internal/tools/schema -check

## generate: regenerate the templ components (commit the *_templ.go files)
generate:
	$(GO) tool templ generate

build:
	$(GO) build -o $(BIN) ./cmd/monev

## bench: the scale benchmark (cmd/bench): prints a table, writes bench-results.json
bench:
	$(GO) run ./cmd/bench

## bench-national: 500 Pemda with 10.000.000 workers in one database (cmd/bench -national):
##      dashboard, roll-ups, a monthly update, a first load; writes bench-national.json.
##      SCALE=0.01 shrinks every count but the Pemda (docs/benchmarks.md)
bench-national:
	$(GO) run ./cmd/bench -national -scale $(SCALE)

## soak: a mixed load against the demo for DURATION with CLIENTS clients (cmd/soak)
soak:
	$(GO) run ./cmd/soak -duration $(DURATION) -clients $(CLIENTS)

## fuzz: run every fuzz test for FUZZTIME each
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run='^$$' -fuzz="^$$f$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## migration name=NAME: create the next pair of migration files
migration:
	@test -n "$(name)" || { echo "usage: make migration name=add_something"; exit 2; }
	@last=$$(ls migrations/*.up.sql | sed 's|migrations/||' | cut -d_ -f1 | sort -n | tail -1); \
	next=$$(printf '%06d' $$((10#$$last + 1))); \
	touch migrations/$${next}_$(name).up.sql migrations/$${next}_$(name).down.sql; \
	echo "created migrations/$${next}_$(name).{up,down}.sql"

clean:
	rm -rf bin
