// Stored meeting data -> the scheduling engine's problem -> result rows:
// weights, booth vs table meetings, unavailability from time ranges, and
// location labels.
#include <gtest/gtest.h>

#include "server/meetings/schedule_input.hpp"

using namespace fairmatch::server;
using namespace fairmatch::server::meetings;

namespace {

ScheduleRows two_slot_rows() {
    Grid g;
    g.days = {"2026-12-03"};
    g.sessions = {{9 * 60, 10 * 60}, {14 * 60, 15 * 60}};
    g.slot_minutes = 60;
    ScheduleRows rows;
    rows.slots = derive_slots(g, 420);
    rows.tables = 1;
    rows.use_booths = true;
    // Importer 7 meets exhibitors 100 (booth A-1) and 200 (no booth).
    rows.requests = {{1, 7, 100, "must_meet"}, {2, 7, 200, "would_like"}, {3, 8, 200, "would_like"}};
    rows.booths = {{100, "A-1"}};
    return rows;
}

}  // namespace

TEST(ScheduleInput, BuildsTheEngineProblem) {
    auto rows = two_slot_rows();
    // Importer 8 is away during the morning slot.
    rows.unavailable = {{store::Side::importer, 8, {rows.slots[0].starts_at, rows.slots[0].ends_at}},
                        {store::Side::importer, 99, {0, 1}}};  // no meetings: ignored
    rows.fill_in_importers = {7};
    auto in = build_schedule_input(rows);
    ASSERT_EQ(in.problem.slots.size(), 2u);
    EXPECT_EQ(in.problem.slots[0].session, fairmatch::matching::SessionKind::morning);
    EXPECT_EQ(in.problem.slots[1].session, fairmatch::matching::SessionKind::afternoon);
    EXPECT_EQ(in.problem.slots[0].tables, 1);
    ASSERT_EQ(in.problem.meetings.size(), 3u);
    EXPECT_EQ(in.request_ids, (std::vector<Id>{1, 2, 3}));
    EXPECT_EQ(in.problem.meetings[0].weight, kMustMeetWeight);
    EXPECT_EQ(in.problem.meetings[1].weight, kWouldLikeWeight);
    EXPECT_EQ(in.problem.meetings[0].location, fairmatch::matching::LocationKind::booth);
    EXPECT_EQ(in.problem.meetings[1].location, fairmatch::matching::LocationKind::table);
    // Participants: exhibitor 100, importer 7, exhibitor 200, importer 8.
    ASSERT_EQ(in.participants.size(), 4u);
    auto first = in.problem.meetings[0].first;
    EXPECT_EQ(in.participants[static_cast<std::size_t>(first)].id, 100);
    EXPECT_TRUE(in.problem.participants[static_cast<std::size_t>(first)].has_booth);
    EXPECT_EQ(in.booth_codes[static_cast<std::size_t>(first)], "A-1");
    auto importer7 = in.problem.meetings[0].second;
    EXPECT_TRUE(in.problem.participants[static_cast<std::size_t>(importer7)].importer);
    EXPECT_TRUE(in.problem.participants[static_cast<std::size_t>(importer7)].accepts_fill_ins);
    auto importer8 = in.problem.meetings[2].second;
    EXPECT_EQ(in.problem.participants[static_cast<std::size_t>(importer8)].unavailable, (std::vector<int>{0}));
    EXPECT_TRUE(fairmatch::matching::validate(in.problem).empty());
}

TEST(ScheduleInput, WithoutBoothsEveryMeetingTakesATable) {
    auto rows = two_slot_rows();
    rows.use_booths = false;
    auto in = build_schedule_input(rows);
    for (const auto& m : in.problem.meetings) EXPECT_EQ(m.location, fairmatch::matching::LocationKind::table);
    for (const auto& p : in.problem.participants) EXPECT_FALSE(p.has_booth);
}

TEST(ScheduleInput, ScheduledRowsCarryTimesAndLocations) {
    auto rows = two_slot_rows();
    rows.unavailable = {{store::Side::importer, 8, {rows.slots[0].starts_at, rows.slots[0].ends_at}}};
    auto in = build_schedule_input(rows);
    auto schedule = fairmatch::matching::schedule_meetings(in.problem, {});
    EXPECT_TRUE(fairmatch::matching::check_feasibility(in.problem, schedule).empty());
    auto out = result_rows(in, schedule);
    ASSERT_EQ(out.size(), 3u);
    // Importer 7 has two meetings in two slots; the booth one is at A-1.
    ASSERT_TRUE(out[0].slot);
    EXPECT_EQ(out[0].location_kind, "booth");
    EXPECT_EQ(out[0].location, "A-1");
    EXPECT_EQ(out[0].reason, "none");
    EXPECT_EQ(out[0].ends_at - out[0].starts_at, 3600);
    // One table, importer 8 only in the afternoon: meeting 3 takes the table
    // then, so meeting 2 (same exhibitor 200... and table) goes to the morning.
    ASSERT_TRUE(out[1].slot);
    ASSERT_TRUE(out[2].slot);
    EXPECT_EQ(*out[2].slot, 1);
    EXPECT_EQ(*out[1].slot, 0);
    EXPECT_EQ(out[1].location, "Table 1");
    EXPECT_EQ(out[2].location, "Table 1");
    EXPECT_EQ(out[1].starts_at, rows.slots[0].starts_at);
}

TEST(ScheduleInput, UnscheduledRowsSayWhy) {
    auto rows = two_slot_rows();
    rows.tables = 0;
    rows.booths.clear();
    auto in = build_schedule_input(rows);
    auto schedule = fairmatch::matching::schedule_meetings(in.problem, {});
    auto out = result_rows(in, schedule);
    for (const auto& r : out) {
        EXPECT_FALSE(r.slot);
        EXPECT_EQ(r.reason, "no_table");
        EXPECT_EQ(r.location, "");
    }
}

TEST(ScheduleInput, PassesSessionWishFixedSlotAndPrecedences) {
    auto rows = two_slot_rows();
    rows.requests[0].fixed_starts_at = rows.slots[1].starts_at;  // request 1: the afternoon slot
    rows.requests[1].session_wish = "morning";                   // request 2
    rows.requests[2].session_wish = "afternoon";                 // request 3
    rows.requests[2].after = {1, 42};  // 42 is not in the input (no longer accepted): dropped
    auto in = build_schedule_input(rows);
    using fairmatch::matching::SessionWish;
    EXPECT_EQ(in.problem.meetings[0].fixed_slot, 1);
    EXPECT_EQ(in.problem.meetings[1].fixed_slot, -1);
    EXPECT_EQ(in.problem.meetings[0].session, SessionWish::any);
    EXPECT_EQ(in.problem.meetings[1].session, SessionWish::morning);
    EXPECT_EQ(in.problem.meetings[2].session, SessionWish::afternoon);
    EXPECT_EQ(in.problem.meetings[2].after, (std::vector<int>{0}));
    EXPECT_EQ(in.fixed_slot_gone, (std::vector<bool>{false, false, false}));
    EXPECT_TRUE(fairmatch::matching::validate(in.problem).empty());

    auto schedule = fairmatch::matching::schedule_meetings(in.problem, {});
    auto out = result_rows(in, schedule);
    ASSERT_EQ(out.size(), 3u);
    ASSERT_TRUE(out[0].slot);
    EXPECT_EQ(*out[0].slot, 1);  // fixed
    ASSERT_TRUE(out[1].slot);
    EXPECT_EQ(*out[1].slot, 0);  // morning
    // Request 3 wants the afternoon and comes after request 1, which holds the only afternoon slot.
    EXPECT_FALSE(out[2].slot);
    EXPECT_EQ(out[2].reason, "precedence");
}

TEST(ScheduleInput, FixedStartThatLeftTheGridIsReported) {
    auto rows = two_slot_rows();
    rows.requests[1].fixed_starts_at = rows.slots[0].starts_at + 60;  // no slot starts then any more
    auto in = build_schedule_input(rows);
    EXPECT_EQ(in.fixed_slot_gone, (std::vector<bool>{false, true, false}));
    EXPECT_TRUE(in.problem.meetings[1].cancelled);
    auto schedule = fairmatch::matching::schedule_meetings(in.problem, {});
    auto out = result_rows(in, schedule);
    EXPECT_FALSE(out[1].slot);
    EXPECT_EQ(out[1].reason, "fixed_slot_gone");
    EXPECT_EQ(meeting_reason(in, schedule, 1), "fixed_slot_gone");
}

TEST(ScheduleInput, FillInsBecomeEnginePairsAndRows) {
    auto rows = two_slot_rows();
    rows.requests = {{1, 7, 200, "must_meet"}};
    rows.fill_in_importers = {7, 9};
    rows.fill_in_exhibitors = {100, 200};
    // Importer 9 has no request; exhibitor 100 meets at its booth. A zero score is no candidate.
    rows.fill_ins = {{9, 100, 80, std::nullopt, R"({"vi":"Cùng ngành","en":"Same category"})"},
                     {9, 200, 0, std::nullopt, ""}};
    auto in = build_schedule_input(rows);
    ASSERT_EQ(in.problem.fill_ins.size(), 1u);
    ASSERT_EQ(in.fill_ins.size(), 1u);
    const auto& pair = in.problem.fill_ins[0];
    EXPECT_EQ(pair.score, 80);
    EXPECT_EQ(pair.location, fairmatch::matching::LocationKind::booth);
    EXPECT_EQ(in.participants[static_cast<std::size_t>(pair.first)].id, 100);
    EXPECT_EQ(in.participants[static_cast<std::size_t>(pair.second)].id, 9);
    EXPECT_TRUE(in.problem.participants[static_cast<std::size_t>(pair.second)].accepts_fill_ins);
    EXPECT_TRUE(fairmatch::matching::validate(in.problem).empty());

    auto schedule = fairmatch::matching::schedule_meetings(in.problem, {});
    auto fills = fill_in_rows(in, schedule);
    ASSERT_EQ(fills.size(), 1u);
    EXPECT_EQ(fills[0].importer_id, 9);
    EXPECT_EQ(fills[0].exhibitor_id, 100);
    EXPECT_EQ(fills[0].score, 80);
    EXPECT_EQ(fills[0].location_kind, "booth");
    EXPECT_EQ(fills[0].location, "A-1");
    EXPECT_EQ(fills[0].starts_at, rows.slots[static_cast<std::size_t>(fills[0].slot)].starts_at);
    EXPECT_NE(fills[0].reason.find("Same category"), std::string::npos);
    // The requested meeting is held too.
    EXPECT_TRUE(result_rows(in, schedule)[0].slot);
}
