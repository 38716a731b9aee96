#!/bin/sh
# floatconst: exact untyped float constants, rounded where they meet a type
# printing to stdout (one run:
# nothing in it varies).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./floatconst
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
