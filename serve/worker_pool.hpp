// A fixed set of threads running queued tasks: request handlers, which block on SQLite (reads and
// the commit's fsync), run here and never on the I/O threads that serve every connection.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace aftercare::serve {

class WorkerPool {
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();  // runs what is queued, then joins

    // From any thread. The queue needs no bound of its own: each open connection has at most one
    // request in it, and connections are capped (HttpListener).
    void Post(std::function<void()> task);
    void Stop();

private:
    // An idle worker waits on its own condition variable, so Post can hand a task to one chosen
    // worker: the one that went idle last (a stack). Under light load the same few threads, hot in
    // cache and never descheduled for long, do all the work, and the rest of the pool sleeps until
    // many requests block at once (creates waiting on one fsync). Waking any of 64 threads through
    // one shared condition variable halved the read rate.
    struct Idle {
        std::condition_variable wake;
        std::function<void()> task;
        bool has_task = false;
    };
    void Loop();

    std::mutex mutex_;
    std::deque<std::function<void()>> tasks_;  // only when no worker is idle
    std::vector<Idle*> idle_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace aftercare::serve
