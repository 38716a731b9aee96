#!/bin/sh
# switchlive: a switch tag's temporary is a root until the last case is compared; prints
# "default" twice.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./switchlive
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
