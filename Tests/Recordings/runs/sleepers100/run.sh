#!/bin/sh
# sleepers100: 100 goroutines sleeping at once (main.go); Mallocs and TotalAlloc between the checkpoints
# show the timer heap's growth. Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./sleepers100
. "$(dirname "$0")/../lib.sh"
record
