#!/bin/sh
# stackgrow: recursion to depth 1k, 10k, 100k, 1M; checkpoints at the bottom (and after a GC
# there), after returning, and after each of 16 GCs (main.go).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./stackgrow
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
