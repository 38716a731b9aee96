#!/bin/sh
# startuprand: the start-up heap at main and after the first GC (see main.go). Five runs: the
# runtime's start varies by a few objects from run to run (Ms and gs made while it starts).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./startuprand
REPS=${REPS:-5}
. "$(dirname "$0")/../lib.sh"
record
