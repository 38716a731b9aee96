#!/bin/sh
# sortinterface: sort.Sort, Stable and IsSorted through a program's sort.Interface, and the
# Search functions — results, method calls and allocations (main.go lists them). One run:
# nothing in it varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./sortinterface
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
