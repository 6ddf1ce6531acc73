#!/usr/bin/env bash
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# package_test.sh CPACK BUILD_DIR WORK_DIR SOURCE_DIR CXX VERSION
#
# The Debian package test: builds the packages of BUILD_DIR
# (libsmtp-status-dev and smtp-explain) with CPack into WORK_DIR, checks
# their control fields and contents, runs lintian on them, installs them with
# dpkg, uses them as a user would (/usr/bin/smtp-explain, find_package and
# pkg-config against /usr/include/smtp), then removes and purges them and
# checks that nothing they installed is left behind.
#
# - Exit 0: all as expected; 1: failure; 77: skipped, with a line saying why
#   (not root, or dpkg, dpkg-deb, dpkg-shlibdeps, file, lintian or pkg-config
#   missing: scripts/install-deps.sh installs them). With
#   SMTP_STATUS_REQUIRE_PACKAGES=1 (set by CI) a skip is a failure instead.
# - The machine keeps its state: the test refuses to run when the packages,
#   or any file they hold, are already there (unless they are the leftovers
#   of an earlier run of this test, recorded in WORK_DIR, which it purges),
#   and it purges what it installed on any exit (trap).
# - Bounded: every step runs under `timeout`, within the budget
#   SMTP_STATUS_PACKAGE_TEST_SECONDS (default 240) for the whole run; the
#   purge on exit has its own 120 s.
set -uo pipefail

if [ $# -ne 6 ]; then
    echo "usage: $0 CPACK BUILD_DIR WORK_DIR SOURCE_DIR CXX VERSION" >&2
    exit 2
fi
cpack=$1
build=$2
work=$3
source=$4
cxx=$5
version=$6
budget=${SMTP_STATUS_PACKAGE_TEST_SECONDS:-240}

dev_package=libsmtp-status-dev
tool_package=smtp-explain
packages=("$dev_package" "$tool_package")
marker="$work/installed-by-package-test"

t0=${EPOCHREALTIME:-$SECONDS}
elapsed() {
    local now=${EPOCHREALTIME:-$SECONDS}
    awk -v a="$t0" -v b="$now" 'BEGIN { printf "%.1f", b - a }'
}
log() { printf 'package_test %5ss: %s\n' "$(elapsed)" "$*"; }
fail() {
    log "FAIL: $*"
    exit 1
}
skip() {
    log "SKIP: $*"
    if [ "${SMTP_STATUS_REQUIRE_PACKAGES:-0}" = 1 ]; then
        log "SMTP_STATUS_REQUIRE_PACKAGES=1: not skipping, failing"
        exit 1
    fi
    exit 77
}

# bounded SECONDS COMMAND...: runs COMMAND under timeout, for SECONDS at most
# and never past the budget of the whole test.
bounded() {
    local limit=$1 left
    shift
    left=$(awk -v a="$t0" -v b="${EPOCHREALTIME:-$SECONDS}" -v budget="$budget" \
        'BEGIN { printf "%d", budget - (b - a) }')
    if [ "$left" -le 0 ]; then
        log "out of time (budget ${budget}s) before: $*"
        return 124
    fi
    if [ "$left" -lt "$limit" ]; then limit=$left; fi
    timeout -k 5 "$limit" "$@"
}

# run LOG COMMAND...: bounded to 180 s, output into WORK_DIR/LOG, shown on failure.
run() {
    local name=$1 status=0
    shift
    bounded 180 "$@" >"$work/$name" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$work/$name"
        fail "$* (exit $status; log: $work/$name)"
    fi
}

# ---------------------------------------------------------------- cleanup --

installed=()   # the packages this run installed: purged on any exit
lintian_dir="" # lintian's copies of the packages, outside WORK_DIR

cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if [ -n "$lintian_dir" ]; then rm -rf "$lintian_dir"; fi
    if [ ${#installed[@]} -gt 0 ]; then
        log "cleanup: dpkg --purge ${installed[*]}"
        if timeout -k 5 120 dpkg --purge "${installed[@]}" >"$work/cleanup.log" 2>&1; then
            rm -f "$marker"
        else
            cat "$work/cleanup.log"
            log "cleanup: dpkg --purge failed; $marker still lists them"
            status=1
        fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# ----------------------------------------------------------- preconditions --

if [ "$(id -u)" -ne 0 ]; then
    skip "not root: dpkg -i needs root"
fi
for tool in dpkg dpkg-deb dpkg-query dpkg-shlibdeps file lintian pkg-config timeout ninja; do
    command -v "$tool" >/dev/null 2>&1 ||
        skip "$tool is not installed (sh scripts/install-deps.sh installs it)"
done
mkdir -p "$work" || fail "cannot create $work"

# The status dpkg knows a package by: "" when it has never heard of it.
status_of() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true; }

present=()
for package in "${packages[@]}"; do
    status=$(status_of "$package")
    if [ -n "$status" ] && [ "$status" != not-installed ]; then
        present+=("$package")
    fi
done
if [ ${#present[@]} -gt 0 ]; then
    if [ ! -f "$marker" ]; then
        fail "${present[*]} already on this machine, not from this test: it installs and" \
            "purges them, so it does not run here (dpkg --purge ${present[*]} first)"
    fi
    log "purging ${present[*]}, left installed by an earlier run of this test"
    run leftovers.log dpkg --purge "${present[@]}"
    rm -f "$marker"
fi

# ------------------------------------------------------------------- build --

rm -rf "$work/cpack"
run cpack.log "$cpack" --config "$build/CPackConfig.cmake" -B "$work/cpack"
shopt -s nullglob
dev_debs=("$work/cpack/${dev_package}_"*.deb)
tool_debs=("$work/cpack/${tool_package}_"*.deb)
shopt -u nullglob
if [ ${#dev_debs[@]} -ne 1 ] || [ ${#tool_debs[@]} -ne 1 ]; then
    ls -l "$work/cpack"
    fail "cpack did not make one ${dev_package} and one ${tool_package} package"
fi
dev_deb=${dev_debs[0]}
tool_deb=${tool_debs[0]}
log "built $(basename "$dev_deb") and $(basename "$tool_deb")"

# ---------------------------------------------------------- control fields --

# expect_field DEB FIELD PATTERN: the field matches the extended regex.
expect_field() {
    local value
    value=$(dpkg-deb -f "$1" "$2")
    [[ $value =~ $3 ]] || fail "$(basename "$1"): $2 is '$value', expected /$3/"
}
expect_field "$dev_deb" Package "^${dev_package}\$"
expect_field "$dev_deb" Architecture '^all$'
expect_field "$dev_deb" Section '^libdevel$'
expect_field "$tool_deb" Package "^${tool_package}\$"
expect_field "$tool_deb" Architecture "^$(dpkg --print-architecture)\$"
expect_field "$tool_deb" Section '^mail$'
# Computed by dpkg-shlibdeps from the program's shared libraries.
expect_field "$tool_deb" Depends '(^|, )libc6 \(>= [^)]+\)'
expect_field "$tool_deb" Depends '(^|, )libstdc\+\+6 \(>= [^)]+\)'
# The MIME reader of emails (bounces).
expect_field "$tool_deb" Depends '(^|, )libgmime-3\.0-0 \(>= [^)]+\)'
for deb in "$dev_deb" "$tool_deb"; do
    expect_field "$deb" Version "^${version//./\\.}\$"
    expect_field "$deb" Priority '^optional$'
    expect_field "$deb" Maintainer '^[^<>]+ <[^<>@]+@[^<>@]+>$'
    expect_field "$deb" Homepage '^https://'
    # A synopsis line, then an extended description.
    expect_field "$deb" Description $'^[^\n]{1,80}\n .+'
done

# ---------------------------------------------------------------- contents --

# The paths a package holds, one a line: /usr/bin/x, directories end in /.
paths_of() { dpkg-deb --fsys-tarfile "$1" | tar -t | sed -e 's|^\./|/|' -e '/^\/$/d'; }
paths_of "$dev_deb" >"$work/dev.paths" || fail "cannot list $dev_deb"
paths_of "$tool_deb" >"$work/tool.paths" || fail "cannot list $tool_deb"
for deb in "$dev_deb" "$tool_deb"; do
    echo "dpkg -c $(basename "$deb"):"
    dpkg-deb -c "$deb" | awk '{ print "  " $1, $3, $6, $7, $8 }'
done

expected_dev=(
    /usr/share/cmake/smtp_status/smtp_statusConfig.cmake
    /usr/share/cmake/smtp_status/smtp_statusConfigVersion.cmake
    /usr/share/cmake/smtp_status/smtp_statusTargets.cmake
    /usr/share/pkgconfig/smtp_status.pc
    /usr/share/doc/smtp_status/LICENSE
    /usr/share/doc/smtp_status/README.md
    "/usr/share/doc/$dev_package/copyright"
    "/usr/share/doc/$dev_package/changelog.gz"
)
for header in "$source"/include/smtp/*.hpp; do
    expected_dev+=("/usr/include/smtp/$(basename "$header")")
done
expected_tool=(
    /usr/bin/smtp-explain
    "/usr/share/doc/$tool_package/copyright"
    "/usr/share/doc/$tool_package/changelog.gz"
)
if [ -f "$source/tools/smtp-explain/smtp-explain.1" ]; then
    expected_tool+=(/usr/share/man/man1/smtp-explain.1.gz)
fi
for path in "${expected_dev[@]}"; do
    grep -qxF "$path" "$work/dev.paths" || fail "$(basename "$dev_deb") lacks $path"
done
for path in "${expected_tool[@]}"; do
    grep -qxF "$path" "$work/tool.paths" || fail "$(basename "$tool_deb") lacks $path"
done
if grep -v '^/usr/' "$work/dev.paths" "$work/tool.paths"; then
    fail "a package holds files outside /usr"
fi

sort -u "$work/dev.paths" "$work/tool.paths" >"$work/all.paths"
grep -v '/$' "$work/all.paths" >"$work/files.paths"
grep '/$' "$work/all.paths" | sed 's|/$||' >"$work/dirs.paths"

# --------------------------------------------------------------- lintian --

# --fail-on error: warnings are shown, errors fail the test. lintian unpacks
# the archives and needs no privilege, so it runs as nobody, on copies in a
# folder of its own, where nobody can read them.
lintian_command=(lintian --fail-on error)
if id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1; then
    lintian_dir=$(mktemp -d) || fail "mktemp failed"
    chmod 755 "$lintian_dir"
    if ! cp "$dev_deb" "$tool_deb" "$lintian_dir/" || ! chmod 644 "$lintian_dir"/*.deb; then
        fail "cannot copy the packages to $lintian_dir"
    fi
    lintian_command=(env "HOME=$lintian_dir" setpriv --reuid=nobody --regid=nogroup
        --clear-groups "${lintian_command[@]}")
    lintian_debs=("$lintian_dir/$(basename "$dev_deb")" "$lintian_dir/$(basename "$tool_deb")")
else
    lintian_debs=("$dev_deb" "$tool_deb")
fi
status=0
bounded 180 "${lintian_command[@]}" "${lintian_debs[@]}" >"$work/lintian.log" 2>&1 || status=$?
sed 's/^/  lintian: /' "$work/lintian.log"
if [ "$status" -ne 0 ]; then
    fail "lintian found errors (exit $status)"
fi
log "lintian: $(grep -c '^E: ' "$work/lintian.log") errors, $(grep -c '^W: ' "$work/lintian.log") warnings"

# ----------------------------------------------------------------- install --

# Nothing the packages hold may be there already: dpkg would overwrite a
# file no package owns, and purging would then delete it.
while IFS= read -r path; do
    if [ -e "$path" ] || [ -L "$path" ]; then
        fail "$path exists already; installing the packages would replace it"
    fi
done <"$work/files.paths"
# The directories that exist before: exactly these exist after the purge.
while IFS= read -r dir; do
    if [ -d "$dir" ]; then echo "$dir"; fi
done <"$work/dirs.paths" >"$work/dirs.before"

installed=("${packages[@]}")
printf '%s\n' "${packages[@]}" >"$marker"
run dpkg-install.log dpkg -i "$dev_deb" "$tool_deb"
for package in "${packages[@]}"; do
    [ "$(status_of "$package")" = installed ] || fail "dpkg does not list $package as installed"
done
while IFS= read -r path; do
    [ -e "$path" ] || fail "$path is in a package but not on disk after dpkg -i"
done <"$work/files.paths"
log "installed with dpkg -i"

# ------------------------------------------------------------ use them --

run version.out /usr/bin/smtp-explain --version
grep -qF "smtp-explain $version" "$work/version.out" ||
    fail "/usr/bin/smtp-explain --version says: $(cat "$work/version.out")"
run explain.out /usr/bin/smtp-explain 550
grep -qF "550 MailboxUnavailable" "$work/explain.out" ||
    fail "/usr/bin/smtp-explain 550 says: $(cat "$work/explain.out")"
log "/usr/bin/smtp-explain --version: $(head -n 1 "$work/version.out")"

# CMake: find_package(smtp_status <major.minor> CONFIG REQUIRED) with no hint
# finds /usr/share/cmake/smtp_status, and the program compiles against
# /usr/include/smtp (checked in the compiler's dependency list).
consumer="$work/find_package"
rm -rf "$consumer"
run find_package-configure.log env -u CMAKE_PREFIX_PATH cmake \
    -S "$source/tests/consumers/find_package" -B "$consumer" -G Ninja \
    "-DCMAKE_CXX_COMPILER=$cxx" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    "-DCONSUMER_COMMON_DIR=$source/tests/consumers/common" \
    "-DSMTP_STATUS_REQUEST=$(echo "$version" | cut -d. -f1-2)"
found=$(sed -n 's/^smtp_status_DIR:PATH=//p' "$consumer/CMakeCache.txt")
[ "$found" = /usr/share/cmake/smtp_status ] || fail "find_package found smtp_status in '$found'"
run find_package-build.log cmake --build "$consumer"
ninja -C "$consumer" -t deps >"$work/find_package.deps" 2>&1
grep -qE '^ +/usr/include/smtp/smtp\.hpp$' "$work/find_package.deps" ||
    fail "the find_package consumer did not compile against /usr/include/smtp/smtp.hpp"
run find_package-run.log "$consumer/consumer"
log "find_package(smtp_status CONFIG REQUIRED): $found; consumer built and ran"

# pkg-config, from its default search path only.
run pkg-config.out env -u PKG_CONFIG_PATH -u PKG_CONFIG_LIBDIR pkg-config --modversion smtp_status
[ "$(cat "$work/pkg-config.out")" = "$version" ] ||
    fail "pkg-config --modversion smtp_status: $(cat "$work/pkg-config.out")"
run pkg-config-cflags.out env -u PKG_CONFIG_PATH -u PKG_CONFIG_LIBDIR pkg-config --cflags smtp_status
read -r -a cflags <"$work/pkg-config-cflags.out"
for flag in "${cflags[@]}"; do
    if [[ $flag == -I* ]] && [ "$(realpath -m "${flag#-I}")" != /usr/include ]; then
        fail "pkg-config --cflags smtp_status: $flag is not /usr/include"
    fi
done
run pkg-config-compile.log "$cxx" -std=c++17 -Wall -Wextra -Werror "${cflags[@]}" \
    -MD -MF "$work/pkg_config.d" "$source/tests/consumers/common/main.cpp" \
    -o "$work/pkg_config_consumer"
grep -o '[^ ]*smtp/smtp\.hpp' "$work/pkg_config.d" | xargs -r realpath -m |
    grep -qx /usr/include/smtp/smtp.hpp ||
    fail "the pkg-config consumer did not compile against /usr/include/smtp/smtp.hpp"
run pkg-config-run.log "$work/pkg_config_consumer"
log "pkg-config --cflags smtp_status: '${cflags[*]}'; consumer built and ran"

# ------------------------------------------------------------------ remove --

run dpkg-remove.log dpkg -r "$tool_package" "$dev_package"
run dpkg-purge.log dpkg --purge "$tool_package" "$dev_package"
installed=()
rm -f "$marker"
for package in "${packages[@]}"; do
    status=$(status_of "$package")
    if [ -n "$status" ] && [ "$status" != not-installed ]; then
        fail "$package is '$status' after dpkg --purge"
    fi
done
left=0
while IFS= read -r path; do
    if [ -e "$path" ] || [ -L "$path" ]; then
        log "left behind: $path"
        left=1
    fi
done <"$work/files.paths"
while IFS= read -r dir; do
    if [ -d "$dir" ]; then echo "$dir"; fi
done <"$work/dirs.paths" >"$work/dirs.after"
if ! diff "$work/dirs.before" "$work/dirs.after" >"$work/dirs.diff"; then
    sed 's/^/  /' "$work/dirs.diff"
    left=1
fi
[ "$left" -eq 0 ] || fail "dpkg -r and --purge left files or directories behind"
log "removed and purged: every file and new directory gone"
log "ok"
