#!/usr/bin/env bash
# Fuzz the parser and interpreter with libFuzzer under AddressSanitizer (issue 3).
# Usage: tests/fuzz/run.sh [SECONDS]   (default 1800). Not part of `npm test`.
# Needs Debian's clang and libclang-rt-14-dev (installed here when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
secs="${1:-1800}"
if ! command -v clang++-14 >/dev/null || [ ! -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  apt-get install -y clang-14 libclang-rt-14-dev >/dev/null
fi
out="$root/build/fuzz"
mkdir -p "$out/corpus"
cp "$root"/tests/conformance/cases/*.py "$out/corpus/" 2>/dev/null || true
export FUZZ_FLAGS="-std=c++20 -O1 -g -fno-omit-frame-pointer -I$root/core -isystem /usr/include/eigen3 -DEIGEN_MPL2_ONLY"
mkdir -p "$out/obj"
# compile each source to its own object, two at a time, recompiling only what changed
find "$root/core" -name '*.cpp' -not -path '*/cli/*' -not -path '*/fuzz/*' | while read -r src; do
  obj="$out/obj/$(echo "${src#$root/}" | tr '/' '_').o"
  if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find "$root/core" -name '*.h' -newer "$obj" | head -1)" ]; then
    echo "$src $obj"
  fi
done | xargs -r -P2 -n2 sh -c 'echo "  $1" && clang++-14 $FUZZ_FLAGS -fsanitize=fuzzer-no-link,address -c "$1" -o "$2"' _
echo "linking fuzz_interp (ASan + libFuzzer)..."
clang++-14 $FUZZ_FLAGS -fsanitize=fuzzer,address "$root/tests/fuzz/fuzz_interp.cpp" "$out"/obj/*.o -o "$out/fuzz_interp"
# a generous RSS limit: the interpreter's own memory budget must trip first; a failed huge
# allocation returns NULL as it does outside ASan (NumPy's MemoryError cases in the corpus)
ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$out/fuzz_interp" -max_total_time="$secs" -max_len=4096 -timeout=10 \
  -rss_limit_mb=4096 -dict="$root/tests/fuzz/python.dict" "$out/corpus"
