#pragma once
// The fair's meeting grid: meeting days, sessions, slot length and pause,
// tables and booths; the slots derived from it; and the time arithmetic
// they need (UTC instants as unix seconds, the fair's fixed UTC offset).
// Pure: no JSON, no SQL, no clocks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::meetings {

// A session of every meeting day, in the fair's local time (minutes after midnight).
struct GridSession {
    int start = 0;
    int end = 0;
    // The engine's session kind: morning when it starts before noon.
    bool morning() const noexcept { return start < 12 * 60; }
    friend bool operator==(const GridSession&, const GridSession&) = default;
};

struct Grid {
    std::vector<std::string> days;  // YYYY-MM-DD, ascending
    std::vector<GridSession> sessions;
    int slot_minutes = 30;
    int pause_minutes = 0;
    int tables = 0;          // tables of the matchmaking area, each one meeting per slot
    bool use_booths = true;  // exhibitors with a confirmed or approved booth meet there
    friend bool operator==(const Grid&, const Grid&) = default;
};

struct GridSlot {
    int index = 0;
    int day_index = 0;
    std::string day;  // YYYY-MM-DD, local
    int session = 0;  // index into Grid::sessions
    bool morning = true;
    int local_start = 0;  // minutes after local midnight
    int local_end = 0;
    std::int64_t starts_at = 0;  // unix seconds, UTC
    std::int64_t ends_at = 0;
};

struct GridError {
    std::string field;  // e.g. "sessions[1].end"
    std::string code;
    std::string message;
};

// Every problem of a grid, empty when it is valid: days real, distinct and
// ascending within [first_day, last_day] (when given); sessions ascending,
// not overlapping, each holding at least one slot; limits on sizes.
std::vector<GridError> validate_grid(const Grid& grid, std::string_view first_day = {}, std::string_view last_day = {});

// The slots, chronological: per day and session, slots of slot_minutes
// separated by pause_minutes, the last one ending by the session's end.
// `utc_offset_minutes` is the fair's offset from UTC (+420 for UTC+7).
std::vector<GridSlot> derive_slots(const Grid& grid, int utc_offset_minutes);

// The fixed offset from UTC of a time zone without daylight saving time,
// in minutes (Asia/Ho_Chi_Minh: 420); nullopt for zones we cannot handle
// with a fixed offset.
std::optional<int> utc_offset_minutes(std::string_view time_zone);

// "+07:00"
std::string offset_text(int minutes);

// "HH:MM" (00:00..24:00) -> minutes after midnight.
std::optional<int> parse_hhmm(std::string_view text);
std::string hhmm(int minutes);

// Days since 1970-01-01 of a proleptic Gregorian date; and back.
std::int64_t days_from_civil(int year, int month, int day);
// YYYY-MM-DD (validated by the caller) -> days since 1970-01-01.
std::optional<std::int64_t> parse_day(std::string_view date);

// "2026-12-03T02:00:00Z"
std::string iso_utc(std::int64_t unix_seconds);
// RFC 3339 date-time with "Z" or a "+HH:MM"/"-HH:MM" offset, seconds
// optional ("2026-12-01T17:00Z"); nullopt when malformed.
std::optional<std::int64_t> parse_instant(std::string_view text);

}  // namespace fairmatch::server::meetings
