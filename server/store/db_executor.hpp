#pragma once
// The database executor: SQLite never runs on an I/O thread. One writer
// thread owns the only read-write connection; a few reader threads own
// read-only connections. Jobs are queued and run on those threads; the
// caller is told through the job's own completion (see net/db_await.hpp).

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fairmatch::server::store {

class Connection;

class DbJob {
public:
    virtual ~DbJob() = default;
    // Runs on a DB thread with that thread's connection. Must not throw.
    virtual void run(Connection& db) noexcept = 0;
};

// A job from a function, for fire-and-forget work (its exceptions are
// logged by nobody: the function must catch what it cares about).
std::unique_ptr<DbJob> make_job(std::function<void(Connection&)> fn);

class DbExecutor {
public:
    // Opens the writer connection (which must already be migrated) and
    // `readers` read-only connections to `path`, and starts the threads.
    DbExecutor(const std::string& path, int readers);
    ~DbExecutor();
    DbExecutor(const DbExecutor&) = delete;
    DbExecutor& operator=(const DbExecutor&) = delete;

    void submit_read(std::unique_ptr<DbJob> job);
    void submit_write(std::unique_ptr<DbJob> job);

    // Jobs waiting to start (both queues).
    std::size_t queue_depth() const noexcept { return depth_.load(std::memory_order_relaxed); }
    // Runs the queued jobs, then joins the threads and closes the
    // connections (the last close checkpoints the WAL). Idempotent.
    void stop();
    const std::string& path() const noexcept { return path_; }

private:
    struct Queue {
        std::mutex mutex;
        std::condition_variable cv;
        std::deque<std::unique_ptr<DbJob>> jobs;
        bool stopping = false;
    };
    void worker(Queue& q, std::unique_ptr<Connection> db);
    void push(Queue& q, std::unique_ptr<DbJob> job);

    std::string path_;
    Queue write_q_;
    Queue read_q_;
    std::atomic<std::size_t> depth_{0};
    std::vector<std::thread> threads_;
    bool stopped_ = false;
};

}  // namespace fairmatch::server::store
