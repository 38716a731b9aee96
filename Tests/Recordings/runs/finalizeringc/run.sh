#!/bin/sh
# finalizeringc: a finalizer queued by runtime.GC() runs before GC returns (three runs with
# GOMAXPROCS=2, the P count gcsh models; one P gives the same). Exact command (per Go version,
# binary built from main.go by ../lib.sh):
#   GOMAXPROCS=2 ./finalizeringc
. "$(dirname "$0")/../lib.sh"
record GOMAXPROCS=2
