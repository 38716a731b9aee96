#!/bin/sh
# fmtprinter: the allocations of fmt's printer (pooled pp, its buffer,
# reflect's copies); one line per case (nothing in it varies between runs,
# except "after one GC", where main may resume on the other P).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./fmtprinter
. "$(dirname "$0")/../lib.sh"
record
