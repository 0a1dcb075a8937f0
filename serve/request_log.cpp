// RequestLog: a buffer, and a thread that writes it out a moment after it stops being empty.
#include "request_log.hpp"

#include <limits.h>  // PIPE_BUF
#include <unistd.h>

#include <cerrno>

namespace aftercare::serve {
namespace {

// Past this much, the thread that adds a line writes the buffer itself instead of waiting.
constexpr std::size_t kFlushBytes = 64 * 1024;

void WriteAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // a log that cannot be written must not stop the server
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Where the next write ends: the whole lines that fit in PIPE_BUF bytes, or one longer line alone.
std::size_t ChunkEnd(std::string_view text) {
    if (text.size() <= PIPE_BUF) return text.size();
    const std::size_t last = text.rfind('\n', PIPE_BUF - 1);
    if (last != std::string_view::npos) return last + 1;
    const std::size_t first = text.find('\n');
    return first == std::string_view::npos ? text.size() : first + 1;
}

}  // namespace

RequestLog::RequestLog(int fd, std::chrono::milliseconds flush_every)
    : fd_(fd), flush_every_(flush_every), flusher_([this] { FlushLoop(); }) {}

RequestLog::~RequestLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    added_.notify_one();
    flusher_.join();
    Flush();
}

void RequestLog::Add(std::string_view line) {
    std::unique_lock lock(mutex_);
    const bool was_empty = buffer_.empty();
    buffer_.append(line);
    if (buffer_.size() >= kFlushBytes) {
        lock.unlock();
        Flush();
    } else if (was_empty) {
        lock.unlock();
        added_.notify_one();  // once per batch, not once per line
    }
}

void RequestLog::Flush() {
    std::lock_guard write_lock(write_mutex_);
    std::string batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(buffer_);
    }
    for (std::string_view rest = batch; !rest.empty();) {
        const std::size_t end = ChunkEnd(rest);
        WriteAll(fd_, rest.substr(0, end));
        rest.remove_prefix(end);
    }
}

void RequestLog::FlushLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        added_.wait(lock, [&] { return !buffer_.empty() || stopping_; });
        if (stopping_) return;
        // Lines that arrive meanwhile join the batch.
        added_.wait_for(lock, flush_every_, [&] { return stopping_; });
        lock.unlock();
        Flush();
        lock.lock();
    }
}

}  // namespace aftercare::serve
