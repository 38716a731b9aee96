#!/bin/sh
# inlinealloc: an inlined constructor (no malloc) against a //go:noinline one (100,000 mallocs),
# and an inlined make of a constant-after-inlining size (Go 1.27: frame; Go 1.19: heap).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./inlinealloc
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
