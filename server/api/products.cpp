// Products of an exhibitor: /api/v1/exhibitors/{id}/products and
// /api/v1/products[/{id}].
#include <filesystem>

#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/product_repository.hpp"
#include "server/store/search_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

nlohmann::json photo_to_json(const Photo& p) {
    return {{"id", p.id},
            {"url", "/api/v1/photos/" + std::to_string(p.id)},
            {"content_type", p.content_type},
            {"size", p.size},
            {"created_at", p.created_at}};
}

nlohmann::json product_to_json(const Product& p) {
    nlohmann::json photos = nlohmann::json::array();
    for (const auto& ph : p.photos) photos.push_back(photo_to_json(ph));
    return {{"id", p.id},
            {"exhibitor_id", p.exhibitor_id},
            {"name_vi", p.name_vi},
            {"name_en", p.name_en},
            {"description_vi", p.description_vi},
            {"description_en", p.description_en},
            {"category", p.category},
            {"hs_code", p.hs_code},
            {"materials", p.materials},
            {"fob_price_min", p.fob_price_min},
            {"fob_price_max", p.fob_price_max},
            {"currency", p.currency},
            {"moq", p.moq},
            {"village", p.village},
            {"artisan", p.artisan},
            {"photos", std::move(photos)},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
}

static void read_product(const nlohmann::json& body, Product& p, bool creating, const ReferenceData& ref) {
    FieldReader r(body,
                  {"name_vi", "name_en", "description_vi", "description_en", "category", "materials", "fob_price_min",
                   "fob_price_max", "currency", "moq", "village", "artisan"},
                  creating);
    r.text("name_vi", p.name_vi, {1, 200}, true);
    r.text("name_en", p.name_en, {0, 200}, false);
    r.text("description_vi", p.description_vi, {0, 4000, true}, false);
    r.text("description_en", p.description_en, {0, 4000, true}, false);
    r.code("category", p.category, [&](std::string_view c) { return ref.is_category(c); }, "category", true);
    r.text_list("materials", p.materials, 30, 60, false);
    constexpr std::int64_t kMaxPrice = 100'000'000'000;  // minor units
    r.integer("fob_price_min", p.fob_price_min, 0, kMaxPrice, true);
    r.integer("fob_price_max", p.fob_price_max, 0, kMaxPrice, true);
    r.code("currency", p.currency, [](std::string_view c) { return is_currency_code(c); }, "ISO 4217 currency", false);
    r.integer("moq", p.moq, 0, 10'000'000, false);
    r.text("village", p.village, {0, 120}, false);
    r.text("artisan", p.artisan, {0, 120}, false);
    if (r.errors().empty() && p.fob_price_max < p.fob_price_min)
        r.add_error("fob_price_max", "below_minimum", "Must not be below fob_price_min.");
    r.finish();
}

// A product with its maker's company name, as lists show it.
static nlohmann::json with_name(store::ProductRepository& repo, const Product& p) {
    auto j = product_to_json(p);
    j["exhibitor_name"] = repo.exhibitor_name(p.exhibitor_id).value_or("");
    return j;
}

static http::Response with_exhibitor_name(store::ProductRepository& repo, const Product& p, int status) {
    auto j = product_to_json(p);
    j["exhibitor_name"] = repo.exhibitor_name(p.exhibitor_id).value_or("");
    return json_response(status, j);
}

void add_product_routes(http::Router& r) {
    r.add({"GET", "/api/v1/exhibitors/{id}/products", "products.list_of_exhibitor", http::DbMode::read,
           http::access::public_(),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               auto page = parse_page(c.req);
               if (!store::ExhibitorRepository(c.db()).find(id)) throw http::not_found("No such exhibitor.");
               store::ProductFilter f;
               f.exhibitor = id;
               store::ProductRepository repo(c.db());
               return list_response(repo.list(f, page), page,
                                    [&](const Product& p) { return with_name(repo, p); });
           },
           "List an exhibitor's products"});
    r.add({"GET", "/api/v1/products", "products.list", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto page = parse_page(c.req);
               if (auto text = c.req.query_param("q"); text && !text->empty()) {
                   if (utf8_length(*text) < 0 || text->size() > 200)
                       throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                                           {{"q", "invalid", "At most 200 characters of UTF-8 text."}}};
                   store::ProductRepository repo(c.db());
                   auto hits = store::SearchRepository(c.db()).search_products(std::string(*text), query_id(c.req, "fair"), page);
                   nlohmann::json items = nlohmann::json::array();
                   for (auto id : hits.ids)
                       if (auto p = repo.find(id)) items.push_back(with_name(repo, *p));
                   return json_response(200, {{"items", items}, {"total", hits.total}, {"limit", page.limit},
                                              {"offset", page.offset}});
               }
               store::ProductFilter f;
               f.fair = query_id(c.req, "fair");
               f.exhibitor = query_id(c.req, "exhibitor");
               if (auto cat = c.req.query_param("category")) f.category = std::string(*cat);
               store::ProductRepository repo(c.db());
               return list_response(repo.list(f, page), page, [&](const Product& p) { return with_name(repo, p); });
           },
           "List products (filters: fair, exhibitor, category; q: full-text search)"});
    r.add({"GET", "/api/v1/products/{id}", "products.get", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               store::ProductRepository repo(c.db());
               auto p = repo.find(path_id(c.req, "id"));
               if (!p) throw http::not_found("No such product.");
               return with_exhibitor_name(repo, *p, 200);
           },
           "Get a product with its photos and exhibitor name"});
    r.add({"POST", "/api/v1/exhibitors/{id}/products", "products.create", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::exhibitor, "id"),
           [](Context& c) {
               auto exhibitor_id = path_id(c.req, "id");
               Product p;
               read_product(parse_json_object(c.req), p, true, c.app.reference());
               p.exhibitor_id = exhibitor_id;
               store::Transaction tx(c.db());
               if (!store::ExhibitorRepository(c.db()).find(exhibitor_id)) throw http::not_found("No such exhibitor.");
               store::ProductRepository repo(c.db());
               auto id = repo.insert(p);
               auto created = repo.find(id);
               tx.commit();
               auto res = with_exhibitor_name(repo, *created, 201);
               res.set_header("location", "/api/v1/products/" + std::to_string(id));
               return res;
           },
           "Add a product to an exhibitor's catalogue"});
    r.add({"PATCH", "/api/v1/products/{id}", "products.update", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::product, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::ProductRepository repo(c.db());
               auto p = repo.find(id);
               if (!p) throw http::not_found("No such product.");
               read_product(body, *p, false, c.app.reference());
               repo.update(*p);
               auto updated = repo.find(id);
               tx.commit();
               return with_exhibitor_name(repo, *updated, 200);
           },
           "Update some fields of a product"});
    r.add({"DELETE", "/api/v1/products/{id}", "products.delete", http::DbMode::write,
           http::access::owner_or_fair_organizer(http::Resource::product, "id"),
           [](Context& c) {
               auto id = path_id(c.req, "id");
               store::Transaction tx(c.db());
               store::ProductRepository repo(c.db());
               auto files = repo.photo_files_of_product(id);
               if (!repo.remove(id)) throw http::not_found("No such product.");
               tx.commit();
               for (const auto& f : files) {
                   std::error_code ec;
                   std::filesystem::remove(c.app.photo_dir() + "/" + f, ec);
               }
               http::Response res;
               res.status = 204;
               return res;
           },
           "Delete a product and its photos"});
}

}  // namespace fairmatch::server::api
