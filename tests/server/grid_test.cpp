// The meeting grid: slot derivation (days x sessions x slot length and
// pause, local time to UTC), validation, and the time helpers.
#include <gtest/gtest.h>

#include "server/meetings/grid.hpp"

using namespace fairmatch::server::meetings;

namespace {

Grid hanoi_grid() {
    Grid g;
    g.days = {"2026-12-03", "2026-12-04"};
    g.sessions = {{9 * 60, 12 * 60}, {13 * 60 + 30, 17 * 60}};
    g.slot_minutes = 30;
    g.pause_minutes = 5;
    g.tables = 20;
    return g;
}

}  // namespace

TEST(Grid, DerivesSlotsPerDayAndSessionInUtc) {
    auto slots = derive_slots(hanoi_grid(), 420);
    // Morning 09:00-12:00: starts every 35 min while the slot ends by 12:00 ->
    // 09:00, 09:35, 10:10, 10:45, 11:20 (ends 11:50); 11:55 would end 12:25.
    // Afternoon 13:30-17:00: 13:30, 14:05, 14:40, 15:15, 15:50, 16:25 (ends 16:55).
    ASSERT_EQ(slots.size(), 2u * (5 + 6));
    EXPECT_EQ(slots[0].index, 0);
    EXPECT_EQ(slots[0].day, "2026-12-03");
    EXPECT_EQ(slots[0].session, 0);
    EXPECT_TRUE(slots[0].morning);
    EXPECT_EQ(iso_utc(slots[0].starts_at), "2026-12-03T02:00:00Z");  // 09:00 at UTC+7
    EXPECT_EQ(iso_utc(slots[0].ends_at), "2026-12-03T02:30:00Z");
    EXPECT_EQ(slots[1].local_start, 9 * 60 + 35);
    EXPECT_EQ(iso_utc(slots[4].starts_at), "2026-12-03T04:20:00Z");
    EXPECT_EQ(slots[4].local_end, 11 * 60 + 50);
    EXPECT_EQ(slots[5].session, 1);
    EXPECT_FALSE(slots[5].morning);
    EXPECT_EQ(iso_utc(slots[5].starts_at), "2026-12-03T06:30:00Z");
    EXPECT_EQ(slots[10].local_start, 16 * 60 + 25);
    EXPECT_EQ(slots[11].day, "2026-12-04");
    EXPECT_EQ(slots[11].day_index, 1);
    EXPECT_EQ(iso_utc(slots[11].starts_at), "2026-12-04T02:00:00Z");
    for (std::size_t i = 0; i < slots.size(); ++i) {
        EXPECT_EQ(slots[i].index, static_cast<int>(i));
        EXPECT_EQ(slots[i].ends_at - slots[i].starts_at, 30 * 60);
        if (i > 0) {
            EXPECT_GT(slots[i].starts_at, slots[i - 1].starts_at) << "chronological";
        }
    }
}

TEST(Grid, SlotsWithoutPauseFillTheSessionExactly) {
    Grid g;
    g.days = {"2026-12-03"};
    g.sessions = {{9 * 60, 12 * 60}};
    g.slot_minutes = 20;
    auto slots = derive_slots(g, 420);
    ASSERT_EQ(slots.size(), 9u);
    EXPECT_EQ(slots.back().local_end, 12 * 60);
    EXPECT_EQ(slots[1].starts_at, slots[0].ends_at);
}

TEST(Grid, EarlyMorningCrossesTheUtcDate) {
    Grid g;
    g.days = {"2026-12-03"};
    g.sessions = {{6 * 60, 7 * 60}};
    g.slot_minutes = 60;
    auto slots = derive_slots(g, 420);
    ASSERT_EQ(slots.size(), 1u);
    EXPECT_EQ(iso_utc(slots[0].starts_at), "2026-12-02T23:00:00Z");
    EXPECT_EQ(slots[0].day, "2026-12-03");
}

TEST(Grid, ValidGridHasNoErrors) {
    EXPECT_TRUE(validate_grid(hanoi_grid(), "2026-12-03", "2026-12-06").empty());
}

TEST(Grid, ReportsEveryProblem) {
    Grid g;
    g.days = {"2026-12-04", "2026-12-03", "2026-02-30", "2027-01-01"};
    g.sessions = {{13 * 60, 17 * 60}, {9 * 60, 12 * 60}, {14 * 60, 14 * 60 + 10}};
    g.slot_minutes = 30;
    g.pause_minutes = 200;
    g.tables = -1;
    auto errors = validate_grid(g, "2026-12-03", "2026-12-06");
    auto has = [&](const std::string& field, const std::string& code) {
        for (const auto& e : errors)
            if (e.field == field && e.code == code) return true;
        return false;
    };
    EXPECT_TRUE(has("days[1]", "not_ascending"));
    EXPECT_TRUE(has("days[2]", "invalid_date"));
    EXPECT_TRUE(has("days[3]", "outside_fair"));
    EXPECT_TRUE(has("sessions[1]", "overlapping"));
    EXPECT_TRUE(has("sessions[2]", "too_short"));
    EXPECT_TRUE(has("pause_minutes", "out_of_range"));
    EXPECT_TRUE(has("tables", "out_of_range"));
}

TEST(Grid, RejectsEmptyAndHugeGrids) {
    Grid empty;
    auto errors = validate_grid(empty);
    ASSERT_GE(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "days");
    Grid huge = hanoi_grid();
    huge.days.clear();
    for (int d = 1; d <= 31; ++d) huge.days.push_back("2026-12-" + std::string(d < 10 ? "0" : "") + std::to_string(d));
    huge.sessions = {{0, 24 * 60}};
    huge.slot_minutes = 5;
    huge.pause_minutes = 0;
    auto e = validate_grid(huge);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].code, "too_many_slots");
}

TEST(Grid, TimeZonesWithAFixedOffset) {
    EXPECT_EQ(utc_offset_minutes("Asia/Ho_Chi_Minh"), 420);
    EXPECT_EQ(utc_offset_minutes("UTC"), 0);
    EXPECT_EQ(utc_offset_minutes("Asia/Kolkata"), 330);
    EXPECT_FALSE(utc_offset_minutes("Europe/Paris"));  // daylight saving time
    EXPECT_EQ(offset_text(420), "+07:00");
    EXPECT_EQ(offset_text(-210), "-03:30");
}

TEST(Grid, ClockTimes) {
    EXPECT_EQ(parse_hhmm("09:00"), 540);
    EXPECT_EQ(parse_hhmm("24:00"), 1440);
    EXPECT_FALSE(parse_hhmm("24:01"));
    EXPECT_FALSE(parse_hhmm("9:00"));
    EXPECT_FALSE(parse_hhmm("12:60"));
    EXPECT_FALSE(parse_hhmm("ab:cd"));
    EXPECT_EQ(hhmm(13 * 60 + 30), "13:30");
}

TEST(Grid, Instants) {
    EXPECT_EQ(parse_instant("2026-12-03T02:00:00Z"), 1796263200);
    EXPECT_EQ(parse_instant("2026-12-03T09:00:00+07:00"), 1796263200);
    EXPECT_EQ(parse_instant("2026-12-03T09:00+07:00"), 1796263200);
    EXPECT_EQ(parse_instant("2026-12-02T21:00:00-05:00"), 1796263200);
    EXPECT_FALSE(parse_instant("2026-12-03 02:00:00Z"));
    EXPECT_FALSE(parse_instant("2026-12-03T02:00:00"));
    EXPECT_FALSE(parse_instant("2026-13-03T02:00:00Z"));
    EXPECT_FALSE(parse_instant("2026-12-03T25:00:00Z"));
    EXPECT_EQ(iso_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(iso_utc(951782400), "2000-02-29T00:00:00Z");
    for (std::int64_t t : {0LL, 86399LL, 951782400LL, 1796263200LL, 4102444800LL})
        EXPECT_EQ(parse_instant(iso_utc(t)), t);
}

TEST(Grid, Days) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(parse_day("2000-03-01"), days_from_civil(2000, 3, 1));
    EXPECT_EQ(*parse_day("2000-03-01") - *parse_day("2000-02-28"), 2);  // leap year
    EXPECT_EQ(*parse_day("2100-03-01") - *parse_day("2100-02-28"), 1);  // not a leap year
    EXPECT_FALSE(parse_day("2026-02-29"));
}
