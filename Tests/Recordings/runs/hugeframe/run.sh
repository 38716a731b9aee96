#!/bin/sh
# hugeframe: functions whose frames would hold a gigabyte or more (main.go); the compiler refuses
# them. The build's output is kept as go<version>.build.txt (it fails, so there is no binary to
# run and no -m output). Exact command, per Go version:
#   go build -o /dev/null .
set -eu
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
export GOTOOLCHAIN=local GOFLAGS=-mod=mod GOOS=linux GOARCH=amd64 CGO_ENABLED=0
dir=$(cd "$(dirname "$0")" && pwd)
for go in "$GO127" "$GO119"; do
	if [ ! -x "$go" ]; then
		echo "hugeframe: $go not found, skipped" >&2
		continue
	fi
	ver=$("$go" env GOVERSION)
	rc=0
	(cd "$dir" && "$go" build -o /dev/null .) >"$dir/$ver.build.txt" 2>&1 || rc=$?
	echo "hugeframe ($ver): go build exit status $rc"
done
