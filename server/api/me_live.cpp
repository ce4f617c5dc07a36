// A participant's own live feed (a WebSocket, like the organizers' feed:
// the handler admits the connection and gives its first message; net/ does
// the rest): schedule_changed, meeting_cancelled, next_meeting,
// no_show_recorded, each stored so that ?last_event_id=N resumes after N.
// Also the participant's own report of a late arrival, which repairs the
// schedule like an organizer's.
#include <charconv>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/live_upgrade.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/routes.hpp"
#include "server/api/schedule_change_apply.hpp"
#include "server/api/validation.hpp"
#include "server/live/personal.hpp"
#include "server/store/live_repository.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/notification_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

// The caller's approved profile in the fair, or 403.
store::Participant approved_participant(Context& c, Id fair) {
    auto p = store::MeetingRepository(c.db()).participant_of(c.who.user_id, fair, my_side(c));
    if (!p || p->status != "approved")
        throw http::Problem{403, "not-participant", "Not a participant",
                            "Only approved participants of this fair receive its live notifications.", {}};
    return *p;
}

// An id to resume after: a number, 0 or more (0: everything stored for me); nullopt when absent.
std::optional<Id> after_param(Context& c, const char* name) {
    auto text = c.req.query_param(name);
    if (!text || text->empty()) return std::nullopt;
    Id n = -1;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc() || end != text->data() + text->size() || n < 0)
        throw http::Problem{400, "invalid-query", "Invalid query parameters", "", {{name, "invalid", "A number, 0 or more."}}};
    return n;
}

}  // namespace

void add_me_live_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/me/live", "live.mine", http::DbMode::read,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               check_live_upgrade(c);
               auto me = approved_participant(c, fair);
               std::string kind(store::to_string(me.side));
               nlohmann::json participant = {{"kind", kind}, {"id", me.id}};
               if (auto n = after_param(c, "last_event_id"))
                   return json_response(200, {{"type", "resume"}, {"fair_id", fair}, {"participant", participant},
                                              {"last_event_id", *n}});
               auto holder = store::LiveRepository(c.db()).profile(kind, me.id);
               participant["name"] = holder ? holder->name : "";
               return json_response(200, {{"type", "snapshot"},
                                          {"fair_id", fair},
                                          {"participant", participant},
                                          {"last_event_id", store::NotificationRepository(c.db()).last_id(fair, kind, me.id)}});
           },
           "My own live notifications in a fair (WebSocket; approved participants): schedule_changed, "
           "meeting_cancelled, next_meeting, no_show_recorded; ?last_event_id=N resumes after N"});

    r.add({"GET", "/api/v1/fairs/{fair}/me/notifications", "notifications.mine", http::DbMode::read,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto after = after_param(c, "after").value_or(0);
               nlohmann::json items = nlohmann::json::array();
               auto me = store::MeetingRepository(c.db()).participant_of(c.who.user_id, fair, my_side(c));
               if (!me) return json_response(200, {{"items", items}});  // nothing for a non-participant
               std::string kind(store::to_string(me->side));
               for (const auto& n : store::NotificationRepository(c.db()).after(fair, kind, me->id, after, 200))
                   items.push_back(nlohmann::json::parse(live::notification_text(n.id, n.fair_id, n.type, n.payload, n.created_at)));
               return json_response(200, {{"items", items}});
           },
           "My stored live notifications in a fair, oldest first (?after=N: those after id N; at most 200)"});

    r.add({"POST", "/api/v1/fairs/{fair}/me/late-arrival", "late_arrival.create", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"arrives_at"}, true);
               std::optional<std::int64_t> arrives;
               if (auto it = body.find("arrives_at"); it == body.end())
                   f.add_error("arrives_at", "required", "This field is required.");
               else if (it->is_string())
                   arrives = meetings::parse_instant(it->get<std::string>());
               if (body.contains("arrives_at") && !arrives)
                   f.add_error("arrives_at", "invalid_time", "Must be an ISO 8601 time with its offset.");
               f.finish();
               auto now = store::unix_now();
               if (*arrives <= now)
                   throw http::validation_failed({{"arrives_at", "in_past", "Must be later than now."}});
               store::Transaction tx(c.db());
               auto me = approved_participant(c, fair);
               ScheduleChangeRequest change;
               change.kind = "late_arrival";
               change.side = me.side;
               change.participant = me.id;
               change.arrives = arrives;
               change.reason = "Reported by the participant.";
               auto out = apply_schedule_change(c, fair, change, now, "late_arrival");
               audit(c, fair, "schedule.late_arrival", std::string(store::to_string(me.side)), me.id, nullptr,
                     {{"arrives_at", meetings::iso_utc(*arrives)}, {"changed", out["changes"].size()}});
               tx.commit();
               return json_response(200, out);
           },
           "Report that I arrive late: my meetings before then move (or are dropped), everyone concerned is told"});
}

}  // namespace fairmatch::server::api
