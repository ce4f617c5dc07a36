#include <gtest/gtest.h>

#include "server/http/message.hpp"

using namespace fairmatch::server::http;

TEST(Message, PercentDecodesPathAndQuery) {
    Request r;
    r.target = "/api/v1/exhibitors?q=B%C3%A1t+Tr%C3%A0ng&limit=5&empty=&flag";
    ASSERT_TRUE(parse_target(r));
    EXPECT_EQ(r.path, "/api/v1/exhibitors");
    EXPECT_EQ(r.query_param("q").value(), "Bát Tràng");
    EXPECT_EQ(r.query_param("limit").value(), "5");
    EXPECT_EQ(r.query_param("empty").value(), "");
    EXPECT_EQ(r.query_param("flag").value(), "");
    EXPECT_FALSE(r.query_param("missing").has_value());
}

TEST(Message, PlusIsLiteralInPath) {
    Request r;
    r.target = "/a+b/%2e%2e";
    ASSERT_TRUE(parse_target(r));
    EXPECT_EQ(r.path, "/a+b/..");
}

TEST(Message, RejectsMalformedEscapesAndNonOriginTargets) {
    Request r;
    r.target = "/x%zz";
    EXPECT_FALSE(parse_target(r));
    r.target = "/x%4";
    EXPECT_FALSE(parse_target(r));
    r.target = "http://example.com/";
    EXPECT_FALSE(parse_target(r));
    r.target = "/ok?q=%";
    EXPECT_FALSE(parse_target(r));
}

TEST(Message, HeaderLookupIsByLowerCaseName) {
    Request r;
    r.headers = {{"content-type", "application/json"}};
    EXPECT_EQ(r.header("content-type").value(), "application/json");
    EXPECT_FALSE(r.header("accept").has_value());
}
