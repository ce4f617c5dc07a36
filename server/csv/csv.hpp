#pragma once
// RFC 4180 CSV as spreadsheets export it: UTF-8 with or without a byte
// order mark, comma or semicolon separated (detected from the header
// line), quoted fields with doubled quotes and line breaks, CRLF or LF.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::csv {

struct Record {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

struct Table {
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<Record> rows;  // without the header; blank lines skipped
};

struct ParseError {
    std::size_t line = 0;
    std::string message;
};

// Parses `text`; on malformed input returns the first error instead.
std::optional<Table> parse(std::string_view text, ParseError& error);

}  // namespace fairmatch::server::csv
