#!/bin/sh
# largeobj: 96 one-MiB slices kept (a checkpoint per 8), then dropped and 128 more churned
# through one slot (a checkpoint per 16), GOGC=100.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 GOGC=100 ./largeobj
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1 GOGC=100
