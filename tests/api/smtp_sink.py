#!/usr/bin/env python3
"""A real SMTP server for the outbound tests (Debian's python3-aiosmtpd): accepts every message on a
free loopback port and writes each one, as received, to <dir>/<n>.eml. Writes the port to
<dir>/port once it is listening; runs until killed.

usage: smtp_sink.py DIR
"""
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.directory, "%06d.eml" % self.count)
        with open(path + ".part", "wb") as out:
            out.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            out.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)  # whole files only, for the test's polling
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    directory = sys.argv[1]
    port = free_port()
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    with open(os.path.join(directory, "port.part"), "w") as out:
        out.write(str(port))
    os.rename(os.path.join(directory, "port.part"), os.path.join(directory, "port"))
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
