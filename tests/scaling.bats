#!/usr/bin/env bats
# Scaling (issue 20): every parser loop on 1x, 4x and 16x the input, its
# CPU time (not wall time: the machine is shared) at 16x no more than 20
# times its time at 1x.  A linear loop scales by 16 at most, and less while
# start-up counts; a loop that rescans what it has read (H1, H2, D2) goes
# past 20 and is stopped once its CPU time shows it.  The fuzzers cannot
# find these: they need inputs of hundreds of kilobytes.  Each test prints
# its three times.  The inputs and their sizes are in
# tests/fixtures/scaling/scale.py.

setup() {
	load test_helper/common-setup
	_common_setup
}

scales() {
	run python3 "$FIXTURES/scaling/scale.py" "$1"
	assert_success
}

@test "scaling: split-articles WARC records" { scales warc-records; }
@test "scaling: split-articles WARC/ lines with no blank line after them (H2)" { scales warc-headers; }
@test "scaling: split-articles --html-to-text, titles never closed (H1)" { scales html; }
@test "scaling: split-articles <doc> dumps, docs without </doc> (D2)" { scales docs; }
@test "scaling: split-articles JSON Lines" { scales jsonl; }
@test "scaling: a JSON line of many members, the text field given again and again (C1)" { scales json-members; }
@test "scaling: split-articles undelimited pages" { scales pages; }
@test "scaling: extract-meta on one long page" { scales extract-meta; }
@test "scaling: strip-chrome on one long page" { scales strip-chrome; }
@test "scaling: detect-encoding -c on one long file" { scales detect-encoding; }
