#!/bin/sh
# hugemakelen: make with a length whose bytes pass maxAlloc (1<<46 ints = 512 TiB): makeslice's
# The program dies with exit status 2; stderr keeps the runtime's message and the traceback.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./hugemakelen
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
