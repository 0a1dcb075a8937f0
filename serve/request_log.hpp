// The request log: one JSON line per answer, written to a file descriptor (stderr) in batches.
//
// A write(2) per answer cost 7 % of a ticket read's CPU (docs/benchmarks.md, issue 13), so lines
// wait in a buffer for at most `flush_every` and go out together, as nginx's `access_log ...
// buffer= flush=` does. Each write(2) holds whole lines and at most PIPE_BUF bytes where the lines
// allow, so it is atomic on a pipe: the server's other log lines (log.hpp), written directly, never
// land inside one of these. A process killed outright loses at most the last `flush_every` of lines.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace aftercare::serve {

class RequestLog {
public:
    explicit RequestLog(int fd, std::chrono::milliseconds flush_every = std::chrono::milliseconds(100));
    ~RequestLog();  // writes what is still buffered
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    // `line` ends with '\n'. From any thread.
    void Add(std::string_view line);
    // Writes everything added so far, now.
    void Flush();

private:
    void FlushLoop();

    const int fd_;
    const std::chrono::milliseconds flush_every_;
    std::mutex mutex_;  // buffer_ and stopping_
    std::condition_variable added_;
    std::string buffer_;
    bool stopping_ = false;
    std::mutex write_mutex_;  // one flush at a time, so batches go out in the order they were taken
    std::thread flusher_;
};

}  // namespace aftercare::serve
