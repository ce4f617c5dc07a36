// Handlers called through App::handle with a real migrated SQLite file:
// no socket, but the same code path as the server below the router.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/app.hpp"
#include "server/auth/crypto.hpp"
#include "server/store/reference_repository.hpp"
#include "server/store/user_repository.hpp"
#include "test_db.hpp"

using namespace fairmatch::server;
using nlohmann::json;

class HandlersTest : public ::testing::Test {
protected:
    fairmatch::test::TempDir dir;
    std::unique_ptr<store::Connection> db = fairmatch::test::migrated_db(dir.file("h.db"));
    App app{make_config(), store::load_reference_data(*db), nullptr};
    std::string token = make_organizer_token();

    // An organizer with an API token: these tests exercise the handlers, the
    // policy has its own tests.
    std::string make_organizer_token() {
        auth::init_crypto();
        store::UserRepository users(*db);
        auto id = users.insert({0, "org@example.vn", "", "Organizer", "organizer", "vi", ""});
        auto secret = auth::random_token();
        users.insert_api_token(id, "tests", auth::token_hash(secret), "x", store::unix_now());
        return secret;
    }

    Config make_config() {
        Config c;
        c.db_path = dir.file("h.db");
        c.web_root = "";
        return c;
    }

    http::Response call(const std::string& method, const std::string& target, const json& body = nullptr) {
        http::Request req;
        req.method = method;
        req.target = target;
        req.request_id = "test";
        req.headers.emplace_back("authorization", "Bearer " + token);
        EXPECT_TRUE(http::parse_target(req));
        if (!body.is_null()) {
            req.headers.emplace_back("content-type", "application/json");
            req.body = body.dump();
        }
        auto m = app.router().match(method, req.path);
        if (!m.route) {
            http::Response r;
            r.status = m.allow.empty() ? 404 : 405;
            return r;
        }
        req.path_params = m.params;
        return app.handle(*m.route, req, db.get());
    }

    json fair_body() {
        return {{"name_vi", "Hội chợ Hàng thủ công mỹ nghệ"}, {"name_en", "Handicraft Fair"},
                {"venue", "Cung Văn hóa Hữu nghị"},           {"city", "Hà Nội"},
                {"start_date", "2026-12-10"},                {"end_date", "2026-12-13"}};
    }
    json exhibitor_body(std::int64_t fair) {
        return {{"fair_id", fair},
                {"name", "HTX Mây tre đan Phú Vinh"},
                {"name_en", "Phu Vinh Rattan Cooperative"},
                {"tax_code", "0500123456"},
                {"province", "ha-noi"},
                {"craft_village", "Phú Vinh"},
                {"categories", {"basketry.rattan"}},
                {"certifications", {"FSC"}},
                {"price_tier", "mid"},
                {"languages", {"vi", "en"}},
                {"export_markets", {"JP", "FR"}},
                {"moq", 300},
                {"website", "https://phuvinh.example.vn"}};
    }
};

TEST_F(HandlersTest, FairCreateGetUpdateList) {
    auto created = call("POST", "/api/v1/fairs", fair_body());
    ASSERT_EQ(created.status, 201) << created.body;
    auto f = json::parse(created.body);
    EXPECT_EQ(f["status"], "draft");
    EXPECT_EQ(f["time_zone"], "Asia/Ho_Chi_Minh");
    EXPECT_EQ(created.header("location").value(), "/api/v1/fairs/" + std::to_string(f["id"].get<int>()));
    auto id = std::to_string(f["id"].get<int>());
    auto updated = call("PATCH", "/api/v1/fairs/" + id, {{"status", "open"}});
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(json::parse(updated.body)["status"], "open");
    EXPECT_EQ(json::parse(updated.body)["name_en"], "Handicraft Fair");
    auto got = json::parse(call("GET", "/api/v1/fairs/" + id).body);
    EXPECT_EQ(got["counts"]["exhibitors"], 0);
    auto list = json::parse(call("GET", "/api/v1/fairs").body);
    EXPECT_EQ(list["total"], 1);
    EXPECT_EQ(list["items"].size(), 1u);
}

TEST_F(HandlersTest, FairValidationNamesEachField) {
    json bad = fair_body();
    bad["end_date"] = "2026-12-01";
    bad["status"] = "finished";
    bad["colour"] = "red";
    auto res = call("POST", "/api/v1/fairs", bad);
    ASSERT_EQ(res.status, 422);
    auto j = json::parse(res.body);
    std::set<std::string> fields;
    for (const auto& e : j["errors"]) fields.insert(e["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"colour", "status"}));
    bad.erase("colour");
    bad.erase("status");
    j = json::parse(call("POST", "/api/v1/fairs", bad).body);
    ASSERT_EQ(j["errors"].size(), 1u);
    EXPECT_EQ(j["errors"][0]["field"], "end_date");
    EXPECT_EQ(j["errors"][0]["code"], "before_start");
}

TEST_F(HandlersTest, ExhibitorRoundTripAndUnknownFair) {
    auto fair = json::parse(call("POST", "/api/v1/fairs", fair_body()).body)["id"].get<std::int64_t>();
    auto res = call("POST", "/api/v1/exhibitors", exhibitor_body(fair));
    ASSERT_EQ(res.status, 201) << res.body;
    auto e = json::parse(res.body);
    EXPECT_EQ(e["name"], "HTX Mây tre đan Phú Vinh");
    EXPECT_EQ(e["categories"], json({"basketry.rattan"}));
    EXPECT_TRUE(e["booth"].is_null());
    auto missing = call("POST", "/api/v1/exhibitors", exhibitor_body(fair + 100));
    ASSERT_EQ(missing.status, 422);
    EXPECT_EQ(json::parse(missing.body)["errors"][0]["field"], "fair_id");
    auto list = json::parse(call("GET", "/api/v1/exhibitors?fair=" + std::to_string(fair)).body);
    EXPECT_EQ(list["total"], 1);
}

TEST_F(HandlersTest, ExhibitorRejectsBadCodes) {
    auto fair = json::parse(call("POST", "/api/v1/fairs", fair_body()).body)["id"].get<std::int64_t>();
    auto body = exhibitor_body(fair);
    body["province"] = "ha-tay";
    body["categories"] = json::array({"ceramics.tableware", "spaceships"});
    body["tax_code"] = "12345";
    body["languages"] = json::array({"vn"});
    body["website"] = "javascript:alert(1)";
    auto res = call("POST", "/api/v1/exhibitors", body);
    ASSERT_EQ(res.status, 422) << res.body;
    std::set<std::string> fields;
    auto problem = json::parse(res.body);
    for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
    EXPECT_EQ(fields, (std::set<std::string>{"province", "categories[1]", "tax_code", "languages[0]", "website"}));
    EXPECT_EQ(json::parse(call("GET", "/api/v1/exhibitors").body)["total"], 0) << "nothing half-written";
}

TEST_F(HandlersTest, ProductsBelongToAnExhibitor) {
    auto fair = json::parse(call("POST", "/api/v1/fairs", fair_body()).body)["id"].get<std::int64_t>();
    auto eid = json::parse(call("POST", "/api/v1/exhibitors", exhibitor_body(fair)).body)["id"].get<std::int64_t>();
    json p = {{"name_vi", "Giỏ mây đan tay"}, {"name_en", "Hand-woven rattan basket"},
              {"category", "basketry.rattan"}, {"fob_price_min", 350}, {"fob_price_max", 900}, {"moq", 500}};
    auto res = call("POST", "/api/v1/exhibitors/" + std::to_string(eid) + "/products", p);
    ASSERT_EQ(res.status, 201) << res.body;
    auto prod = json::parse(res.body);
    EXPECT_EQ(prod["hs_code"], "4602");
    EXPECT_EQ(prod["exhibitor_name"], "HTX Mây tre đan Phú Vinh");
    EXPECT_EQ(prod["currency"], "USD");
    p["fob_price_max"] = 100;
    auto bad = call("POST", "/api/v1/exhibitors/" + std::to_string(eid) + "/products", p);
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(json::parse(bad.body)["errors"][0]["field"], "fob_price_max");
    p["fob_price_max"] = 900;
    EXPECT_EQ(call("POST", "/api/v1/exhibitors/99999/products", p).status, 404);
    auto list = json::parse(call("GET", "/api/v1/exhibitors/" + std::to_string(eid) + "/products").body);
    EXPECT_EQ(list["total"], 1);
    auto id = std::to_string(prod["id"].get<int>());
    EXPECT_EQ(call("DELETE", "/api/v1/products/" + id).status, 204);
    EXPECT_EQ(call("GET", "/api/v1/products/" + id).status, 404);
}

TEST_F(HandlersTest, NonNumericIdsAreNotFound) {
    EXPECT_EQ(call("GET", "/api/v1/exhibitors/abc").status, 404);
    EXPECT_EQ(call("GET", "/api/v1/exhibitors/-1").status, 404);
    EXPECT_EQ(call("GET", "/api/v1/exhibitors/99999999999999999999").status, 404);
}

TEST_F(HandlersTest, ReferenceListsComeFromTheDatabase) {
    auto j = json::parse(call("GET", "/api/v1/reference/provinces").body);
    EXPECT_EQ(j["items"].size(), 34u);
    auto c = json::parse(call("GET", "/api/v1/reference/categories").body);
    bool found = false;
    for (const auto& x : c["items"])
        if (x["hs_code"] == "6913") found = true;
    EXPECT_TRUE(found);
}
