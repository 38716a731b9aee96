#!/bin/sh
# bigglobals: 12 MiB of package-level variables, then 64 MiB of garbage (main.go).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1,gcpacertrace=1 ./bigglobals
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1,gcpacertrace=1
