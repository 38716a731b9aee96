#!/bin/sh
# fib: recursive fib(30), no allocation.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./fib
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
