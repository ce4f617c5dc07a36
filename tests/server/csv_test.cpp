#include <gtest/gtest.h>

#include "server/csv/csv.hpp"

using namespace fairmatch::server::csv;

static Table parse_ok(std::string_view text) {
    ParseError e;
    auto t = parse(text, e);
    EXPECT_TRUE(t.has_value()) << e.line << ": " << e.message;
    return t.value_or(Table{});
}

TEST(Csv, CommaWithBomAndCrlf) {
    auto t = parse_ok("\xEF\xBB\xBF" "Email,Name\r\na@x.vn,Gốm Bát Tràng\r\nb@x.vn,Lụa Vạn Phúc\r\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.header, (std::vector<std::string>{"email", "name"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].fields[1], "Lụa Vạn Phúc");
    EXPECT_EQ(t.rows[1].line, 3u);
}

TEST(Csv, SemicolonAsExcelWritesIt) {
    auto t = parse_ok("email;name;moq\nan@x.vn;\"Công ty; TNHH\";200\n");
    EXPECT_EQ(t.delimiter, ';');
    EXPECT_EQ(t.rows[0].fields[1], "Công ty; TNHH");
}

TEST(Csv, QuotedFieldsWithNewlinesAndQuotes) {
    auto t = parse_ok("a,b\n\"line one\nline two\",\"she said \"\"xin chào\"\"\"\nnext,row\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].fields[0], "line one\nline two");
    EXPECT_EQ(t.rows[0].fields[1], "she said \"xin chào\"");
    EXPECT_EQ(t.rows[1].line, 4u) << "line numbers count the embedded line break";
}

TEST(Csv, BlankLinesSkippedAndLastLineWithoutNewline) {
    auto t = parse_ok("a,b\n\n1,2\n\n3,4");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].fields[1], "4");
    EXPECT_EQ(t.rows[1].line, 5u);
}

TEST(Csv, EmptyFieldsKept) {
    auto t = parse_ok("a,b,c\n,,\n");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].fields.size(), 3u);
}

TEST(Csv, MalformedInputNamesTheLine) {
    ParseError e;
    EXPECT_FALSE(parse("a,b\n1,\"open\n", e));
    EXPECT_EQ(e.line, 2u);
    EXPECT_EQ(e.message, "A quoted field is not closed.");
    EXPECT_FALSE(parse("a,b\nx\"y,1\n", e));
    EXPECT_EQ(e.line, 2u);
    EXPECT_FALSE(parse("a,b\n\"x\"y,1\n", e));
    EXPECT_EQ(e.message, "Text after a closing quote; quote the whole field.");
    EXPECT_FALSE(parse("", e));
    EXPECT_EQ(e.message, "The file is empty: it needs a header line.");
}
