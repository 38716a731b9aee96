#!/bin/sh
# waitgroupgo: sync.WaitGroup.Go (Go 1.25+): the goroutines it starts, their order and what it allocates
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./waitgroupgo
REPS=${REPS:-1}
# Go 1.19.8 has no WaitGroup.Go (its build fails): only Go 1.27.3 is recorded.
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record
