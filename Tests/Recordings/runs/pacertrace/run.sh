#!/bin/sh
# pacertrace: four recorded scenarios run again with the pacer's own trace
# (GODEBUG=gcpacertrace=1): mgcpacer.go prints, at each cycle's end, the utilisation the
# background workers and assists took, the scan work done against the work expected, heapLive
# from `triggered` to the end, and the cons/mark estimate the cycle started with (oldConsMark;
# the next line's is what endCycle made of this cycle's measurement). That is the pacer's state
# itself, which gctrace only shows through its effects. Each scenario's program is its own
# directory's main.go, under the settings its own run.sh records it with:
#   memlimit:   GODEBUG=gctrace=1,scavtrace=1,gcpacertrace=1 GOGC=off GOMEMLIMIT=200MiB
#   mixedsizes: GODEBUG=gctrace=1,gcpacertrace=1
#   largeobj:   GODEBUG=gctrace=1,gcpacertrace=1 GOGC=100
#   allocptr:   GODEBUG=gctrace=1,gcpacertrace=1
# Output: pacertrace/SCENARIO/go<version>[.runN].stdout / .stderr. SCENARIOS="a b" records
# only those.
. "$(dirname "$0")/../lib.sh"
root=$dir
for scenario in ${SCENARIOS:-memlimit mixedsizes largeobj allocptr}; do
	src=$root/../$scenario
	dir=$root/$scenario
	name=$scenario
	mkdir -p "$dir"
	case $scenario in
	memlimit) record GODEBUG=gctrace=1,scavtrace=1,gcpacertrace=1 GOGC=off GOMEMLIMIT=200MiB ;;
	mixedsizes) record GODEBUG=gctrace=1,gcpacertrace=1 ;;
	largeobj) record GODEBUG=gctrace=1,gcpacertrace=1 GOGC=100 ;;
	allocptr) record GODEBUG=gctrace=1,gcpacertrace=1 ;;
	esac
done
