#!/bin/sh
# metricsread: the allocations of metrics.Read, step by step (see main.go). Five runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./metricsread
REPS=${REPS:-5}
. "$(dirname "$0")/../lib.sh"
record
