#!/bin/sh
# quoteascii: see main.go's comment (one run: nothing varies).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./quoteascii
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
