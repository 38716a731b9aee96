#!/bin/sh
# hugenew: new of an array type past maxAlloc (800 TiB; maxAlloc is 256 TiB on linux/amd64).
# The program dies with exit status 2; stderr keeps the runtime's message and the traceback.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./hugenew
REPS=${REPS:-6}
. "$(dirname "$0")/../lib.sh"
record
