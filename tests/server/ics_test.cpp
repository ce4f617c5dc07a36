// The RFC 5545 writer: escaping of TEXT values, folding at 75 octets
// without splitting UTF-8 sequences, CRLF line endings, UTC times.
#include <gtest/gtest.h>

#include <sstream>

#include "server/calendar/ics.hpp"

using namespace fairmatch::server::calendar;

namespace {

// Splits on CRLF; fails the test on a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto crlf = text.find("\r\n", start);
        EXPECT_NE(crlf, std::string::npos) << "the text must end with CRLF";
        if (crlf == std::string::npos) break;
        auto line = text.substr(start, crlf - start);
        EXPECT_EQ(line.find('\n'), std::string::npos) << "bare LF in: " << line;
        EXPECT_EQ(line.find('\r'), std::string::npos) << "bare CR in: " << line;
        out.push_back(line);
        start = crlf + 2;
    }
    return out;
}

// Undoes folding: a line starting with a space continues the previous one.
std::vector<std::string> unfold(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) {
        if (!l.empty() && l[0] == ' ' && !out.empty())
            out.back() += l.substr(1);
        else
            out.push_back(l);
    }
    return out;
}

bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

}  // namespace

TEST(Ics, EscapesTextValues) {
    EXPECT_EQ(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    EXPECT_EQ(escape_text("line\r\nnext"), "line\\nnext");
    EXPECT_EQ(escape_text("Gốm Bát Tràng"), "Gốm Bát Tràng");
    EXPECT_EQ(escape_text(std::string("bell\x07") + "x"), "bellx");
    EXPECT_EQ(escape_text(""), "");
}

TEST(Ics, ShortLinesAreNotFolded) {
    std::string s(75, 'x');
    EXPECT_EQ(fold(s), s);
}

TEST(Ics, FoldsAt75OctetsWithALeadingSpace) {
    std::string s(200, 'a');
    auto folded = fold(s);
    auto lines = physical_lines(folded + "\r\n");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].size(), 75u);
    EXPECT_EQ(lines[1].size(), 75u);  // the space plus 74 octets
    EXPECT_EQ(lines[1][0], ' ');
    EXPECT_EQ(lines[2], " " + std::string(200 - 75 - 74, 'a'));
    EXPECT_EQ(unfold(lines)[0], s);
}

TEST(Ics, NeverSplitsAUtf8Sequence) {
    // "ệ" is three octets; place sequences across every possible cut.
    for (std::size_t prefix = 0; prefix < 4; ++prefix) {
        std::string s = "SUMMARY:" + std::string(prefix, 'x');
        for (int i = 0; i < 60; ++i) s += "ệ";
        auto lines = physical_lines(fold(s) + "\r\n");
        for (const auto& l : lines) {
            EXPECT_LE(l.size(), 75u);
            EXPECT_TRUE(valid_utf8(l)) << "prefix " << prefix << ": " << l;
        }
        EXPECT_EQ(unfold(lines)[0], s);
    }
}

TEST(Ics, UtcTimes) {
    EXPECT_EQ(ics_time(0), "19700101T000000Z");
    EXPECT_EQ(ics_time(1796263200), "20261203T020000Z");  // 09:00 in Hanoi
}

TEST(Ics, WholeCalendar) {
    Calendar cal;
    cal.name = "Lịch gặp đối tác";
    Event e;
    e.uid = "request-123@fairmatch";
    e.sequence = 2;
    e.stamp = 1796000000;
    e.starts_at = 1796263200;
    e.ends_at = 1796263200 + 1800;
    e.summary = "Meeting with Gốm Chu Đậu, Ltd; Hải Dương";
    e.description = std::string("Line one\nLine two with a very long text that certainly needs folding because ") +
                    "it goes on and on, past seventy-five octets.";
    e.location = "A-12";
    cal.events.push_back(e);
    Event cancelled = e;
    cancelled.uid = "request-124@fairmatch";
    cancelled.cancelled = true;
    cal.events.push_back(cancelled);

    auto text = write_ics(cal);
    ASSERT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
    auto physical = physical_lines(text);
    for (const auto& l : physical) EXPECT_LE(l.size(), 75u) << l;
    auto lines = unfold(physical);
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines[1], "VERSION:2.0");
    auto has = [&](const std::string& l) { return std::find(lines.begin(), lines.end(), l) != lines.end(); };
    EXPECT_TRUE(has("PRODID:-//fairmatch//Meeting schedule//EN"));
    EXPECT_TRUE(has("X-WR-CALNAME:Lịch gặp đối tác"));
    EXPECT_TRUE(has("UID:request-123@fairmatch"));
    EXPECT_TRUE(has("SEQUENCE:2"));
    EXPECT_TRUE(has("DTSTART:20261203T020000Z"));
    EXPECT_TRUE(has("DTEND:20261203T023000Z"));
    EXPECT_TRUE(has("SUMMARY:Meeting with Gốm Chu Đậu\\, Ltd\\; Hải Dương"));
    EXPECT_TRUE(
        has("DESCRIPTION:Line one\\nLine two with a very long text that certainly needs folding because it "
            "goes on and on\\, past seventy-five octets."));
    EXPECT_TRUE(has("LOCATION:A-12"));
    EXPECT_TRUE(has("STATUS:CONFIRMED"));
    EXPECT_TRUE(has("STATUS:CANCELLED"));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"), 2);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "END:VEVENT"), 2);
}

TEST(Ics, EmptyCalendarIsValid) {
    auto text = write_ics({});
    EXPECT_EQ(text,
              "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fairmatch//Meeting schedule//EN\r\nCALSCALE:GREGORIAN\r\n"
              "METHOD:PUBLISH\r\nEND:VCALENDAR\r\n");
}
