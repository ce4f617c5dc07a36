// The live timer's pass (live::tick) on a real migrated SQLite file: a
// reminder is stored once per meeting and version, for both sides, only in
// the 10 minutes before the start; a meeting without an outcome is flagged
// once, only after its fair's grace period, and never when it has one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/live/personal.hpp"
#include "server/live/ticker.hpp"
#include "server/store/notification_repository.hpp"
#include "tests/server/test_db.hpp"

namespace fairmatch {
namespace {

using server::store::Connection;

constexpr std::int64_t kNow = 1'800'000'000;

class LiveTimer : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = test::migrated_db(dir_.file("fair.db"));
        db_->exec(
            "INSERT INTO fairs (id, name_vi, name_en, venue, city, time_zone, start_date, end_date, status, created_at, "
            "updated_at) VALUES (1, 'Hội chợ', 'Fair', 'NECC', 'Hà Nội', 'Asia/Ho_Chi_Minh', '2027-01-15', '2027-01-16', "
            "'live', 'x', 'x');"
            "INSERT INTO exhibitors (id, fair_id, name, name_en, tax_code, province, craft_village, description_vi, "
            "description_en, categories, materials, certifications, moq, monthly_capacity, lead_time_days, price_tier, "
            "export_markets, languages, website, created_at, updated_at) VALUES (10, 1, 'Gốm Bát Tràng', '', "
            "'0100000001', 'ha-noi', '', '', '', '[]', '[]', '[]', 0, 0, 0, 'mid', '[]', '[]', '', 'x', 'x');"
            "INSERT INTO importers (id, fair_id, name, country, buyer_type, categories, required_certifications, "
            "price_tier, order_quantity, max_lead_time_days, annual_budget_amount, annual_budget_currency, languages, "
            "created_at, updated_at) VALUES (20, 1, 'Maison Un', 'FR', 'wholesaler', '[]', '[]', 'mid', 0, 0, 0, 'USD', "
            "'[]', 'x', 'x');");
    }

    // A published meeting between the two, `starts` seconds after kNow, 30 minutes long (its request's
    // status does not matter to the timer).
    std::int64_t meeting(std::int64_t starts) {
        auto st = db_->prepare(
            "INSERT INTO meeting_requests (fair_id, importer_id, exhibitor_id, requested_by, priority, message, status, "
            "created_at) VALUES (1, 20, 10, 'importer', 'must_meet', '', 'declined', 0)");  // one open request per pair
        st.exec();
        auto request = db_->last_insert_id();
        auto m = db_->prepare(
            "INSERT INTO meetings (fair_id, request_id, importer_id, exhibitor_id, status, slot, starts_at, ends_at, "
            "location_kind, location, uid, created_at, updated_at) VALUES (1, ?1, 20, 10, 'scheduled', 0, ?2, ?3, "
            "'table', 'Table 3', ?4, 0, 0)");
        m.bind(1, request).bind(2, kNow + starts).bind(3, kNow + starts + 1800).bind(4, "u" + std::to_string(request));
        m.exec();
        return db_->last_insert_id();
    }

    std::int64_t count(const char* sql) {
        auto st = db_->prepare(sql);
        st.step();
        return st.column_int(0);
    }

    test::TempDir dir_;
    std::unique_ptr<Connection> db_;
};

TEST_F(LiveTimer, RemindsBothSidesOnceInTheTenMinutesBeforeTheStart) {
    auto soon = meeting(9 * 60);
    meeting(11 * 60);  // not yet
    meeting(-60);      // started already
    auto r = server::live::tick(*db_, kNow);
    ASSERT_EQ(r.personal.size(), 2u);
    EXPECT_TRUE(r.organizer.empty());
    auto first = nlohmann::json::parse(r.personal[0].json);
    EXPECT_EQ(first["type"], "next_meeting");
    EXPECT_EQ(first["meeting_id"], soon);
    EXPECT_EQ(first["minutes"], 9);
    EXPECT_EQ(first["location"], "Table 3");
    EXPECT_EQ(first["counterpart"]["name"], "Gốm Bát Tràng");
    EXPECT_EQ(r.personal[0].fair_id, server::live::personal_channel("importer", 20));
    EXPECT_EQ(r.personal[1].fair_id, server::live::personal_channel("exhibitor", 10));
    // The next pass, or a pass after a restart, sends nothing again.
    EXPECT_TRUE(server::live::tick(*db_, kNow + 15).personal.empty());
    // Two minutes later the second meeting is due: only its reminders.
    auto later = server::live::tick(*db_, kNow + 120);
    ASSERT_EQ(later.personal.size(), 2u);
    EXPECT_NE(nlohmann::json::parse(later.personal[0].json)["meeting_id"], soon);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE type = 'next_meeting'"), 4);
    // A meeting moved (a new version) is reminded again.
    db_->exec("UPDATE meetings SET sequence = sequence + 1 WHERE id = " + std::to_string(soon));
    EXPECT_EQ(server::live::tick(*db_, kNow + 130).personal.size(), 2u);
}

TEST_F(LiveTimer, FlagsAMeetingWithoutOutcomeOnceAfterTheGracePeriod) {
    auto quiet = meeting(-1800 - 20 * 60);  // ended 20 minutes ago
    auto held = meeting(-1800 - 40 * 60);   // ended 40 minutes ago, with an outcome
    db_->exec("INSERT INTO meeting_outcomes (meeting_id, outcome, reported_at) VALUES (" + std::to_string(held) +
              ", 'held', 0)");
    EXPECT_TRUE(server::live::tick(*db_, kNow).organizer.empty()) << "within the default 30 minutes";
    EXPECT_TRUE(server::live::tick(*db_, kNow + 9 * 60).organizer.empty());
    auto r = server::live::tick(*db_, kNow + 11 * 60);
    ASSERT_EQ(r.organizer.size(), 1u);
    auto event = nlohmann::json::parse(r.organizer[0].json);
    EXPECT_EQ(event["type"], "meeting_unconfirmed");
    EXPECT_EQ(event["meeting_id"], quiet);
    EXPECT_EQ(r.organizer[0].fair_id, 1);
    EXPECT_TRUE(server::live::tick(*db_, kNow + 12 * 60).organizer.empty()) << "flagged once";
    server::store::NotificationRepository repo(*db_);
    ASSERT_EQ(repo.unconfirmed(1).size(), 1u);
    db_->exec("INSERT INTO meeting_outcomes (meeting_id, outcome, absent_side, reported_at) VALUES (" +
              std::to_string(quiet) + ", 'no_show', 'importer', 0)");
    EXPECT_TRUE(repo.unconfirmed(1).empty()) << "an outcome settles it";
}

TEST_F(LiveTimer, TheFairsGracePeriodDecides) {
    meeting(-1800 - 10 * 60);  // ended 10 minutes ago
    server::store::NotificationRepository repo(*db_);
    EXPECT_EQ(repo.unconfirmed_after_minutes(1), 30);
    EXPECT_TRUE(server::live::tick(*db_, kNow).organizer.empty());
    repo.set_unconfirmed_after_minutes(1, 5);
    EXPECT_EQ(repo.unconfirmed_after_minutes(1), 5);
    EXPECT_EQ(server::live::tick(*db_, kNow).organizer.size(), 1u);
}

}  // namespace
}  // namespace fairmatch
