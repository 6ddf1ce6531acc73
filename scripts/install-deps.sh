#!/bin/sh
# Installs, from Debian's packages, everything smtp-status needs to build and
# run its tests (Debian 12 or later). Safe to run again: it does nothing when
# all of it is already there. The real-server integration test installs the
# mail servers it needs itself. dpkg-dev and file (dpkg-shlibdeps) and
# lintian are for the Debian packages and their test. libgmime-3.0-dev is
# smtp-explain's MIME reader of emails. emscripten (with node-acorn) builds
# smtp-explain's page (the wasm preset); chromium, chromium-driver and
# python3-selenium run its browser tests. clang-19 with libc++-19-dev and
# libc++abi-19-dev is CI's std::format cell; libasio-dev the Asio example;
# doxygen the reference documentation (docs preset).
set -eu

packages="cmake ninja-build g++ clang libclang-rt-dev pkg-config doctest-dev
libfmt-dev libbenchmark-dev valgrind python3 dpkg-dev file lintian
libcli11-dev libgmime-3.0-dev gcovr time nlohmann-json3-dev emscripten
node-acorn chromium chromium-driver python3-selenium clang-19 libc++-19-dev
libc++abi-19-dev libasio-dev doxygen"

missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done
if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
else
    as_root="sudo"
fi
echo "install-deps: installing$missing"
$as_root apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing
