// Background scheduler runs against a real SQLite file and DB executor:
// the result is computed on the job thread and stored by a write job; a
// shutdown interrupts computing and queued runs without waiting for their
// time budget, and records them as interrupted.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <random>
#include <thread>

#include "server/meetings/schedule_jobs.hpp"
#include "server/store/db_executor.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/schedule_repository.hpp"
#include "test_db.hpp"

using namespace fairmatch::server;
using namespace std::chrono_literals;

namespace {

class ScheduleJobsTest : public ::testing::Test {
protected:
    fairmatch::test::TempDir dir;
    std::string path = dir.file("jobs.db");
    std::unique_ptr<store::Connection> db = fairmatch::test::migrated_db(path);
    Id fair = 0, request = 0;

    void SetUp() override {
        Fair f;
        f.name_vi = f.name_en = "Jobs fair";
        f.venue = "NECC";
        f.city = "Hà Nội";
        f.start_date = "2026-12-03";
        f.end_date = "2026-12-04";
        fair = store::FairRepository(*db).insert(f);
        Exhibitor e;
        e.fair_id = fair;
        e.name = "Gốm Bát Tràng";
        e.tax_code = "0101234567";
        e.province = "ha-noi";
        e.categories = {"ceramics.tableware"};
        e.price_tier = "mid";
        auto exhibitor = store::ExhibitorRepository(*db).insert(e);
        Importer i;
        i.fair_id = fair;
        i.name = "Nordic Living AB";
        i.country = "SE";
        i.buyer_type = "retail_chain";
        i.categories = {"ceramics.tableware"};
        i.price_tier = "mid";
        i.annual_budget = {1000, "EUR"};
        i.languages = {"en"};
        auto importer = store::ImporterRepository(*db).insert(i);
        store::MeetingRepository repo(*db);
        request = repo.insert_request(fair, importer, exhibitor, store::Side::importer, "must_meet", "", 1);
        repo.set_request_status(request, "accepted", "", 2);
    }

    meetings::ScheduleInput small_input() {
        meetings::Grid g;
        g.days = {"2026-12-03"};
        g.sessions = {{9 * 60, 12 * 60}};
        g.slot_minutes = 30;
        meetings::ScheduleRows rows;
        rows.slots = meetings::derive_slots(g, 420);
        rows.tables = 2;
        rows.requests = store::MeetingRepository(*db).accepted_requests(fair);
        return meetings::build_schedule_input(rows);
    }

    // A problem big enough to keep the scheduler busy for a while.
    static meetings::ScheduleInput big_input() {
        meetings::ScheduleInput in;
        for (int s = 0; s < 48; ++s)
            in.problem.slots.push_back(
                {s / 16,
                 s % 16 < 8 ? fairmatch::matching::SessionKind::morning : fairmatch::matching::SessionKind::afternoon,
                 40});
        for (int p = 0; p < 600; ++p) {
            fairmatch::matching::ScheduleParticipant part;
            part.importer = p < 300;
            in.problem.participants.push_back(part);
        }
        std::mt19937 rng(5);
        for (int m = 0; m < 6000; ++m) {
            fairmatch::matching::ScheduleMeeting meeting;
            meeting.first = 300 + static_cast<int>(rng() % 300);
            meeting.second = static_cast<int>(rng() % 300);
            meeting.weight = rng() % 4 == 0 ? 10 : 1;
            in.problem.meetings.push_back(meeting);
            in.request_ids.push_back(100000 + m);
        }
        return in;
    }

    std::optional<store::ScheduleRun> wait_until_stored(meetings::ScheduleJobs& jobs, Id run) {
        auto until = std::chrono::steady_clock::now() + 30s;
        while (jobs.progress(run) && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(10ms);
        return store::ScheduleRepository(*db).run(run);
    }
};

}  // namespace

TEST_F(ScheduleJobsTest, ComputesOffTheDatabaseThreadAndStoresTheResult) {
    store::DbExecutor executor(path, 1);
    meetings::ScheduleJobs jobs(&executor);
    auto run = store::ScheduleRepository(*db).insert_run(fair, 5, 3, std::nullopt, 10);
    jobs.submit(run, small_input(), 5, 3);
    auto stored = wait_until_stored(jobs, run);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, "done");
    ASSERT_TRUE(stored->figures);
    auto figures = nlohmann::json::parse(*stored->figures);
    EXPECT_EQ(figures["held"], 1);
    EXPECT_EQ(figures["requested"], 1);
    EXPECT_EQ(figures["weight_held"], 10);
    auto rows = store::ScheduleRepository(*db).run_meetings(run);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].request_id, request);
    ASSERT_TRUE(rows[0].slot);
    EXPECT_EQ(rows[0].location_kind, "table");
    EXPECT_EQ(rows[0].reason, "none");
    EXPECT_EQ(rows[0].ends_at - rows[0].starts_at, 1800);
    jobs.stop();
    executor.stop();
}

TEST_F(ScheduleJobsTest, ARunOfAnotherStatusIsNotOverwritten) {
    store::DbExecutor executor(path, 1);
    meetings::ScheduleJobs jobs(&executor);
    store::ScheduleRepository repo(*db);
    auto run = repo.insert_run(fair, 5, 3, std::nullopt, 10);
    repo.fail_run(run, "given up", 11);
    jobs.submit(run, small_input(), 5, 3);
    auto stored = wait_until_stored(jobs, run);
    EXPECT_EQ(stored->status, "failed");
    EXPECT_EQ(stored->error, "given up");
    EXPECT_TRUE(repo.run_meetings(run).empty());
    jobs.stop();
    executor.stop();
}

TEST_F(ScheduleJobsTest, StopInterruptsComputingAndQueuedRuns) {
    store::DbExecutor executor(path, 1);
    auto queued = store::ScheduleRepository(*db).insert_run(fair, 60, 1, std::nullopt, 10);
    std::chrono::duration<double> took{};
    {
        meetings::ScheduleJobs jobs(&executor, 1);
        jobs.submit(999999, big_input(), 60, 1);  // no such row: whatever it computes is not stored
        jobs.submit(queued, small_input(), 60, 1);
        EXPECT_TRUE(jobs.progress(queued));
        std::this_thread::sleep_for(200ms);
        auto t0 = std::chrono::steady_clock::now();
        jobs.stop();
        took = std::chrono::steady_clock::now() - t0;
    }
    EXPECT_LT(took.count(), 10.0) << "stop() must not wait for the time budget";
    executor.stop();  // runs the queued write jobs
    auto run = store::ScheduleRepository(*db).run(queued);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, "failed");
    EXPECT_NE(run->error.find("interrupted"), std::string::npos) << run->error;
}

TEST_F(ScheduleJobsTest, WithoutAnExecutorResultsAreDropped) {
    meetings::ScheduleJobs jobs(nullptr);
    jobs.submit(7, small_input(), 1, 1);
    auto until = std::chrono::steady_clock::now() + 30s;
    while (jobs.progress(7) && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
    EXPECT_FALSE(jobs.progress(7));
    EXPECT_FALSE(jobs.progress(8));
}

TEST_F(ScheduleJobsTest, PreparesTheProblemOnTheJobThreadAndFailsTheRunWhenPreparingFails) {
    store::DbExecutor executor(path, 1);
    meetings::ScheduleJobs jobs(&executor);
    store::ScheduleRepository repo(*db);
    auto caller = std::this_thread::get_id();
    std::thread::id prepared_on;
    auto good = repo.insert_run(fair, 5, 3, std::nullopt, 10);
    jobs.submit(good, std::function<meetings::ScheduleInput()>([&] {
                    prepared_on = std::this_thread::get_id();
                    return small_input();
                }),
                5, 3);
    auto stored = wait_until_stored(jobs, good);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, "done");
    EXPECT_NE(prepared_on, caller);
    EXPECT_EQ(repo.run_meetings(good).size(), 1u);

    auto bad = repo.insert_run(fair, 5, 3, std::nullopt, 10);
    jobs.submit(bad, std::function<meetings::ScheduleInput()>([]() -> meetings::ScheduleInput {
                    throw std::runtime_error("no population");
                }),
                5, 3);
    stored = wait_until_stored(jobs, bad);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->status, "failed");
    EXPECT_NE(stored->error.find("no population"), std::string::npos);
    jobs.stop();
    executor.stop();
}
