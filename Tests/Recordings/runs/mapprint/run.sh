#!/bin/sh
# mapprint: what map operations print (fmt's sorted keys, comma-ok, delete, clear, nil maps).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./mapprint
. "$(dirname "$0")/../lib.sh"
REPS=1
record
