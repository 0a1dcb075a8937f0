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
    void Loop();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace aftercare::serve
