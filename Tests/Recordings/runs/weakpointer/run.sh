#!/bin/sh
# weakpointer: weak.Make and Pointer.Value (Go 1.24+): when a weak pointer goes nil, what Make allocates
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   GOMAXPROCS=1 ./weakpointer
REPS=${REPS:-1}
# Go 1.19.8 has no weak package (its build fails): only Go 1.27.3 is recorded.
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record GOMAXPROCS=1
