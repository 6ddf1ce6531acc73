#!/usr/bin/env bash
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# asio_example.sh CLIENT PROBE WORKDIR
#
# The test of examples/asio_client.cpp (CLIENT): starts the integration
# tests' private Postfix (fixture_lib.sh) on 127.0.0.1, on a port PROBE
# (smtp_probe --free-port) finds, and sends with CLIENT from 127.0.0.2:
#   accepted           a message for root: accepted (exit 0);
#   refused-recipient  a message for root and an unknown user: that
#                      recipient refused with 550 5.1.1, the message
#                      accepted for root (exit 1);
#   lock-step          the same from 127.0.0.3, which is not offered
#                      PIPELINING: the commands one at a time (exit 1);
#   too-large          a message over the instance's message_size_limit
#                      (2048 bytes): refused at MAIL, from its SIZE=, with
#                      552 5.3.4 (exit 1);
#   not-smtp           a listener that answers like a web server: the reply
#                      does not parse, reported as a std::error_code in
#                      category smtp.reply (exit 3).
# Each case checks the exit status and the lines that say what happened,
# and the pipelined group where Postfix offers PIPELINING. Exit 0, 1, or 77
# for a skip, bounded by SMTP_STATUS_SERVER_TEST_SECONDS, as mta_fixture.sh.
# shellcheck source-path=SCRIPTDIR
set -uo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 CLIENT PROBE WORKDIR" >&2
    exit 2
fi
client=$1
probe=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)

# For fixture_lib.sh: the log tag and the budget of the whole run.
# shellcheck disable=SC2034
fixture_tag="asio_example"
# shellcheck disable=SC2034
budget=${SMTP_STATUS_SERVER_TEST_SECONDS:-300}
# shellcheck source=fixture_lib.sh
. "$here/fixture_lib.sh"
fixture_begin

[ -x "$client" ] || fail "no client program at $client"
[ -x "$probe" ] || fail "no probe program at $probe"
mkdir -p "$(dirname "$work")" || fail "cannot create $(dirname "$work")"
# Absolute: Postfix wants absolute paths in main.cf.
work="$(cd "$(dirname "$work")" && pwd)/$(basename "$work")"

start_postfix_test_instance "$work" "$probe"

failures=0
# run_case NAME STATUS PATTERN... -- CLIENT-ARGUMENTS...: runs the client,
# shows its output, and checks its exit status and that each extended
# regular expression PATTERN matches a line of the output.
run_case() {
    local name=$1 expected=$2 status=0 pattern
    shift 2
    local patterns=()
    while [ "$1" != "--" ]; do
        patterns+=("$1")
        shift
    done
    shift
    local out="$work/$name.out"
    bounded 60 "$client" --port "$postfix_port" --source 127.0.0.2 --timeout-ms 30000 \
        --from sender@client.smtp-status.test "$@" >"$out" 2>&1 || status=$?
    echo "--- $name: asio_client $* (exit $status)"
    cat "$out"
    if [ "$status" -ne "$expected" ]; then
        log "FAIL: $name: exit $status, expected $expected"
        failures=$((failures + 1))
    fi
    for pattern in "${patterns[@]}"; do
        if ! grep -qE -- "$pattern" "$out"; then
            log "FAIL: $name: no line matches: $pattern"
            failures=$((failures + 1))
        fi
    done
}

root=root@mx.smtp-status.test
unknown=nosuchuser@mx.smtp-status.test
pipelined='^  -> MAIL FROM:<[^>]*> SIZE=[0-9]+\|RCPT TO:<[^>]*>(\|RCPT TO:<[^>]*>)*\|DATA$'

run_case accepted 0 \
    '^server offers PIPELINING: yes, SIZE: yes$' "$pipelined" \
    '^result: message: accepted \(Proceed\): 250 Ok, 2\.0\.0; smtp:250 ' \
    '^result: accepted for 1 of 1 recipients; message accepted$' \
    -- --to "$root"

run_case refused-recipient 1 "$pipelined" \
    "^result: recipient <$unknown>: refused \\(Fail\\): 550 MailboxUnavailable, 5\\.1\\.1; smtp:550 " \
    '^result: message: accepted \(Proceed\): 250 Ok, 2\.0\.0' \
    '^result: accepted for 1 of 2 recipients; message accepted$' \
    -- --to "$root" --to "$unknown"

# From 127.0.0.3, which the instance does not offer PIPELINING: one command
# at a time, and the same outcome as refused-recipient.
run_case lock-step 1 \
    '^server offers PIPELINING: no, SIZE: yes$' \
    '^  -> MAIL FROM:<[^>|]*> SIZE=[0-9]+$' "^  -> RCPT TO:<$unknown>\$" '^  -> DATA$' \
    "^result: recipient <$unknown>: refused \\(Fail\\): 550 MailboxUnavailable, 5\\.1\\.1; smtp:550 " \
    '^result: accepted for 1 of 2 recipients; message accepted$' \
    -- --to "$root" --to "$unknown" --source 127.0.0.3

run_case too-large 1 "$pipelined" \
    '^result: MAIL: refused \(Fail\): 552 [A-Za-z]+, 5\.3\.4; smtp:552 ' \
    '^result: accepted for 0 of 1 recipients; message not accepted$' \
    -- --to "$root" --body-bytes 5000

# Not SMTP: a listener on 127.0.0.1 that answers like a web server, once.
# The client's parse_reply says InvalidCode, which it reports as the
# std::error_code of <smtp/error_code.hpp> (category smtp.reply).
web_port=$("$probe" --free-port) || fail "no free port"
"$debian_python" -I -c '
import socket, sys
with socket.create_server(("127.0.0.1", int(sys.argv[1]))) as server:
    server.settimeout(float(sys.argv[2]))
    connection, _ = server.accept()
    with connection:
        connection.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
' "$web_port" 60 </dev/null >"$work/not-smtp.log" 2>&1 &
web_pid=$!
track "the web-like listener" "$web_pid"
wait_listening "$web_port" "$web_pid" || fail "the web-like listener did not start"
run_case not-smtp 3 \
    '^result: no SMTP session: the reply does not parse: smtp\.reply:[0-9]+ "a reply line does not start with a three-digit reply code' \
    -- --to "$root" --port "$web_port"

stop_all_tracked
if [ "$failures" -ne 0 ]; then
    echo "--- the end of $work/maillog ---"
    tail -n 30 "$work/maillog"
    fail "$failures check(s) failed"
fi
log "done: 5 cases as expected"
exit 0
