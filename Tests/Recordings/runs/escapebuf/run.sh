#!/bin/sh
# escapebuf: 100,000 calls of work returning its 1 KiB make: one heap allocation per call.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./escapebuf
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
