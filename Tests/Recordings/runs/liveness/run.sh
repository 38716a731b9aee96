#!/bin/sh
# liveness: range keeps the original slice alive after s = nil; prints "1 5".
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./liveness
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
