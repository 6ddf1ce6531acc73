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
# after --lifetime seconds, whichever comes first, so it never outlives the
# test that started it.
import argparse
import asyncio
import os
import signal
import sys

from aiosmtpd.smtp import SMTP

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


async def serve(args):
    loop = asyncio.get_running_loop()
    policy = Policy(args.max_recipients)
    server = await loop.create_server(
        lambda: SMTP(policy, hostname="mx.smtp-status.test",
                     data_size_limit=args.size_limit, enable_SMTPUTF8=True),
        host="127.0.0.1", port=0)
    port = server.sockets[0].getsockname()[1]
    # Written whole, then renamed: the fixture never reads half a number.
    partial = args.port_file + ".partial"
    with open(partial, "w") as out:
        out.write(f"{port}\n")
    os.replace(partial, args.port_file)
    print(f"aiosmtpd listening on 127.0.0.1:{port}", flush=True)

    stop = loop.create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, lambda: stop.done() or stop.set_result(None))
    loop.call_later(args.lifetime, lambda: stop.done() or stop.set_result(None))
    await stop
    server.close()
    await server.wait_closed()
    print("aiosmtpd stopped", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--lifetime", type=float, default=300)
    parser.add_argument("--size-limit", type=int, default=2048)
    parser.add_argument("--max-recipients", type=int, default=3)
    asyncio.run(serve(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
