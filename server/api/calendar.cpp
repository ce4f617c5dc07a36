// Calendar subscriptions: each participant's published meetings as an
// RFC 5545 feed at a secret URL (/calendar/{token}.ics). The token is shown
// once; only its hash is stored; creating a new link revokes the old one.
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/auth/crypto.hpp"
#include "server/calendar/ics.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::server::api {

namespace {

constexpr std::string_view kSuffix = ".ics";

std::string country_name(const ReferenceData& ref, const std::string& code, bool vi) {
    for (const auto& c : ref.countries)
        if (c.code == code) return vi ? c.name_vi : c.name_en;
    return code;
}

calendar::Event event_of(const store::Meeting& m, Id user, bool vi, const ReferenceData& ref) {
    bool importer_view = m.importer_owner && *m.importer_owner == user;
    std::string company, where;
    if (importer_view) {
        company = !vi && !m.exhibitor_name_en.empty() ? m.exhibitor_name_en : m.exhibitor_name;
    } else {
        company = m.importer_name;
        where = country_name(ref, m.importer_country, vi);
    }
    std::string who = company + (where.empty() ? "" : " (" + where + ")");
    const std::string& fair = vi || m.fair_name_en.empty() ? m.fair_name_vi : m.fair_name_en;
    bool must = m.priority == "must_meet";
    calendar::Event e;
    e.uid = m.uid;
    e.sequence = static_cast<int>(m.sequence);
    e.stamp = m.updated_at;
    e.starts_at = m.starts_at;
    e.ends_at = m.ends_at;
    e.location = m.location;
    e.cancelled = m.status != "scheduled";
    if (vi) {
        e.summary = "Gặp " + company;
        e.description = "Gặp gỡ giao thương với " + who + " tại " + fair + ".\nĐịa điểm: " + m.location +
                        ".\nƯu tiên: " + (must ? "nhất định gặp" : "mong muốn gặp") + ".";
        if (e.cancelled) e.description += "\nĐã huỷ.";
    } else {
        e.summary = "Meeting with " + company;
        e.description = "B2B meeting with " + who + " at " + fair + ".\nPlace: " + m.location +
                        ".\nPriority: " + (must ? "must meet" : "would like to meet") + ".";
        if (e.cancelled) e.description += "\nCancelled.";
    }
    if (e.cancelled && !m.note.empty()) e.description += " " + m.note;
    return e;
}

}  // namespace

void add_calendar_routes(http::Router& r) {
    r.add({"POST", "/api/v1/me/calendar", "calendar.create", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               if (!c.req.body.empty()) {
                   auto body = parse_json_object(c.req);
                   FieldReader f(body, {}, false);
                   f.finish();
               }
               auto token = auth::random_token();
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::ScheduleRepository repo(c.db());
               bool rotated = repo.delete_feed(c.who.user_id);
               repo.save_feed(c.who.user_id, auth::token_hash(token), now);
               tx.commit();
               std::string path = "/calendar/" + token + std::string(kSuffix);
               return json_response(201, {{"url", c.app.config().public_url + path},
                                          {"path", path},
                                          {"created_at", meetings::iso_utc(now)},
                                          {"replaced_previous", rotated}});
           },
           "Create (or rotate) my secret calendar subscription URL; it is shown only now"});

    r.add({"DELETE", "/api/v1/me/calendar", "calendar.revoke", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               store::Transaction tx(c.db());
               store::ScheduleRepository(c.db()).delete_feed(c.who.user_id);
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Revoke my calendar subscription URL (it answers 404 from now on)"});

    r.add({"GET", "/calendar/{file}", "calendar.feed", http::DbMode::read, http::access::public_(),
           [](Context& c) {
               auto file = c.req.path_param("file");
               if (file.size() <= kSuffix.size() || !file.ends_with(kSuffix) || file.size() > 100)
                   throw http::not_found("No such calendar.");
               auto token = file.substr(0, file.size() - kSuffix.size());
               store::ScheduleRepository repo(c.db());
               auto user_id = repo.feed_user(auth::token_hash(token));
               if (!user_id) throw http::not_found("No such calendar.");
               auto user = store::UserRepository(c.db()).find(*user_id);
               if (!user) throw http::not_found("No such calendar.");
               bool vi = user->language == "vi";
               calendar::Calendar cal;
               cal.name = vi ? "Lịch gặp đối tác – fairmatch" : "Meetings – fairmatch";
               for (const auto& m : repo.meetings_of_user(*user_id))
                   cal.events.push_back(event_of(m, *user_id, vi, c.app.reference()));
               http::Response res;
               res.content_type = "text/calendar; charset=utf-8";
               res.set_header("cache-control", "no-cache");
               res.set_header("content-disposition", "inline; filename=\"fairmatch.ics\"");
               res.body = calendar::write_ics(cal);
               return res;
           },
           "A participant's published meetings as an iCalendar feed (the secret token is the access)"});
}

}  // namespace fairmatch::server::api
