#include "server/store/db_executor.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace {
class FunctionJob final : public DbJob {
public:
    explicit FunctionJob(std::function<void(Connection&)> fn) : fn_(std::move(fn)) {}
    void run(Connection& db) noexcept override {
        try {
            fn_(db);
        } catch (...) {
            // Best effort by contract.
        }
    }

private:
    std::function<void(Connection&)> fn_;
};
}  // namespace

std::unique_ptr<DbJob> make_job(std::function<void(Connection&)> fn) {
    return std::make_unique<FunctionJob>(std::move(fn));
}

DbExecutor::DbExecutor(const std::string& path, int readers) : path_(path) {
    if (readers < 1) readers = 1;
    auto writer = std::make_unique<Connection>(path, OpenMode::read_write);
    std::vector<std::unique_ptr<Connection>> reader_conns;
    for (int i = 0; i < readers; ++i) {
        reader_conns.push_back(std::make_unique<Connection>(path, OpenMode::read_only));
        reader_conns.back()->exec("PRAGMA query_only=ON");
    }
    threads_.emplace_back([this, c = std::move(writer)]() mutable { worker(write_q_, std::move(c)); });
    for (auto& c : reader_conns) {
        threads_.emplace_back([this, c = std::move(c)]() mutable { worker(read_q_, std::move(c)); });
    }
}

DbExecutor::~DbExecutor() { stop(); }

void DbExecutor::push(Queue& q, std::unique_ptr<DbJob> job) {
    {
        std::lock_guard lock(q.mutex);
        q.jobs.push_back(std::move(job));
    }
    depth_.fetch_add(1, std::memory_order_relaxed);
    q.cv.notify_one();
}

void DbExecutor::submit_read(std::unique_ptr<DbJob> job) { push(read_q_, std::move(job)); }
void DbExecutor::submit_write(std::unique_ptr<DbJob> job) { push(write_q_, std::move(job)); }

void DbExecutor::worker(Queue& q, std::unique_ptr<Connection> db) {
    for (;;) {
        std::unique_ptr<DbJob> job;
        {
            std::unique_lock lock(q.mutex);
            q.cv.wait(lock, [&] { return q.stopping || !q.jobs.empty(); });
            if (q.jobs.empty()) break;  // stopping and drained
            job = std::move(q.jobs.front());
            q.jobs.pop_front();
        }
        depth_.fetch_sub(1, std::memory_order_relaxed);
        job->run(*db);
    }
    db.reset();  // close this thread's connection on this thread
}

void DbExecutor::stop() {
    if (stopped_) return;
    stopped_ = true;
    // Readers first, so that the writer's connection is the last to close:
    // only it can checkpoint the WAL into the main file.
    auto stop_queue = [](Queue& q) {
        std::lock_guard lock(q.mutex);
        q.stopping = true;
        q.cv.notify_all();
    };
    stop_queue(read_q_);
    for (std::size_t i = 1; i < threads_.size(); ++i) threads_[i].join();
    stop_queue(write_q_);
    if (!threads_.empty()) threads_[0].join();
    threads_.clear();
}

}  // namespace fairmatch::server::store
