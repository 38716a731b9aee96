#!/bin/sh
# deferloopgc: 10,000 iterations of `buf := make([]byte, 1024); defer use(buf)` in one
# function: MemStats at the loop's end (inside the function), after it returned, and after
# runtime.GC(). Three runs, gctrace on stderr.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   env GODEBUG=gctrace=1 ./deferloopgc
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
