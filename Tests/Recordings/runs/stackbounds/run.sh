#!/bin/sh
# stackbounds: stackgrow with main's own stack size and use printed (main.go).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./stackbounds
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
