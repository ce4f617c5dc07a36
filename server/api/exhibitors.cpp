// /api/v1/exhibitors: exhibitor company profiles.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "server/api/context.hpp"
#include "server/http/json_writer.hpp"
#include "server/api/profiles.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/api/access_helpers.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/search_repository.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/product_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

// The one rendering of an exhibitor, written straight to text for the hot
// read paths; `insider` adds the participation status.
void write_exhibitor(http::JsonWriter& w, const Exhibitor& e, bool insider) {
    w.begin_object()
        .field("id", e.id)
        .field("fair_id", e.fair_id)
        .field("name", e.name)
        .field("name_en", e.name_en)
        .field("tax_code", e.tax_code)
        .field("province", e.province)
        .field("craft_village", e.craft_village)
        .field("description_vi", e.description_vi)
        .field("description_en", e.description_en)
        .field("categories", e.categories)
        .field("materials", e.materials)
        .field("certifications", e.certifications)
        .field("moq", e.moq)
        .field("monthly_capacity", e.monthly_capacity)
        .field("lead_time_days", e.lead_time_days)
        .field("price_tier", e.price_tier)
        .field("export_markets", e.export_markets)
        .field("languages", e.languages)
        .field("website", e.website);
    w.key("booth");
    if (e.booth) w.value(*e.booth); else w.null();
    w.field("created_at", e.created_at).field("updated_at", e.updated_at);
    if (insider) {
        w.field("status", e.status).field("status_reason", e.status_reason);
        w.key("owner_user_id");
        if (e.owner_user_id) w.value(*e.owner_user_id); else w.null();
    }
    w.end_object();
}

nlohmann::json exhibitor_to_json(const Exhibitor& e, bool insider) {
    http::JsonWriter w;
    write_exhibitor(w, e, insider);
    return nlohmann::json::parse(w.take());
}

// Vietnamese enterprise tax code (MST): 10 digits, or 10 digits, '-' and 3
// digits for a branch.
static bool is_tax_code(std::string_view s) {
    auto digits = [](std::string_view d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() == 10) return digits(s);
    if (s.size() == 14 && s[10] == '-') return digits(s.substr(0, 10)) && digits(s.substr(11));
    return false;
}

void read_exhibitor(const nlohmann::json& body, Exhibitor& e, bool creating, const ReferenceData& ref) {
    FieldReader r(body,
                  {"fair_id", "name", "name_en", "tax_code", "province", "craft_village", "description_vi",
                   "description_en", "categories", "materials", "certifications", "moq", "monthly_capacity",
                   "lead_time_days", "price_tier", "export_markets", "languages", "website"},
                  creating);
    r.id("fair_id", e.fair_id, true);
    r.text("name", e.name, {1, 200}, true);
    r.text("name_en", e.name_en, {0, 200}, false);
    if (r.present("tax_code")) {
        std::string tc;
        r.text("tax_code", tc, {1, 14}, false);
        if (!tc.empty() && !is_tax_code(tc))
            r.add_error("tax_code", "invalid_tax_code", "Must be a Vietnamese tax code: 10 digits, or 10-3 digits.");
        else if (!tc.empty()) e.tax_code = tc;
    } else if (creating) {
        r.add_error("tax_code", "required", "This field is required.");
    }
    r.code("province", e.province, [&](std::string_view c) { return ref.is_province(c); }, "province", true);
    r.text("craft_village", e.craft_village, {0, 120}, false);
    r.text("description_vi", e.description_vi, {0, 4000, true}, false);
    r.text("description_en", e.description_en, {0, 4000, true}, false);
    r.code_list("categories", e.categories, [&](std::string_view c) { return ref.is_category(c); }, "category", 1,
                20, true);
    r.text_list("materials", e.materials, 30, 60, false);
    r.code_list("certifications", e.certifications, [&](std::string_view c) { return ref.is_certification(c); },
                "certification", 0, 20, false);
    r.integer("moq", e.moq, 0, 10'000'000, false);
    r.integer("monthly_capacity", e.monthly_capacity, 0, 100'000'000, false);
    r.integer("lead_time_days", e.lead_time_days, 0, 730, false);
    r.one_of("price_tier", e.price_tier, price_tiers(), true);
    r.code_list("export_markets", e.export_markets, [&](std::string_view c) { return ref.is_country(c); }, "country",
                0, 250, false);
    r.code_list("languages", e.languages, [](std::string_view c) { return is_language_code(c); }, "ISO 639-1 language",
                0, 20, false);
    r.url("website", e.website, false);
    r.finish();
}

static void require_fair(store::Connection& db, Id fair_id) {
    if (!store::FairRepository(db).exists(fair_id))
        throw http::validation_failed({{"fair_id", "not_found", "No fair with this id."}});
}

// The search and filter parameters of the exhibitor list; throws 400 with
// the offending parameters.
static store::ExhibitorSearch read_search(Context& c) {
    const auto& ref = c.app.reference();
    store::ExhibitorSearch q;
    std::vector<http::FieldError> errors;
    auto param = [&](std::string_view name) -> std::optional<std::string> {
        auto v = c.req.query_param(name);
        if (!v || v->empty()) return std::nullopt;
        return std::string(*v);
    };
    if (auto t = param("q")) {
        if (utf8_length(*t) < 0 || t->size() > 200) errors.push_back({"q", "invalid", "At most 200 characters of UTF-8 text."});
        else q.text = *t;
    }
    q.fair = query_id(c.req, "fair");
    if (auto v = param("category")) {
        bool hs = v->size() >= 4 && v->size() <= 6 && std::all_of(v->begin(), v->end(), ::isdigit);
        if (!hs && !ref.is_category(*v)) errors.push_back({"category", "unknown_code", "Must be a category code or an HS code."});
        q.category = v;
    }
    if (auto v = param("province")) {
        if (!ref.is_province(*v)) errors.push_back({"province", "unknown_code", "Must be a known province code."});
        q.province = v;
    }
    if (auto v = param("village")) q.village = v;
    if (auto v = param("certification")) {
        if (!ref.is_certification(*v)) errors.push_back({"certification", "unknown_code", "Must be a known certification code."});
        q.certification = v;
    }
    if (auto v = param("moq_max")) {
        char* end = nullptr;
        long long x = std::strtoll(v->c_str(), &end, 10);
        if (*end != '\0' || x < 0) errors.push_back({"moq_max", "not_an_integer", "Must be a non-negative integer."});
        q.moq_max = x;
    }
    if (auto v = param("price_tier")) {
        if (std::find(price_tiers().begin(), price_tiers().end(), *v) == price_tiers().end())
            errors.push_back({"price_tier", "not_allowed", "Must be one of: budget, mid, premium, luxury."});
        q.price_tier = v;
    }
    if (auto v = param("language")) {
        if (!is_language_code(*v)) errors.push_back({"language", "unknown_code", "Must be an ISO 639-1 code."});
        q.language = v;
    }
    if (auto v = param("market")) {
        if (!ref.is_country(*v)) errors.push_back({"market", "unknown_code", "Must be an ISO 3166-1 alpha-2 code."});
        q.market = v;
    }
    if (auto v = param("sort")) {
        if (*v != "relevance" && *v != "name") errors.push_back({"sort", "not_allowed", "Must be relevance or name."});
        q.sort_by_name = *v == "name";
    }
    if (auto v = param("facets")) q.facets = *v == "true" || *v == "1";
    if (!errors.empty()) throw http::Problem{400, "invalid-query", "Invalid query parameters", "", std::move(errors)};
    return q;
}

// The owner and the fair's organizers see the participation status; a
// profile not yet approved is visible to them only.
static bool sees_participation(Context& c, const Exhibitor& e) {
    if (!c.who.signed_in()) return false;
    if (e.owner_user_id && *e.owner_user_id == c.who.user_id) return true;
    return c.who.is("organizer") && store::AccessRepository(c.db()).is_fair_organizer(e.fair_id, c.who.user_id);
}

void add_exhibitor_routes(http::Router& r) {
    r.add({"GET", "/api/v1/exhibitors", "exhibitors.list", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto page = parse_page(c.req);
               auto q = read_search(c);
               store::SearchRepository search(c.db());
               auto hits = search.search_exhibitors(q, page);
               store::ExhibitorRepository repo(c.db());
               http::JsonWriter w;
               w.begin_object().key("items").begin_array();
               for (auto id : hits.ids)
                   if (auto e = repo.find(id)) write_exhibitor(w, *e, false);
               w.end_array().field("total", hits.total).field("limit", std::int64_t{page.limit});
               w.field("offset", std::int64_t{page.offset});
               if (q.facets) {
                   w.key("facets").begin_object();
                   for (const auto& [facet, counts] : hits.facets) {
                       w.key(facet).begin_object();
                       for (const auto& [value, n] : counts) w.field(value, n);
                       w.end_object();
                   }
                   w.end_object();
               }
               w.end_object();
               http::Response res;
               res.content_type = "application/json";
               res.body = w.take();
               return res;
           },
           "Search and list approved exhibitors: q (Vietnamese or English, accents optional, prefix as you type), "
           "fair, category (code or HS code), province, village, certification, moq_max, price_tier, language, "
           "market, sort=relevance|name, facets=true"});
    r.add({"GET", "/api/v1/exhibitors/{id}", "exhibitors.get", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto e = store::ExhibitorRepository(c.db()).find(path_id(c.req, "id"));
               if (!e) throw http::not_found("No such exhibitor.");
               bool insider = sees_participation(c, *e);
               if (e->status != "approved" && !insider) throw http::not_found("No such exhibitor.");
               http::JsonWriter w;
               write_exhibitor(w, *e, insider);
               http::Response res;
               res.content_type = "application/json";
               res.body = w.take();
               return res;
           },
           "Get an exhibitor profile"});
    r.add({"POST", "/api/v1/exhibitors", "exhibitors.create", http::DbMode::write,
           http::access::role({"exhibitor", "organizer"}),
           [](Context& c) {
               Exhibitor e;
               read_exhibitor(parse_json_object(c.req), e, true, c.app.reference());
               store::Transaction tx(c.db());
               require_fair(c.db(), e.fair_id);
               bool by_organizer = c.who.is("organizer");
               if (by_organizer) {
                   require_fair_organizer(c, e.fair_id);
                   e.status = "approved";
               } else {
                   // A company applies for itself; an organizer decides.
                   e.owner_user_id = c.who.user_id;
                   e.status = "pending";
               }
               store::ExhibitorRepository repo(c.db());
               Id id;
               try {
                   id = repo.insert(e);
               } catch (const store::Error& err) {
                   if (err.is_unique_violation())
                       throw http::conflict("You already have an exhibitor profile in this fair.");
                   throw;
               }
               auto created = repo.find(id);
               if (by_organizer) audit(c, e.fair_id, "exhibitor.create", "exhibitor", id, nullptr, exhibitor_to_json(*created, true));
               tx.commit();
               auto res = json_response(201, exhibitor_to_json(*created, true));
               res.set_header("location", "/api/v1/exhibitors/" + std::to_string(id));
               return res;
           },
           "Create an exhibitor profile (an exhibitor applies for itself; an organizer adds one to its fair)"});
    r.add({"PATCH", "/api/v1/exhibitors/{id}", "exhibitors.update", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::exhibitor, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::ExhibitorRepository repo(c.db());
               auto e = repo.find(id);
               if (!e) throw http::not_found("No such exhibitor.");
               auto before = exhibitor_to_json(*e, true);
               auto fair_before = e->fair_id;
               read_exhibitor(body, *e, false, c.app.reference());
               if (e->fair_id != fair_before)
                   throw http::validation_failed({{"fair_id", "immutable", "A profile cannot move to another fair."}});
               repo.update(*e);
               auto updated = repo.find(id);
               bool is_owner = e->owner_user_id && *e->owner_user_id == c.who.user_id;
               if (!is_owner) audit(c, e->fair_id, "exhibitor.update", "exhibitor", id, before, exhibitor_to_json(*updated, true));
               tx.commit();
               return json_response(200, exhibitor_to_json(*updated, true));
           },
           "Update some fields of an exhibitor profile (its owner or an organizer of its fair)"});
    r.add({"DELETE", "/api/v1/exhibitors/{id}", "exhibitors.delete", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::exhibitor, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               store::Transaction tx(c.db());
               store::ExhibitorRepository repo(c.db());
               auto e = repo.find(id);
               if (!e) throw http::not_found("No such exhibitor.");
               auto files = store::ProductRepository(c.db()).photo_files_of_exhibitor(id);
               repo.remove(id);
               bool is_owner = e->owner_user_id && *e->owner_user_id == c.who.user_id;
               if (!is_owner) audit(c, e->fair_id, "exhibitor.delete", "exhibitor", id, exhibitor_to_json(*e, true), nullptr);
               tx.commit();
               // The rows are gone for good; now the photo files can go.
               for (const auto& f : files) {
                   std::error_code ec;
                   std::filesystem::remove(c.app.photo_dir() + "/" + f, ec);
               }
               http::Response res;
               res.status = 204;
               return res;
           },
           "Delete an exhibitor with its products and photos"});
}

}  // namespace fairmatch::server::api
