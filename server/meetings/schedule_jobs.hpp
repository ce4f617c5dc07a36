#pragma once
// Background scheduler runs. The scheduling engine can compute for up to a
// minute, so it never runs on a DB or I/O thread: a handler loads the
// problem in its transaction and submits it here; a job thread of ours
// computes it, keeping the run's progress (0-100) in memory; the result is
// written by a job on the DB executor's writer thread.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "server/domain/types.hpp"
#include "server/meetings/schedule_input.hpp"

namespace fairmatch::server::store {
class DbExecutor;
}

namespace fairmatch::server::meetings {

class ScheduleJobs {
public:
    // `db` receives the write jobs that store results; null (unit tests
    // without an executor) drops the results. Starts `threads` job threads.
    explicit ScheduleJobs(store::DbExecutor* db, int threads = 1);
    // Calls stop().
    ~ScheduleJobs();
    ScheduleJobs(const ScheduleJobs&) = delete;
    ScheduleJobs& operator=(const ScheduleJobs&) = delete;

    // Queues the computation of run `run` (a schedule_runs row with status
    // running) and returns at once. Thread-safe. Submit it before the
    // transaction that inserted the row commits: the result's write job
    // then runs after it on the writer thread.
    void submit(Id run, ScheduleInput input, double seconds, std::uint64_t seed);
    // The same, with the problem built on the job thread by `prepare` (e.g.
    // a search for fill-in candidates); an exception from it fails the run.
    void submit(Id run, std::function<ScheduleInput()> prepare, double seconds, std::uint64_t seed);

    // 0-100 while the run is queued, computing, or waiting for its result
    // to be written; nullopt for runs not (or no longer) known here.
    // Thread-safe. Ask this before reading the run's row: once it answers
    // nullopt, the row holds the final status.
    std::optional<int> progress(Id run) const;

    // Stops the running computations early and fails queued runs (both are
    // recorded as interrupted), then joins the job threads. Idempotent;
    // call it before the DB executor stops, so that the records are written.
    void stop();

private:
    struct State {
        std::atomic<int> progress{0};
        std::atomic<bool> cancel{false};
    };
    struct Registry {
        mutable std::mutex mutex;
        std::map<Id, std::shared_ptr<State>> runs;
        void erase(Id run);
    };
    struct Task {
        Id run = 0;
        ScheduleInput input;
        std::function<ScheduleInput()> prepare;  // when set, builds `input` first
        double seconds = 1;
        std::uint64_t seed = 1;
        std::shared_ptr<State> state;
    };

    void submit_task(Task task);
    void worker();
    void compute(Task& task);
    // Queue the final write for a run (a result or a failure); the run
    // leaves the registry once it is written.
    void write_result(Id run, std::string figures, std::vector<store::RunMeeting> rows,
                      std::vector<store::RunFillIn> fill_ins);
    void write_failure(Id run, std::string error);

    store::DbExecutor* db_;
    std::shared_ptr<Registry> registry_;
    std::mutex queue_mutex_;
    std::condition_variable queue_cv_;
    std::deque<Task> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
    std::once_flag stopped_;
};

// The figures of a schedule as a JSON object text: held/requested counts and
// priority weights (overall and per priority), breaks, fairness, reasons.
std::string figures_json(const ScheduleInput& input, const matching::Schedule& schedule, double seconds_used);

}  // namespace fairmatch::server::meetings
