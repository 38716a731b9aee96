#!/bin/sh
# The exported names of the standard packages gcsh knows, per recorded Go: go1.27.3.txt and
# go1.19.8.txt ("path name" lines, from each toolchain's own source by exported.go), and
# go1.0.txt (from Go 1.19's api/go1.txt, the Go 1 API). gen.py turns them into
# Sources/GCScript/Check/GoAPI.swift, with which the checker tells a name Go has but gcsh does
# not (`fmt.Sscan is not supported by gcsh yet`) from one the profile's Go lacks
# (`undefined: strings.CutPrefix` in go1.19).
set -eu
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
dir=$(cd "$(dirname "$0")" && pwd)
pkgs="bufio bytes cmp container/heap container/list context errors fmt io iter log maps math math/rand os runtime runtime/debug runtime/metrics slices sort strconv strings sync sync/atomic time unicode unicode/utf8 unsafe weak"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
GO111MODULE=off "$GO127" run "$dir/exported.go" $pkgs >"$dir/go1.27.3.txt"
GO111MODULE=off "$GO119" run "$dir/exported.go" $pkgs >"$dir/go1.19.8.txt"
# Go 1's API: its package-level names (gen.py reads them from "pkg fmt, func Sscan(...)").
cp "$("$GO119" env GOROOT)/api/go1.txt" "$dir/go1.api.txt.tmp"
python3 "$dir/gen.py" --go1 "$dir/go1.api.txt.tmp" $pkgs >"$dir/go1.0.txt"
rm "$dir/go1.api.txt.tmp"
python3 "$dir/gen.py"
