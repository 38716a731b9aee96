#!/bin/sh
# atomicpointer: sync/atomic.Pointer[T]'s Load, Store, Swap and CompareAndSwap, their allocations
# and -m lines (one run: nothing varies). Exact command (per Go version, binary built
# from main.go by ../lib.sh):
#   ./atomicpointer
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
