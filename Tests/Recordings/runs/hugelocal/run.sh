#!/bin/sh
# hugelocal: a local array too large for the stack (800 TiB) is moved to the heap (-m: "moved
# The program dies with exit status 2; stderr keeps the runtime's message and the traceback.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./hugelocal
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record
