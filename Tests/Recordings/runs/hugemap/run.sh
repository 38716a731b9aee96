#!/bin/sh
# hugemap: allocations within maxAlloc but larger than the machine's memory (32 TiB on a
# The program dies with exit status 2; stderr keeps the runtime's message and the traceback.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./hugemap
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
