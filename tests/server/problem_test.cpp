#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/http/problem.hpp"

using namespace fairmatch::server::http;

TEST(Problem, RendersRfc9457WithFieldErrors) {
    auto res = problem_response(validation_failed({{"name", "blank", "Must not be blank."}}), "req-1");
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(res.content_type, "application/problem+json");
    auto j = nlohmann::json::parse(res.body);
    EXPECT_EQ(j["type"], "/problems/validation-error");
    EXPECT_EQ(j["title"], "Validation failed");
    EXPECT_EQ(j["status"], 422);
    EXPECT_EQ(j["request_id"], "req-1");
    ASSERT_EQ(j["errors"].size(), 1u);
    EXPECT_EQ(j["errors"][0]["field"], "name");
    EXPECT_EQ(j["errors"][0]["code"], "blank");
    EXPECT_EQ(j["errors"][0]["message"], "Must not be blank.");
}

TEST(Problem, DefaultsTypeAndTitle) {
    auto j = nlohmann::json::parse(problem_response(Problem{503}).body);
    EXPECT_EQ(j["type"], "about:blank");
    EXPECT_EQ(j["title"], "Service Unavailable");
    EXPECT_FALSE(j.contains("errors"));
}

TEST(Problem, ExtensionMembersAreMergedWithoutReplacingStandardOnes) {
    Problem p{409, "booth-taken", "Booth taken", "Booth A-1 is taken.", {}, {{"booth", "A-1"}, {"status", 200}}};
    auto j = nlohmann::json::parse(problem_response(p, "req-9").body);
    EXPECT_EQ(j["booth"], "A-1");
    EXPECT_EQ(j["status"], 409) << "an extension never overrides a standard member";
    EXPECT_EQ(j["request_id"], "req-9");
}
