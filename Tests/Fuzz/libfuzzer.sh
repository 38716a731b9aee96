#!/bin/sh
# Builds gcsh-fuzz (Sources/gcsh-fuzz/Fuzz.swift) with libFuzzer and AddressSanitizer, in its
# own build directory, then fuzzes for SECONDS (default 60) seconds from a seed corpus of the
# examples and recorded programs, with a dictionary of GCScript's and Go's tokens.
#
#   Tests/Fuzz/libfuzzer.sh [SECONDS] [extra libFuzzer flags...]
#
# A crash (a Swift trap, an AddressSanitizer report, a broken heap invariant), a hang over
# 10 s, or an input that takes the process over 2 GiB of host memory stops the run (leak
# reports are off: the lazily made globals of the type tables read as leaks); libFuzzer
# saves the input as crash-*/timeout-*/oom-* in .build-fuzz/findings, and prints how to
# replay it (or: swift run gcsh-fuzz FILE, with the plain build). Exit status: libFuzzer's
# (0: nothing found).
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-60}
[ $# -gt 0 ] && shift

# SwiftPM names an executable's entry point itself, so libFuzzer's main cannot be the one
# linked: the code is instrumented as -sanitize=fuzzer would (coverage counters, comparison
# tracing) and linked with libFuzzer's no-main runtime, whose driver Fuzz.swift's main calls.
runtime=$(ls "$(dirname "$(command -v swift)")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
swift build --product gcsh-fuzz --build-path .build-fuzz -c debug \
  -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp,indirect-calls \
  -Xswiftc -DFUZZING -Xlinker "$runtime" -Xlinker -lstdc++
bin=.build-fuzz/debug/gcsh-fuzz

# Seeds, each behind a profile byte (0: go1.27, 1: go1.19, 2: go1.0): 300 short programs of
# the grammar-aware generator (gen_programs.py --emit) and the examples. Small seeds keep
# inputs fast (the learner corpus's programs, which run real workloads, allow 60 a second; these
# 130-210 on one niced core of a busy 2-core machine, AddressSanitizer on, most mutated inputs
# ending in the parser). libFuzzer adds what it finds to the same directory.
corpus=.build-fuzz/corpus
mkdir -p "$corpus" .build-fuzz/findings
python3 Tests/Fuzz/gen_programs.py /bin/true --emit "$corpus" --count 300 --seed 7
k=0
for f in examples/*.gcs examples/*.go; do
  [ -f "$f" ] || continue
  for p in 0 1 2; do
    { printf "\\$(printf '%03o' "$p")"; cat "$f"; } >"$corpus/seed-$k-$p"
  done
  k=$((k + 1))
done

# Tokens that are hard to hit byte by byte.
dict=.build-fuzz/gcscript.dict
for t in func package import var const type struct map for range if else switch case default \
  return break continue defer go chan select fallthrough goto make new append len cap copy \
  delete clear min max panic print println nil true false sleep gc free stats expect why roots \
  explain set GOGC GOMEMLIMIT fmt.Println fmt.Printf fmt.Sprintf runtime.GC runtime.MemStats \
  runtime.ReadMemStats time.Sleep debug.FreeOSMemory debug.SetGCPercent strconv.Itoa \
  strings.Repeat ':=' '...' '<<' '>>' '&^' '<-' '&&' '||' '[]byte' '[]int' '*int' 'func()' \
  '1 << 30' '1 << 62' 9223372036854775807 'MiB' 'GiB' '%d' '%v' '%s' '%5.2f'; do
  printf '"%s"\n' "$t"
done >"$dict"

export ASAN_OPTIONS=detect_leaks=0
exec "$bin" "$corpus" -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=2048 -detect_leaks=0 -artifact_prefix=.build-fuzz/findings/ -print_final_stats=1 "$@"
