#!/bin/sh
# unsafedata: see main.go's comment (one run: nothing varies). Go 1.27.3 only:
# Go 1.19.8 has none of these functions.
# Exact command (binary built from main.go by ../lib.sh):
#   ./unsafedata
REPS=${REPS:-1}
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record
