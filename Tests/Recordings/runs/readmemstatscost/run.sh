#!/bin/sh
# The cost of runtime.ReadMemStats in wall time (CostModel.readMemStatsNs).
. "$(dirname "$0")/../lib.sh"
record
