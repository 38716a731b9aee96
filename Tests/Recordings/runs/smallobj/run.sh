#!/bin/sh
# smallobj: 3M 16-byte objects through a ring of 1,000, a checkpoint per million, GOGC=100.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 GOGC=100 ./smallobj
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1 GOGC=100
