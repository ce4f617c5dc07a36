#include <gtest/gtest.h>

#include "server/http/router.hpp"

using namespace fairmatch::server::http;

namespace {
Router make_router() {
    Router r;
    auto h = [](fairmatch::server::Context&) { return Response{}; };
    r.add({"GET", "/api/v1/fairs", "fairs.list", DbMode::read, access::public_(), h, ""});
    r.add({"POST", "/api/v1/fairs", "fairs.create", DbMode::write, access::public_(), h, ""});
    r.add({"GET", "/api/v1/fairs/{fair}", "fairs.get", DbMode::read, access::public_(), h, ""});
    r.add({"PATCH", "/api/v1/fairs/{fair}", "fairs.update", DbMode::write, access::public_(), h, ""});
    r.add({"GET", "/api/v1/fairs/{fair}/booths/{booth}", "booths.get", DbMode::read, access::public_(), h, ""});
    r.add({"GET", "/api/v1/fairs/current", "fairs.current", DbMode::read, access::public_(), h, ""});
    return r;
}
}  // namespace

TEST(Router, MatchesLiteralPath) {
    auto r = make_router();
    auto m = r.match("GET", "/api/v1/fairs");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->name, "fairs.list");
    EXPECT_TRUE(m.params.empty());
}

TEST(Router, CapturesPathParameters) {
    auto r = make_router();
    auto m = r.match("GET", "/api/v1/fairs/7/booths/A-12");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->name, "booths.get");
    ASSERT_EQ(m.params.size(), 2u);
    EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"fair", "7"}));
    EXPECT_EQ(m.params[1], (std::pair<std::string, std::string>{"booth", "A-12"}));
}

TEST(Router, LiteralSegmentBeatsCapture) {
    auto r = make_router();
    auto m = r.match("GET", "/api/v1/fairs/current");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->name, "fairs.current");
}

TEST(Router, UnknownPathIsNotFound) {
    auto r = make_router();
    auto m = r.match("GET", "/api/v1/nothing");
    EXPECT_EQ(m.route, nullptr);
    EXPECT_TRUE(m.allow.empty());
}

TEST(Router, WrongMethodListsAllowedMethods) {
    auto r = make_router();
    auto m = r.match("DELETE", "/api/v1/fairs/3");
    EXPECT_EQ(m.route, nullptr);
    EXPECT_EQ(m.allow, (std::vector<std::string>{"GET", "HEAD", "PATCH"}));
}

TEST(Router, HeadMatchesGet) {
    auto r = make_router();
    auto m = r.match("HEAD", "/api/v1/fairs/3");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->name, "fairs.get");
}

TEST(Router, TrailingSlashAndEmptySegmentsDoNotMatch) {
    auto r = make_router();
    EXPECT_EQ(r.match("GET", "/api/v1/fairs/").route, nullptr);
    EXPECT_EQ(r.match("GET", "/api//v1/fairs").route, nullptr);
}

TEST(Router, DuplicateRouteIsRejected) {
    auto r = make_router();
    auto h = [](fairmatch::server::Context&) { return Response{}; };
    EXPECT_THROW(r.add({"GET", "/api/v1/fairs", "dup", DbMode::read, access::public_(), h, ""}), std::logic_error);
}
