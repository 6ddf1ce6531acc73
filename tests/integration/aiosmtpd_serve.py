# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# What the tests' aiosmtpd servers (aiosmtpd_server.py here, and
# tests/bounces/bounce_sink.py) share: listening on loopback addresses on one
# port the kernel picks, telling the port through a file, and stopping on
# SIGTERM, SIGINT or after a lifetime, whichever comes first, so that a
# server never outlives the test that started it.
import argparse
import asyncio
import os
import signal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every such server takes (the fixture passes them)."""
    parser.add_argument("--port-file", required=True,
                        help="where the port goes once the server accepts connections")
    parser.add_argument("--lifetime", type=float, default=300,
                        help="seconds after which the server stops by itself")


async def serve(make_protocol, args, hosts=("127.0.0.1",), name="aiosmtpd"):
    """Serves make_protocol() on every address of hosts, all on one port
    (the kernel picks it for the first address), until a signal or the
    lifetime of args; writes the port to args.port_file once listening."""
    loop = asyncio.get_running_loop()
    servers = [await loop.create_server(make_protocol, host=hosts[0], port=0)]
    port = servers[0].sockets[0].getsockname()[1]
    for host in hosts[1:]:
        servers.append(await loop.create_server(make_protocol, host=host, port=port))
    # Written whole, then renamed: the fixture never reads half a number.
    partial = args.port_file + ".partial"
    with open(partial, "w") as out:
        out.write(f"{port}\n")
    os.replace(partial, args.port_file)
    print(f"{name} listening on port {port} of {', '.join(hosts)}", flush=True)

    stop = loop.create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, lambda: stop.done() or stop.set_result(None))
    loop.call_later(args.lifetime, lambda: stop.done() or stop.set_result(None))
    await stop
    for server in servers:
        server.close()
    for server in servers:
        await server.wait_closed()
    print(f"{name} stopped", flush=True)
