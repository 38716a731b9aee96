#!/bin/sh
# varmake: 1,000 calls each of a non-escaping make([]byte, n) with n = 32 and n = 33.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./varmake
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
