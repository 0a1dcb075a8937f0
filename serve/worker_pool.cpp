// WorkerPool: a queue for busy times and a stack of idle workers, each with its own wake-up.
#include "worker_pool.hpp"

#include <algorithm>

namespace aftercare::serve {

WorkerPool::WorkerPool(int threads) {
    threads_.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Post(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    if (idle_.empty()) {
        tasks_.push_back(std::move(task));
        return;
    }
    Idle* worker = idle_.back();
    idle_.pop_back();
    worker->task = std::move(task);
    worker->has_task = true;
    lock.unlock();
    worker->wake.notify_one();
}

void WorkerPool::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (Idle* worker : idle_) worker->wake.notify_one();
    }
    for (auto& thread : threads_) {
        if (thread.joinable() && thread.get_id() != std::this_thread::get_id()) thread.join();
    }
}

void WorkerPool::Loop() {
    Idle me;
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            if (!tasks_.empty()) {
                task = std::move(tasks_.front());
                tasks_.pop_front();
            } else if (stopping_) {
                return;
            } else {
                idle_.push_back(&me);
                me.wake.wait(lock, [&] { return me.has_task || stopping_; });
                if (!me.has_task) {  // stopping, and nothing was handed over
                    idle_.erase(std::remove(idle_.begin(), idle_.end(), &me), idle_.end());
                    return;
                }
                task = std::move(me.task);
                me.has_task = false;
            }
        }
        task();
    }
}

}  // namespace aftercare::serve
