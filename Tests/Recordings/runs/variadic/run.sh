#!/bin/sh
# variadic: 1,000 calls each of a variadic function whose slice stays in the
# frame, one that keeps it (24 B each), keep(s...) and sum() (no allocation),
# and a named pointer result, not inlined (16 B each) and inlined (none).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./variadic
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
