#!/bin/sh
# mapstack: see main.go.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./mapstack
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
