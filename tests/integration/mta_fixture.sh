#!/usr/bin/env bash
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# mta_fixture.sh SERVER PROBE WORKDIR
#
# The real-server integration test: installs SERVER (postfix or aiosmtpd)
# from Debian's packages if it is missing, configures it under WORKDIR,
# starts it on 127.0.0.1 on a free non-standard port, runs PROBE (the
# smtp_probe client) against it from 127.0.0.2, and stops it again.
#
# - Exit 0: every step as expected; 1: failure; 77: skipped (ctest's
#   SKIP_RETURN_CODE), with a line saying why: the server is not installed
#   and cannot be (not root, no apt-get, apt-get failed), or it needs root to
#   start. With SMTP_STATUS_REQUIRE_SERVERS=1 (set by .ci/run) a skip is a
#   failure instead, so CI cannot pass without having talked to the servers.
# - Only loopback: the servers listen on 127.0.0.1, the client connects from
#   127.0.0.2 (Postfix trusts 127.0.0.1 through mynetworks, and would not
#   show its relay and unknown-user checks to it).
# - Bounded: the whole run by SMTP_STATUS_SERVER_TEST_SECONDS (default 300)
#   through a watchdog, every long step inside by its own timeout as well
#   (run through `bounded`, so the watchdog can interrupt it), and each
#   server stops by itself after that budget even if this script is killed.
# - Every process this script starts is stopped by its PID on any exit
#   (trap), and Postfix's daemons by the process group its master leads.
# shellcheck source-path=SCRIPTDIR
set -uo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 postfix|aiosmtpd PROBE WORKDIR" >&2
    exit 2
fi
server=$1
probe=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)
source_address=127.0.0.2

# For fixture_lib.sh: the log tag and the budget of the whole run.
# shellcheck disable=SC2034
fixture_tag="mta_fixture[$server]"
# shellcheck disable=SC2034
budget=${SMTP_STATUS_SERVER_TEST_SECONDS:-300}
# shellcheck source=fixture_lib.sh
. "$here/fixture_lib.sh"
fixture_begin

# ----------------------------------------------------------------- probe --

# Runs the probe against 127.0.0.1:$1; when it fails, shows the end of the
# server's log, $2.
run_probe() {
    local port=$1 log_file=$2 status=0
    bounded 120 "$probe" --server "$server" --port "$port" --source "$source_address" \
        --read-timeout-ms 10000 --total-timeout-ms 90000 || status=$?
    if [ "$status" -eq 77 ]; then
        skip "the client cannot use $source_address (see above)"
    fi
    log "session over"
    if [ "$status" -ne 0 ]; then
        echo "--- the end of $log_file ---"
        tail -n 30 "$log_file"
    fi
    return "$status"
}

# --------------------------------------------------------------- postfix --

run_postfix() {
    start_postfix_test_instance "$work" "$probe"
    run_probe "$postfix_port" "$work/maillog"
}

# -------------------------------------------------------------- aiosmtpd --

run_aiosmtpd() {
    ensure_aiosmtpd
    local dir=$work
    rm -rf "$dir"
    mkdir -p "$dir" || fail "cannot create $dir"
    start_aiosmtpd aiosmtpd "$here/aiosmtpd_server.py" "$dir"
    log "aiosmtpd $(aiosmtpd_version) listening on 127.0.0.1:$aiosmtpd_port (PID $aiosmtpd_pid)"

    run_probe "$aiosmtpd_port" "$dir/aiosmtpd.log"
}

# ------------------------------------------------------------------ main --

[ -x "$probe" ] || fail "no probe program at $probe"
# Absolute: Postfix wants absolute paths in main.cf.
mkdir -p "$(dirname "$work")" || fail "cannot create $(dirname "$work")"
work="$(cd "$(dirname "$work")" && pwd)/$(basename "$work")"
case $server in
postfix) run_postfix ;;
aiosmtpd) run_aiosmtpd ;;
*) fail "unknown server $server (postfix or aiosmtpd)" ;;
esac
status=$?
stop_all_tracked
log "done"
exit "$status"
