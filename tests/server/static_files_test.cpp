#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "server/http/static_files.hpp"
#include "test_db.hpp"

using namespace fairmatch::server::http;

class StaticFilesTest : public ::testing::Test {
protected:
    fairmatch::test::TempDir dir;
    std::string root;
    void SetUp() override {
        root = dir.file("web");
        std::filesystem::create_directories(root + "/js");
        std::ofstream(root + "/index.html") << "<!doctype html><title>x</title>";
        std::ofstream(root + "/js/app.js") << "export {};";
        std::ofstream(dir.file("secret.txt")) << "secret";
        std::filesystem::create_symlink(dir.file("secret.txt"), root + "/link.txt");
    }
    std::optional<Response> get(const std::string& target, Headers headers = {}) {
        StaticFiles files(root);
        Request req;
        req.method = "GET";
        req.target = target;
        req.headers = std::move(headers);
        if (!parse_target(req)) return std::nullopt;
        return files.serve(req);
    }
};

TEST_F(StaticFilesTest, ServesIndexAndTypes) {
    auto r = get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
    auto js = get("/js/app.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(js->body, "export {};");
}

TEST_F(StaticFilesTest, EtagGivesNotModified) {
    auto r = get("/js/app.js");
    auto etag = std::string(r->header("etag").value());
    auto again = get("/js/app.js", {{"if-none-match", etag}});
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
}

TEST_F(StaticFilesTest, RefusesTraversal) {
    EXPECT_FALSE(get("/../secret.txt"));
    EXPECT_FALSE(get("/%2e%2e/secret.txt"));
    EXPECT_FALSE(get("/js/%2E%2E/%2E%2E/secret.txt"));
    EXPECT_FALSE(get("//etc/passwd"));
    EXPECT_FALSE(get("/%2Fetc%2Fpasswd"));
    EXPECT_FALSE(get("/link.txt")) << "a symlink out of the root";
    EXPECT_FALSE(get("/js/..%5c..%5csecret.txt"));
    EXPECT_FALSE(get("/.hidden"));
    EXPECT_FALSE(get("/nope.js"));
}
