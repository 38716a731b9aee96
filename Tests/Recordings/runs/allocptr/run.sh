#!/bin/sh
# allocptr: the time one small allocation takes, by size (16 B to 16 KiB, arrays of *int), on
# fresh memory (GOGC=off) and on recycled memory (GOGC=100, nothing live). main.go is
# `gcsh export-go allocptr.gcs`: its checkpoints print `t`, seconds since start. 6 runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./allocptr
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
