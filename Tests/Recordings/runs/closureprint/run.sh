#!/bin/sh
# closureprint: function values and literals as programs use them — funcs in struct fields
# and slices, a recursive literal through a captured variable, declared functions with several results
# and variadic parameters used as values, composition, a deferred literal. One run: nothing
# in it varies. (Loop variables captured per iteration or shared: the corpus program
# closure-loopvar, whose module declares each Go version.)
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./closureprint
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
