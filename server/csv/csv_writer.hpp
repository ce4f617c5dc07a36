#pragma once
// RFC 4180 CSV output: comma separated, CRLF line endings, fields quoted
// when they hold a comma, a quote, CR or LF (quotes doubled).

#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::csv {

// One field, quoted when needed.
std::string field(std::string_view value);

// Appends one record and its CRLF.
void append_row(std::string& out, const std::vector<std::string>& fields);

// Free text from users, made safe to open in a spreadsheet: a leading
// = + - @ (a formula to Excel and LibreOffice) gets a leading apostrophe.
std::string spreadsheet_text(std::string_view value);

}  // namespace fairmatch::server::csv
