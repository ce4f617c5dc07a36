#include "server/calendar/ics.hpp"

#include "server/meetings/grid.hpp"

namespace fairmatch::server::calendar {

namespace {
constexpr std::size_t kMaxOctets = 75;  // per line, excluding the CRLF
}

std::string escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                // Other control characters are not allowed in TEXT values.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
                if (c == 0x7F) break;
                out += c;
        }
    }
    return out;
}

std::string fold(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3);
    std::size_t pos = 0;
    std::size_t limit = kMaxOctets;  // the first line has 75 octets; later ones 74 after the leading space
    while (line.size() - pos > limit) {
        std::size_t cut = pos + limit;
        // Back off to the start of a UTF-8 sequence (never cut before a continuation byte).
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        if (cut == pos) cut = pos + limit;  // not UTF-8: cut anyway rather than loop
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        limit = kMaxOctets - 1;
    }
    out.append(line.substr(pos));
    return out;
}

std::string ics_time(std::int64_t t) {
    auto iso = meetings::iso_utc(t);  // 2026-12-03T02:00:00Z
    std::string out;
    for (char c : iso)
        if (c != '-' && c != ':') out += c;
    return out;
}

std::string write_ics(const Calendar& cal) {
    std::string out;
    auto line = [&out](std::string_view text) {
        out += fold(text);
        out += "\r\n";
    };
    auto prop = [&line](std::string_view name, std::string_view value) {
        std::string l(name);
        l += ':';
        l += value;
        line(l);
    };
    line("BEGIN:VCALENDAR");
    prop("VERSION", "2.0");
    prop("PRODID", "-//fairmatch//Meeting schedule//EN");
    prop("CALSCALE", "GREGORIAN");
    prop("METHOD", "PUBLISH");
    if (!cal.name.empty()) prop("X-WR-CALNAME", escape_text(cal.name));
    for (const auto& e : cal.events) {
        line("BEGIN:VEVENT");
        prop("UID", escape_text(e.uid));
        prop("SEQUENCE", std::to_string(e.sequence));
        prop("DTSTAMP", ics_time(e.stamp));
        prop("DTSTART", ics_time(e.starts_at));
        prop("DTEND", ics_time(e.ends_at));
        prop("SUMMARY", escape_text(e.summary));
        if (!e.description.empty()) prop("DESCRIPTION", escape_text(e.description));
        if (!e.location.empty()) prop("LOCATION", escape_text(e.location));
        prop("STATUS", e.cancelled ? "CANCELLED" : "CONFIRMED");
        prop("TRANSP", "OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace fairmatch::server::calendar
