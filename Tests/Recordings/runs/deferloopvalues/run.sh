#!/bin/sh
# deferloopvalues: the values defers in a loop capture (see main.go). Three runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./deferloopvalues
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record
