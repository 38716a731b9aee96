#!/bin/sh
# sleepers1000: 1000 goroutines sleeping at once (main.go); Mallocs and TotalAlloc between the checkpoints
# show the timer heap's growth. Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./sleepers1000
. "$(dirname "$0")/../lib.sh"
record
