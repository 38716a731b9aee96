#!/bin/sh
# writerpanics: see main.go's comment (one run: nothing varies).
# Exact command (binary built from main.go by ../lib.sh):
#   ./writerpanics
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
