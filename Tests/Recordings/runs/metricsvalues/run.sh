#!/bin/sh
# metricsvalues: every metric next to MemStats before and after a workload and runtime.GC()
# (see main.go); gctrace on stderr. Three runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   env GODEBUG=gctrace=1 ./metricsvalues
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
