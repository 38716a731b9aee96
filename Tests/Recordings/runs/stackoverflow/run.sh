#!/bin/sh
# stackoverflow: unbounded recursion until Go's maximum stack size (main.go). The program dies
# with exit status 2; stderr keeps the runtime's message and the first lines of the traceback.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./stackoverflow
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
