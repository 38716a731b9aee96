#!/bin/sh
# metricsstart: the start-up heap at main and after the first GC with runtime/metrics imported
# (see main.go); compare with ../startup. Five runs: the runtime's start varies by a few objects.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./metricsstart
REPS=${REPS:-5}
. "$(dirname "$0")/../lib.sh"
record
