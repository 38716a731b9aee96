#!/bin/sh
# deferprint: defer's order, its arguments' evaluation, and deferred calls
# running during a panic (the program ends with exit status 2). One run:
# nothing in it varies but the goroutine trace's addresses.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./deferprint
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
