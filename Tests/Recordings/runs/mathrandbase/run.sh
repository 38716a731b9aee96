#!/bin/sh
# mathrandbase: mathrand without math/rand: the start-up heap it differs by.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./mathrandbase
. "$(dirname "$0")/../lib.sh"
record
