#!/bin/sh
# Compiles main.go (one-call wrappers around a subset of package math) and
# consts/consts.go with each Go toolchain and keeps the compiler's inlining and
# escape diagnostics, exactly as printed, as go<version>.mm.txt (-gcflags=-m=2)
# and go<version>.m.txt (-gcflags=-m); consts/consts.go and direct/direct.go
# (math values passed straight to fmt.Println) get the same four files each.
# go<version>.mathpkg.txt is -m=2 for package math itself (the callees' own
# costs). costs.md is the table read off these files.
#
#   GO127=/path/to/go1.27.3/bin/go GO119=/usr/lib/go-1.19/bin/go ./record.sh
#
# A toolchain whose binary is missing is skipped with a message. Built in GOPATH
# mode from the file name, so the header reads "# command-line-arguments" and the
# positions ./main.go:line:col. GOOS/GOARCH are pinned (inlining budgets and
# intrinsics are per-architecture).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}

export GOTOOLCHAIN=local GO111MODULE=off GOOS=linux GOARCH=amd64 CGO_ENABLED=0

record() {
	go=$1
	if [ ! -x "$go" ]; then
		echo "record.sh: $go not found, skipped" >&2
		return 0
	fi
	ver=$("$go" env GOVERSION)
	for dir in "$here" "$here/consts" "$here/direct"; do
		case $dir in
		*/consts) src=consts.go ;;
		*/direct) src=direct.go ;;
		*) src=main.go ;;
		esac
		for kind in m mm; do
			case $kind in
			m) flags=-m ;;
			mm) flags=-m=2 ;;
			esac
			out=$dir/$ver.$kind.txt
			# The diagnostics go to stderr; a failed build must not leave a partial file.
			if ! (cd "$dir" && "$go" build -gcflags="$flags" -o /dev/null "$src") 2>"$out.tmp"; then
				cat "$out.tmp" >&2
				rm -f "$out.tmp"
				exit 1
			fi
			mv "$out.tmp" "$out"
			echo "$ver -gcflags=$flags $src: $(wc -l <"$out") lines -> ${out#"$here"/}"
		done
	done
	# The math package's own -m=2 diagnostics: each math function's inlining cost
	# (the callee cost inside the wrappers' costs). GOROOT is cut from the paths.
	out=$here/$ver.mathpkg.txt
	root=$("$go" env GOROOT)
	if ! "$go" build -gcflags=math=-m=2 -o /dev/null math 2>"$out.tmp"; then
		cat "$out.tmp" >&2
		rm -f "$out.tmp"
		exit 1
	fi
	sed "s|^$root/src/|\$GOROOT/src/|" "$out.tmp" >"$out"
	rm -f "$out.tmp"
	echo "$ver -gcflags=math=-m=2 math: $(wc -l <"$out") lines -> ${out#"$here"/}"
}

record "$GO127"
record "$GO119"
