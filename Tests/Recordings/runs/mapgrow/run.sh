#!/bin/sh
# mapgrow: see main.go.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./mapgrow
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
