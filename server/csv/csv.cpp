#include "server/csv/csv.hpp"

namespace fairmatch::server::csv {

static char detect_delimiter(std::string_view text) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

std::optional<Table> parse(std::string_view text, ParseError& error) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Table table;
    table.delimiter = detect_delimiter(text);
    const char d = table.delimiter;
    std::vector<Record> records;
    Record current;
    std::string field;
    std::size_t line = 1;
    current.line = 1;
    bool in_quotes = false, field_was_quoted = false, after_quote = false;
    auto end_field = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        field_was_quoted = false;
        after_quote = false;
    };
    auto end_record = [&] {
        end_field();
        bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank) records.push_back(std::move(current));
        current = Record{};
        current.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            if (!field.empty() || field_was_quoted) {
                error = {line, "A quote inside an unquoted field; quote the whole field and double inner quotes."};
                return std::nullopt;
            }
            in_quotes = true;
            field_was_quoted = true;
        } else if (c == d) {
            end_field();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            end_record();
        } else {
            if (after_quote) {
                error = {line, "Text after a closing quote; quote the whole field."};
                return std::nullopt;
            }
            field.push_back(c);
        }
    }
    if (in_quotes) {
        error = {current.line, "A quoted field is not closed."};
        return std::nullopt;
    }
    if (!field.empty() || !current.fields.empty() || field_was_quoted) end_record();
    if (records.empty()) {
        error = {1, "The file is empty: it needs a header line."};
        return std::nullopt;
    }
    for (auto& h : records.front().fields) {
        std::string t;
        for (char ch : h) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        while (!t.empty() && t.back() == ' ') t.pop_back();
        while (!t.empty() && t.front() == ' ') t.erase(t.begin());
        h = t;
    }
    table.header = std::move(records.front().fields);
    table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

}  // namespace fairmatch::server::csv
