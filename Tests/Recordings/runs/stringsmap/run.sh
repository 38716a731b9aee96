#!/bin/sh
# stringsmap: strings.Map: its results, the calls of its function and its allocations
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./stringsmap
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
# The cost of a one-line wrapper (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
