#!/bin/sh
# smallgrow: cap() after each of 20 appends: local, local read back by range, escaping.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./smallgrow
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
