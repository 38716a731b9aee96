#!/bin/sh
# appendpass: stack backing stores of append and the move2heap pass (main.go says which case is which).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./appendpass
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
