#!/bin/sh
# containerlist: container/list: its operations, what they allocate (an Element of 48 B; a boxed int past 255) and what a list retains
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./containerlist
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
# The cost of a one-line wrapper (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
