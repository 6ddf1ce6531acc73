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
set -uo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 postfix|aiosmtpd PROBE WORKDIR" >&2
    exit 2
fi
server=$1
probe=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)
budget=${SMTP_STATUS_SERVER_TEST_SECONDS:-300}
source_address=127.0.0.2

t0=${EPOCHREALTIME:-$SECONDS}
# Seconds since the start, to a tenth where bash has EPOCHREALTIME.
elapsed() {
    local now=${EPOCHREALTIME:-$SECONDS}
    awk -v a="$t0" -v b="$now" 'BEGIN { printf "%.1f", b - a }'
}
log() { printf 'mta_fixture[%s] %5ss: %s\n' "$server" "$(elapsed)" "$*"; }
fail() {
    log "FAIL: $*"
    exit 1
}
skip() {
    log "SKIP: $*"
    if [ "${SMTP_STATUS_REQUIRE_SERVERS:-0}" = 1 ]; then
        log "SMTP_STATUS_REQUIRE_SERVERS=1: not skipping, failing"
        exit 1
    fi
    exit 77
}

# ---------------------------------------------------------------- cleanup --

server_pid=""      # the server's main process (Postfix's master, or python3)
server_group=""    # the process group it leads, when it made one (Postfix)
step_pid=""        # the `timeout` running a long step (bounded), if any
watchdog_pid=""
made_policy=""     # the policy-rc.d this script created, if any

# The fields of /proc/PID/stat after "pid (comm) ", whatever comm holds:
# state, ppid, pgrp, ... Read with builtins only (no process per call).
proc_fields() {
    local stat
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    printf '%s' "${stat##*) }"
}

alive() {
    local fields
    fields=$(proc_fields "$1") || return 1
    case ${fields%% *} in Z | X | x) return 1 ;; esac
    return 0
}

# PIDs of the live processes in process group $1.
group_members() {
    local group=$1 entry stat fields
    for entry in /proc/[0-9]*; do
        read -r stat 2>/dev/null <"$entry/stat" || continue
        read -r -a fields <<<"${stat##*) }"
        if [ "${fields[2]:-}" = "$group" ] && [ "${fields[0]}" != Z ]; then
            printf '%s\n' "${entry#/proc/}"
        fi
    done
}

# Sends TERM to $1, waits up to 10 s, then KILL; reaps it if it is our child.
stop_pid() {
    local pid=$1
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 100); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            log "PID $pid ignored TERM for 10 s: KILL"
            kill -KILL "$pid" 2>/dev/null
        fi
    fi
    wait "$pid" 2>/dev/null
    return 0
}

# After the leader of process group $1 (described by $2) was stopped: waits
# up to 5 s for the rest of the group to end, then KILLs each one left, by PID.
end_group() {
    local group=$1 what=$2 member
    for _ in $(seq 50); do
        [ -z "$(group_members "$group")" ] && break
        sleep 0.1
    done
    for member in $(group_members "$group"); do
        log "PID $member of $what's group outlived it: KILL"
        kill -KILL "$member" 2>/dev/null
    done
}

stop_server() {
    [ -n "$server_pid" ] || return 0
    local pid=$server_pid
    server_pid=""
    stop_pid "$pid"
    if [ -n "$server_group" ]; then
        # Postfix's master ends its daemons itself on TERM; anything of its
        # group still running after that is ended here, by PID.
        end_group "$server_group" "Postfix's master"
    fi
    server_group=""
    log "stopped $server (PID $pid)"
}

# Runs "$@" under `timeout $1` as a background job and waits for it: bash
# runs a trap only between commands, so while a foreground command runs the
# watchdog's TERM would wait for it, and the budget would not hold. `wait`
# is interrupted by the trap instead. Returns the command's status (124 when
# its own timeout ended it). The caller's redirections apply to the command.
bounded() {
    local seconds=$1 status=0
    shift
    timeout "$seconds" "$@" &
    step_pid=$!
    wait "$step_pid" || status=$?
    step_pid=""
    return "$status"
}

# Stops a step that bounded still runs (the script is being stopped by
# the watchdog or a signal). `timeout` leads a process group of its own
# and passes TERM on to it; whatever of the group is left is KILLed.
# shellcheck disable=SC2317 # run by the EXIT trap, through cleanup
stop_step() {
    [ -n "$step_pid" ] || return 0
    local pid=$step_pid
    step_pid=""
    log "stopping the running step (PID $pid)"
    stop_pid "$pid"
    end_group "$pid" "the step"
}

# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT TERM INT HUP
    stop_step
    stop_server
    if [ -n "$watchdog_pid" ]; then
        kill -TERM "$watchdog_pid" 2>/dev/null
        wait "$watchdog_pid" 2>/dev/null
    fi
    if [ -n "$made_policy" ]; then
        rm -f "$made_policy"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 1' TERM INT HUP

# The watchdog: TERM to this script once the budget is spent, so the trap
# above still stops the servers and a running step (long steps run through
# bounded, whose wait the TERM interrupts). It ends its own sleep, by PID,
# when stopped.
(
    sleep "$budget" &
    sleeper=$!
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    wait "$sleeper"
    echo "mta_fixture[$server]: over the ${budget}s budget: stopping" >&2
    kill -TERM $$ 2>/dev/null
) &
watchdog_pid=$!

# ----------------------------------------------------------- installation --

install_packages() {
    if ! command -v apt-get >/dev/null 2>&1; then
        skip "$* is not installed, and there is no apt-get to install it"
    fi
    if [ "$(id -u)" -ne 0 ]; then
        skip "$* is not installed, and installing it needs root: sudo apt-get install $*"
    fi
    # Debian's maintainer scripts would start the system's own service (on
    # port 25); policy-rc.d (exit 101) forbids that. Most containers have
    # one already; otherwise ours is there for the install only.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\n# smtp-status integration test: no service starts during its install\nexit 101\n' \
            >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=/usr/sbin/policy-rc.d
    fi
    log "installing $* with apt-get"
    local apt_log="$work.apt.log"
    apt_install() {
        bounded 240 env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends -o DPkg::Lock::Timeout=60 "$@" </dev/null >"$apt_log" 2>&1
    }
    if ! apt_install "$@"; then
        log "apt-get install failed; updating the package lists and trying again"
        bounded 120 apt-get update -q </dev/null >>"$apt_log" 2>&1
        if ! apt_install "$@"; then
            tail -n 15 "$apt_log"
            skip "apt-get could not install $* (log: $apt_log)"
        fi
    fi
    if [ -n "$made_policy" ]; then
        rm -f "$made_policy"
        made_policy=""
    fi
    log "installed $*"
}

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

# Waits up to 20 s, while PID $2 lives, until PID $2 itself listens on
# 127.0.0.1:$1: the socket in LISTEN state there (from /proc/net/tcp, so
# without connecting) must be one of its open files, not someone else's.
wait_listening() {
    local port_hex inode fd
    port_hex=$(printf '%04X' "$1")
    for _ in $(seq 200); do
        alive "$2" || return 1
        # Fields: sl local_address rem_address st ... inode (10th); 0A is LISTEN.
        inode=$(awk -v local="0100007F:$port_hex" \
            '$2 == local && $4 == "0A" { print $10; exit }' /proc/net/tcp 2>/dev/null)
        if [ -n "$inode" ]; then
            for fd in "/proc/$2/fd/"*; do
                [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ] && return 0
            done
        fi
        sleep 0.1
    done
    return 1
}

# --------------------------------------------------------------- postfix --

have_postfix() {
    [ -x /usr/sbin/postfix ] && [ -x /usr/lib/postfix/sbin/master ] && id postfix >/dev/null 2>&1
}

# main.cf for a private instance: nothing under /etc/postfix or
# /var/spool/postfix is used or changed, nothing is delivered.
write_postfix_config() {
    local dir=$1 port=$2
    cat >"$dir/etc/main.cf" <<EOF
# smtp-status integration test: a private Postfix instance, made by
# tests/integration/mta_fixture.sh, started with master -c $dir/etc.
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.smtp-status.test
mydomain = smtp-status.test
myorigin = \$myhostname
mydestination = \$myhostname, localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
# Only 127.0.0.1 is trusted; the client comes from 127.0.0.2.
mynetworks = 127.0.0.1/32
# Reject (5.7.1), not defer (4.7.1), mail for other domains.
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
# Local users are the system's accounts; no aliases.
alias_maps =
alias_database =
local_recipient_maps = proxy:unix:passwd.byname
header_size_limit = 1024
message_size_limit = 2048
smtpd_recipient_limit = 3
smtpd_banner = \$myhostname ESMTP smtp-status test instance
# Accepted mail is thrown away.
local_transport = discard:test instance
default_transport = discard:test instance
relay_transport = discard:test instance
# No SASL and no TLS: AUTH and STARTTLS are not offered.
smtpd_sasl_auth_enable = no
smtpd_tls_security_level = none
# Errors are the point of the test: no penalty delays, no disconnects.
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 200
smtpd_junk_command_limit = 1000
biff = no
# Logs go to the master's standard output (master -s), which is a file.
maillog_file = /dev/stdout
EOF
    # Postfix's daemons, with chroot off (the fifth column) everywhere.
    cat >"$dir/etc/master.cf" <<EOF
127.0.0.1:$port inet n  -       n       -       -       smtpd
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
proxymap  unix  -       -       n       -       -       proxymap
discard   unix  -       -       n       -       -       discard
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

run_postfix() {
    if ! have_postfix; then
        # The debconf answers the package asks for: a local-only system mail
        # setup; our instance ignores /etc/postfix anyway.
        if [ "$(id -u)" -eq 0 ] && command -v debconf-set-selections >/dev/null 2>&1; then
            printf '%s\n' 'postfix postfix/main_mailer_type select Local only' \
                'postfix postfix/mailname string localhost' | debconf-set-selections
        fi
        install_packages postfix
        have_postfix || skip "postfix was installed but its files or user are missing"
    fi
    if [ "$(id -u)" -ne 0 ]; then
        skip "Postfix is installed, but its master must be started as root"
    fi

    local dir=$work attempt port
    rm -rf "$dir"
    mkdir -p "$dir/etc" "$dir/queue" "$dir/data" || fail "cannot create $dir"
    chown postfix "$dir/data"
    if command -v runuser >/dev/null 2>&1 &&
        ! runuser -u postfix -- test -x "$dir/queue"; then
        skip "user postfix cannot reach $dir (a parent folder is not searchable by others)"
    fi

    for attempt in 1 2 3; do
        port=$("$probe" --free-port) || fail "no free port"
        write_postfix_config "$dir" "$port"
        # Postfix reads a file modified in the last second or two again and
        # again, 0.3 s apart, until it "cools down" (it may still be being
        # edited): that cost 2 to 3 s per start. Backdate the new files.
        touch -d '-1 minute' "$dir/etc/main.cf" "$dir/etc/master.cf"
        # Creates the queue folders with the owners Postfix wants.
        if ! bounded 60 /usr/sbin/postfix -c "$dir/etc" check; then
            fail "postfix check rejected the configuration in $dir/etc"
        fi
        : >"$dir/maillog"

        log "configured; starting Postfix's master"
        # -e: the master exits by itself after the budget, even if this
        # script and its trap are killed outright. -s: it and its daemons
        # log to its standard output (maillog_file = /dev/stdout), the file.
        /usr/lib/postfix/sbin/master -c "$dir/etc" -e "$budget" -s </dev/null >>"$dir/maillog" 2>&1 &
        server_pid=$!
        if wait_listening "$port" "$server_pid"; then
            break
        fi
        # Most likely the port was taken between choosing and binding it
        # (the master then exits, its message lost before its logger runs).
        stop_server
        if [ "$attempt" -lt 3 ]; then
            log "Postfix did not start listening on port $port; trying another port"
            continue
        fi
        tail -n 20 "$dir/maillog"
        fail "Postfix did not start in 3 attempts (log above, $dir/maillog)"
    done
    # The master made itself a session and group leader (setsid): its
    # daemons share its group, which is how the cleanup finds them.
    local fields
    read -r -a fields <<<"$(proc_fields "$server_pid")"
    if [ "${fields[2]:-}" = "$server_pid" ]; then
        server_group=$server_pid
    fi
    log "Postfix $(/usr/sbin/postconf -h mail_version 2>/dev/null) listening on 127.0.0.1:$port" \
        "(master PID $server_pid)"

    run_probe "$port" "$dir/maillog"
}

# -------------------------------------------------------------- aiosmtpd --

# Debian's own interpreter, not whichever python3 comes first on PATH: the
# python3-aiosmtpd package installs for it. Always with -I (isolated): no
# PYTHON* variables, no user site, and not the current folder on sys.path,
# where the work folder "aiosmtpd" would pass for the package.
debian_python=/usr/bin/python3

have_aiosmtpd() {
    [ -x "$debian_python" ] && "$debian_python" -I -c 'import aiosmtpd' >/dev/null 2>&1
}

run_aiosmtpd() {
    if ! have_aiosmtpd; then
        install_packages python3-aiosmtpd
        have_aiosmtpd || skip "python3-aiosmtpd was installed but $debian_python cannot import it"
    fi
    local dir=$work port
    rm -rf "$dir"
    mkdir -p "$dir" || fail "cannot create $dir"
    log "starting aiosmtpd"
    "$debian_python" -I "$here/aiosmtpd_server.py" --port-file "$dir/port" --lifetime "$budget" \
        </dev/null >"$dir/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 200); do
        [ -s "$dir/port" ] && break
        alive "$server_pid" || break
        sleep 0.1
    done
    if [ ! -s "$dir/port" ]; then
        tail -n 20 "$dir/server.log"
        fail "aiosmtpd did not start (log above)"
    fi
    port=$(cat "$dir/port")
    log "aiosmtpd $("$debian_python" -I -c 'import aiosmtpd; print(aiosmtpd.__version__)')" \
        "listening on 127.0.0.1:$port (PID $server_pid)"

    run_probe "$port" "$dir/server.log"
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
stop_server
log "done"
exit "$status"
