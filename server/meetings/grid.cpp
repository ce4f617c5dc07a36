#include "server/meetings/grid.hpp"

#include <charconv>
#include <cstdio>

namespace fairmatch::server::meetings {

namespace {

constexpr std::size_t kMaxDays = 31;
constexpr std::size_t kMaxSessions = 8;
constexpr std::size_t kMaxSlots = 4000;

bool digits(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    for (std::size_t i = pos; i < pos + len; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return r.ec == std::errc() && r.ptr == s.data() + pos + len;
}

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d[m - 1] + (m == 2 && leap(y) ? 1 : 0);
}

}  // namespace

std::int64_t days_from_civil(int y, int m, int d) {
    // Howard Hinnant's algorithm.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

static void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

std::optional<std::int64_t> parse_day(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
        !digits(s, 8, 2, d))
        return std::nullopt;
    if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return days_from_civil(y, m, d);
}

std::string iso_utc(std::int64_t t) {
    std::int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    std::int64_t secs = t - days * 86400;
    int y = 0, m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

std::optional<std::int64_t> parse_instant(std::string_view s) {
    // YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)
    if (s.size() < 17) return std::nullopt;
    auto day = parse_day(s.substr(0, 10));
    if (!day || (s[10] != 'T' && s[10] != 't')) return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    if (!digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm)) return std::nullopt;
    std::size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, i + 1, 2, ss)) return std::nullopt;
        i += 3;
    }
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    int offset = 0;
    auto zone = s.substr(i);
    if (zone == "Z" || zone == "z") {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        int oh = 0, om = 0;
        if (!digits(zone, 1, 2, oh) || !digits(zone, 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
        offset = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    return *day * 86400 + hh * 3600 + mm * 60 + ss - offset * 60;
}

std::optional<int> parse_hhmm(std::string_view s) {
    int h = 0, m = 0;
    if (s.size() != 5 || s[2] != ':' || !digits(s, 0, 2, h) || !digits(s, 3, 2, m)) return std::nullopt;
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

std::string hhmm(int minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

std::string offset_text(int minutes) {
    char buf[32];
    int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

std::optional<int> utc_offset_minutes(std::string_view tz) {
    // Zones without daylight saving time since well before any fair we host.
    struct Zone {
        std::string_view name;
        int offset;
    };
    static constexpr Zone kZones[] = {
        {"UTC", 0},
        {"Etc/UTC", 0},
        {"Asia/Ho_Chi_Minh", 420},
        {"Asia/Saigon", 420},
        {"Asia/Bangkok", 420},
        {"Asia/Jakarta", 420},
        {"Asia/Phnom_Penh", 420},
        {"Asia/Vientiane", 420},
        {"Asia/Shanghai", 480},
        {"Asia/Hong_Kong", 480},
        {"Asia/Singapore", 480},
        {"Asia/Kuala_Lumpur", 480},
        {"Asia/Manila", 480},
        {"Asia/Taipei", 480},
        {"Asia/Tokyo", 540},
        {"Asia/Seoul", 540},
        {"Asia/Kolkata", 330},
        {"Asia/Dubai", 240},
        {"Asia/Yangon", 390},
        {"Asia/Dhaka", 360},
    };
    for (const auto& z : kZones)
        if (z.name == tz) return z.offset;
    return std::nullopt;
}

std::vector<GridError> validate_grid(const Grid& g, std::string_view first_day, std::string_view last_day) {
    std::vector<GridError> errors;
    auto first = parse_day(first_day), last = parse_day(last_day);
    if (g.days.empty() || g.days.size() > kMaxDays)
        errors.push_back({"days", "wrong_count", "Give between 1 and " + std::to_string(kMaxDays) + " meeting days."});
    std::optional<std::int64_t> previous;
    for (std::size_t i = 0; i < g.days.size(); ++i) {
        std::string field = "days[" + std::to_string(i) + "]";
        auto d = parse_day(g.days[i]);
        if (!d) {
            errors.push_back({field, "invalid_date", "Must be a date written YYYY-MM-DD."});
            continue;
        }
        if (previous && *d <= *previous)
            errors.push_back({field, "not_ascending", "Days must be distinct and in ascending order."});
        else if ((first && *d < *first) || (last && *d > *last))
            errors.push_back({field, "outside_fair",
                              "Must lie within the fair's dates (" + std::string(first_day) + " to " +
                                  std::string(last_day) + ")."});
        previous = d;
    }
    if (g.slot_minutes < 5 || g.slot_minutes > 240)
        errors.push_back({"slot_minutes", "out_of_range", "Must be between 5 and 240."});
    if (g.pause_minutes < 0 || g.pause_minutes > 120)
        errors.push_back({"pause_minutes", "out_of_range", "Must be between 0 and 120."});
    if (g.tables < 0 || g.tables > 10000) errors.push_back({"tables", "out_of_range", "Must be between 0 and 10000."});
    if (g.sessions.empty() || g.sessions.size() > kMaxSessions)
        errors.push_back(
            {"sessions", "wrong_count", "Give between 1 and " + std::to_string(kMaxSessions) + " sessions per day."});
    for (std::size_t i = 0; i < g.sessions.size(); ++i) {
        const auto& s = g.sessions[i];
        std::string field = "sessions[" + std::to_string(i) + "]";
        if (s.start < 0 || s.end > 24 * 60 || s.start >= s.end) {
            errors.push_back({field, "invalid_session", "A session must end after it starts, within the day."});
            continue;
        }
        if (i > 0 && s.start < g.sessions[i - 1].end)
            errors.push_back({field, "overlapping", "Sessions must be in order and must not overlap."});
        if (g.slot_minutes >= 5 && s.end - s.start < g.slot_minutes)
            errors.push_back({field, "too_short", "The session is shorter than one slot."});
    }
    if (errors.empty() && g.slot_minutes > 0) {
        std::size_t per_day = 0;
        for (const auto& s : g.sessions)
            per_day +=
                static_cast<std::size_t>((s.end - s.start + g.pause_minutes) / (g.slot_minutes + g.pause_minutes));
        if (per_day * g.days.size() > kMaxSlots)
            errors.push_back({"slot_minutes", "too_many_slots",
                              "The grid would have more than " + std::to_string(kMaxSlots) + " slots."});
    }
    return errors;
}

std::vector<GridSlot> derive_slots(const Grid& g, int utc_offset_minutes) {
    std::vector<GridSlot> out;
    if (g.slot_minutes <= 0) return out;
    for (std::size_t di = 0; di < g.days.size(); ++di) {
        auto day = parse_day(g.days[di]);
        if (!day) continue;
        std::int64_t midnight_utc = *day * 86400 - static_cast<std::int64_t>(utc_offset_minutes) * 60;
        for (std::size_t si = 0; si < g.sessions.size(); ++si) {
            const auto& s = g.sessions[si];
            for (int t = s.start; t + g.slot_minutes <= s.end; t += g.slot_minutes + g.pause_minutes) {
                GridSlot slot;
                slot.index = static_cast<int>(out.size());
                slot.day_index = static_cast<int>(di);
                slot.day = g.days[di];
                slot.session = static_cast<int>(si);
                slot.morning = s.morning();
                slot.local_start = t;
                slot.local_end = t + g.slot_minutes;
                slot.starts_at = midnight_utc + static_cast<std::int64_t>(t) * 60;
                slot.ends_at = slot.starts_at + static_cast<std::int64_t>(g.slot_minutes) * 60;
                out.push_back(std::move(slot));
            }
        }
    }
    return out;
}

}  // namespace fairmatch::server::meetings
