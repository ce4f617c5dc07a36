// /api/v1/fairs: create, update, list, get (with participant counts).
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/api/access_helpers.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/fair_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

nlohmann::json fair_to_json(const Fair& f) {
    return {{"id", f.id},           {"name_vi", f.name_vi},       {"name_en", f.name_en},
            {"venue", f.venue},     {"city", f.city},             {"time_zone", f.time_zone},
            {"start_date", f.start_date}, {"end_date", f.end_date}, {"status", f.status},
            {"created_at", f.created_at}, {"updated_at", f.updated_at}};
}

static bool is_time_zone(std::string_view tz) {
    // IANA names as Area/Location; the fair's zone is Asia/Ho_Chi_Minh.
    if (tz == "UTC") return true;
    auto slash = tz.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= tz.size() || tz.size() > 64) return false;
    for (char c : tz)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+')) return false;
    return true;
}

static void read_fair(const nlohmann::json& body, Fair& f, bool creating) {
    FieldReader r(body, {"name_vi", "name_en", "venue", "city", "time_zone", "start_date", "end_date", "status"},
                  creating);
    r.text("name_vi", f.name_vi, {1, 200}, true);
    r.text("name_en", f.name_en, {1, 200}, true);
    r.text("venue", f.venue, {1, 200}, true);
    r.text("city", f.city, {1, 100}, true);
    if (r.present("time_zone")) {
        std::string tz;
        r.text("time_zone", tz, {1, 64}, false);
        if (!tz.empty() && !is_time_zone(tz)) r.add_error("time_zone", "unknown_code", "Must be an IANA time zone name.");
        else if (!tz.empty()) f.time_zone = tz;
    }
    r.date("start_date", f.start_date, true);
    r.date("end_date", f.end_date, true);
    r.one_of("status", f.status, fair_statuses(), false);
    if (r.errors().empty() && f.end_date < f.start_date)
        r.add_error("end_date", "before_start", "Must not be before start_date.");
    r.finish();
}

void add_fair_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs", "fairs.list", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto page = parse_page(c.req);
               return list_response(store::FairRepository(c.db()).list(page), page, fair_to_json);
           },
           "List fairs"});
    r.add({"GET", "/api/v1/fairs/{fair}", "fairs.get", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               store::FairRepository repo(c.db());
               auto f = repo.find(path_id(c.req, "fair"));
               if (!f) throw http::not_found("No such fair.");
               auto j = fair_to_json(*f);
               auto counts = repo.counts(f->id);
               j["counts"] = {{"exhibitors", counts.exhibitors}, {"importers", counts.importers},
                              {"products", counts.products}};
               return json_response(200, j);
           },
           "Get a fair with its participant counts"});
    r.add({"POST", "/api/v1/fairs", "fairs.create", http::DbMode::write, http::access::role({"organizer"}),
           [](Context& c) {
               Fair f;
               read_fair(parse_json_object(c.req), f, true);
               store::Transaction tx(c.db());
               store::FairRepository repo(c.db());
               auto id = repo.insert(f);
               store::AccessRepository(c.db()).add_fair_organizer(id, c.who.user_id);
               auto created = repo.find(id);
               audit(c, id, "fair.create", "fair", id, nullptr, fair_to_json(*created));
               tx.commit();
               auto res = json_response(201, fair_to_json(*created));
               res.set_header("location", "/api/v1/fairs/" + std::to_string(id));
               return res;
           },
           "Create a fair (organizers; the creator becomes its organizer)"});
    r.add({"PATCH", "/api/v1/fairs/{fair}", "fairs.update", http::DbMode::write, http::access::fair_organizer("fair"),
           [](Context& c) {
               auto id = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               store::FairRepository repo(c.db());
               auto f = repo.find(id);
               if (!f) throw http::not_found("No such fair.");
               auto before = fair_to_json(*f);
               read_fair(body, *f, false);
               repo.update(*f);
               auto updated = repo.find(id);
               audit(c, id, "fair.update", "fair", id, before, fair_to_json(*updated));
               tx.commit();
               return json_response(200, fair_to_json(*updated));
           },
           "Update some fields of a fair"});
}

}  // namespace fairmatch::server::api
