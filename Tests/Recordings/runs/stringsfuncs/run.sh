#!/bin/sh
# stringsfuncs: strings' searches, trims, Split/Fields, Join, ToUpper/ToLower and Replace — their
# results, and Mallocs/TotalAlloc around each group. One run: nothing printed varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./stringsfuncs
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
