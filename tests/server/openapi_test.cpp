#include <gtest/gtest.h>

#include "server/api/openapi.hpp"
#include "server/api/routes.hpp"

using namespace fairmatch::server;

TEST(OpenApi, EveryRouteIsDocumented) {
    http::Router r;
    api::add_all_routes(r);
    auto missing = api::undocumented_routes(r);
    EXPECT_TRUE(missing.empty()) << "routes without an OpenAPI entry: " << [&] {
        std::string s;
        for (const auto& m : missing) s += m + " ";
        return s;
    }();
}

TEST(OpenApi, DocumentListsExactlyTheRouteTable) {
    http::Router r;
    api::add_all_routes(r);
    auto doc = api::openapi_document(r);
    EXPECT_EQ(doc["openapi"], "3.1.0");
    std::size_t operations = 0;
    for (auto& [path, ops] : doc["paths"].items()) {
        for (auto& [method, op] : ops.items()) {
            ++operations;
            std::string upper = method;
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            auto m = r.match(upper, path);
            ASSERT_NE(m.route, nullptr) << method << " " << path;
            EXPECT_EQ(m.route->name, op["operationId"]);
            EXPECT_TRUE(op["responses"].contains("default"));
        }
    }
    EXPECT_EQ(operations, r.routes().size());
    // Every $ref points at a defined schema.
    std::function<void(const nlohmann::json&)> check = [&](const nlohmann::json& j) {
        if (j.is_object()) {
            if (j.contains("$ref")) {
                auto name = j["$ref"].get<std::string>().substr(std::string("#/components/schemas/").size());
                EXPECT_TRUE(doc["components"]["schemas"].contains(name)) << name;
            }
            for (auto& [k, v] : j.items()) check(v);
        } else if (j.is_array()) {
            for (auto& v : j) check(v);
        }
    };
    check(doc);
}
