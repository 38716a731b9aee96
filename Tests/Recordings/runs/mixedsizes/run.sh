#!/bin/sh
# mixedsizes: 200,000 []byte and []*int of 16 sizes (8 B to 24 KiB) through rings of 4,096.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./mixedsizes
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
