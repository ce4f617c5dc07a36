// The live fair: badges, check-in at the door, and the organizers' live feed
// (a WebSocket: the handler here admits the connection through the access
// policy and gives its first message; net/ does the upgrade and the rest).
#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/live_upgrade.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/qr/qr_svg.hpp"
#include "server/meetings/grid.hpp"
#include "server/store/live_repository.hpp"
#include "server/store/notification_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

constexpr int kFairUtcOffset = 7;  // Asia/Ho_Chi_Minh, no daylight saving

nlohmann::json money_json(const store::LiveSnapshot::Money& m) {
    return {{"count", m.count}, {"usd_cents", m.usd_cents}};
}

nlohmann::json meetings_json(const store::LiveSnapshot& s) {
    nlohmann::json by_slot = nlohmann::json::object();
    for (const auto& [slot, counts] : s.meetings_by_slot) by_slot[std::to_string(slot)] = counts;
    return {{"by_slot", by_slot}, {"no_shows", s.no_shows}, {"unconfirmed", s.unconfirmed}};
}

nlohmann::json deals_json(const store::LiveSnapshot& s) {
    nlohmann::json by_category = nlohmann::json::object(), by_country = nlohmann::json::object();
    for (const auto& [k, m] : s.deals_by_category) by_category[k] = money_json(m);
    for (const auto& [k, m] : s.deals_by_country) by_country[k] = money_json(m);
    return {{"count", s.deals.count}, {"usd_cents", s.deals.usd_cents}, {"by_category", by_category},
            {"by_country", by_country}};
}

nlohmann::json meeting_row(const store::LiveMeeting& m) {
    return {{"id", m.id},
            {"slot", m.slot},
            {"start", meetings::iso_utc(m.starts_at)},
            {"end", meetings::iso_utc(m.ends_at)},
            {"location_kind", m.location_kind},
            {"location", m.location},
            {"importer", {{"id", m.importer_id}, {"name", m.importer_name}}},
            {"exhibitor", {{"id", m.exhibitor_id}, {"name", m.exhibitor_name}}},
            {"flag", "unconfirmed"}};
}

nlohmann::json snapshot_json(Id fair, const store::LiveSnapshot& s) {
    nlohmann::json by_hour = nlohmann::json::object();
    for (const auto& [h, n] : s.by_hour) by_hour[std::to_string(h)] = n;
    return {{"type", "snapshot"},
            {"fair_id", fair},
            {"last_event_id", s.last_event_id},
            {"participants", {{"exhibitors", s.exhibitors}, {"importers", s.importers}}},
            {"check_ins", {{"total", s.checked_in}, {"by_country", s.by_country}, {"by_hour", by_hour}}},
            {"meetings", meetings_json(s)},
            {"deals", deals_json(s)}};
}

http::Response badge_svg(Context& c, std::string_view kind) {
    auto p = store::LiveRepository(c.db()).profile(kind, path_id(c.req, "id"));
    if (!p) throw http::not_found();
    if (p->badge_code.empty()) throw http::not_found("No badge yet.");
    http::Response res;
    res.content_type = "image/svg+xml";
    res.body = qr::svg(p->badge_code, p->name);
    res.set_header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    res.set_header("cache-control", "private, no-store");
    return res;
}

}  // namespace

void add_live_routes(http::Router& r) {
    r.add({"POST", "/api/v1/fairs/{fair}/check-ins", "checkins.create", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"badge_code"}, true);
               std::string code;
               f.text("badge_code", code, {1, 64}, true);
               f.finish();
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::LiveRepository live(c.db());
               auto who = live.by_badge(fair, code);
               if (!who) throw http::Problem{404, "unknown-badge", "Unknown badge", "No participant of this fair has this badge.", {}};
               if (who->status != "approved")
                   throw http::Problem{409, "not-approved", "Not approved", who->name + " is not an approved participant.", {}};
               bool first = live.check_in(fair, *who, now, c.who.user_id);
               auto at = *live.checked_in_at(fair, who->kind, who->id);
               nlohmann::json participant = {{"kind", who->kind}, {"id", who->id}, {"name", who->name}, {"country", who->country}};
               if (first) {
                   emit(c, fair, "check_in",
                        {{"participant", participant}, {"country", who->country}, {"hour", ((at / 3600) + kFairUtcOffset) % 24}});
               }
               tx.commit();
               return json_response(first ? 201 : 200, {{"participant", participant}, {"checked_in_at", at}, {"first", first}});
           },
           "Check a participant in by badge code (idempotent; organizers)"});

    r.add({"GET", "/api/v1/exhibitors/{id}/badge.svg", "badges.exhibitor", http::DbMode::read,
           http::access::owner_or_fair_organizer(http::Resource::exhibitor, "id"),
           [](Context& c) { return badge_svg(c, "exhibitor"); }, "An exhibitor's badge QR code (itself or its fair's organizers)"});
    r.add({"GET", "/api/v1/importers/{id}/badge.svg", "badges.importer", http::DbMode::read,
           http::access::owner_or_fair_organizer(http::Resource::importer, "id"),
           [](Context& c) { return badge_svg(c, "importer"); }, "An importer's badge QR code (itself or its fair's organizers)"});

    r.add({"GET", "/api/v1/fairs/{fair}/live-settings", "live_settings.get", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               return json_response(200, {{"fair_id", fair},
                                          {"unconfirmed_after_minutes",
                                           store::NotificationRepository(c.db()).unconfirmed_after_minutes(fair)}});
           },
           "The fair's live settings: minutes after a meeting's end before it is flagged unconfirmed (organizers)"});
    r.add({"PUT", "/api/v1/fairs/{fair}/live-settings", "live_settings.update", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"unconfirmed_after_minutes"}, true);
               std::int64_t minutes = 30;
               f.integer("unconfirmed_after_minutes", minutes, 0, 1440, true);
               f.finish();
               store::Transaction tx(c.db());
               store::NotificationRepository repo(c.db());
               auto before = repo.unconfirmed_after_minutes(fair);
               repo.set_unconfirmed_after_minutes(fair, static_cast<int>(minutes));
               audit(c, fair, "live_settings.update", "fair", fair, {{"unconfirmed_after_minutes", before}},
                     {{"unconfirmed_after_minutes", minutes}});
               tx.commit();
               return json_response(200, {{"fair_id", fair}, {"unconfirmed_after_minutes", minutes}});
           },
           "Set the grace period after which a meeting without an outcome is flagged unconfirmed (organizers)"});
    r.add({"GET", "/api/v1/fairs/{fair}/unconfirmed-meetings", "meetings.unconfirmed", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& m : store::NotificationRepository(c.db()).unconfirmed(path_id(c.req, "fair")))
                   items.push_back(meeting_row(m));
               return json_response(200, {{"items", items}});
           },
           "Meetings flagged unconfirmed: no outcome a grace period after their end (organizers)"});

    r.add({"GET", "/api/v1/fairs/{fair}/live", "live.feed", http::DbMode::read, http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               check_live_upgrade(c);
               store::LiveRepository live(c.db());
               if (auto after = c.req.query_param("last_event_id"); after && !after->empty()) {
                   auto n = query_id(c.req, "last_event_id");
                   return json_response(200, {{"type", "resume"}, {"fair_id", fair}, {"last_event_id", n.value_or(0)}});
               }
               // One read transaction: the counts and last_event_id describe the same moment.
               store::Transaction tx(c.db(), store::TxKind::deferred);
               auto snapshot = live.snapshot(fair, kFairUtcOffset);
               tx.commit();
               return json_response(200, snapshot_json(fair, snapshot));
           },
           "The organizers' live feed (WebSocket): a snapshot, then events; ?last_event_id=N resumes after N"});
}

}  // namespace fairmatch::server::api
