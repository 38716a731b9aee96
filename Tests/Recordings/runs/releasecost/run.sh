#!/bin/sh
# releasecost: FreeOSMemory of a dropped 400 MiB slice, never written vs written, 3 rounds each.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./releasecost
. "$(dirname "$0")/../lib.sh"
record
