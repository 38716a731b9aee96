#!/bin/sh
# gogcmin: examples/10's program (64 MiB of 1 KiB objects at GOGC=100, then at 400), 8 runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./gogcmin
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
