#include "server/meetings/schedule_jobs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "server/log.hpp"
#include "server/store/common.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::meetings {

namespace {
const char* const kInterrupted = "interrupted: the server stopped during the run; start a new run";
}

void ScheduleJobs::Registry::erase(Id run) {
    std::lock_guard lock(mutex);
    runs.erase(run);
}

ScheduleJobs::ScheduleJobs(store::DbExecutor* db, int threads) : db_(db), registry_(std::make_shared<Registry>()) {
    if (threads < 1) threads = 1;
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { worker(); });
}

ScheduleJobs::~ScheduleJobs() {
    stop();
}

void ScheduleJobs::submit(Id run, ScheduleInput input, double seconds, std::uint64_t seed) {
    submit_task(Task{run, std::move(input), {}, seconds, seed, {}});
}

void ScheduleJobs::submit(Id run, std::function<ScheduleInput()> prepare, double seconds, std::uint64_t seed) {
    submit_task(Task{run, {}, std::move(prepare), seconds, seed, {}});
}

void ScheduleJobs::submit_task(Task task) {
    const Id run = task.run;
    auto state = std::make_shared<State>();
    task.state = state;
    {
        std::lock_guard lock(registry_->mutex);
        registry_->runs[run] = state;
    }
    {
        std::lock_guard lock(queue_mutex_);
        queue_.push_back(std::move(task));
    }
    queue_cv_.notify_one();
}

std::optional<int> ScheduleJobs::progress(Id run) const {
    std::lock_guard lock(registry_->mutex);
    auto it = registry_->runs.find(run);
    if (it == registry_->runs.end()) return std::nullopt;
    return it->second->progress.load(std::memory_order_relaxed);
}

void ScheduleJobs::stop() {
    std::call_once(stopped_, [this] {
        {
            std::lock_guard lock(queue_mutex_);
            stopping_ = true;
        }
        {
            std::lock_guard lock(registry_->mutex);
            for (auto& [id, state] : registry_->runs) state->cancel = true;
        }
        queue_cv_.notify_all();
        for (auto& t : threads_) t.join();
        threads_.clear();
    });
}

void ScheduleJobs::worker() {
    for (;;) {
        Task task;
        {
            std::unique_lock lock(queue_mutex_);
            queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping and drained
            task = std::move(queue_.front());
            queue_.pop_front();
            if (stopping_) task.state->cancel = true;
        }
        compute(task);
    }
}

void ScheduleJobs::compute(Task& task) {
    if (task.state->cancel) {
        write_failure(task.run, kInterrupted);
        return;
    }
    if (task.prepare) {
        try {
            task.input = task.prepare();
        } catch (const std::exception& e) {
            log_line("error", "schedule run " + std::to_string(task.run) + ": preparing the problem failed: " + e.what());
            write_failure(task.run, std::string("preparing the problem failed: ") + e.what());
            return;
        }
        task.prepare = nullptr;
        if (task.state->cancel) {
            write_failure(task.run, kInterrupted);
            return;
        }
    }
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const double budget = task.seconds > 0 ? task.seconds : 1;
    auto state = task.state;
    matching::ScheduleOptions options;
    options.seed = task.seed;
    options.place_fill_ins = !task.input.problem.fill_ins.empty();
    options.out_of_time = [state, start, budget] {
        double elapsed = std::chrono::duration<double>(clock::now() - start).count();
        int p = static_cast<int>(elapsed * 100 / budget);
        state->progress.store(std::min(99, std::max(0, p)), std::memory_order_relaxed);
        return elapsed >= budget || state->cancel.load(std::memory_order_relaxed);
    };
    matching::Schedule schedule;
    try {
        schedule = matching::schedule_meetings(task.input.problem, options);
    } catch (const std::exception& e) {
        log_line("error", "schedule run " + std::to_string(task.run) + " failed: " + e.what());
        write_failure(task.run, std::string("the scheduler refused the problem: ") + e.what());
        return;
    }
    if (task.state->cancel) {
        write_failure(task.run, kInterrupted);
        return;
    }
    double used = std::chrono::duration<double>(clock::now() - start).count();
    task.state->progress = 100;
    write_result(task.run, figures_json(task.input, schedule, used), result_rows(task.input, schedule),
                 fill_in_rows(task.input, schedule));
}

void ScheduleJobs::write_result(Id run, std::string figures, std::vector<store::RunMeeting> rows,
                                std::vector<store::RunFillIn> fill_ins) {
    if (!db_) {
        registry_->erase(run);
        return;
    }
    db_->submit_write(store::make_job(
        [registry = registry_, run, figures = std::move(figures), rows = std::move(rows),
         fill_ins = std::move(fill_ins)](store::Connection& c) {
            try {
                store::Transaction tx(c);
                store::ScheduleRepository(c).store_result(run, figures, rows, store::unix_now(), fill_ins);
                tx.commit();
            } catch (const std::exception& e) {
                log_line("error", "schedule run " + std::to_string(run) + ": storing the result failed: " + e.what());
            }
            registry->erase(run);
        }));
}

void ScheduleJobs::write_failure(Id run, std::string error) {
    if (!db_) {
        registry_->erase(run);
        return;
    }
    db_->submit_write(store::make_job([registry = registry_, run, error = std::move(error)](store::Connection& c) {
        try {
            store::Transaction tx(c);
            store::ScheduleRepository(c).fail_run(run, error, store::unix_now());
            tx.commit();
        } catch (const std::exception& e) {
            log_line("error", "schedule run " + std::to_string(run) + ": recording the failure failed: " + e.what());
        }
        registry->erase(run);
    }));
}

std::string figures_json(const ScheduleInput& input, const matching::Schedule& schedule, double seconds_used) {
    const auto& f = schedule.figures;
    struct Count {
        std::int64_t requested = 0, held = 0;
    };
    Count must, would;
    std::map<std::string, int> reasons;
    for (std::size_t m = 0; m < input.problem.meetings.size() && m < schedule.meetings.size(); ++m) {
        bool is_must = input.problem.meetings[m].weight >= kMustMeetWeight;
        auto& c = is_must ? must : would;
        ++c.requested;
        if (schedule.meetings[m].held())
            ++c.held;
        else
            ++reasons[std::string(meeting_reason(input, schedule, m))];
    }
    nlohmann::json reason_counts = nlohmann::json::object();
    for (const auto& [k, v] : reasons) reason_counts[k] = v;
    // Meetings whose fixed slot left the grid reach the engine as cancelled; they count as requested here.
    std::int64_t gone_weight = 0;
    for (std::size_t m = 0; m < input.fixed_slot_gone.size() && m < input.problem.meetings.size(); ++m)
        if (input.fixed_slot_gone[m]) gone_weight += input.problem.meetings[m].weight;
    const auto requested = must.requested + would.requested;
    nlohmann::json j = {{"requested", requested},
                        {"held", f.meetings_held},
                        {"unscheduled", requested - f.meetings_held},
                        {"weight_requested", f.weight_requested + gone_weight},
                        {"weight_held", f.weight_held},
                        {"must_meet", {{"requested", must.requested}, {"held", must.held}}},
                        {"would_like", {{"requested", would.requested}, {"held", would.held}}},
                        {"breaks", f.breaks},
                        {"breaks_lower_bound", f.breaks_lower_bound},
                        {"max_importer_shortfall", f.max_importer_shortfall},
                        {"importer_shortfall_squares", f.importer_shortfall_squares},
                        {"unscheduled_reasons", reason_counts},
                        {"fill_ins", {{"candidates", input.problem.fill_ins.size()},
                                      {"held", f.fill_ins_held},
                                      {"score", f.fill_in_score}}},
                        {"participants", input.problem.participants.size()},
                        {"slots", input.problem.slots.size()},
                        {"seconds_used", std::round(seconds_used * 1000) / 1000}};
    return j.dump();
}

}  // namespace fairmatch::server::meetings
