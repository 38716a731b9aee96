#!/bin/sh
# switchstring: `switch string(b)` with constant cases allocates nothing, with a variable
# case one string per switch; prints "1000".
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./switchstring
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
