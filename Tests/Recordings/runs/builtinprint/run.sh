#!/bin/sh
# The builtins print and println (standard error), once per toolchain.
. "$(dirname "$0")/../lib.sh"
REPS=1
record
