# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# bounce_mtas.sh: how make_bounces.sh gets, configures and starts each MTA.
# Sourced by it, after fixture_lib.sh. For each MTA NAME:
#   NAME_prepare          makes the MTA available (installs or unpacks it)
#   NAME_version          prints its version
#   NAME_start DIR PORT SINK_PORT
#                         writes a private configuration under DIR, starts
#                         the MTA on 127.0.0.1:PORT relaying to the sink,
#                         returns 1 when it did not come up listening; sets
#                         mta_domain (its own mail domain), mta_log and
#                         mta_skip_smtp (cases it takes other than by SMTP)
#   NAME_submit_local     (optional) submits those cases itself
#
# Timing, for every MTA: replies within seconds (SMTP timeouts of 3 to 5 s),
# a retry every few seconds, a delay warning after a few seconds, and a
# queue lifetime of about 15 s, so a transient failure gives a delay warning
# ("Action: delayed") and then the final failure well within a minute.
# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034 # variables shared with make_bounces.sh

# The sink's addresses per domain, from bounce_cases.ROUTES, as "domain ip"
# lines.
sink_routes() {
    "$debian_python" -I -c 'import sys
sys.path.insert(0, sys.argv[1])
import bounce_cases
for domain, ip in bounce_cases.ROUTES.items():
    print(domain, ip)' "$here"
}

# ---------------------------------------------------------------- postfix --

postfix_prepare() { ensure_postfix; }
postfix_version() { /usr/sbin/postconf -h mail_version 2>/dev/null; }

postfix_start() {
    local dir=$1 port=$2 sink_port=$3 domain ip transport=""
    mta_domain=postfix.example.test
    mta_log=$dir/maillog
    mta_skip_smtp=""
    postfix_instance_dirs "$dir"
    while read -r domain ip; do
        transport+="$domain=smtp:[$ip]:$sink_port, "
    done < <(sink_routes)
    {
        echo "# smtp-status bounce test bed: a private Postfix instance, made by"
        echo "# tests/bounces/bounce_mtas.sh, started with master -c $dir/etc."
        postfix_main_cf "$dir"
        cat <<EOF
myhostname = $mta_domain
mydomain = example.test
myorigin = \$myhostname
mydestination = \$myhostname
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtpd_banner = \$myhostname ESMTP smtp-status bounce test bed
# Every local recipient is taken at RCPT time, so that an unknown one
# bounces from local delivery: Postfix's own "unknown user" bounce.
local_recipient_maps =
alias_maps =
alias_database =
# Every domain of the tests goes to the sink, by address and port: no DNS.
transport_maps = inline:{ ${transport%, } }
default_transport = error:no route outside the test bed
relay_transport = error:no route outside the test bed
smtp_dns_support_level = disabled
smtp_host_lookup = native
smtp_tls_security_level = none
# The SMTP client gives up on a silent server after a few seconds.
smtp_connect_timeout = 3s
smtp_helo_timeout = 3s
smtp_mail_timeout = 3s
smtp_rcpt_timeout = 3s
smtp_data_init_timeout = 3s
smtp_data_done_timeout = 5s
# Close to the shortest queue Postfix allows (queue_run_delay,
# minimal_backoff_time and maximal_backoff_time have a minimum of 1 s; the
# lifetimes may be 0, one try only, which leaves no time for a delay
# warning): a retry every second or two, a delay warning after 2 s, the
# final bounce after 15 s.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
delay_warning_time = 2s
maximal_queue_lifetime = 15s
bounce_queue_lifetime = 15s
EOF
    } >"$dir/etc/main.cf"
    {
        postfix_master_cf "$port"
        echo "smtp      unix  -       -       n       -       -       smtp"
        echo "local     unix  -       n       n       -       -       local"
    } >"$dir/etc/master.cf"
    start_postfix "$dir" "$port"
}

# ------------------------------------------- MTAs run from unpacked .debs --

# Exim, Sendmail and OpenSMTPD each provide mail-transport-agent and conflict
# with Postfix (which the integration test installs) and with each other:
# installing one with apt-get would remove the others. So their packages are
# only fetched (`apt-get download`) and unpacked (`dpkg-deb -x`) into a
# folder of the build tree, run from there with a private configuration, and
# the system's MTA, whichever it is, stays as it was. The ordinary shared
# libraries they need do not conflict with anything: those are installed.
#
# What such an MTA needs of the system beyond that (the users its package's
# maintainer scripts would create, its configuration at the path compiled
# into it, its fixed spool folders) it gets in a mount namespace of its own
# (private_exec), with private layers over /etc and /var: /etc/passwd and
# /etc/group with its users added, its configuration file. Nothing outside
# changes, and its processes stay ordinary processes of this machine,
# stopped by PID like the others.

bounce_cache=""    # the downloaded .debs and unpacked trees (set by unpack_debs)

# Prints the library packages (lib*) that the .deb $1 depends on directly
# (from its own control file) and that are not installed.
missing_libraries() {
    local package
    for package in $(dpkg-deb -f "$1" Pre-Depends Depends | sed 's/^[A-Za-z-]*: //' |
        tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//; s/ //g' | grep '^lib'); do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
            printf '%s\n' "$package"
    done
}

# The newest .deb of package $1 in the cache.
cached_deb() {
    find "$bounce_cache/debs" -maxdepth 1 -name "${1}_*.deb" | sort -V | tail -n 1
}

# unpack_debs NAME PACKAGE...: fetches the PACKAGEs' .debs into
# $bounce_cache/debs and unpacks them into $bounce_cache/root-NAME, once
# (delete $bounce_cache to fetch the current versions again); installs the
# libraries they need. Sets unpacked_root.
unpacked_root=""
unpack_also_install=""  # further packages to install with the libraries
unpack_debs() {
    local name=$1 package deb libs=$unpack_also_install
    shift
    bounce_cache=$(dirname "$work")/mta-cache
    unpacked_root=$bounce_cache/root-$name
    if [ -f "$unpacked_root/.smtp-status-unpacked" ]; then
        log "$name: using $(cat "$unpacked_root/.smtp-status-unpacked") unpacked in $unpacked_root"
    else
        need_apt_root "$@"
        mkdir -p "$bounce_cache/debs" || fail "cannot create $bounce_cache"
        log "$name: fetching $* with apt-get download"
        # Run where the .debs go; as root, since _apt cannot write there.
        pushd "$bounce_cache/debs" >/dev/null || fail "cannot enter $bounce_cache/debs"
        apt_get_retrying -o APT::Sandbox::User=root download "$@" ||
            skip "apt-get could not download $* (log: $work.apt.log)"
        popd >/dev/null || fail "cannot leave $bounce_cache/debs"
        rm -rf "$unpacked_root"
        mkdir -p "$unpacked_root"
        for package in "$@"; do
            deb=$(cached_deb "$package")
            [ -n "$deb" ] || fail "$package: no .deb after apt-get download"
            dpkg-deb -x "$deb" "$unpacked_root" || fail "dpkg-deb could not unpack $deb"
            basename "$deb" .deb
        done | tr '\n' ' ' >"$unpacked_root/.smtp-status-unpacked"
        log "$name: unpacked $(cat "$unpacked_root/.smtp-status-unpacked")into $unpacked_root"
    fi
    for package in "$@"; do
        libs+=" $(missing_libraries "$(cached_deb "$package")" | tr '\n' ' ')"
    done
    # shellcheck disable=SC2086 # a list of package names
    if [ -n "${libs// /}" ]; then
        install_packages $libs
    fi
}

# private_users DIR USER...: writes DIR/etc/passwd and DIR/etc/group, the
# system's with each USER added (a group of its own, no home, no shell)
# unless the system has it: for private_exec to lay over /etc.
private_users() {
    local dir=$1/etc user id
    shift
    { mkdir -p "$dir" && cp /etc/passwd /etc/group "$dir/"; } || fail "cannot copy /etc/passwd"
    for user in "$@"; do
        getent passwd "$user" >/dev/null && continue
        # The first id from 999 down that neither copy uses.
        for ((id = 999; id > 100; id--)); do
            cut -d: -f3 "$dir/passwd" "$dir/group" | grep -qx "$id" || break
        done
        echo "$user:x:$id:$id:$user (smtp-status bounce test bed):/nonexistent:/usr/sbin/nologin" \
            >>"$dir/passwd"
        echo "$user:x:$id:" >>"$dir/group"
    done
}

# The uid of USER $2 as private_exec in folder $1 will see it.
private_id() {
    awk -F: -v u="$2" '$1 == u { print $3 }' "$1/etc/passwd"
}

# private_exec DIR HOSTNAME -- COMMAND...: runs COMMAND by exec (so with
# this PID; run it in a subshell) in namespaces of its own: a mount
# namespace where each folder DIR/X (etc, var, ...) is laid over /X with
# overlayfs (a file there hides the system's, the rest shows through, and
# what COMMAND writes under /X lands in DIR/X, not in the system's folder),
# and a UTS namespace where the host is called HOSTNAME (the MTA's own name,
# so that this machine's name appears nowhere, and an MTA that wants a
# fully qualified host name has one). Also in a session and process group
# of its own (setsid), where the cleanup finds whatever it forks.
private_exec() {
    local dir=$1 name=$2 layer top mounts=()
    shift 3 # DIR HOSTNAME --
    for layer in "$dir"/*/; do
        top=$(basename "$layer")
        [ -d "/$top" ] || continue
        mkdir -p "$dir.work/$top"
        mounts+=("/$top" "lowerdir=/$top,upperdir=$dir/$top,workdir=$dir.work/$top")
    done
    # shellcheck disable=SC2016 # expanded by that sh, from its arguments
    exec setsid unshare --mount --uts --propagation private -- sh -c '
        hostname "$1" || exit 1
        shift
        while [ "$1" != "--" ]; do
            mount -t overlay smtp-status-test -o "$2" "$1" || exit 1
            shift 2
        done
        shift
        exec "$@"' private_exec "$name" "${mounts[@]}" -- "$@"
}

# private_hosts DIR HOSTNAME: DIR/etc/hosts names HOSTNAME as 127.0.0.1, so
# the MTA finds its own name without DNS.
private_hosts() {
    mkdir -p "$1/etc" || fail "cannot create $1/etc"
    printf '127.0.0.1\t%s localhost\n::1\tlocalhost\n' "$2" >"$1/etc/hosts"
}

# Skips unless this machine lets root lay a folder over /etc in a mount
# namespace of its own (a container without CAP_SYS_ADMIN or overlayfs
# does not).
need_private_exec() {
    local probe=$work.probe-ns
    rm -rf "$probe" "$probe.work"
    mkdir -p "$probe/etc"
    echo smtp-status >"$probe/etc/smtp-status-probe"
    if ! (private_exec "$probe" probe.example.test -- cat /etc/smtp-status-probe) >/dev/null 2>&1; then
        rm -rf "$probe" "$probe.work"
        skip "$1 runs in namespaces of its own (unshare, overlayfs), which this machine refuses"
    fi
    rm -rf "$probe" "$probe.work"
}

# ------------------------------------------------------------------- exim --

exim_bin() { printf '%s' "$unpacked_root/usr/sbin/exim4"; }

exim_prepare() {
    need_private_exec Exim
    unpack_debs exim exim4-daemon-light
    [ -x "$(exim_bin)" ] || fail "no exim4 binary in $unpacked_root"
}

exim_version() { dpkg-deb -f "$(cached_deb exim4-daemon-light)" Version; }

exim_start() {
    local dir=$1 port=$2 sink_port=$3 domain ip routes=""
    mta_domain=exim.example.test
    mta_log=$dir/log/mainlog
    mta_skip_smtp=""
    local layers=$dir/layers id
    rm -rf "$dir" "$layers.work"
    mkdir -p "$dir/spool" "$dir/log" "$layers/etc/exim4" || fail "cannot create $dir"
    # Debian's Exim is built to run as Debian-exim, a user its package's
    # maintainer scripts create: here only in the private passwd.
    private_users "$layers" Debian-exim
    private_hosts "$layers" "$mta_domain"
    id=$(private_id "$layers" Debian-exim)
    chown "$id:$id" "$dir/spool" "$dir/log"
    while read -r domain ip; do
        routes+="$domain $ip ; "
    done < <(sink_routes)
    # At the path compiled into Debian's Exim (in the private /etc), not
    # given with -C: Exim trusts a -C file only from root, and its daemon
    # starts queue runners and deliveries as Debian-exim, which would then
    # run without privileges and say so in every log line.
    cat >"$layers/etc/exim4/exim4.conf" <<EOF
# smtp-status bounce test bed: a private Exim instance, made by
# tests/bounces/bounce_mtas.sh; read from /etc/exim4/exim4.conf in the
# mount namespace of the instance, whose /etc has $layers/etc laid over it.
exim_path = $(exim_bin)
primary_hostname = $mta_domain
qualify_domain = $mta_domain
domainlist local_domains = $mta_domain
daemon_smtp_ports = $port
local_interfaces = 127.0.0.1
spool_directory = $dir/spool
log_file_path = $dir/log/%slog
pid_file_path = $dir/exim.pid
keep_environment =
# No DNS and no ident: no reverse lookups of the client, no RFC 1413 calls.
host_lookup =
rfc1413_hosts =
# No TLS: the test client does not use it, the sink does not offer it.
tls_advertise_hosts =
# DSN (RFC 3461) is offered to the test client, so NOTIFY=SUCCESS works.
dsn_advertise_hosts = 127.0.0.0/8
acl_smtp_rcpt = acl_check_rcpt
# A delay warning for a message 4 s old (at the next queue run after that),
# and no second one (the last time of the list repeats).
delay_warning = 4s:1h
ignore_bounce_errors_after = 0s
timeout_frozen_after = 1m
remote_max_parallel = 12
queue_run_max = 4

begin acl

acl_check_rcpt:
  # Everything from loopback is taken at RCPT time, the MTA's own unknown
  # users too: they bounce from routing, Exim's own "Unrouteable address".
  accept hosts = 127.0.0.0/8
  deny   message = relay not permitted

begin routers

# Every domain of the tests goes to the sink, by address: no DNS.
to_sink:
  driver = manualroute
  domains = ! +local_domains
  route_list = ${routes% ; }
  transport = remote_smtp
  # The sink's 127.0.0.1 is one of this host's own addresses (another port):
  # send there all the same.
  self = send

local_user:
  driver = accept
  domains = +local_domains
  check_local_user
  transport = local_delivery

begin transports

remote_smtp:
  driver = smtp
  port = $sink_port
  connect_timeout = 3s
  command_timeout = 3s
  data_timeout = 5s
  final_timeout = 5s
  hosts_avoid_tls = *

local_delivery:
  driver = appendfile
  file = $dir/mail/\$local_part
  user = Debian-exim

begin retry

# Retry every 2 s, give up 15 s after the first failure.
*   *   F,15s,2s

EOF
    chmod 644 "$layers/etc/exim4/exim4.conf"
    log "configured; starting Exim"
    # -bdf: the daemon stays in the foreground (its PID is this job's);
    # -q2s: a queue run every 2 s.
    (private_exec "$layers" "$mta_domain" -- "$(exim_bin)" -bdf -q2s) \
        </dev/null >"$dir/daemon.log" 2>&1 &
    local pid=$!
    track Exim "$pid" "$pid"
    if wait_listening "$port" "$pid"; then
        return 0
    fi
    tail -n 20 "$dir/daemon.log" "$dir/log/paniclog" 2>/dev/null
    stop_tracked "$pid"
    return 1
}

# --------------------------------------------------------------- sendmail --

sendmail_bin() { printf '%s' "$unpacked_root/usr/libexec/sendmail/sendmail"; }

sendmail_prepare() {
    need_private_exec Sendmail
    # m4 turns the .mc into sendmail.cf; an ordinary package, installed
    # with the libraries.
    command -v m4 >/dev/null 2>&1 || unpack_also_install="m4"
    unpack_debs sendmail sendmail-bin sendmail-cf
    [ -x "$(sendmail_bin)" ] || fail "no sendmail binary in $unpacked_root"
}

sendmail_version() { dpkg-deb -f "$(cached_deb sendmail-bin)" Version; }

sendmail_start() {
    local dir=$1 port=$2 sink_port=$3 domain ip cf_dir
    local layers=$dir/layers
    mta_domain=sendmail.example.test
    mta_log=$dir/sendmail.log
    # Sendmail refuses an unknown local user at RCPT time ("User unknown"):
    # that case is submitted on its command line, whose errors it mails back.
    mta_skip_smtp=local-unknown
    rm -rf "$dir" "$layers.work"
    mkdir -p "$dir/mqueue" || fail "cannot create $dir"
    chmod 700 "$dir/mqueue"
    private_hosts "$layers" "$mta_domain"
    cf_dir=$unpacked_root/usr/share/sendmail/cf
    # Every domain of the tests goes to the sink, by address: no DNS.
    while read -r domain ip; do
        printf '%s\tesmtp:[%s]\n' "$domain" "$ip"
    done < <(sink_routes) >"$dir/mailertable.txt"
    printf 'hosts\tfiles\naliases\tfiles\n' >"$dir/service.switch"
    : >"$dir/aliases"
    cat >"$dir/sendmail.mc" <<EOF
divert(-1)
# smtp-status bounce test bed: a private Sendmail instance, made by
# tests/bounces/bounce_mtas.sh; m4 makes $dir/sendmail.cf of it, and
# sendmail runs with -C that file.
divert(0)dnl
OSTYPE(\`linux')dnl
define(\`LOCAL_MAILER_PATH', \`$unpacked_root/usr/libexec/sendmail/mail.local')dnl
define(\`confDOMAIN_NAME', \`$mta_domain')dnl
define(\`QUEUE_DIR', \`$dir/mqueue')dnl
define(\`confPID_FILE', \`$dir/sendmail.pid')dnl
define(\`STATUS_FILE', \`$dir/statistics')dnl
define(\`ALIAS_FILE', \`$dir/aliases')dnl
define(\`confSERVICE_SWITCH_FILE', \`$dir/service.switch')dnl
define(\`confDONT_PROBE_INTERFACES', \`True')dnl
define(\`confDEF_USER_ID', \`mail:mail')dnl
define(\`confPRIVACY_FLAGS', \`authwarnings')dnl
dnl No RFC 1413 ident queries back to the client.
define(\`confTO_IDENT', \`0')dnl
define(\`confLOG_LEVEL', \`14')dnl
dnl The SMTP client gives up on a silent server after a few seconds.
define(\`confTO_CONNECT', \`3s')dnl
define(\`confTO_INITIAL', \`3s')dnl
define(\`confTO_HELO', \`3s')dnl
define(\`confTO_MAIL', \`3s')dnl
define(\`confTO_RCPT', \`3s')dnl
define(\`confTO_DATAINIT', \`3s')dnl
define(\`confTO_DATABLOCK', \`5s')dnl
define(\`confTO_DATAFINAL', \`5s')dnl
dnl A delay warning after 4 s, the final bounce after 15 s; the queue is
dnl run every 2 s (-q2s) and a message may be tried again at once.
define(\`confTO_QUEUEWARN', \`4s')dnl
define(\`confTO_QUEUERETURN', \`15s')dnl
define(\`confMIN_QUEUE_AGE', \`0')dnl
dnl A busy test machine is no reason to queue or refuse (defaults 8 and 12).
define(\`confQUEUE_LA', \`1000')dnl
define(\`confREFUSE_LA', \`1000')dnl
dnl The build folder may lie below a world-writable one (/tmp): Sendmail then
dnl takes its paths for unsafe and will not run mail.local (exit 71) nor
dnl read the mailertable from there. This instance serves only the test.
define(\`confDONT_BLAME_SENDMAIL', \`RunProgramInUnsafeDirPath,MapInUnsafeDirPath')dnl
define(\`ESMTP_MAILER_ARGS', \`TCP \$h $sink_port')dnl
DAEMON_OPTIONS(\`Port=$port, Addr=127.0.0.1, Name=MTA')dnl
LOCAL_DOMAIN(\`$mta_domain')dnl
FEATURE(\`nocanonify')dnl
FEATURE(\`accept_unresolvable_domains')dnl
FEATURE(\`mailertable', \`hash $dir/mailertable')dnl
MAILER(\`local')dnl
MAILER(\`smtp')dnl
EOF
    m4 -D_CF_DIR_="$cf_dir/" "$cf_dir/m4/cf.m4" "$dir/sendmail.mc" >"$dir/sendmail.cf" ||
        fail "m4 could not make $dir/sendmail.cf"
    "$unpacked_root/usr/libexec/sendmail/makemap" -C "$dir/sendmail.cf" hash "$dir/mailertable" \
        <"$dir/mailertable.txt" || fail "makemap could not build $dir/mailertable.db"
    log "configured; starting Sendmail"
    # -bD: the daemon stays in the foreground (its PID is this job's);
    # -q2s: a queue run every 2 s.
    (private_exec "$layers" "$mta_domain" -- "$(sendmail_bin)" -C "$dir/sendmail.cf" -bD -q2s) \
        </dev/null >"$mta_log" 2>&1 &
    local pid=$!
    track Sendmail "$pid" "$pid"
    sendmail_pid=$pid
    if wait_listening "$port" "$pid"; then
        return 0
    fi
    tail -n 20 "$mta_log"
    stop_tracked "$pid"
    return 1
}

# The unknown local user, on Sendmail's command line (-oem: errors are
# mailed back to the sender as a DSN), in the namespaces of the running
# daemon (nsenter), so it sees the same layers and host name.
sendmail_submit_local() {
    local dir=$work/sendmail status=0
    "$debian_python" -I "$here/bounce_driver.py" message --mta sendmail \
        --case local-unknown --local-domain "$mta_domain" >"$dir/local-unknown.eml" || return 1
    # Its exit status is EX_NOUSER (67) once the error is mailed back.
    bounded 30 nsenter --target "$sendmail_pid" --mount --uts -- \
        "$(sendmail_bin)" -C "$dir/sendmail.cf" -oem -oi -f "sender@sender.example.test" \
        "nobody-here@$mta_domain" <"$dir/local-unknown.eml" >>"$mta_log" 2>&1 || status=$?
    [ "$status" -eq 0 ] || [ "$status" -eq 67 ] || {
        log "sendmail's local submission exited with status $status"
        return 1
    }
}

# -------------------------------------------------------------- opensmtpd --

opensmtpd_prepare() {
    need_private_exec OpenSMTPD
    unpack_debs opensmtpd opensmtpd
    [ -x "$unpacked_root/usr/sbin/smtpd" ] || fail "no smtpd binary in $unpacked_root"
}

opensmtpd_version() { dpkg-deb -f "$(cached_deb opensmtpd)" Version; }

opensmtpd_start() {
    local dir=$1 port=$2 sink_port=$3 domain ip
    local layers=$dir/layers
    mta_domain=opensmtpd.example.test
    mta_log=$dir/smtpd.log
    # OpenSMTPD refuses an unknown local user at RCPT time (550 Invalid
    # recipient), also on its command line: it makes no bounce for one. Its
    # SMTP client waits 5 minutes for a reply, a time compiled in: the slow
    # case would take that long, and is left out.
    mta_skip_smtp="local-unknown,slow"
    rm -rf "$dir" "$layers.work"
    # OpenSMTPD's paths are compiled in: its spool /var/spool/smtpd, its
    # control socket /var/run/smtpd.sock (/run here), its chroot
    # /var/lib/opensmtpd/empty; and it runs as opensmtpd and opensmtpq,
    # users its package's maintainer scripts create. All of them exist in
    # its private layers only.
    mkdir -p "$layers/var/lib/opensmtpd/empty" "$layers/run" || fail "cannot create $dir"
    private_users "$layers" opensmtpd opensmtpq
    private_hosts "$layers" "$mta_domain"
    echo "$mta_domain" >"$layers/etc/mailname"
    {
        cat <<EOF
# smtp-status bounce test bed: a private OpenSMTPD instance, made by
# tests/bounces/bounce_mtas.sh, started with smtpd -d -f $dir/smtpd.conf.
# A delay warning after 4 s, the final bounce after 15 s.
queue ttl 15s
bounce warn-interval 4s
listen on 127.0.0.1 port $port hostname $mta_domain
action "local" mbox
match from any for domain "$mta_domain" action "local"
EOF
        # Every domain of the tests goes to the sink, by address: no DNS.
        while read -r domain ip; do
            echo "action \"to-$domain\" relay host \"smtp://$ip:$sink_port\""
            echo "match from any for domain \"$domain\" action \"to-$domain\""
        done < <(sink_routes)
    } >"$dir/smtpd.conf"
    log "configured; starting OpenSMTPD"
    # -d: in the foreground (its PID is this job's), logging to stderr.
    (private_exec "$layers" "$mta_domain" -- "$unpacked_root/usr/sbin/smtpd" -d -f "$dir/smtpd.conf") \
        </dev/null >"$mta_log" 2>&1 &
    local pid=$!
    track OpenSMTPD "$pid" "$pid"
    if wait_listening "$port" "$pid"; then
        return 0
    fi
    tail -n 20 "$mta_log"
    stop_tracked "$pid"
    return 1
}
