#!/bin/sh
# mapifacekeys: maps with interface keys (hashing and equality by dynamic type and value,
# fmt's order, allocations, the unhashable-key panic). Five runs each: Go 1.19.8's overflow
# buckets vary with the per-map hash seed. Exact command (per Go version, binary built from
# main.go by ../lib.sh):
#   ./mapifacekeys
REPS=${REPS:-5}
. "$(dirname "$0")/../lib.sh"
record
