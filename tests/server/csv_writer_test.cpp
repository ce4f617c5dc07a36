// RFC 4180 output: quoting only when needed, doubled quotes, CRLF records,
// and formula-safe free text.
#include <gtest/gtest.h>

#include "server/csv/csv.hpp"
#include "server/csv/csv_writer.hpp"

using namespace fairmatch::server;

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
    EXPECT_EQ(csv::field("Gốm Bát Tràng"), "Gốm Bát Tràng");
    EXPECT_EQ(csv::field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv::field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv::field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv::field(""), "");
}

TEST(CsvWriter, RecordsEndInCrlfAndRoundTrip) {
    std::string out;
    csv::append_row(out, {"id", "name", "note"});
    csv::append_row(out, {"1", "Mây tre, Phú Vinh", "\"quoted\"\r\nnext"});
    EXPECT_EQ(out, "id,name,note\r\n1,\"Mây tre, Phú Vinh\",\"\"\"quoted\"\"\r\nnext\"\r\n");
    csv::ParseError err;
    auto table = csv::parse(out, err);
    ASSERT_TRUE(table) << err.message;
    EXPECT_EQ(table->header, (std::vector<std::string>{"id", "name", "note"}));
    ASSERT_EQ(table->rows.size(), 1u);
    EXPECT_EQ(table->rows[0].fields[1], "Mây tre, Phú Vinh");
    EXPECT_EQ(table->rows[0].fields[2], "\"quoted\"\r\nnext");
}

TEST(CsvWriter, SpreadsheetFormulasAreDefused) {
    EXPECT_EQ(csv::spreadsheet_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    EXPECT_EQ(csv::spreadsheet_text("+84 24"), "'+84 24");
    EXPECT_EQ(csv::spreadsheet_text("@SUM"), "'@SUM");
    EXPECT_EQ(csv::spreadsheet_text("Table 3"), "Table 3");
    EXPECT_EQ(csv::spreadsheet_text(""), "");
}
