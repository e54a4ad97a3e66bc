#!/usr/bin/env bash
# Builds the libFuzzer harness over the library's sources and runs it for a while.
#   Fuzz/run.sh [seconds]     (default 60)
# Crashing inputs are written to Fuzz/crashes/; the corpus grows in Fuzz/corpus/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build=.build-fuzz
mkdir -p "$build" Fuzz/corpus Fuzz/crashes
cp Rules/*.regua Fuzz/corpus/ 2>/dev/null || true
cp Rules/samples/*.json Fuzz/corpus/ 2>/dev/null || true
swiftc -sanitize=fuzzer,address -parse-as-library -module-name Regua -O -g \
  $(find Sources/Regua -name '*.swift') Fuzz/FuzzRules.swift -o "$build/fuzz-rules"
"$build/fuzz-rules" -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
  -artifact_prefix=Fuzz/crashes/ Fuzz/corpus
