// /api/v1/importers: importer (buyer) profiles.
#include "server/api/context.hpp"
#include "server/api/profiles.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/api/access_helpers.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

nlohmann::json importer_public_json(const Importer& i);

// Private fields (budget, order size, lead time) and the participation
// status are shown to the importer itself and the fair's organizers only.
nlohmann::json importer_to_json(const Importer& i, bool insider) {
    nlohmann::json j = importer_public_json(i);
    if (insider) {
        j["order_quantity"] = i.order_quantity;
        j["max_lead_time_days"] = i.max_lead_time_days;
        j["annual_budget"] = {{"amount", i.annual_budget.amount}, {"currency", i.annual_budget.currency}};
        j["status"] = i.status;
        j["status_reason"] = i.status_reason;
        j["lead_sharing"] = i.lead_sharing;
        j["owner_user_id"] = i.owner_user_id ? nlohmann::json(*i.owner_user_id) : nlohmann::json(nullptr);
    }
    return j;
}

nlohmann::json importer_public_json(const Importer& i) {
    return {{"id", i.id},
            {"fair_id", i.fair_id},
            {"name", i.name},
            {"country", i.country},
            {"buyer_type", i.buyer_type},
            {"categories", i.categories},
            {"required_certifications", i.required_certifications},
            {"price_tier", i.price_tier},
            {"languages", i.languages},
            {"created_at", i.created_at},
            {"updated_at", i.updated_at}};
}

void read_importer(const nlohmann::json& body, Importer& i, bool creating, const ReferenceData& ref) {
    FieldReader r(body,
                  {"fair_id", "name", "country", "buyer_type", "categories", "required_certifications", "price_tier",
                   "order_quantity", "max_lead_time_days", "annual_budget", "languages", "lead_sharing"},
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
    if (body.contains("lead_sharing")) {
        if (!body["lead_sharing"].is_boolean()) r.add_error("lead_sharing", "not_a_boolean", "Must be true or false.");
        else i.lead_sharing = body["lead_sharing"].get<bool>();
    }
    r.finish();
}

static void require_fair(store::Connection& db, Id fair_id) {
    if (!store::FairRepository(db).exists(fair_id))
        throw http::validation_failed({{"fair_id", "not_found", "No fair with this id."}});
}

static bool insider(Context& c, const Importer& i) {
    if (!c.who.signed_in()) return false;
    if (i.owner_user_id && *i.owner_user_id == c.who.user_id) return true;
    return organizes(c, i.fair_id);
}

void add_importer_routes(http::Router& r) {
    r.add({"GET", "/api/v1/importers", "importers.list", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               auto page = parse_page(c.req);
               store::ImporterFilter f;
               f.fair = query_id(c.req, "fair");
               if (auto p = c.req.query_param("country")) f.country = std::string(*p);
               f.status = "approved";
               return list_response(store::ImporterRepository(c.db()).list(f, page), page,
                                    [&](const Importer& i) { return importer_to_json(i, insider(c, i)); });
           },
           "List approved importers (signed-in users; filters: fair, country)"});
    r.add({"GET", "/api/v1/importers/{id}", "importers.get", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               auto i = store::ImporterRepository(c.db()).find(path_id(c.req, "id"));
               if (!i) throw http::not_found("No such importer.");
               bool in = insider(c, *i);
               if (i->status != "approved" && !in) throw http::not_found("No such importer.");
               return json_response(200, importer_to_json(*i, in));
           },
           "Get an importer profile (private fields for itself and the fair's organizers)"});
    r.add({"POST", "/api/v1/importers", "importers.create", http::DbMode::write,
           http::access::role({"importer", "organizer"}),
           [](Context& c) {
               Importer i;
               read_importer(parse_json_object(c.req), i, true, c.app.reference());
               store::Transaction tx(c.db());
               require_fair(c.db(), i.fair_id);
               bool by_organizer = c.who.is("organizer");
               if (by_organizer) {
                   require_fair_organizer(c, i.fair_id);
                   i.status = "approved";
               } else {
                   i.owner_user_id = c.who.user_id;
                   i.status = "pending";
               }
               store::ImporterRepository repo(c.db());
               Id id;
               try {
                   id = repo.insert(i);
               } catch (const store::Error& err) {
                   if (err.is_unique_violation())
                       throw http::conflict("You already have an importer profile in this fair.");
                   throw;
               }
               auto created = repo.find(id);
               if (by_organizer) audit(c, i.fair_id, "importer.create", "importer", id, nullptr, importer_to_json(*created, true));
               tx.commit();
               auto res = json_response(201, importer_to_json(*created, true));
               res.set_header("location", "/api/v1/importers/" + std::to_string(id));
               return res;
           },
           "Create an importer profile (an importer applies for itself; an organizer adds one to its fair)"});
    r.add({"PATCH", "/api/v1/importers/{id}", "importers.update", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::importer, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::ImporterRepository repo(c.db());
               auto i = repo.find(id);
               if (!i) throw http::not_found("No such importer.");
               auto before = importer_to_json(*i, true);
               auto fair_before = i->fair_id;
               read_importer(body, *i, false, c.app.reference());
               if (i->fair_id != fair_before)
                   throw http::validation_failed({{"fair_id", "immutable", "A profile cannot move to another fair."}});
               repo.update(*i);
               auto updated = repo.find(id);
               bool is_owner = i->owner_user_id && *i->owner_user_id == c.who.user_id;
               if (!is_owner) audit(c, i->fair_id, "importer.update", "importer", id, before, importer_to_json(*updated, true));
               tx.commit();
               return json_response(200, importer_to_json(*updated, true));
           },
           "Update some fields of an importer profile (its owner or an organizer of its fair)"});
    r.add({"DELETE", "/api/v1/importers/{id}", "importers.delete", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::importer, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               store::Transaction tx(c.db());
               store::ImporterRepository repo(c.db());
               auto i = repo.find(id);
               if (!i) throw http::not_found("No such importer.");
               repo.remove(id);
               bool is_owner = i->owner_user_id && *i->owner_user_id == c.who.user_id;
               if (!is_owner) audit(c, i->fair_id, "importer.delete", "importer", id, importer_to_json(*i, true), nullptr);
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Delete an importer profile"});
}

}  // namespace fairmatch::server::api
