# winnow - small, fast filters from crawled web dumps to clean articles.
.POSIX:

VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share

CC = cc
CFLAGS = -O2 -g
LDFLAGS =
# glibc has iconv built in; GNU libiconv elsewhere wants -liconv.
ICONV_LIBS =
PCRE2_CFLAGS = $$(pkg-config --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS = $$(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)

# O holds objects; BIN the commands.  `make sanitize` uses its own pair.
O = build/release
BIN = bin

WFLAGS = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wno-unused-parameter -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DVERSION='"$(VERSION)"' -Icommon
ALL_CFLAGS = $(WFLAGS) $(CFLAGS) $(PCRE2_CFLAGS)
LDLIBS = $(PCRE2_LIBS) -lz -lm $(ICONV_LIBS)

CMDS = detect-encoding split-articles extract-meta strip-chrome
COMMON_SRC != ls common/*.c
COMMON_HDR != ls common/*.h
CMD_SRC != ls cmd/*/*.c
CMD_HDR != ls cmd/*/*.h 2>/dev/null || true
UNIT_SRC != ls tests/unit/test_*.c
FUZZ_SRC != ls tests/fuzz/fuzz_*.c 2>/dev/null || true

all: $(CMDS:%=$(BIN)/%)

$(O)/%.o: %.c $(COMMON_HDR) $(CMD_HDR)
	@mkdir -p $$(dirname $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/libwinnow.a: $(COMMON_SRC:%.c=$(O)/%.o)
	rm -f $@
	ar rcs $@ $(COMMON_SRC:%.c=$(O)/%.o)

# A command's engine (all but main.c) is an archive, so unit tests link it too.
$(O)/lib%.a: $(CMD_SRC:%.c=$(O)/%.o) $(O)/empty.o
	rm -f $@
	ar rcs $@ $$(ls $(O)/cmd/$*/*.o | grep -v '/main\.o$$') $(O)/empty.o

$(O)/empty.o:
	@mkdir -p $(O)
	echo 'typedef int winnow_empty;' >$(O)/empty.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $(O)/empty.c

$(BIN)/%: $(O)/lib%.a $(O)/libwinnow.a $(O)/empty.o
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(O)/cmd/$*/main.o $(O)/lib$*.a \
		$(O)/libwinnow.a $(LDLIBS)

CMD_LIBS = $(CMDS:%=$(O)/lib%.a)

$(O)/tests/unit/%: tests/unit/%.c tests/unit/tap.h $(CMD_LIBS) $(O)/libwinnow.a
	@mkdir -p $(O)/tests/unit
	$(CC) $(ALL_CFLAGS) -Itests/unit $$(for c in $(CMDS); do printf -- '-Icmd/%s ' $$c; done) \
		$(LDFLAGS) -o $@ $< $(CMD_LIBS) $(O)/libwinnow.a $(LDLIBS)

units: $(UNIT_SRC:tests/unit/%.c=$(O)/tests/unit/%)

deps:
	@sh scripts/deps

# libFuzzer harnesses (tests/fuzz/fuzz_*.c) need clang; every object is
# rebuilt with coverage and sanitizers in build/fuzz, and each harness links
# all the engine archives, so a command's harness is one new file.
FUZZ_CC = clang
FUZZ_SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_SECONDS = 60
FUZZ_BIN = build/fuzz/bin
HAVE_FUZZ = printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' | \
	$(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null

fuzzers:
	$(MAKE) O=build/fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		LDFLAGS="$(FUZZ_SAN)" fuzz-bins

fuzz-bins: $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BIN)/%)

$(FUZZ_BIN)/%: tests/fuzz/%.c tests/fuzz/harness.h $(CMD_LIBS) $(O)/libwinnow.a
	@mkdir -p $(FUZZ_BIN)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz $$(for c in $(CMDS); do printf -- '-Icmd/%s ' $$c; done) \
		$(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(CMD_LIBS) $(O)/libwinnow.a $(LDLIBS)

fuzz: deps fuzzers
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run $(FUZZ_BIN)

# The smoke run of every harness is part of `make check` where clang can
# build them; elsewhere the runner reports it skipped.  The runner builds
# them in its fuzz job, beside the bats suites, so progress shows at once.
check: deps all units
	@if $(HAVE_FUZZ); then fuzz=$(FUZZ_BIN); fi; \
	WINNOW_BIN=$$(cd $(BIN) && pwd) WINNOW_UNITS=$(O)/tests/unit \
		WINNOW_FUZZ=$$fuzz WINNOW_FUZZ_BUILD='$(MAKE) -s fuzzers' sh tests/run

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
		LDFLAGS="$(SAN_FLAGS)" all units
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 WINNOW_SANITIZE=1 \
		WINNOW_BIN=$$(cd build/sanitize/bin && pwd) \
		WINNOW_UNITS=build/sanitize/tests/unit sh tests/run

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

.SECONDARY:

.PHONY: all units deps check sanitize bench lint install uninstall clean \
	fuzzers fuzz-bins fuzz valgrind demo
