#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/api/validation.hpp"
#include "server/domain/reference_data.hpp"

using namespace fairmatch::server;
using namespace fairmatch::server::api;
using nlohmann::json;

static std::vector<http::FieldError> errors_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const http::Problem& p) {
        return p.errors;
    }
    return {};
}

TEST(Validation, Utf8LengthCountsCodePointsAndRejectsInvalid) {
    EXPECT_EQ(utf8_length("Bát Tràng"), 9);
    EXPECT_EQ(utf8_length("Đông Hồ"), 7);
    EXPECT_EQ(utf8_length("\xC3"), -1);
    EXPECT_EQ(utf8_length("\xC0\xAF"), -1);          // overlong
    EXPECT_EQ(utf8_length("\xED\xA0\x80"), -1);      // surrogate
}

TEST(Validation, ReportsEveryFieldAtOnce) {
    json body = {{"name", "   "}, {"moq", -1}, {"extra", 1}, {"tier", "cheap"}};
    auto errs = errors_of([&] {
        std::string name, tier, required;
        std::int64_t moq = 0;
        FieldReader r(body, {"name", "moq", "tier", "required"}, true);
        r.text("name", name, {1, 10}, true);
        r.integer("moq", moq, 0, 100, true);
        r.one_of("tier", tier, {"budget", "mid"}, true);
        r.text("required", required, {1, 10}, true);
        r.finish();
    });
    ASSERT_EQ(errs.size(), 5u);
    EXPECT_EQ(errs[0].field, "extra");
    EXPECT_EQ(errs[0].code, "unknown_field");
    EXPECT_EQ(errs[1].field, "name");
    EXPECT_EQ(errs[1].code, "blank");
    EXPECT_EQ(errs[2].field, "moq");
    EXPECT_EQ(errs[2].message, "Must be between 0 and 100.");
    EXPECT_EQ(errs[3].field, "tier");
    EXPECT_EQ(errs[3].message, "Must be one of: budget, mid.");
    EXPECT_EQ(errs[4].field, "required");
    EXPECT_EQ(errs[4].code, "required");
}

TEST(Validation, UpdateModeKeepsAbsentFields) {
    json body = {{"moq", 5}};
    std::string name = "kept";
    std::int64_t moq = 0;
    FieldReader r(body, {"name", "moq"}, false);
    r.text("name", name, {1, 10}, true);
    r.integer("moq", moq, 0, 100, true);
    EXPECT_NO_THROW(r.finish());
    EXPECT_EQ(name, "kept");
    EXPECT_EQ(moq, 5);
}

TEST(Validation, TextIsTrimmedAndLimitedInCodePoints) {
    std::string out;
    json ok = {{"t", "  Gốm sứ  "}};
    FieldReader r(ok, {"t"}, true);
    r.text("t", out, {1, 6}, true);
    r.finish();
    EXPECT_EQ(out, "Gốm sứ");
    json too_long = {{"t", "Gốm sứ Bát"}};
    auto errs = errors_of([&] {
        std::string o;
        FieldReader r2(too_long, {"t"}, true);
        r2.text("t", o, {1, 6}, true);
        r2.finish();
    });
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0].message, "Must be at most 6 characters.");
}

TEST(Validation, ControlCharactersOnlyInMultilineText) {
    json body = {{"a", "line\nbreak"}, {"b", "line\nbreak"}};
    std::string a, b;
    FieldReader r(body, {"a", "b"}, true);
    r.text("a", a, {0, 100, true}, true);
    r.text("b", b, {0, 100, false}, true);
    ASSERT_EQ(r.errors().size(), 1u);
    EXPECT_EQ(r.errors()[0].field, "b");
    EXPECT_EQ(r.errors()[0].code, "control_character");
}

TEST(Validation, CodeListsCheckEachItemAndDuplicates) {
    json body = {{"langs", {"vi", "xx", "vi"}}};
    std::vector<std::string> out;
    FieldReader r(body, {"langs"}, true);
    r.code_list("langs", out, [](std::string_view c) { return is_language_code(c); }, "ISO 639-1 language", 0, 5, true);
    ASSERT_EQ(r.errors().size(), 2u);
    EXPECT_EQ(r.errors()[0].field, "langs[1]");
    EXPECT_EQ(r.errors()[0].code, "unknown_code");
    EXPECT_EQ(r.errors()[1].field, "langs[2]");
    EXPECT_EQ(r.errors()[1].code, "duplicate");
}

TEST(Validation, DatesMustBeReal) {
    EXPECT_TRUE(is_valid_date("2026-12-01"));
    EXPECT_TRUE(is_valid_date("2028-02-29"));
    EXPECT_FALSE(is_valid_date("2026-02-29"));
    EXPECT_FALSE(is_valid_date("2026-13-01"));
    EXPECT_FALSE(is_valid_date("26-12-01"));
}

TEST(Validation, MoneyNeedsMinorUnitsAndKnownCurrency) {
    json body = {{"m", {{"amount", 1.5}, {"currency", "XYZ"}}}};
    Money m;
    FieldReader r(body, {"m"}, true);
    r.money("m", m, true);
    ASSERT_EQ(r.errors().size(), 2u);
    EXPECT_EQ(r.errors()[0].field, "m.amount");
    EXPECT_EQ(r.errors()[1].field, "m.currency");
}

TEST(Validation, PagingQueryParameters) {
    http::Request req;
    req.query = {{"limit", "500"}, {"offset", "-1"}};
    try {
        parse_page(req);
        FAIL();
    } catch (const http::Problem& p) {
        EXPECT_EQ(p.status, 400);
        ASSERT_EQ(p.errors.size(), 2u);
        EXPECT_EQ(p.errors[0].field, "limit");
        EXPECT_EQ(p.errors[1].field, "offset");
    }
    req.query = {{"limit", "50"}, {"offset", "100"}};
    auto page = parse_page(req);
    EXPECT_EQ(page.limit, 50);
    EXPECT_EQ(page.offset, 100);
}

TEST(Validation, BodyMustBeJsonObject) {
    http::Request req;
    req.headers = {{"content-type", "text/plain"}};
    req.body = "{}";
    try { parse_json_object(req); FAIL(); } catch (const http::Problem& p) { EXPECT_EQ(p.status, 415); }
    req.headers = {{"content-type", "application/json; charset=utf-8"}};
    req.body = "{\"a\":";
    try { parse_json_object(req); FAIL(); } catch (const http::Problem& p) { EXPECT_EQ(p.status, 400); }
    req.body = "[1]";
    try { parse_json_object(req); FAIL(); } catch (const http::Problem& p) { EXPECT_EQ(p.status, 422); }
    req.body = "{\"name\":\"\xC3\"}";
    try { parse_json_object(req); FAIL(); } catch (const http::Problem& p) { EXPECT_EQ(p.status, 400); }
}
