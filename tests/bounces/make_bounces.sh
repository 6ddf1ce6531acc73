#!/usr/bin/env bash
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# make_bounces.sh MTA OUTDIR [WORKDIR]
#
# Makes real bounces with a real MTA on loopback: starts the sink
# (bounce_sink.py, aiosmtpd) and MTA (postfix, exim, sendmail or opensmtpd)
# with a private configuration under WORKDIR (default OUTDIR.work), mails
# every case of bounce_cases.py through the MTA, waits (bounded) for every
# notice the MTA owes the sender, writes them to OUTDIR as
# MTA-CASE-ACTION.eml with OUTDIR/expected.json, checks them
# (bounce_driver.py), explains them with the program SMTP_EXPLAIN names, when
# set, and checks what it reports (check_explain.py), and stops everything
# it started, by PID.
#
# - Exit 0: every notice arrived and is well formed; 1: a failure; 77: the
#   MTA or aiosmtpd is missing and cannot be had (not root, no apt-get),
#   except that SMTP_STATUS_REQUIRE_SERVERS=1 turns that into a failure.
# - Postfix is Debian's package, installed with apt-get when missing (as the
#   integration test does). Exim, Sendmail and OpenSMTPD conflict with it
#   and with each other (each provides mail-transport-agent), so they are
#   never installed: their .debs are fetched with `apt-get download` into
#   WORKDIR/../debs and unpacked with `dpkg-deb -x` into WORKDIR/../root-MTA,
#   and run from there (bounce_mtas.sh says how for each). Only the ordinary
#   shared libraries they link against are installed with apt-get.
# - Only loopback: the sink listens on 127.0.0.1, .10, .11 and .12, the MTA
#   on 127.0.0.1, and the MTA routes every domain to the sink by address and
#   port, never by DNS.
# - Bounded: the whole run by SMTP_STATUS_BOUNCE_TEST_SECONDS (default 240)
#   through the watchdog of fixture_lib.sh, the wait for the notices by
#   SMTP_STATUS_BOUNCE_WAIT_SECONDS (default 60), each step by a timeout.
# shellcheck source-path=SCRIPTDIR
set -uo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 postfix|exim|sendmail|opensmtpd OUTDIR [WORKDIR]" >&2
    exit 2
fi
mta=$1
out=$2
work=${3:-$2.work}
here=$(cd "$(dirname "$0")" && pwd)
wait_seconds=${SMTP_STATUS_BOUNCE_WAIT_SECONDS:-60}

# For fixture_lib.sh: the log tag and the budget of the whole run.
# shellcheck disable=SC2034
fixture_tag="make_bounces[$mta]"
# shellcheck disable=SC2034
budget=${SMTP_STATUS_BOUNCE_TEST_SECONDS:-240}
# shellcheck source=../integration/fixture_lib.sh
. "$here/../integration/fixture_lib.sh"
# shellcheck source=bounce_mtas.sh
. "$here/bounce_mtas.sh"
fixture_begin

# A free TCP port on 127.0.0.1 (the kernel's choice; the MTA binds it soon
# after, and a start that loses the race is tried again).
free_port() {
    "$debian_python" -I -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

driver() {
    bounded 120 "$debian_python" -I "$here/bounce_driver.py" "$@"
}

case $mta in
postfix | exim | sendmail | opensmtpd) ;;
*) fail "unknown MTA $mta (postfix, exim, sendmail or opensmtpd)" ;;
esac
if [ "$(id -u)" -ne 0 ]; then
    skip "the MTAs are started as root (they change to their own users)"
fi

# Absolute paths: the MTAs want them in their configurations.
mkdir -p "$out" "$(dirname "$work")" || fail "cannot create $out"
out=$(cd "$out" && pwd)
work="$(cd "$(dirname "$work")" && pwd)/$(basename "$work")"

ensure_aiosmtpd
"${mta}_prepare"
log "$mta $("${mta}_version") ready"

rm -rf "$work"
mkdir -p "$work/sink" || fail "cannot create $work"
# The MTAs change to their own users: everything they read must be reachable.
chmod 755 "$work"
start_aiosmtpd bounce-sink "$here/bounce_sink.py" "$work" --store "$work/sink"
sink_port=$aiosmtpd_port
log "sink listening on port $sink_port (PID $aiosmtpd_pid)"

for attempt in 1 2 3; do
    mta_port=$(free_port) || fail "no free port"
    "${mta}_start" "$work/$mta" "$mta_port" "$sink_port" && break
    [ "$attempt" -lt 3 ] || fail "$mta did not start in 3 attempts"
    log "$mta did not start listening on port $mta_port; trying another port"
done
log "$mta listening on 127.0.0.1:$mta_port"

submitted=$(elapsed)
driver submit --mta "$mta" --port "$mta_port" --local-domain "$mta_domain" \
    --skip "$mta_skip_smtp" || fail "$mta did not accept every test message"
if declare -F "${mta}_submit_local" >/dev/null; then
    "${mta}_submit_local" || fail "the local submission to $mta failed"
fi
log "every case submitted; waiting up to ${wait_seconds}s for the notices"

status=0
driver collect --mta "$mta" --store "$work/sink" --out "$out" \
    --local-domain "$mta_domain" --wait "$wait_seconds" || status=$?
log "notices collected $(awk -v a="$submitted" -v b="$(elapsed)" 'BEGIN { printf "%.1f", b - a }')s after the submission"
# smtp-explain reads the new notices as expected.json says (the test sets
# SMTP_EXPLAIN to the program it built).
if [ "$status" -eq 0 ] && [ -n "${SMTP_EXPLAIN:-}" ]; then
    bounded 120 "$debian_python" -I "$here/check_explain.py" "$SMTP_EXPLAIN" "$out" || status=1
fi
if [ "$status" -ne 0 ]; then
    echo "--- the end of the $mta log ($mta_log) ---"
    tail -n 40 "$mta_log"
fi
stop_all_tracked
log "done"
exit "$status"
