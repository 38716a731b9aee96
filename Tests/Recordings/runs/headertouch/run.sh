#!/bin/sh
# headertouch: mixedsizes' program with GOGC=off: the pages the runtime's own writes make
# resident (malloc headers, span-tail mark bits) when the program writes none.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GOGC=off GODEBUG=gctrace=1 ./headertouch
. "$(dirname "$0")/../lib.sh"
record GOGC=off GODEBUG=gctrace=1
