#!/bin/sh
# afterfunc: time.AfterFunc: when its function runs (a goroutine of its own), Stop and Reset, and what a timer allocates
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   GOMAXPROCS=1 ./afterfunc  (one P: one timer heap, as gcsh models it)
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record GOMAXPROCS=1
# The cost of a one-line wrapper (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
