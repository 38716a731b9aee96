#!/bin/sh
# timers: time.NewTimer and NewTicker (C, Stop, Reset, allocations per call) and time.Duration's
# methods. One run: what it prints does not vary (its timings are printed as comparisons).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./timers
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
