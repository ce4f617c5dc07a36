#include "server/csv/csv_writer.hpp"

namespace fairmatch::server::csv {

std::string field(std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += field(fields[i]);
    }
    out += "\r\n";
}

std::string spreadsheet_text(std::string_view v) {
    std::string out;
    if (!v.empty() && (v.front() == '=' || v.front() == '+' || v.front() == '-' || v.front() == '@')) out += '\'';
    out.append(v);
    return out;
}

}  // namespace fairmatch::server::csv
