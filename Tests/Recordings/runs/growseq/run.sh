#!/bin/sh
# growseq: growslice capacities for 14 element types (pointer-free and pointerful, 1 to
# 1,000 bytes), one append at a time, the slice stored in a global in the loop.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./growseq
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
