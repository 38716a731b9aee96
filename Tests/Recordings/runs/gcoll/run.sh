#!/bin/sh
# gcoll: ten 50 MB slices in a loop; gctrace shows one GC per allocation after the first.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./gcoll
# Five runs per version: the GC count and the live heap after each cycle vary with timing.
REPS=${REPS:-5}
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
