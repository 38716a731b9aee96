#!/bin/sh
# metricsall: the list of metrics.All() (see main.go). One run: the list is fixed.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./metricsall
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
