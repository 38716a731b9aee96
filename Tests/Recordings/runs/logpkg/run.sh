#!/bin/sh
# logpkg: the log package's lines and what each call allocates (the first call's zone load,
# the buffer pool after collections, fmt's printer). Exact command (per Go version, binary
# built from main.go by ../lib.sh):
#   ./logpkg
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
