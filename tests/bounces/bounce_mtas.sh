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
    cat >"$dir/etc/main.cf" <<EOF
# smtp-status bounce test bed: a private Postfix instance, made by
# tests/bounces/bounce_mtas.sh, started with master -c $dir/etc.
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = $mta_domain
mydomain = example.test
myorigin = \$myhostname
mydestination = \$myhostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
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
# The SMTP client gives up on a silent server after a few seconds.
smtp_connect_timeout = 3s
smtp_helo_timeout = 3s
smtp_mail_timeout = 3s
smtp_rcpt_timeout = 3s
smtp_data_init_timeout = 3s
smtp_data_done_timeout = 5s
# The shortest queue Postfix allows (queue_run_delay, minimal_backoff_time
# and maximal_backoff_time have a minimum of 1 s): a retry every second or
# two, a delay warning after 2 s, the final bounce after 15 s.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
delay_warning_time = 2s
maximal_queue_lifetime = 15s
bounce_queue_lifetime = 15s
smtpd_sasl_auth_enable = no
smtpd_tls_security_level = none
smtp_tls_security_level = none
biff = no
maillog_file = /dev/stdout
EOF
    {
        postfix_master_cf "$port"
        echo "smtp      unix  -       -       n       -       -       smtp"
        echo "local     unix  -       n       n       -       -       local"
    } >"$dir/etc/master.cf"
    start_postfix "$dir" "$port"
}
