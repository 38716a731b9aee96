#!/bin/sh
# Every runtime.MemStats field at five checkpoints (see main.go); gctrace on stderr.
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
