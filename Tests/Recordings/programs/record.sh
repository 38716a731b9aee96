#!/bin/sh
# Records what the real Go toolchains print for every program of the corpus:
# for each NAME/main.go (or only the NAMEs given as arguments) and each of
# Go 1.27.3 (GO127) and Go 1.19.8 (GO119), builds the program in a fresh
# module (go.mod `go 1.27` or `go 1.19`) and runs it REPS times (default 3).
# It keeps, per version:
#   go<ver>.stdout          run 1's standard output
#   go<ver>.runN.stdout     runs 2..REPS' standard output (the spread of the
#                           "~ " lines)
#   go<ver>.stderr          run 1's standard error, when there was any
#   go<ver>.status          "exit status N" when run 1 exited with N != 0
#   go<ver>.build.txt       the compiler's errors, when the build failed
#                           (Go 1.19 lacks range over int, min/max, clear)
#   go<ver>.varied          the exact lines (not starting with "~ ") that
#                           differed between the runs, run by run; a program
#                           with such a file must mark those lines "~ " and be
#                           recorded again
# Lines starting with "~ " hold memory numbers or times: they depend on the
# machine and vary from run to run, and are compared with tolerance.
#
#   ./record.sh [NAME...]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
REPS=${REPS:-3}
export GOTOOLCHAIN=local GOFLAGS=-mod=mod GOOS=linux GOARCH=amd64 CGO_ENABLED=0
unset GOGC GOMEMLIMIT GODEBUG || true

if [ "$#" -eq 0 ]; then
	set -- $(cd "$here" && ls -d */ | tr -d /)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for name in "$@"; do
	dir=$here/$name
	[ -f "$dir/main.go" ] || { echo "$name: no main.go" >&2; exit 1; }
	for go in "$GO127" "$GO119"; do
		if [ ! -x "$go" ]; then
			echo "$name: $go not found, skipped" >&2
			continue
		fi
		ver=$("$go" env GOVERSION)
		langver=$(echo "$ver" | sed 's/^go\([0-9]*\.[0-9]*\).*/\1/')
		rm -f "$dir/$ver".*
		mod=$tmp/$name-$ver
		rm -rf "$mod"
		mkdir -p "$mod"
		cp "$dir/main.go" "$mod/main.go"
		printf 'module corpus/%s\n\ngo %s\n' "$name" "$langver" >"$mod/go.mod"
		if ! (cd "$mod" && "$go" build -o prog .) >"$tmp/build.txt" 2>&1; then
			# The paths of the scratch module are not worth keeping.
			sed "s|$mod/||g; s|$mod|.|g" "$tmp/build.txt" >"$dir/$ver.build.txt"
			echo "$name ($ver): build failed, see $ver.build.txt"
			continue
		fi
		r=1
		while [ "$r" -le "$REPS" ]; do
			rc=0
			"$mod/prog" >"$tmp/run$r.stdout" 2>"$tmp/run$r.stderr" || rc=$?
			echo "$rc" >"$tmp/run$r.rc"
			r=$((r + 1))
		done
		cp "$tmp/run1.stdout" "$dir/$ver.stdout"
		r=2
		while [ "$r" -le "$REPS" ]; do
			cp "$tmp/run$r.stdout" "$dir/$ver.run$r.stdout"
			r=$((r + 1))
		done
		[ -s "$tmp/run1.stderr" ] && cp "$tmp/run1.stderr" "$dir/$ver.stderr"
		rc=$(cat "$tmp/run1.rc")
		[ "$rc" -eq 0 ] || echo "exit status $rc" >"$dir/$ver.status"
		# Exact lines must be the same in every run.
		grep -av '^~ ' "$tmp/run1.stdout" >"$tmp/exact1" || true
		r=2
		while [ "$r" -le "$REPS" ]; do
			grep -av '^~ ' "$tmp/run$r.stdout" >"$tmp/exact$r" || true
			if ! cmp -s "$tmp/exact1" "$tmp/exact$r"; then
				{
					echo "run 1 vs run $r:"
					diff "$tmp/exact1" "$tmp/exact$r" || true
				} >>"$dir/$ver.varied"
			fi
			if [ "$(cat "$tmp/run$r.rc")" != "$rc" ]; then
				echo "run 1 vs run $r: exit status $rc vs $(cat "$tmp/run$r.rc")" >>"$dir/$ver.varied"
			fi
			r=$((r + 1))
		done
		note=""
		[ -f "$dir/$ver.varied" ] && note=" -- EXACT LINES VARIED, see $ver.varied"
		echo "$name ($ver): $(wc -l <"$dir/$ver.stdout") lines, exit $rc$note"
	done
done
