// /api/v1/importers: importer (buyer) profiles.
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

nlohmann::json importer_to_json(const Importer& i) {
    return {{"id", i.id},
            {"fair_id", i.fair_id},
            {"name", i.name},
            {"country", i.country},
            {"buyer_type", i.buyer_type},
            {"categories", i.categories},
            {"required_certifications", i.required_certifications},
            {"price_tier", i.price_tier},
            {"order_quantity", i.order_quantity},
            {"max_lead_time_days", i.max_lead_time_days},
            {"annual_budget", {{"amount", i.annual_budget.amount}, {"currency", i.annual_budget.currency}}},
            {"languages", i.languages},
            {"created_at", i.created_at},
            {"updated_at", i.updated_at}};
}

static void read_importer(const nlohmann::json& body, Importer& i, bool creating, const ReferenceData& ref) {
    FieldReader r(body,
                  {"fair_id", "name", "country", "buyer_type", "categories", "required_certifications", "price_tier",
                   "order_quantity", "max_lead_time_days", "annual_budget", "languages"},
                  creating);
    r.id("fair_id", i.fair_id, true);
    r.text("name", i.name, {1, 200}, true);
    r.code("country", i.country, [&](std::string_view c) { return ref.is_country(c); }, "ISO 3166-1 country", true);
    r.one_of("buyer_type", i.buyer_type, buyer_types(), true);
    r.code_list("categories", i.categories, [&](std::string_view c) { return ref.is_category(c); }, "category", 1, 20,
                true);
    r.code_list("required_certifications", i.required_certifications,
                [&](std::string_view c) { return ref.is_certification(c); }, "certification", 0, 20, false);
    r.one_of("price_tier", i.price_tier, price_tiers(), true);
    r.integer("order_quantity", i.order_quantity, 0, 100'000'000, false);
    r.integer("max_lead_time_days", i.max_lead_time_days, 0, 730, false);
    r.money("annual_budget", i.annual_budget, true);
    r.code_list("languages", i.languages, [](std::string_view c) { return is_language_code(c); },
                "ISO 639-1 language", 1, 20, true);
    r.finish();
}

static void require_fair(store::Connection& db, Id fair_id) {
    if (!store::FairRepository(db).exists(fair_id))
        throw http::validation_failed({{"fair_id", "not_found", "No fair with this id."}});
}

void add_importer_routes(http::Router& r) {
    r.add({"GET", "/api/v1/importers", "importers.list", http::DbMode::read, http::Access::public_,
           [](Context& c) {
               auto page = parse_page(c.req);
               store::ImporterFilter f;
               f.fair = query_id(c.req, "fair");
               if (auto p = c.req.query_param("country")) f.country = std::string(*p);
               return list_response(store::ImporterRepository(c.db()).list(f, page), page, importer_to_json);
           },
           "List importers (filters: fair, country)"});
    r.add({"GET", "/api/v1/importers/{id}", "importers.get", http::DbMode::read, http::Access::public_,
           [](Context& c) {
               auto i = store::ImporterRepository(c.db()).find(path_id(c.req, "id"));
               if (!i) throw http::not_found("No such importer.");
               return json_response(200, importer_to_json(*i));
           },
           "Get an importer profile"});
    r.add({"POST", "/api/v1/importers", "importers.create", http::DbMode::write, http::Access::public_,
           [](Context& c) {
               Importer i;
               read_importer(parse_json_object(c.req), i, true, c.app.reference());
               store::Transaction tx(c.db());
               require_fair(c.db(), i.fair_id);
               store::ImporterRepository repo(c.db());
               auto id = repo.insert(i);
               auto created = repo.find(id);
               tx.commit();
               auto res = json_response(201, importer_to_json(*created));
               res.set_header("location", "/api/v1/importers/" + std::to_string(id));
               return res;
           },
           "Create an importer profile"});
    r.add({"PATCH", "/api/v1/importers/{id}", "importers.update", http::DbMode::write, http::Access::public_,
           [](Context& c) {
               auto id = path_id(c.req, "id");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::ImporterRepository repo(c.db());
               auto i = repo.find(id);
               if (!i) throw http::not_found("No such importer.");
               read_importer(body, *i, false, c.app.reference());
               require_fair(c.db(), i->fair_id);
               repo.update(*i);
               auto updated = repo.find(id);
               tx.commit();
               return json_response(200, importer_to_json(*updated));
           },
           "Update some fields of an importer profile"});
    r.add({"DELETE", "/api/v1/importers/{id}", "importers.delete", http::DbMode::write, http::Access::public_,
           [](Context& c) {
               store::Transaction tx(c.db());
               if (!store::ImporterRepository(c.db()).remove(path_id(c.req, "id")))
                   throw http::not_found("No such importer.");
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Delete an importer profile"});
}

}  // namespace fairmatch::server::api
