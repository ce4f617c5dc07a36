#pragma once
// RFC 5545 iCalendar writer for meeting schedules: CRLF line endings,
// content lines folded at 75 octets (never inside a UTF-8 sequence), TEXT
// values escaped, times in UTC. Pure: no clocks, no I/O.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::calendar {

struct Event {
    std::string uid;         // stable across re-scheduling, e.g. "request-123@fairmatch"
    int sequence = 0;        // raised whenever the time or place changes
    std::int64_t stamp = 0;  // DTSTAMP: when this version was published (unix seconds)
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
    std::string summary;
    std::string description;
    std::string location;
    bool cancelled = false;  // STATUS:CANCELLED instead of CONFIRMED
};

struct Calendar {
    std::string name;  // X-WR-CALNAME
    std::vector<Event> events;
};

// TEXT escaping: backslash, semicolon, comma and newline (CR dropped).
std::string escape_text(std::string_view text);

// One content line folded into pieces of at most 75 octets, joined with
// CRLF + space; no trailing CRLF. A UTF-8 sequence is never split.
std::string fold(std::string_view line);

// "20261203T020000Z"
std::string ics_time(std::int64_t unix_seconds);

// The whole VCALENDAR object, every line ending in CRLF.
std::string write_ics(const Calendar& calendar);

}  // namespace fairmatch::server::calendar
