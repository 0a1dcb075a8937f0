#!/usr/bin/env python3
"""The facts about this machine that move every browser timing, printed before the web benchmarks.

Chromium's start-up figures are wall-clock times on a shared, virtual 2-core machine. Two hosts
of the same kind have given the same build start-up times 3x apart (docs/benchmarks.md). On the
slower one, Lighthouse's CPU benchmark was a fast desktop's, but a page fault on fresh memory (each
new page a process touches) cost ~15 us where a few tenths of a microsecond is usual, and a renderer
faults in ~25,000 pages per load of the portal or of the plain ImGui program (bench/page-faults.mjs).
This prints that cost, so that figures taken on different hosts can be told apart.
"""
import mmap
import os
import time

PAGE = mmap.PAGESIZE
SIZE = 256 << 20  # 256 MiB: 65,536 pages


def fresh_page_microseconds() -> float:
    """Median over three runs of the time to touch one page of freshly mapped anonymous memory."""
    runs = []
    for _ in range(3):
        region = mmap.mmap(-1, SIZE, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
        start = time.perf_counter()
        for offset in range(0, SIZE, PAGE):
            region[offset] = 1
        runs.append((time.perf_counter() - start) * 1e6 / (SIZE // PAGE))
        region.close()
    return sorted(runs)[1]


def main() -> None:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"host: {os.cpu_count()} cores, load average {load}, "
          f"touching a fresh page of memory: {fresh_page_microseconds():.2f} µs "
          f"(a renderer touches ~25,000 per page load)")


if __name__ == "__main__":
    main()
