#!/bin/sh
# sortslice: sort.Slice, sort.SliceStable and sort.SliceIsSorted — allocations per call by element
# type, and where equal keys end (pdqsort's breakPatterns changed its xorshift in Go 1.21).
# One run: nothing in it varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./sortslice
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
