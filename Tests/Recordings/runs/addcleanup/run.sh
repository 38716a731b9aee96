#!/bin/sh
# addcleanup: runtime.AddCleanup (Go 1.24+): when cleanups run, what they keep alive, and what AddCleanup allocates
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   GOMAXPROCS=1 ./addcleanup
REPS=${REPS:-1}
# Go 1.19.8 has no AddCleanup (its build fails): only Go 1.27.3 is recorded.
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record GOMAXPROCS=1
