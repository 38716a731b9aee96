#!/bin/sh
# stackbuf: 100,000 calls of work with a non-escaping 1 KiB make: expect 0 GCs and no heap growth.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./stackbuf
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
