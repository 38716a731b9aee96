#!/bin/sh
# stdlibinline: one call of each package function gcsh provides — -m's `inlining call to` lines for
# those Go inlines (what it prints does not matter). One run.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./stdlibinline
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
