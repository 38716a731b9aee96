#!/bin/sh
# atomicvalue: sync/atomic.Value's Load, Store, Swap and CompareAndSwap, their allocations,
# panics and -m lines (one run: nothing varies). Exact command (per Go version, binary built
# from main.go by ../lib.sh):
#   ./atomicvalue
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
