#pragma once
// Field-level validation of JSON request bodies and query strings. Every
// check records a FieldError instead of stopping, so a client sees all its
// mistakes at once; finish() throws the 422 Problem if there were any.

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/types.hpp"
#include "server/http/message.hpp"
#include "server/http/problem.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::api {

struct TextRule {
    std::size_t min_chars = 0;  // Unicode code points, after trimming
    std::size_t max_chars = 200;
    bool multiline = false;     // allow \n and \t
};

// Parses the body as a JSON object. Throws Problem 415 when the content
// type is not JSON, 400 when malformed (with the position), 422 when the
// top-level value is not an object.
nlohmann::json parse_json_object(const http::Request& req);

// Number of code points in valid UTF-8 text, or -1 if not valid UTF-8.
long utf8_length(std::string_view s);

class FieldReader {
public:
    // `creating`: absent required fields are errors; when updating, absent
    // fields keep their current values. Unknown fields are always errors.
    FieldReader(const nlohmann::json& body, std::vector<std::string_view> allowed, bool creating);

    bool present(std::string_view name) const;
    void text(std::string_view name, std::string& out, TextRule rule, bool required);
    void integer(std::string_view name, std::int64_t& out, std::int64_t min, std::int64_t max, bool required);
    void id(std::string_view name, Id& out, bool required);
    void one_of(std::string_view name, std::string& out, const std::vector<std::string_view>& options, bool required);
    // A code checked by `known`; `what` names the list ("province").
    void code(std::string_view name, std::string& out, const std::function<bool(std::string_view)>& known,
              std::string_view what, bool required);
    void code_list(std::string_view name, std::vector<std::string>& out,
                   const std::function<bool(std::string_view)>& known, std::string_view what, std::size_t min_items,
                   std::size_t max_items, bool required);
    void text_list(std::string_view name, std::vector<std::string>& out, std::size_t max_items,
                   std::size_t max_chars, bool required);
    void date(std::string_view name, std::string& out, bool required);  // YYYY-MM-DD, a real date
    void url(std::string_view name, std::string& out, bool required);   // empty or http(s)://host...
    void money(std::string_view name, Money& out, bool required);

    void add_error(std::string field, std::string code, std::string message);
    const std::vector<http::FieldError>& errors() const { return errors_; }
    // Throws validation_failed when any error was recorded.
    void finish() const;

private:
    const nlohmann::json* get(std::string_view name, bool required);
    const nlohmann::json& body_;
    bool creating_;
    std::vector<http::FieldError> errors_;
};

// ?limit=1..100 (default 20) and ?offset>=0; throws Problem 400 with field errors.
store::Page parse_page(const http::Request& req);
// An optional positive integer query parameter; throws Problem 400 when malformed.
std::optional<Id> query_id(const http::Request& req, std::string_view name);
// A path parameter that must be a positive integer; otherwise 404.
Id path_id(const http::Request& req, std::string_view name);

bool is_valid_date(std::string_view s);

}  // namespace fairmatch::server::api
