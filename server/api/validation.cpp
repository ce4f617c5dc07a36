#include "server/api/validation.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

#include "server/domain/reference_data.hpp"

namespace fairmatch::server::api {

using http::FieldError;
using http::Problem;

static bool is_json_type(std::string_view ct) {
    auto semi = ct.find(';');
    std::string_view base = ct.substr(0, semi);
    while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
    std::string lower(base);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "application/json" || (lower.size() > 5 && lower.ends_with("+json"));
}

nlohmann::json parse_json_object(const http::Request& req) {
    auto ct = req.header("content-type");
    if (!ct || !is_json_type(*ct)) {
        throw Problem{415, "unsupported-media-type", "Unsupported media type",
                      "The request body must be application/json.", {}};
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::parse_error& e) {
        throw Problem{400, "malformed-json", "Malformed JSON",
                      "The body is not valid JSON (at byte " + std::to_string(e.byte) + ").", {}};
    }
    if (!j.is_object()) {
        throw Problem{422, "validation-error", "Validation failed", "The body must be a JSON object.",
                      {{"", "not_an_object", "The body must be a JSON object."}}};
    }
    return j;
}

long utf8_length(std::string_view s) {
    long n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len;
        std::uint32_t cp;
        if (c < 0x80) { len = 1; cp = c; }
        else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return -1;
        if (i + len > s.size()) return -1;
        for (std::size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and out-of-range code points.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return -1;
        i += len;
        ++n;
    }
    return n;
}

static std::string_view trim(std::string_view s) {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

FieldReader::FieldReader(const nlohmann::json& body, std::vector<std::string_view> allowed, bool creating)
    : body_(body), creating_(creating) {
    for (auto it = body.begin(); it != body.end(); ++it) {
        bool ok = false;
        for (auto a : allowed)
            if (a == it.key()) ok = true;
        if (!ok) add_error(it.key(), "unknown_field", "This field is not recognised.");
    }
}

void FieldReader::add_error(std::string field, std::string code, std::string message) {
    errors_.push_back({std::move(field), std::move(code), std::move(message)});
}

void FieldReader::finish() const {
    if (!errors_.empty()) throw http::validation_failed(errors_);
}

bool FieldReader::present(std::string_view name) const { return body_.contains(name); }

const nlohmann::json* FieldReader::get(std::string_view name, bool required) {
    auto it = body_.find(name);
    if (it == body_.end()) {
        if (required && creating_) add_error(std::string(name), "required", "This field is required.");
        return nullptr;
    }
    return &*it;
}

static std::optional<std::string> check_text(const nlohmann::json& v, const TextRule& rule, std::string& error_code,
                                             std::string& message) {
    if (!v.is_string()) {
        error_code = "not_a_string";
        message = "Must be a string.";
        return std::nullopt;
    }
    const auto& raw = v.get_ref<const std::string&>();
    long len = utf8_length(raw);
    if (len < 0) {
        error_code = "invalid_utf8";
        message = "Must be valid UTF-8.";
        return std::nullopt;
    }
    for (unsigned char c : raw) {
        if (c < 0x20 && !(rule.multiline && (c == '\n' || c == '\t' || c == '\r'))) {
            error_code = "control_character";
            message = "Must not contain control characters.";
            return std::nullopt;
        }
        if (c == 0x7F) {
            error_code = "control_character";
            message = "Must not contain control characters.";
            return std::nullopt;
        }
    }
    auto t = trim(raw);
    auto n = static_cast<std::size_t>(utf8_length(t));
    if (n < rule.min_chars) {
        error_code = rule.min_chars == 1 ? "blank" : "too_short";
        message = rule.min_chars == 1 ? "Must not be blank."
                                      : "Must be at least " + std::to_string(rule.min_chars) + " characters.";
        return std::nullopt;
    }
    if (n > rule.max_chars) {
        error_code = "too_long";
        message = "Must be at most " + std::to_string(rule.max_chars) + " characters.";
        return std::nullopt;
    }
    return std::string(t);
}

void FieldReader::text(std::string_view name, std::string& out, TextRule rule, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    std::string code, msg;
    if (auto t = check_text(*v, rule, code, msg)) out = std::move(*t);
    else add_error(std::string(name), code, msg);
}

void FieldReader::integer(std::string_view name, std::int64_t& out, std::int64_t min, std::int64_t max,
                          bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (!v->is_number_integer()) {
        add_error(std::string(name), "not_an_integer", "Must be an integer.");
        return;
    }
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
        add_error(std::string(name), "out_of_range",
                  "Must be between " + std::to_string(min) + " and " + std::to_string(max) + ".");
        return;
    }
    auto x = v->get<std::int64_t>();
    if (x < min || x > max) {
        add_error(std::string(name), "out_of_range",
                  "Must be between " + std::to_string(min) + " and " + std::to_string(max) + ".");
        return;
    }
    out = x;
}

void FieldReader::id(std::string_view name, Id& out, bool required) {
    integer(name, out, 1, (std::int64_t{1} << 53), required);
}

void FieldReader::one_of(std::string_view name, std::string& out, const std::vector<std::string_view>& options,
                         bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (v->is_string()) {
        const auto& s = v->get_ref<const std::string&>();
        for (auto o : options)
            if (o == s) {
                out = s;
                return;
            }
    }
    std::string list;
    for (auto o : options) list += (list.empty() ? "" : ", ") + std::string(o);
    add_error(std::string(name), "not_allowed", "Must be one of: " + list + ".");
}

void FieldReader::code(std::string_view name, std::string& out, const std::function<bool(std::string_view)>& known,
                       std::string_view what, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (!v->is_string() || !known(v->get_ref<const std::string&>())) {
        add_error(std::string(name), "unknown_code", "Must be a known " + std::string(what) + " code.");
        return;
    }
    out = v->get<std::string>();
}

void FieldReader::code_list(std::string_view name, std::vector<std::string>& out,
                            const std::function<bool(std::string_view)>& known, std::string_view what,
                            std::size_t min_items, std::size_t max_items, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (!v->is_array()) {
        add_error(std::string(name), "not_an_array", "Must be an array of " + std::string(what) + " codes.");
        return;
    }
    if (v->size() < min_items || v->size() > max_items) {
        add_error(std::string(name), "wrong_count",
                  "Must hold between " + std::to_string(min_items) + " and " + std::to_string(max_items) + " items.");
        return;
    }
    std::vector<std::string> result;
    bool ok = true;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const auto& item = (*v)[i];
        std::string field = std::string(name) + "[" + std::to_string(i) + "]";
        if (!item.is_string() || !known(item.get_ref<const std::string&>())) {
            add_error(field, "unknown_code", "Must be a known " + std::string(what) + " code.");
            ok = false;
            continue;
        }
        auto s = item.get<std::string>();
        if (std::find(result.begin(), result.end(), s) != result.end()) {
            add_error(field, "duplicate", "Appears more than once.");
            ok = false;
            continue;
        }
        result.push_back(std::move(s));
    }
    if (ok) out = std::move(result);
}

void FieldReader::text_list(std::string_view name, std::vector<std::string>& out, std::size_t max_items,
                            std::size_t max_chars, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (!v->is_array()) {
        add_error(std::string(name), "not_an_array", "Must be an array of strings.");
        return;
    }
    if (v->size() > max_items) {
        add_error(std::string(name), "wrong_count", "Must hold at most " + std::to_string(max_items) + " items.");
        return;
    }
    std::vector<std::string> result;
    bool ok = true;
    for (std::size_t i = 0; i < v->size(); ++i) {
        std::string code, msg;
        auto t = check_text((*v)[i], TextRule{1, max_chars, false}, code, msg);
        if (!t) {
            add_error(std::string(name) + "[" + std::to_string(i) + "]", code, msg);
            ok = false;
        } else {
            result.push_back(std::move(*t));
        }
    }
    if (ok) out = std::move(result);
}

bool is_valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
        return r.ec == std::errc() && r.ptr == s.data() + pos + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
    if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int dim = days[m - 1] + ((m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ? 1 : 0);
    return d <= dim;
}

void FieldReader::date(std::string_view name, std::string& out, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (!v->is_string() || !is_valid_date(v->get_ref<const std::string&>())) {
        add_error(std::string(name), "invalid_date", "Must be a date written YYYY-MM-DD.");
        return;
    }
    out = v->get<std::string>();
}

void FieldReader::url(std::string_view name, std::string& out, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    std::string code, msg;
    auto t = check_text(*v, TextRule{0, 300, false}, code, msg);
    if (!t) {
        add_error(std::string(name), code, msg);
        return;
    }
    if (!t->empty()) {
        bool scheme = t->starts_with("https://") || t->starts_with("http://");
        auto host_start = t->find("://");
        bool has_host = host_start != std::string::npos && t->size() > host_start + 3 &&
                        (*t)[host_start + 3] != '/' && t->find(' ') == std::string::npos;
        if (!scheme || !has_host) {
            add_error(std::string(name), "invalid_url", "Must be an http:// or https:// address.");
            return;
        }
    }
    out = std::move(*t);
}

void FieldReader::money(std::string_view name, Money& out, bool required) {
    auto* v = get(name, required);
    if (!v) return;
    if (!v->is_object()) {
        add_error(std::string(name), "not_an_object", "Must be an object {\"amount\": minor units, \"currency\": ISO 4217}.");
        return;
    }
    Money m;
    bool ok = true;
    for (auto it = v->begin(); it != v->end(); ++it) {
        if (it.key() != "amount" && it.key() != "currency") {
            add_error(std::string(name) + "." + it.key(), "unknown_field", "This field is not recognised.");
            ok = false;
        }
    }
    auto a = v->find("amount");
    if (a == v->end() || !a->is_number_integer() || a->get<std::int64_t>() < 0 ||
        (a->is_number_unsigned() && a->get<std::uint64_t>() > (std::uint64_t{1} << 62))) {
        add_error(std::string(name) + ".amount", "invalid_amount", "Must be a non-negative integer in minor units.");
        ok = false;
    } else {
        m.amount = a->get<std::int64_t>();
    }
    auto c = v->find("currency");
    if (c == v->end() || !c->is_string() || !is_currency_code(c->get_ref<const std::string&>())) {
        add_error(std::string(name) + ".currency", "unknown_code", "Must be a known ISO 4217 currency code.");
        ok = false;
    } else {
        m.currency = c->get<std::string>();
    }
    if (ok) out = m;
}

static std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t x = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), x);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || s.empty()) return std::nullopt;
    return x;
}

store::Page parse_page(const http::Request& req) {
    store::Page page;
    std::vector<FieldError> errors;
    if (auto l = req.query_param("limit")) {
        auto v = parse_int(*l);
        if (!v || *v < 1 || *v > 100) errors.push_back({"limit", "out_of_range", "Must be an integer from 1 to 100."});
        else page.limit = static_cast<int>(*v);
    }
    if (auto o = req.query_param("offset")) {
        auto v = parse_int(*o);
        if (!v || *v < 0 || *v > 1'000'000'000) errors.push_back({"offset", "out_of_range", "Must be a non-negative integer."});
        else page.offset = static_cast<int>(*v);
    }
    if (!errors.empty()) throw Problem{400, "invalid-query", "Invalid query parameters", "", std::move(errors)};
    return page;
}

std::optional<Id> query_id(const http::Request& req, std::string_view name) {
    auto q = req.query_param(name);
    if (!q) return std::nullopt;
    auto v = parse_int(*q);
    if (!v || *v < 1) {
        throw Problem{400, "invalid-query", "Invalid query parameters", "",
                      {{std::string(name), "not_an_id", "Must be a positive integer id."}}};
    }
    return *v;
}

Id path_id(const http::Request& req, std::string_view name) {
    auto v = parse_int(req.path_param(name));
    if (!v || *v < 1) throw http::not_found();
    return *v;
}

}  // namespace fairmatch::server::api
