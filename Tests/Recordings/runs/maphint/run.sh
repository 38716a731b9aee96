#!/bin/sh
# maphint: see main.go.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./maphint
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
