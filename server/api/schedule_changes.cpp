// Live repair of the published schedule during the fair: the organizer
// records a change (a cancelled meeting, a participant absent for a time, a
// late arrival) and matching::repair_schedule moves as few future meetings
// as possible. The past and the meeting under way never change; every moved
// meeting keeps its UID and gets a higher SEQUENCE; the answer lists exactly
// which meetings changed and who is affected.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/routes.hpp"
#include "server/api/schedule_change_apply.hpp"
#include "server/api/validation.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

void add_schedule_change_routes(http::Router& r) {
    r.add({"POST", "/api/v1/fairs/{fair}/schedule-changes", "schedule_changes.create", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"kind", "meeting_id", "participant", "from", "until", "arrives_at", "reason"}, true);
               std::string kind, reason;
               f.one_of("kind", kind, {"cancellation", "absence", "late_arrival"}, true);
               f.text("reason", reason, {0, 500, false}, false);
               Id meeting_id = 0;
               struct {
                   store::Side side = store::Side::importer;
                   Id id = 0;
               } who;
               std::optional<std::int64_t> from, until, arrives;
               auto instant = [&](const char* name, std::optional<std::int64_t>& out, bool required) {
                   auto it = body.find(name);
                   if (it == body.end()) {
                       if (required) f.add_error(name, "required", "This field is required.");
                       return;
                   }
                   if (it->is_string()) out = meetings::parse_instant(it->get<std::string>());
                   if (!out) f.add_error(name, "invalid_time", "Must be an ISO 8601 time with its offset.");
               };
               if (kind == "cancellation") {
                   f.id("meeting_id", meeting_id, true);
               } else if (kind == "absence" || kind == "late_arrival") {
                   auto it = body.find("participant");
                   if (it == body.end() || !it->is_object()) {
                       f.add_error("participant", "required", "Give {\"kind\": \"importer\"|\"exhibitor\", \"id\": N}.");
                   } else {
                       FieldReader pr(*it, {"kind", "id"}, true);
                       std::string side;
                       pr.one_of("kind", side, {"importer", "exhibitor"}, true);
                       pr.id("id", who.id, true);
                       who.side = side == "exhibitor" ? store::Side::exhibitor : store::Side::importer;
                       for (const auto& e : pr.errors()) f.add_error("participant." + e.field, e.code, e.message);
                   }
                   if (kind == "absence") {
                       instant("from", from, true);
                       instant("until", until, false);
                       if (from && until && *until <= *from)
                           f.add_error("until", "before_start", "Must come after `from`.");
                   } else {
                       instant("arrives_at", arrives, true);
                   }
               }
               f.finish();

               auto now = store::unix_now();
               store::Transaction tx(c.db());
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               ScheduleChangeRequest change{kind, meeting_id, who.side, who.id, from, until, arrives, reason};
               auto out = apply_schedule_change(c, fair.id, change, now, kind);
               auto changes = out["changes"];
               audit(c, fair.id, "schedule.change", "fair", fair.id, nullptr,
                     {{"kind", kind}, {"body", body}, {"changed", changes.size()}});
               tx.commit();
               return json_response(200, out);
           },
           "Record a change during the fair (cancellation, absence, late arrival) and repair the published "
           "schedule: only future meetings of the people concerned move; lists every change and who is affected"});
}

}  // namespace fairmatch::server::api
