# winnow - small, fast filters from crawled web dumps to clean articles.
# GNU make.
.POSIX:

VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share

CC = cc
# extract-meta's language detector, CLD2, is C++: its shim (lang_cld2.cc)
# is the one C++ file, built with CXX and the same CFLAGS.
CXX = c++
CFLAGS = -O2 -g
LDFLAGS =
# make check, make sanitize and CI build with WERROR=-Werror; a user's plain
# make does not, so a newer compiler's new warning cannot break it.
WERROR =
# glibc has iconv built in; GNU libiconv elsewhere wants -liconv.
ICONV_LIBS =
PCRE2_CFLAGS = $$(pkg-config --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS = $$(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)

# O holds objects; BIN the commands.  `make sanitize` uses its own pair.
O = build/release
BIN = bin

WFLAGS = -std=c11 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
	-Wno-unused-parameter -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DVERSION='"$(VERSION)"' -Icommon
ALL_CFLAGS = $(WFLAGS) $(CFLAGS) $(PCRE2_CFLAGS)
ALL_CXXFLAGS = -std=c++11 -Wall -Wextra $(WERROR) -Wno-unused-parameter \
	-Icommon $(CFLAGS)
LDLIBS = $(PCRE2_LIBS) -lz -lbrotlidec -lm $(ICONV_LIBS)
# Libraries one command's engine needs beyond LDLIBS (its tests link them too).
extract-meta.libs = -lcld2 -lstdc++

CMDS = detect-encoding split-articles extract-meta strip-chrome
COMMON_OBJ = $(patsubst %.c,$(O)/%.o,$(wildcard common/*.c))
UNITS = $(patsubst tests/unit/%.c,$(O)/tests/unit/%,$(wildcard tests/unit/test_*.c))
FUZZERS = $(patsubst tests/fuzz/%.c,$(FUZZ_BIN)/%,$(wildcard tests/fuzz/fuzz_*.c))
# A command's engine: its objects but main.o.
engine = $(patsubst %.c,$(O)/%.o,$(filter-out %/main.c,$(wildcard cmd/$(1)/*.c))) \
	$(patsubst %.cc,$(O)/%.o,$(wildcard cmd/$(1)/*.cc))

# The engine each unit test and fuzz harness tests: it links that archive
# and sees that command's headers, and no other's.  The rest test common/.
test_detect.engine = detect-encoding
test_meta.engine = extract-meta
test_dates.engine = extract-meta
test_months.engine = extract-meta
test_split.engine = split-articles
test_crawl.engine = split-articles
test_strip.engine = strip-chrome
fuzz_fix.engine = detect-encoding
fuzz_arc.engine = split-articles
fuzz_html.engine = split-articles
fuzz_httpbody.engine = split-articles
fuzz_head.engine = split-articles
fuzz_meta.engine = extract-meta
fuzz_pages.engine = split-articles
fuzz_strip.engine = strip-chrome
fuzz_warc.engine = split-articles
engine_of = $(if $($(1).engine),$(O)/lib$($(1).engine).a)
engine_include = $(if $($(1).engine),-Icmd/$($(1).engine))
engine_libs = $(if $($(1).engine),$($($(1).engine).libs))

all: $(CMDS:%=$(BIN)/%)

# Each object depends on the headers it includes (-MMD) and on the flags
# it was built with: a change of either rebuilds it.
$(O)/%.o: %.c $(O)/cflags
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(O)/%.o: %.cc $(O)/cflags
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<
-include $(wildcard $(O)/*/*.d $(O)/*/*/*.d)

$(O)/cflags: FORCE
	@mkdir -p $(O)
	@echo '$(CC) $(ALL_CFLAGS) $(CXX)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS) $(CXX)' >$@

$(O)/libwinnow.a: $(COMMON_OBJ)
	rm -f $@ && ar rcs $@ $^

.SECONDEXPANSION:
$(O)/lib%.a: $$(call engine,$$*)
	rm -f $@ && ar rcs $@ $^

$(BIN)/%: $(O)/cmd/%/main.o $(O)/lib%.a $(O)/libwinnow.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $($*.libs)

$(O)/tests/unit/%: tests/unit/%.c $(O)/cflags $$(call engine_of,$$*) $(O)/libwinnow.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -Itests/unit $(call engine_include,$*) $(LDFLAGS) \
		-o $@ $< $(call engine_of,$*) $(O)/libwinnow.a $(LDLIBS) $(call engine_libs,$*)

units: $(UNITS)

deps:
	@sh scripts/deps

# libFuzzer harnesses (tests/fuzz/fuzz_*.c) need clang; every object is
# rebuilt with coverage and sanitizers in build/fuzz.
FUZZ_CC = clang
FUZZ_SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_SECONDS = 60
FUZZ_BIN = build/fuzz/bin
HAVE_FUZZ = printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' | \
	$(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null

fuzzers:
	$(MAKE) O=build/fuzz CC=$(FUZZ_CC) CXX=$(FUZZ_CC)++ CFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		LDFLAGS="$(FUZZ_SAN)" fuzz-bins

fuzz-bins: $(FUZZERS)

$(FUZZ_BIN)/%: tests/fuzz/%.c $(O)/cflags $$(call engine_of,$$*) $(O)/libwinnow.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -Itests/fuzz $(call engine_include,$*) $(LDFLAGS) \
		-fsanitize=fuzzer -o $@ $< $(call engine_of,$*) $(O)/libwinnow.a $(LDLIBS) \
		$(call engine_libs,$*)

fuzz: deps fuzzers
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run $(FUZZ_BIN)

# The smoke run of every harness is part of `make check` where clang can
# build them; elsewhere the runner reports it skipped.  The runner builds
# them in its fuzz job, beside the bats suites, so progress shows at once.
check: deps
	@$(MAKE) -s WERROR=-Werror all units tune
	@if $(HAVE_FUZZ); then fuzz=$(FUZZ_BIN); fi; \
	WINNOW_BIN=$$(cd $(BIN) && pwd) WINNOW_UNITS=$(O)/tests/unit WINNOW_TUNE=$(TUNE) \
		WINNOW_FUZZ=$$fuzz WINNOW_FUZZ_BUILD='$(MAKE) -s WERROR=-Werror fuzzers' sh tests/run

# The contract suite again with every command under valgrind memcheck.
valgrind: all
	@sh scripts/deps valgrind
	@rm -rf build/valgrind && mkdir -p build/valgrind
	@for c in $(CMDS); do \
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "%s" "$$@"\n' \
			"$$(pwd)/$(BIN)/$$c" >build/valgrind/$$c; \
		chmod +x build/valgrind/$$c; \
	done
	@WINNOW_BIN=$$(pwd)/build/valgrind WINNOW_UNITS=/nonexistent \
		WINNOW_BATS="tests/contract.bats" sh tests/run

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
sanitize: deps
	$(MAKE) O=build/sanitize BIN=build/sanitize/bin CFLAGS="$(SAN_FLAGS)" \
		LDFLAGS="$(SAN_FLAGS)" WERROR=-Werror all units
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 WINNOW_SANITIZE=1 \
		WINNOW_BIN=$$(cd build/sanitize/bin && pwd) \
		WINNOW_UNITS=build/sanitize/tests/unit sh tests/run

# Generated tables, each rebuilt from the corpora by the generator that
# scripts/models lists for it; tests/models.bats checks the checked-in
# ones.  The page splitter's generator reads features from a build of
# split-articles with -DPAGES_TUNE, the title chooser's from extract-meta
# with -DMETA_TUNE; scripts/fit-strip-stack.py (a study, no table) reads
# strip-chrome's with -DSTRIP_TUNE.
TUNE = build/tune/bin
tune:
	@$(MAKE) -s O=build/tune BIN=$(TUNE) CFLAGS='-O2 -DPAGES_TUNE -DMETA_TUNE -DSTRIP_TUNE' \
		$(TUNE)/split-articles $(TUNE)/extract-meta $(TUNE)/strip-chrome

models: tune
	@sh scripts/deps python3-numpy
	@WINNOW_TUNE=$(TUNE) sh scripts/models

# The pipeline over the sample dump in demo/sample (see demo/make-sample).
demo: deps all
	@sh scripts/demo

bench: all
	@sh tests/bench.sh

lint:
	@if command -v mandoc >/dev/null; then mandoc -Tlint -Wwarning man/*.[17]; \
	else for m in man/*.[17]; do groff -mdoc -ww -z $$m; done; fi

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions \
		$(DESTDIR)$(DATADIR)/zsh/site-functions \
		$(DESTDIR)$(DATADIR)/fish/vendor_completions.d
	for c in $(CMDS); do cp $(BIN)/$$c $(DESTDIR)$(BINDIR)/ && chmod 755 $(DESTDIR)$(BINDIR)/$$c; done
	for m in man/*.1; do [ -f "$$m" ] && cp $$m $(DESTDIR)$(MANDIR)/man1/; done; true
	for m in man/*.7; do [ -f "$$m" ] && cp $$m $(DESTDIR)$(MANDIR)/man7/; done; true
	for c in $(CMDS); do \
		[ -f completions/bash/$$c ] && cp completions/bash/$$c $(DESTDIR)$(DATADIR)/bash-completion/completions/; \
		[ -f completions/zsh/_$$c ] && cp completions/zsh/_$$c $(DESTDIR)$(DATADIR)/zsh/site-functions/; \
		[ -f completions/fish/$$c.fish ] && cp completions/fish/$$c.fish $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/; \
	done; true

uninstall:
	for c in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$$c $(DESTDIR)$(MANDIR)/man1/$$c.1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/$$c \
		$(DESTDIR)$(DATADIR)/zsh/site-functions/_$$c \
		$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/$$c.fish; done
	rm -f $(DESTDIR)$(MANDIR)/man7/winnow.7

clean:
	rm -rf build bin

FORCE:

.SECONDARY:

.PHONY: all units deps check sanitize bench lint install uninstall clean \
	fuzzers fuzz-bins fuzz valgrind demo tune models FORCE
