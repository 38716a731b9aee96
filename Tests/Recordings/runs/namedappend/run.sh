#!/bin/sh
# namedappend: 100 calls each of functions that build a named result slice by
# append (3 and 9 elements, returned bare; 3 elements returned with a count).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./namedappend
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
