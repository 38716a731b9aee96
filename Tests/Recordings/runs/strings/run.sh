#!/bin/sh
# strings: string concatenation and conversions (runtime/string.go), each case 1,000 calls,
# with a non-escaping and an escaping result (main.go says which case is which).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./strings
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
