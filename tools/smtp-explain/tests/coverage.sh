#!/bin/sh
# Coverage of smtp-explain's core (tools/smtp-explain/src, but for the
# program's own cli/ and main.cpp) by its unit tests alone, with g++ and
# gcovr. Prints the table and the summary, and fails below 95 % of lines or
# 85 % of branches. .ci/run runs it; a developer may too:
#
#   sh tools/smtp-explain/tests/coverage.sh [BUILD_DIR]    (default build/coverage)
#
# Branches the compiler adds for exceptions are left out (the core throws
# none of its own; they are the standard library's bad_alloc paths).
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build/coverage}
src=$root/tools/smtp-explain/src

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ \
    "-DCMAKE_CXX_FLAGS=--coverage" -DSMTP_STATUS_WARNINGS_AS_ERRORS=ON \
    -DSMTP_STATUS_BUILD_TESTS=ON -DSMTP_STATUS_BUILD_EXAMPLES=OFF \
    -DSMTP_STATUS_TEST_SERVERS=OFF -DSMTP_STATUS_TEST_CONSUMERS=OFF >/dev/null
cmake --build "$build" --target smtp_explain_unit_tests
find "$build" -name '*.gcda' -exec rm -f {} +
"$build/tools/smtp-explain/tests/smtp_explain_unit_tests" --minimal
gcovr --root "$root" --filter "$src/" --exclude "$src/cli/" --exclude "$src/main.cpp" \
    --exclude-throw-branches --exclude-unreachable-branches \
    --print-summary --fail-under-line 95 --fail-under-branch 85 "$build"
