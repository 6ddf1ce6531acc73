# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# fixture_lib.sh: the shared parts of the scripts that start real mail
# servers for the tests (tests/integration/mta_fixture.sh,
# tests/bounces/make_bounces.sh). Sourced by them, never run on its own.
#
# The caller sets, before sourcing:
#   fixture_tag   what its log lines start with, e.g. "mta_fixture[postfix]"
#   budget        seconds the whole run may take (the watchdog's limit)
#   work          its work folder (the apt-get log goes beside it)
# then calls fixture_begin, which installs the traps and starts the watchdog.
# A caller may define fixture_stop (run first by the cleanup) for anything
# of its own that `track` does not cover.
#
# What every caller gets from here:
# - Exit 1 for a failure (fail), 77 for a skip (skip; ctest's
#   SKIP_RETURN_CODE), except that SMTP_STATUS_REQUIRE_SERVERS=1 (set by
#   .ci/run) turns a skip into a failure, so CI cannot pass without servers.
# - Bounded: the watchdog sends TERM to the script once the budget is spent;
#   long steps run through `bounded` so that the TERM interrupts them.
# - Every process started and passed to `track` is stopped by its PID on any
#   exit (trap), and what is left of the process group it leads, by PID too.
# shellcheck shell=bash
# The caller's variables (fixture_tag, budget, work) are set before sourcing,
# and some set here (postfix_pid, aiosmtpd_port, ...) are for the caller:
# shellcheck disable=SC2154,SC2034

t0=${EPOCHREALTIME:-$SECONDS}
# Seconds since the start, to a tenth where bash has EPOCHREALTIME.
elapsed() {
    local now=${EPOCHREALTIME:-$SECONDS}
    awk -v a="$t0" -v b="$now" 'BEGIN { printf "%.1f", b - a }'
}
log() { printf '%s %5ss: %s\n' "$fixture_tag" "$(elapsed)" "$*"; }
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

# ------------------------------------------------------------- processes --

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

# Prints $1 when PID $1 leads a process group of its own (a daemon that
# called setsid), nothing otherwise.
own_group() {
    local fields
    read -r -a fields <<<"$(proc_fields "$1")"
    if [ "${fields[2]:-}" = "$1" ]; then
        printf '%s' "$1"
    fi
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

# The processes this script started and must stop: name, PID, and the
# process group the PID leads (empty when it leads none).
tracked_names=()
tracked_pids=()
tracked_groups=()

# track NAME PID [GROUP]
track() {
    tracked_names+=("$1")
    tracked_pids+=("$2")
    tracked_groups+=("${3:-}")
}

# Sets the group of tracked PID $1 to $2 (a daemon that made one after start).
track_group() {
    local i
    for i in "${!tracked_pids[@]}"; do
        [ "${tracked_pids[$i]}" = "$1" ] && tracked_groups[i]=$2
    done
    return 0
}

# Stops tracked PID $1 (TERM, then KILL), then what is left of its group.
stop_tracked() {
    local i
    for i in "${!tracked_pids[@]}"; do
        [ "${tracked_pids[$i]}" = "$1" ] || continue
        local name=${tracked_names[$i]} group=${tracked_groups[$i]}
        unset 'tracked_names[i]' 'tracked_pids[i]' 'tracked_groups[i]'
        stop_pid "$1"
        [ -n "$group" ] && end_group "$group" "$name"
        log "stopped $name (PID $1)"
    done
    return 0
}

# Stops every tracked process, the last started first.
stop_all_tracked() {
    local pids=("${tracked_pids[@]}") i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        stop_tracked "${pids[$i]}"
    done
}

# ------------------------------------------------- bounded steps, cleanup --

step_pid=""        # the `timeout` running a long step (bounded), if any
watchdog_pid=""
made_policy=""     # the policy-rc.d this script created, if any

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
# shellcheck disable=SC2317 # run by the EXIT trap, through fixture_cleanup
stop_step() {
    [ -n "$step_pid" ] || return 0
    local pid=$step_pid
    step_pid=""
    log "stopping the running step (PID $pid)"
    stop_pid "$pid"
    end_group "$pid" "the step"
}

# shellcheck disable=SC2317 # run by the EXIT trap
fixture_cleanup() {
    local status=$?
    trap - EXIT TERM INT HUP
    stop_step
    if declare -F fixture_stop >/dev/null; then
        fixture_stop
    fi
    stop_all_tracked
    if [ -n "$watchdog_pid" ]; then
        kill -TERM "$watchdog_pid" 2>/dev/null
        wait "$watchdog_pid" 2>/dev/null
    fi
    if [ -n "$made_policy" ]; then
        rm -f "$made_policy"
    fi
    exit "$status"
}

fixture_begin() {
    trap fixture_cleanup EXIT
    trap 'log "interrupted"; exit 1' TERM INT HUP
    # The watchdog: TERM to this script once the budget is spent, so the
    # trap above still stops the servers and a running step (long steps run
    # through bounded, whose wait the TERM interrupts). It ends its own
    # sleep, by PID, when stopped.
    (
        sleep "$budget" &
        sleeper=$!
        trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
        wait "$sleeper"
        echo "$fixture_tag: over the ${budget}s budget: stopping" >&2
        kill -TERM $$ 2>/dev/null
    ) &
    watchdog_pid=$!
}

# ---------------------------------------------------------- installation --

# Skips (77) unless apt-get can be run as root here.
need_apt_root() {
    if ! command -v apt-get >/dev/null 2>&1; then
        skip "$* is not installed, and there is no apt-get to install it"
    fi
    if [ "$(id -u)" -ne 0 ]; then
        skip "$* is not installed, and installing it needs root: sudo apt-get install $*"
    fi
}

# Runs apt-get "$@" (bounded, logged to $apt_log); when it fails, updates
# the package lists once and tries again. Returns apt-get's status.
apt_get_retrying() {
    local apt_log=$work.apt.log
    apt_try() {
        bounded 240 env DEBIAN_FRONTEND=noninteractive apt-get -y -q \
            -o DPkg::Lock::Timeout=60 "$@" </dev/null >>"$apt_log" 2>&1
    }
    if ! apt_try "$@"; then
        log "apt-get $1 failed; updating the package lists and trying again"
        bounded 120 apt-get update -q </dev/null >>"$apt_log" 2>&1
        if ! apt_try "$@"; then
            tail -n 15 "$apt_log"
            return 1
        fi
    fi
    return 0
}

install_packages() {
    need_apt_root "$@"
    # Debian's maintainer scripts would start the system's own service (on
    # port 25); policy-rc.d (exit 101) forbids that. Most containers have
    # one already; otherwise ours is there for the install only.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\n# smtp-status integration test: no service starts during its install\nexit 101\n' \
            >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=/usr/sbin/policy-rc.d
    fi
    log "installing $* with apt-get"
    if ! apt_get_retrying install --no-install-recommends "$@"; then
        skip "apt-get could not install $* (log: $work.apt.log)"
    fi
    if [ -n "$made_policy" ]; then
        rm -f "$made_policy"
        made_policy=""
    fi
    log "installed $*"
}

# ---------------------------------------------------------------- network --

# Waits up to 20 s, while PID $2 lives, until PID $2 itself (or a process
# of the group it leads: a daemon whose listener is a child of its own)
# listens on ${3:-127.0.0.1}:$1: the socket in LISTEN state there (from
# /proc/net/tcp, so without connecting) must be one of their open files,
# not someone else's.
wait_listening() {
    local port_hex address_hex inode fd a b c d pid
    port_hex=$(printf '%04X' "$1")
    IFS=. read -r a b c d <<<"${3:-127.0.0.1}"
    # /proc/net/tcp writes the IPv4 address as a little-endian number.
    address_hex=$(printf '%02X%02X%02X%02X' "$d" "$c" "$b" "$a")
    for _ in $(seq 200); do
        alive "$2" || return 1
        # Fields: sl local_address rem_address st ... inode (10th); 0A is LISTEN.
        inode=$(awk -v local="$address_hex:$port_hex" \
            '$2 == local && $4 == "0A" { print $10; exit }' /proc/net/tcp 2>/dev/null)
        if [ -n "$inode" ]; then
            for pid in "$2" $(group_members "$2"); do
                for fd in "/proc/$pid/fd/"*; do
                    [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ] && return 0
                done
            done
        fi
        sleep 0.1
    done
    return 1
}

# ---------------------------------------------------------------- postfix --

have_postfix() {
    [ -x /usr/sbin/postfix ] && [ -x /usr/lib/postfix/sbin/master ] && id postfix >/dev/null 2>&1
}

# Installs Debian's postfix unless it is there; skips when it cannot.
ensure_postfix() {
    have_postfix && return 0
    # The debconf answers the package asks for: a local-only system mail
    # setup; the tests' instances ignore /etc/postfix anyway.
    if [ "$(id -u)" -eq 0 ] && command -v debconf-set-selections >/dev/null 2>&1; then
        printf '%s\n' 'postfix postfix/main_mailer_type select Local only' \
            'postfix postfix/mailname string localhost' | debconf-set-selections
    fi
    install_packages postfix
    have_postfix || skip "postfix was installed but its files or user are missing"
}

# The main.cf lines every private Postfix instance of the tests has: its own
# queue and data folders under $1 (nothing under /etc/postfix or
# /var/spool/postfix is used or changed), 127.0.0.1 only, no SASL, no TLS,
# its log on the master's standard output (master -s). A caller appends
# its own names and policy.
postfix_main_cf() {
    cat <<EOF
compatibility_level = 3.6
queue_directory = $1/queue
data_directory = $1/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
smtpd_sasl_auth_enable = no
smtpd_tls_security_level = none
biff = no
maillog_file = /dev/stdout
EOF
}

# The master.cf lines every private Postfix instance of the tests has: an
# smtpd on 127.0.0.1:$1 and the daemons behind it, with chroot off (the
# fifth column) everywhere. A caller appends the delivery agents it needs.
postfix_master_cf() {
    cat <<EOF
127.0.0.1:$1 inet n  -       n       -       -       smtpd
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
proxymap  unix  -       -       n       -       -       proxymap
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

# write_postfix_test_config DIR PORT: main.cf and master.cf in DIR/etc for the
# private instance that the integration tests (mta_fixture.sh,
# asio_example.sh) talk to: nothing under /etc/postfix or /var/spool/postfix
# is used or changed, nothing is delivered; local users are the system's
# accounts (root), the client is expected from 127.0.0.2 (or 127.0.0.3, which
# is not offered PIPELINING), and a message may have 2048 bytes.
write_postfix_test_config() {
    local dir=$1 port=$2
    {
        echo "# smtp-status integration test: a private Postfix instance, made by"
        echo "# tests/integration/fixture_lib.sh, started with master -c $dir/etc."
        postfix_main_cf "$dir"
        cat <<EOF
myhostname = mx.smtp-status.test
mydomain = smtp-status.test
myorigin = \$myhostname
mydestination = \$myhostname, localhost
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
# Errors are the point of the test: no penalty delays, no disconnects.
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 200
smtpd_junk_command_limit = 1000
# A client from 127.0.0.3 is not offered PIPELINING, so that a client's
# one-command-at-a-time path is tested too.
smtpd_discard_ehlo_keyword_address_maps = cidr:$dir/etc/no_pipelining.cidr
EOF
    } >"$dir/etc/main.cf"
    printf '127.0.0.3 pipelining\n' >"$dir/etc/no_pipelining.cidr"
    {
        postfix_master_cf "$port"
        echo "discard   unix  -       -       n       -       -       discard"
    } >"$dir/etc/master.cf"
}

# Creates the folders of a private instance under $1 (etc, queue, data);
# skips when user postfix could not reach them.
postfix_instance_dirs() {
    local dir=$1
    rm -rf "$dir"
    mkdir -p "$dir/etc" "$dir/queue" "$dir/data" || fail "cannot create $dir"
    chown postfix "$dir/data"
    if command -v runuser >/dev/null 2>&1 &&
        ! runuser -u postfix -- test -x "$dir/queue"; then
        skip "user postfix cannot reach $dir (a parent folder is not searchable by others)"
    fi
}

# Starts the private instance configured in $1/etc (main.cf and master.cf
# written, its smtpd on 127.0.0.1:$2), logging to $1/maillog. Returns 0 once
# it listens, with its master tracked (and in $postfix_pid); otherwise stops
# it again and returns 1 (most likely the port was taken meanwhile).
postfix_pid=""
start_postfix() {
    local dir=$1 port=$2
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
    # -e: the master exits by itself after the budget, even if this script
    # and its trap are killed outright. -s: it and its daemons log to its
    # standard output (maillog_file = /dev/stdout), the file.
    /usr/lib/postfix/sbin/master -c "$dir/etc" -e "$budget" -s </dev/null >>"$dir/maillog" 2>&1 &
    postfix_pid=$!
    track "Postfix's master" "$postfix_pid"
    if wait_listening "$port" "$postfix_pid"; then
        # The master made itself a session and group leader (setsid): its
        # daemons share its group, which is how the cleanup finds them.
        track_group "$postfix_pid" "$(own_group "$postfix_pid")"
        return 0
    fi
    # The master exits when it cannot bind, its message lost before its
    # logger runs.
    stop_tracked "$postfix_pid"
    postfix_pid=""
    return 1
}

# start_postfix_test_instance DIR PROBE: installs Postfix if needed and starts
# the instance of write_postfix_test_config in DIR on a free port of
# 127.0.0.1 (PROBE --free-port names one; 3 tries, the port may be taken
# meanwhile). Sets postfix_port; skips or fails when it cannot.
postfix_port=""
start_postfix_test_instance() {
    local dir=$1 probe=$2 attempt
    ensure_postfix
    if [ "$(id -u)" -ne 0 ]; then
        skip "Postfix is installed, but its master must be started as root"
    fi
    postfix_instance_dirs "$dir"
    for attempt in 1 2 3; do
        postfix_port=$("$probe" --free-port) || fail "no free port"
        write_postfix_test_config "$dir" "$postfix_port"
        start_postfix "$dir" "$postfix_port" && break
        if [ "$attempt" -lt 3 ]; then
            log "Postfix did not start listening on port $postfix_port; trying another port"
            continue
        fi
        tail -n 20 "$dir/maillog"
        fail "Postfix did not start in 3 attempts (log above, $dir/maillog)"
    done
    log "Postfix $(/usr/sbin/postconf -h mail_version 2>/dev/null) listening on" \
        "127.0.0.1:$postfix_port (master PID $postfix_pid)"
}

# --------------------------------------------------------------- aiosmtpd --

# Debian's own interpreter, not whichever python3 comes first on PATH: the
# python3-aiosmtpd package installs for it. Always with -I (isolated): no
# PYTHON* variables, no user site, and not the current folder on sys.path,
# where a work folder "aiosmtpd" would pass for the package.
debian_python=/usr/bin/python3

have_aiosmtpd() {
    [ -x "$debian_python" ] && "$debian_python" -I -c 'import aiosmtpd' >/dev/null 2>&1
}

# Installs Debian's python3-aiosmtpd unless it is there; skips when it cannot.
ensure_aiosmtpd() {
    have_aiosmtpd && return 0
    install_packages python3-aiosmtpd
    have_aiosmtpd || skip "python3-aiosmtpd was installed but $debian_python cannot import it"
}

aiosmtpd_version() {
    "$debian_python" -I -c 'import aiosmtpd; print(aiosmtpd.__version__)'
}

# start_aiosmtpd NAME SCRIPT DIR [ARGS...]: runs the aiosmtpd server SCRIPT
# (one that takes --port-file and --lifetime, as aiosmtpd_serve.py does) with
# its log in DIR/NAME.log, waits until it wrote its port to DIR/NAME.port and
# tracks it. Sets aiosmtpd_pid and aiosmtpd_port.
aiosmtpd_pid=""
aiosmtpd_port=""
start_aiosmtpd() {
    local name=$1 script=$2 dir=$3
    shift 3
    rm -f "$dir/$name.port"
    log "starting $name"
    "$debian_python" -I "$script" --port-file "$dir/$name.port" --lifetime "$budget" "$@" \
        </dev/null >"$dir/$name.log" 2>&1 &
    aiosmtpd_pid=$!
    track "$name" "$aiosmtpd_pid"
    for _ in $(seq 200); do
        [ -s "$dir/$name.port" ] && break
        alive "$aiosmtpd_pid" || break
        sleep 0.1
    done
    if [ ! -s "$dir/$name.port" ]; then
        tail -n 20 "$dir/$name.log"
        fail "$name did not start (log above)"
    fi
    aiosmtpd_port=$(cat "$dir/$name.port")
}
