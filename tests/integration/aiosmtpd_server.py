# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# An aiosmtpd server for the integration test, run by Debian's own
# /usr/bin/python3 with Debian's python3-aiosmtpd. The protocol engine is
# aiosmtpd's, unchanged; the handler below adds only the mail policy that
# aiosmtpd leaves to the application (which users are local, which domains we
# accept, how many recipients), the way a real deployment would.
#
# It listens on 127.0.0.1 on a port the kernel picks, writes that port to
# --port-file once it accepts connections, and stops on SIGTERM, SIGINT or
# after --lifetime seconds, whichever comes first (aiosmtpd_serve.py), so it
# never outlives the test that started it.
import argparse
import asyncio
import os
import sys

from aiosmtpd.smtp import SMTP

# Run with python3 -I, which leaves this folder off sys.path: add it by
# name, for the serving code shared with the bounce sink.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aiosmtpd_serve  # noqa: E402

LOCAL_DOMAINS = {"localhost", "mx.smtp-status.test"}
LOCAL_USERS = {"root", "postmaster"}


class Policy:
    def __init__(self, max_recipients):
        self.max_recipients = max_recipients

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local, _, domain = address.rpartition("@")
        # The same order as Postfix: the recipient limit first.
        if len(envelope.rcpt_tos) >= self.max_recipients:
            return "452 4.5.3 Error: too many recipients"  # RFC 5321 4.5.3.1.10
        if domain.lower() not in LOCAL_DOMAINS:
            return f"554 5.7.1 <{address}>: Relay access denied"
        if local.lower() not in LOCAL_USERS:
            return f"550 5.1.1 <{address}>: User unknown"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    aiosmtpd_serve.add_arguments(parser)
    parser.add_argument("--size-limit", type=int, default=2048)
    parser.add_argument("--max-recipients", type=int, default=3)
    args = parser.parse_args()
    policy = Policy(args.max_recipients)
    asyncio.run(aiosmtpd_serve.serve(
        lambda: SMTP(policy, hostname="mx.smtp-status.test",
                     data_size_limit=args.size_limit, enable_SMTPUTF8=True),
        args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
