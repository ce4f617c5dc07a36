// Operational endpoints: /healthz, /metrics, /api/openapi.json.
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/openapi.hpp"
#include "server/api/routes.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

void add_system_routes(http::Router& r) {
    r.add({"GET", "/healthz", "system.healthz", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               nlohmann::json db;
               int status = 200;
               try {
                   auto st = c.db().cached("SELECT 1");
                   st.step();
                   db = {{"state", "ok"},
                         {"schema_version", c.db().user_version()},
                         {"queue_depth", c.app.db_queue_depth()}};
               } catch (const std::exception&) {
                   db = {{"state", "unavailable"}};
                   status = 503;
               }
               return json_response(status, {{"status", status == 200 ? "ok" : "degraded"}, {"database", db}});
           },
           "Liveness and database state"});
    r.add({"GET", "/metrics", "system.metrics", http::DbMode::none, http::access::public_(),
           [](Context& c) {
               http::Response res;
               res.content_type = "text/plain; version=0.0.4; charset=utf-8";
               res.body = c.app.metrics().render(c.app.db_queue_depth());
               return res;
           },
           "Prometheus metrics"});
    r.add({"GET", "/api/openapi.json", "system.openapi", http::DbMode::none, http::access::public_(),
           [](Context& c) { return json_response(200, openapi_document(c.app.router())); },
           "This API's OpenAPI 3.1 description"});
}

void add_all_routes(http::Router& r) {
    add_system_routes(r);
    add_reference_routes(r);
    add_fair_routes(r);
    add_exhibitor_routes(r);
    add_importer_routes(r);
    add_product_routes(r);
    add_photo_routes(r);
    add_auth_routes(r);
    add_account_routes(r);
    add_participant_routes(r);
    add_import_routes(r);
    add_recommendation_routes(r);
    add_booth_routes(r);
    add_live_routes(r);
    add_me_live_routes(r);
    add_deal_routes(r);
    add_report_routes(r);
    add_outcome_routes(r);
    add_meeting_request_routes(r);
    add_schedule_routes(r);
    add_meeting_constraint_routes(r);
    add_calendar_routes(r);
    add_schedule_change_routes(r);
}

}  // namespace fairmatch::server::api
