#!/bin/sh
# contextpkg: context.WithCancel, WithTimeout, WithValue and cancellation, their allocations
# and -m lines (one run each, GOMAXPROCS=1: the worker goroutine and the timer run on one P,
# as gcsh schedules them). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   GOMAXPROCS=1 ./contextpkg
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record GOMAXPROCS=1
