#!/bin/sh
# slicesfuncs: the slices package (Go 1.21+, so Go 1.27.3 only), strings.Clone and bytes.Clone —
# results, and allocations per call (main.go lists them). One run: nothing in it varies.
# Exact command (binary built from main.go by ../lib.sh):
#   ./slicesfuncs
REPS=${REPS:-1}
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127"
