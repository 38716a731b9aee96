#!/bin/sh
# hugegrow: append whose new length overflows int (zero-size elements need no memory, so the
# The program dies with exit status 2; stderr keeps the runtime's message and the traceback.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./hugegrow
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
