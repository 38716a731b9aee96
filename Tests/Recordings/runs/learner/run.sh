#!/bin/sh
# learner: functions with several results, named results and variadic
# parameters, printing to stdout (one run: nothing in it varies).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./learner
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
