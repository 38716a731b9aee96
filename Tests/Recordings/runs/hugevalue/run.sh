#!/bin/sh
# hugevalue: values of 2 GiB and more moved in memory (main.go): a field past 2 GiB, indexes past
# 2 GiB, == of two 2 GiB arrays, a 2 GiB array copied, an element of a []Big. One run: what it
# prints does not vary. Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./hugevalue
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
