#!/bin/sh
# boxing: the Mallocs and TotalAlloc deltas of single fmt calls, per kind of
# operand (interface boxing: walk/convert.go dataWord, runtime/iface.go
# convT*), and of fmt's printer buffer growing. Output: one line per case
# (nothing in it varies between runs).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./boxing
. "$(dirname "$0")/../lib.sh"
record
