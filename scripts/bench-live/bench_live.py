#!/usr/bin/env python3
"""Live-update and read benchmark of aftercare-server on loopback (issue #13). Not a test: it prints
a Markdown table for docs/benchmarks.md. Run through scripts/bench-live.sh.

Three server runs, each on a fresh data dir:
  1. N idle customer long-polls spread over T tickets: the server's resident memory per waiting
     poll, its CPU while they wait, and the wake-up latency of the polls of one ticket after a staff
     change to it (repeated on CHANGES tickets, the others staying parked).
  2. N idle staff /changes long-polls (what every staff console holds): wake-up latency of all of
     them after one change (a broadcast).
  3. Reads of one ticket (GET /api/v1/tickets/{number}, a small JSON document) with wrk, then the
     same bytes served by Debian's nginx as a static file: the ratio is how close the server comes to
     the physical limit of "read a small JSON document over HTTP" on this machine. With --rounds N
     the two are read in turns N times and the median ratio is reported.
Latencies are measured by this (single-threaded Python) client from just before the change request
is sent until each answer has been read, so they include the change's commit (fsync) and the
client's own time to read thousands of answers.
"""
import argparse
import asyncio
import base64
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

METRICS_TOKEN = "bench-live-metrics-token-5d1c"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cpu_seconds(pids):
    """User and system CPU time of these processes so far."""
    total = 0
    for pid in pids:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def draft(i):
    return {"kind": "repair", "priority": "general",
            "customer": {"name": "测试用户", "phone": "138%08d" % (i % 100000000)},
            "product": {"model": "康复理疗仪 KF-200", "serial": "KF200-2401-%04d" % (i % 10000)},
            "subject": "设备无法开机", "description": "插上电源后指示灯不亮。"}


class Server:
    def __init__(self, binary, port, extra):
        self.dir = tempfile.mkdtemp(prefix="aftercare-bench-live-")
        self.port = port
        self.password = base64.b64encode(os.urandom(18)).decode()
        subprocess.run([binary, "create-admin", "--data-dir", self.dir, "--username", "bench"],
                       input=self.password.encode(), check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        args = [binary, "--port", str(port), "--data-dir", self.dir, "--metrics-token", METRICS_TOKEN,
                "--rate-create", "0", "--rate-login", "0", "--rate-lookup", "0"] + extra
        self.process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.process.stdout.readline().decode()
        if "http://" not in line:
            raise SystemExit("server did not start: " + line)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def request(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(req, timeout=60) as answer:
            return json.loads(answer.read() or b"null")

    def gauge(self, name):
        req = urllib.request.Request("http://127.0.0.1:%d/metrics" % self.port)
        req.add_header("Authorization", "Bearer " + METRICS_TOKEN)
        text = urllib.request.urlopen(req, timeout=60).read().decode()
        for line in text.splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        return -1

    def rss_kib(self):
        with open("/proc/%d/status" % self.process.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def cpu_seconds(self):
        return cpu_seconds([self.process.pid])

    def staff_token(self):
        return self.request("POST", "/api/v1/staff/login", {"username": "bench", "password": self.password})["access_token"]


async def open_poll(port, path, token):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(("GET %s HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer %s\r\n\r\n" % (path, token)).encode())
    await writer.drain()
    return reader, writer


async def read_answer(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    body = await reader.readexactly(length)
    return int(head[9:12]), body, time.perf_counter()


async def open_polls(port, paths_and_tokens):
    polls = []
    for start in range(0, len(paths_and_tokens), 500):
        batch = paths_and_tokens[start:start + 500]
        polls += await asyncio.gather(*(open_poll(port, p, t) for p, t in batch))
    return polls


async def wait_parked(server, count, seconds=120):
    end = time.time() + seconds
    loop = asyncio.get_running_loop()
    while time.time() < end:
        if await loop.run_in_executor(None, server.gauge, "aftercare_live_waiters") >= count:
            return True
        await asyncio.sleep(0.25)
    return False


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def create_tickets(server, count):
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda i: server.request("POST", "/api/v1/tickets", draft(i)), range(count)))


async def run_ticket_phase(args, binary, results):
    server = Server(binary, args.port, ["--live-waiters", str(args.polls + 100), "--long-poll-seconds", "120",
                                        "--max-connections", str(args.polls + 500),
                                        "--max-connections-per-client", str(args.polls + 500)])
    loop = asyncio.get_running_loop()
    try:
        tickets = await loop.run_in_executor(None, create_tickets, server, args.tickets)
        staff = server.staff_token()
        for t in tickets[:50]:  # warm the paths the polls use
            server.request("GET", "/api/v1/tickets/%s/events?after=1&wait=0" % t["service_number"], token=t["access_token"])
        rss_before = server.rss_kib()
        jobs = [("/api/v1/tickets/%s/events?after=1&wait=120" % tickets[i % len(tickets)]["service_number"],
                 tickets[i % len(tickets)]["access_token"]) for i in range(args.polls)]
        polls = await open_polls(args.port, jobs)
        if not await wait_parked(server, args.polls):
            raise SystemExit("not all polls parked")
        rss_after = server.rss_kib()
        results["rss_per_poll_bytes"] = (rss_after - rss_before) * 1024.0 / args.polls
        results["rss_before_mib"] = rss_before / 1024.0
        results["rss_after_mib"] = rss_after / 1024.0
        cpu0, t0 = server.cpu_seconds(), time.time()
        await asyncio.sleep(args.idle_seconds)
        results["idle_cpu_percent"] = 100.0 * (server.cpu_seconds() - cpu0) / (time.time() - t0)
        results["idle_seconds"] = args.idle_seconds

        tasks = [asyncio.ensure_future(read_answer(reader)) for reader, _ in polls]
        latencies = []
        for k in range(args.changes):
            number = tickets[k]["service_number"]
            mine = [i for i in range(args.polls) if i % len(tickets) == k]
            start = time.perf_counter()
            await loop.run_in_executor(None, lambda: server.request(
                "POST", "/api/v1/staff/tickets/%s/transition" % number, {"action": "accept", "note": "bench"}, staff))
            answers = await asyncio.gather(*(tasks[i] for i in mine))
            for status, body, at in answers:
                if status != 200 or b'"accept"' not in body:
                    raise SystemExit("a woken poll got %d %s" % (status, body[:200]))
                latencies.append((at - start) * 1000.0)
        results["ticket_wakes"] = len(latencies)
        results["ticket_p50_ms"] = percentile(latencies, 50)
        results["ticket_p99_ms"] = percentile(latencies, 99)
        results["still_parked"] = server.gauge("aftercare_live_waiters")
        for task in tasks:
            task.cancel()
        for _, writer in polls:
            writer.close()
    finally:
        server.stop()


async def run_broadcast_phase(args, binary, results):
    server = Server(binary, args.port, ["--live-waiters", str(args.polls + 100), "--long-poll-seconds", "120",
                                        "--max-connections", str(args.polls + 500),
                                        "--max-connections-per-client", str(args.polls + 500)])
    loop = asyncio.get_running_loop()
    try:
        tickets = await loop.run_in_executor(None, create_tickets, server, 1)
        staff = server.staff_token()
        version = server.request("GET", "/api/v1/staff/changes?since=0&wait=0", token=staff)["version"]
        polls = await open_polls(args.port, [("/api/v1/staff/changes?since=%d&wait=120" % version, staff)] * args.polls)
        if not await wait_parked(server, args.polls):
            raise SystemExit("not all staff polls parked")
        tasks = [asyncio.ensure_future(read_answer(reader)) for reader, _ in polls]
        start = time.perf_counter()
        await loop.run_in_executor(None, lambda: server.request(
            "POST", "/api/v1/staff/tickets/%s/transition" % tickets[0]["service_number"],
            {"action": "accept", "note": "bench"}, staff))
        answers = await asyncio.gather(*tasks)
        latencies = []
        for status, body, at in answers:
            if status != 200 or json.loads(body)["version"] == version:
                raise SystemExit("a woken staff poll got %d %s" % (status, body[:200]))
            latencies.append((at - start) * 1000.0)
        results["broadcast_wakes"] = len(latencies)
        results["broadcast_p50_ms"] = percentile(latencies, 50)
        results["broadcast_p99_ms"] = percentile(latencies, 99)
        results["broadcast_last_ms"] = max(latencies)
        for _, writer in polls:
            writer.close()
    finally:
        server.stop()


def wrk(url, args, token=None, script=None, server_pids=()):
    """Runs wrk against url: (requests per second, the server's and wrk's CPU per request in µs).

    The two share the machine's cores, so a server's rate depends on wrk's cost as well as its own:
    the CPU figures say which is which (a host's noise moves them less than the rates)."""
    cmd = ["wrk", "-t", str(args.wrk_threads), "-c", str(args.connections), "-d", "%ds" % args.duration, "--latency"]
    if token:
        cmd += ["-H", "Authorization: Bearer " + token]
    if script:
        cmd += ["-s", script]
    server_before = cpu_seconds(server_pids)
    wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd + [url], check=True, capture_output=True, text=True).stdout
    wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_seconds = cpu_seconds(server_pids) - server_before
    wrk_seconds = wrk_after.ru_utime + wrk_after.ru_stime - wrk_before.ru_utime - wrk_before.ru_stime
    rate = requests = None
    for line in out.splitlines():
        if line.startswith("Requests/sec:"):
            rate = float(line.split()[1])
        elif " requests in " in line:
            requests = int(line.split()[0])
    if rate is None or not requests:
        raise SystemExit("wrk printed no rate:\n" + out)
    return rate, server_seconds * 1e6 / requests, wrk_seconds * 1e6 / requests


def run_reads_phase(args, binary, results):
    server = Server(binary, args.port, ["--threads", str(args.threads), "--read-threads", str(args.read_threads)])
    nginx_dir = tempfile.mkdtemp(prefix="aftercare-bench-nginx-")
    nginx = None
    try:
        ticket = create_tickets(server, 1)[0]
        url = "http://127.0.0.1:%d/api/v1/tickets/%s" % (args.port, ticket["service_number"])
        req = urllib.request.Request(url, headers={"Authorization": "Bearer " + ticket["access_token"]})
        body = urllib.request.urlopen(req).read()
        results["read_bytes"] = len(body)

        os.chmod(nginx_dir, 0o755)
        os.makedirs(os.path.join(nginx_dir, "root"))
        with open(os.path.join(nginx_dir, "root", "ticket.json"), "wb") as f:
            f.write(body)
        conf = os.path.join(nginx_dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write("worker_processes %d; daemon off; pid %s/nginx.pid; error_log %s/error.log;\n"
                    "events { worker_connections 4096; }\n"
                    "http { access_log off; default_type application/json; keepalive_requests 1000000;\n"
                    "  server { listen 127.0.0.1:%d; root %s/root; } }\n"
                    % (os.cpu_count() or 1, nginx_dir, nginx_dir, args.nginx_port, nginx_dir))
        nginx = subprocess.Popen(["nginx", "-c", conf, "-p", nginx_dir], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(1)
        static_url = "http://127.0.0.1:%d/ticket.json" % args.nginx_port
        if urllib.request.urlopen(static_url).read() != body:
            raise SystemExit("nginx does not serve the same bytes")
        # The master and its workers (the workers serve).
        workers = subprocess.run(["pgrep", "-P", str(nginx.pid)], capture_output=True, text=True).stdout.split()
        nginx_pids = [nginx.pid] + [int(pid) for pid in workers]
        results["nginx_version"] = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()

        # The two servers in turns, both running throughout: the host's speed drifts by a third within
        # minutes here, so each round's ratio compares two runs of the same quarter minute.
        rounds = []
        for _ in range(args.rounds):
            aftercare = wrk(url, args, ticket["access_token"], server_pids=[server.process.pid])
            static = wrk(static_url, args, server_pids=nginx_pids)
            rounds.append(aftercare + static)
        rounds.sort(key=lambda r: r[0] / r[3])
        results["read_rounds"] = rounds
        (results["aftercare_reads"], results["aftercare_read_us"], results["wrk_read_us"], results["nginx_reads"],
         results["nginx_read_us"], results["wrk_nginx_us"]) = rounds[len(rounds) // 2]

        # Durable creates on the same server (a 201 is on disk), as scripts/bench-api.sh makes them.
        results["aftercare_creates"], results["aftercare_create_us"], _ = wrk(
            "http://127.0.0.1:%d/api/v1/tickets" % args.port, args,
            script=os.path.join(ROOT, "scripts/bench-api/create.lua"), server_pids=[server.process.pid])
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait(10)
        server.stop()
        shutil.rmtree(nginx_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build/native/serve/aftercare-server"))
    parser.add_argument("--port", type=int, default=18480)
    parser.add_argument("--nginx-port", type=int, default=18481)
    parser.add_argument("--polls", type=int, default=10000)
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--idle-seconds", type=int, default=10)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--skip-reads", action="store_true")
    parser.add_argument("--only-reads", action="store_true")
    parser.add_argument("--rounds", type=int, default=1,
                        help="reads of aftercare and of nginx in turns, this many times; the median ratio is reported")
    parser.add_argument("--threads", type=int, default=64, help="the server's --threads (writes)")
    parser.add_argument("--read-threads", type=int, default=0, help="the server's --read-threads (0: 2 per core)")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < args.polls + 200:
        raise SystemExit("this shell allows %d open files; %d polls need more" % (hard, args.polls))

    r = {}
    if not args.only_reads:
        asyncio.run(run_ticket_phase(args, args.binary, r))
        asyncio.run(run_broadcast_phase(args, args.binary, r))
    if not args.skip_reads:
        run_reads_phase(args, args.binary, r)

    print("| measure | result |")
    print("|---|---|")
    if "ticket_wakes" in r:
        print("| %d idle customer long-polls over %d tickets: server RSS | %.1f MiB → %.1f MiB: %.0f bytes per waiting poll |"
              % (args.polls, args.tickets, r["rss_before_mib"], r["rss_after_mib"], r["rss_per_poll_bytes"]))
        print("| CPU while they wait (%d s) | %.2f %% of one core |" % (r["idle_seconds"], r["idle_cpu_percent"]))
        print("| wake-up after a change to one ticket (%d polls woken over %d changes, the rest parked) | p50 %.1f ms, p99 %.1f ms |"
              % (r["ticket_wakes"], args.changes, r["ticket_p50_ms"], r["ticket_p99_ms"]))
        print("| wake-up of %d staff `/changes` polls after one change (broadcast) | p50 %.1f ms, p99 %.1f ms, last %.1f ms |"
              % (r["broadcast_wakes"], r["broadcast_p50_ms"], r["broadcast_p99_ms"], r["broadcast_last_ms"]))
    if "nginx_reads" in r:
        threads = "--threads %d --read-threads %d" % (args.threads, args.read_threads)
        median = " (the median of %d rounds in turns)" % args.rounds if args.rounds > 1 else ""
        print("| reads of one ticket (%d bytes of JSON), wrk -t%d -c%d %ds, %s%s | aftercare %.0f/s, %s static file %.0f/s: %.0f %% |"
              % (r["read_bytes"], args.wrk_threads, args.connections, args.duration, threads, median,
                 r["aftercare_reads"], r["nginx_version"].replace("nginx version: ", ""), r["nginx_reads"],
                 100.0 * r["aftercare_reads"] / r["nginx_reads"]))
        if args.rounds > 1:
            print("| every round's reads, aftercare / nginx, lowest ratio first | %s |"
                  % "; ".join("%.0f / %.0f: %.0f %%" % (a[0], a[3], 100.0 * a[0] / a[3]) for a in r["read_rounds"]))
        # With every core busy in both runs, the rates are in the ratio of the CPU each request
        # costs server and client together: this is the server CPU per read at which reads would run
        # at half nginx's rate.
        half = 2 * (r["nginx_read_us"] + r["wrk_nginx_us"]) - r["wrk_read_us"]
        print("| CPU per read: aftercare / nginx, and wrk's in each run | %.1f / %.1f µs; wrk %.1f / %.1f µs; "
              "half of nginx's rate needs ≤ %.1f µs of server CPU per read |"
              % (r["aftercare_read_us"], r["nginx_read_us"], r["wrk_read_us"], r["wrk_nginx_us"], half))
        print("| durable creates (`scripts/bench-api/create.lua`), wrk -t%d -c%d %ds, %s | %.0f/s, %.1f µs of server CPU each |"
              % (args.wrk_threads, args.connections, args.duration, threads, r["aftercare_creates"],
                 r["aftercare_create_us"]))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
