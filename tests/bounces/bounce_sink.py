# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# The sink of the bounce test bed: an aiosmtpd server (Debian's
# python3-aiosmtpd, protocol engine unchanged) that plays the receiving side
# of every case in bounce_cases.py. It answers each recipient by its local
# part: a failure at RCPT, at the end of DATA, a 421 and a closed
# connection, or no answer at all; everything else it accepts and stores,
# among it the bounces the MTA sends back to the sender's mailbox.
#
# Each accepted message is written as it came over the wire (after the
# dot-unstuffing of RFC 5321 section 4.5.2) to --store/NNNN.eml, and its
# envelope as one JSON line in --store/index.jsonl, written after the file.
#
# Listens on one port of every loopback address in bounce_cases.ROUTES and
# stops by itself (aiosmtpd_serve.py), like the integration test's server.
import argparse
import asyncio
import itertools
import json
import os
import sys
import time

from aiosmtpd.smtp import SMTP

# Run with python3 -I, which leaves the script's folder off sys.path; and
# no __pycache__ in the source tree.
sys.dont_write_bytecode = True
_here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _here)
sys.path.insert(1, os.path.join(os.path.dirname(_here), "integration"))
import aiosmtpd_serve  # noqa: E402
import bounce_cases  # noqa: E402


class Sink:
    def __init__(self, store):
        self.store = store
        self.sequence = itertools.count(1)

    @staticmethod
    def _case(address):
        return bounce_cases.CASES_BY_LOCAL_PART.get(address.rpartition("@")[0].lower())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        case = self._case(address)
        if case is not None and case.stage == "silent":
            # Keeps the client waiting until it gives up and closes the
            # connection (aiosmtpd then cancels this handler).
            await asyncio.sleep(bounce_cases.SLOW_HOLD_SECONDS)
            return "451 4.4.2 Timeout while answering"
        if case is not None and case.stage == "rcpt":
            if case.close_after_reply:
                # The reply is written first; close() sends what is buffered.
                asyncio.get_running_loop().call_soon(server.transport.close)
            return case.reply.wire()
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            case = self._case(address)
            if case is not None and case.stage == "data":
                return case.reply.wire()
        number = next(self.sequence)
        name = f"{number:04d}.eml"
        with open(os.path.join(self.store, name), "wb") as out:
            out.write(envelope.original_content or envelope.content)
        with open(os.path.join(self.store, "index.jsonl"), "a") as index:
            index.write(json.dumps({
                "file": name,
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "peer": session.peer[0],
                "listener": server.transport.get_extra_info("sockname")[0],
                "time": round(time.time(), 3),
            }) + "\n")
        return f"{bounce_cases.ACCEPTED} as SINK{number:04d}"


def main():
    parser = argparse.ArgumentParser()
    aiosmtpd_serve.add_arguments(parser)
    parser.add_argument("--store", required=True, help="folder for accepted messages")
    args = parser.parse_args()
    os.makedirs(args.store, exist_ok=True)
    sink = Sink(args.store)
    asyncio.run(aiosmtpd_serve.serve(
        lambda: SMTP(sink, hostname=bounce_cases.SINK_HOSTNAME,
                     ident="ESMTP smtp-status bounce sink", decode_data=False),
        args, hosts=bounce_cases.SINK_ADDRESSES, name="bounce sink"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
