// GET /api/v1/reference/{categories,countries,provinces,certifications}:
// served from the in-memory copy loaded at start-up.
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"

namespace fairmatch::server::api {

static nlohmann::json named(const std::vector<NamedCode>& list) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : list) items.push_back({{"code", c.code}, {"name_vi", c.name_vi}, {"name_en", c.name_en}});
    return {{"items", std::move(items)}};
}

void add_reference_routes(http::Router& r) {
    r.add({"GET", "/api/v1/reference/categories", "reference.categories", http::DbMode::none, http::access::public_(),
           [](Context& c) {
               http::Response res;
               res.content_type = "application/json";
               res.body = c.app.memo("reference.categories", [&] {
                   nlohmann::json items = nlohmann::json::array();
                   for (const auto& x : c.app.reference().categories)
                       items.push_back(
                           {{"code", x.code}, {"hs_code", x.hs_code}, {"name_vi", x.name_vi}, {"name_en", x.name_en}});
                   return nlohmann::json{{"items", std::move(items)}}.dump();
               });
               res.set_header("cache-control", "public, max-age=3600");
               return res;
           },
           "Handicraft product categories with HS codes"});
    auto simple = [&](const char* path, const char* name, std::vector<NamedCode> ReferenceData::*member,
                      const char* summary) {
        r.add({"GET", path, name, http::DbMode::none, http::access::public_(),
               [member, name](Context& c) {
                   http::Response res;
                   res.content_type = "application/json";
                   res.body = c.app.memo(name, [&] { return named(c.app.reference().*member).dump(); });
                   res.set_header("cache-control", "public, max-age=3600");
                   return res;
               },
               summary});
    };
    simple("/api/v1/reference/countries", "reference.countries", &ReferenceData::countries,
           "ISO 3166-1 countries");
    simple("/api/v1/reference/provinces", "reference.provinces", &ReferenceData::provinces,
           "The 34 Vietnamese provincial units in force since 1 July 2025");
    simple("/api/v1/reference/certifications", "reference.certifications", &ReferenceData::certifications,
           "Certifications and labels (OCOP, FSC, BSCI, ...)");
}

}  // namespace fairmatch::server::api
