#!/bin/sh
# linkedlist: 1M 24-byte nodes pushed at the head of a list, a checkpoint per 100,000.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./linkedlist
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
