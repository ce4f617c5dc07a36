// Meeting requests between an importer and an exhibitor of one fair: either
// side asks an approved participant of the other side, the other side
// accepts or declines, the requester may cancel. One open (pending or
// accepted) request per pair is the database's partial unique index; the
// organizer's deadline and cap are the fair's meeting rules. Also each
// participant's availability for the scheduler.
#include <algorithm>
#include <set>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/schedule_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

using store::Side;

Side other(Side s) { return s == Side::importer ? Side::exhibitor : Side::importer; }

// The owner of the request's side `side`.
std::optional<Id> owner_on(const store::MeetingRequest& r, Side side) {
    return side == Side::importer ? r.importer_owner : r.exhibitor_owner;
}

// The request, if the caller is on side `role_in_request` of it
// ("recipient" or "requester"); 404 otherwise, so that others' requests
// are not confirmed to exist.
store::MeetingRequest my_request(Context& c, store::MeetingRepository& repo, Id id, bool as_requester,
                                 std::int64_t now) {
    auto r = repo.find_request(id, now);
    auto side = my_side(c);
    // One answer for "missing" and "someone else's" (the same words too).
    auto missing = [&] {
        return http::not_found(as_requester ? "No such request among those you sent." : "No such request in your inbox.");
    };
    if (!r) throw missing();
    Side wanted = as_requester ? r->requested_by : other(r->requested_by);
    auto owner = owner_on(*r, wanted);
    if (side != wanted || !owner || *owner != c.who.user_id) throw missing();
    return *r;
}

http::Problem closed_problem(const store::MeetingRequest& r) {
    if (r.status == "expired")
        return {409, "request-expired", "Request expired",
                "This request expired unanswered" + (r.closed_at ? " at " + meetings::iso_utc(*r.closed_at) : "") + ".",
                {}};
    return {409, "request-closed", "Request closed", "This request is " + r.status + " already.", {}};
}

nlohmann::json rules_json(Id fair, const store::MeetingRules& r, std::int64_t now) {
    return {{"fair_id", fair},
            {"request_deadline", iso_or_null(r.deadline)},
            {"requests_per_participant", r.cap ? nlohmann::json(*r.cap) : nlohmann::json(nullptr)},
            {"requests_open", !r.deadline || *r.deadline > now}};
}

nlohmann::json availability_json(Id fair, const store::Participant& me, const store::Availability& a,
                                 const std::optional<FairGrid>& grid) {
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& r : a.unavailable)
        ranges.push_back({{"start", meetings::iso_utc(r.starts_at)}, {"end", meetings::iso_utc(r.ends_at)}});
    nlohmann::json slots = nlohmann::json::array();
    if (grid)
        for (const auto& s : grid->slots)
            for (const auto& r : a.unavailable)
                if (r.starts_at < s.ends_at && s.starts_at < r.ends_at) {
                    slots.push_back(s.index);
                    break;
                }
    return {{"fair_id", fair},
            {"participant", {{"kind", std::string(store::to_string(me.side))}, {"id", me.id}}},
            {"accepts_fill_ins", a.accepts_fill_ins},
            {"unavailable_slots", slots},
            {"unavailable", ranges}};
}

}  // namespace

void add_meeting_request_routes(http::Router& r) {
    r.add({"POST", "/api/v1/me/meeting-requests", "meeting_requests.create", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto side = my_side(c);
               const char* counterpart = side == Side::importer ? "exhibitor_id" : "importer_id";
               auto body = parse_json_object(c.req);
               FieldReader f(body, {counterpart, "priority", "message", "session_wish"}, true);
               Id other_id = 0;
               std::string priority, message, session_wish = "any";
               f.id(counterpart, other_id, true);
               f.one_of("priority", priority, {"must_meet", "would_like"}, true);
               f.one_of("session_wish", session_wish, {"morning", "afternoon", "any"}, false);
               f.text("message", message, {0, 1000, true}, false);
               f.finish();
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::MeetingRepository repo(c.db());
               auto cp = repo.participant(other(side), other_id);
               if (!cp || cp->status != "approved")
                   throw http::validation_failed(
                       {{counterpart, "not_found",
                         std::string("No approved ") + (side == Side::importer ? "exhibitor" : "importer") +
                             " with this id."}});
               auto me = my_participant(c, cp->fair_id);
               if (me.status == "rejected")
                   throw http::Problem{403, "not-admitted", "Not admitted to this fair",
                                       "Your participation in this fair was not approved.", {}};
               auto rules = repo.rules(cp->fair_id);
               if (rules.deadline && *rules.deadline <= now)
                   throw http::Problem{409, "requests-closed", "Meeting requests closed",
                                       "The deadline for meeting requests (" + meetings::iso_utc(*rules.deadline) +
                                           ") has passed.",
                                       {}};
               repo.expire_requests(cp->fair_id, now);
               if (rules.cap && repo.open_sent(side, me.id, now) >= *rules.cap)
                   throw http::Problem{409, "request-limit", "Request limit reached",
                                       "A participant may have at most " + std::to_string(*rules.cap) +
                                           " sent requests open (pending or accepted) in this fair.",
                                       {}};
               Id importer = side == Side::importer ? me.id : cp->id;
               Id exhibitor = side == Side::exhibitor ? me.id : cp->id;
               Id id;
               try {
                   id = repo.insert_request(cp->fair_id, importer, exhibitor, side, priority, message, now, session_wish);
               } catch (const store::Error& e) {
                   if (!e.is_unique_violation()) throw;
                   auto existing = repo.open_request_between(importer, exhibitor);
                   throw http::Problem{409, "duplicate-request", "Request already open",
                                       "There is already an open meeting request between you and this company.", {},
                                       {{"open_request_id", existing ? nlohmann::json(*existing) : nullptr}}};
               }
               tx.commit();
               auto res = json_response(201, request_json(*repo.find_request(id, now), side));
               res.set_header("location", "/api/v1/me/meeting-requests/" + std::to_string(id));
               return res;
           },
           "Request a meeting with an approved participant of the other side, with an optional session wish "
           "(morning, afternoon, any); 409 when one is open already"});

    r.add({"GET", "/api/v1/me/meeting-requests", "meeting_requests.mine", http::DbMode::read,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair = fair_query(c.req);
               std::string box(c.req.query_param("box").value_or("inbox"));
               if (box != "inbox" && box != "outbox")
                   throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                                       {{"box", "not_allowed", "Must be one of: inbox, outbox."}}};
               auto status = request_status_query(c.req);
               auto me = my_participant(c, fair);
               auto now = store::unix_now();
               nlohmann::json items = nlohmann::json::array();
               nlohmann::json counts = {{"pending", 0}, {"accepted", 0}, {"declined", 0}, {"cancelled", 0},
                                        {"expired", 0}};
               for (const auto& q : store::MeetingRepository(c.db()).requests_of(me.side, me.id, box == "outbox", now)) {
                   counts[q.status] = counts[q.status].get<int>() + 1;
                   if (!status || q.status == *status) items.push_back(request_json(q, me.side));
               }
               auto rules = store::MeetingRepository(c.db()).rules(fair);
               return json_response(200, {{"items", items},
                                          {"box", box},
                                          {"counts", counts},
                                          {"rules", rules_json(fair, rules, now)}});
           },
           "My meeting requests in a fair: inbox (received) or outbox (sent), with status"});

    r.add({"POST", "/api/v1/me/meeting-requests/{request}/response", "meeting_requests.respond", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto id = path_id(c.req, "request");
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::MeetingRepository repo(c.db());
               auto q = my_request(c, repo, id, false, now);
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"decision", "reason"}, true);
               std::string decision, reason;
               f.one_of("decision", decision, {"accept", "decline"}, true);
               f.text("reason", reason, {0, 500, true}, false);
               f.finish();
               if (q.status != "pending") throw closed_problem(q);
               repo.set_request_status(id, decision == "accept" ? "accepted" : "declined",
                                       decision == "decline" ? reason : "", now);
               tx.commit();
               return json_response(200, request_json(*repo.find_request(id, now), my_side(c)));
           },
           "Accept or decline a request in my inbox (an optional reason when declining)"});

    r.add({"POST", "/api/v1/me/meeting-requests/{request}/cancel", "meeting_requests.cancel", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto id = path_id(c.req, "request");
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::MeetingRepository repo(c.db());
               auto q = my_request(c, repo, id, true, now);
               if (!c.req.body.empty()) {
                   auto body = parse_json_object(c.req);
                   FieldReader f(body, {}, false);
                   f.finish();
               }
               if (q.status != "pending" && q.status != "accepted") throw closed_problem(q);
               repo.set_request_status(id, "cancelled", "", now);
               // A published meeting of this request is called off too (its calendar entry says so).
               store::ScheduleRepository schedules(c.db());
               if (auto m = schedules.meeting_for_request(id); m && m->status == "scheduled")
                   schedules.cancel_meeting(m->id, m->sequence + 1, "The request was cancelled by its sender.", now);
               tx.commit();
               return json_response(200, request_json(*repo.find_request(id, now), my_side(c)));
           },
           "Cancel a request I sent (pending or accepted; a published meeting is called off)"});

    r.add({"GET", "/api/v1/fairs/{fair}/meeting-rules", "meeting_rules.get", http::DbMode::read,
           http::access::public_(),
           [](Context& c) {
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               return json_response(200, rules_json(fair.id, store::MeetingRepository(c.db()).rules(fair.id),
                                                    store::unix_now()));
           },
           "The fair's meeting-request rules: deadline and requests per participant"});

    r.add({"PUT", "/api/v1/fairs/{fair}/meeting-rules", "meeting_rules.update", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"request_deadline", "requests_per_participant"}, false);
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               store::MeetingRepository repo(c.db());
               auto before = repo.rules(fair);
               auto rules = before;
               if (auto it = body.find("request_deadline"); it != body.end()) {
                   if (it->is_null()) rules.deadline.reset();
                   else if (auto t = it->is_string() ? meetings::parse_instant(it->get<std::string>()) : std::nullopt)
                       rules.deadline = *t;
                   else
                       f.add_error("request_deadline", "invalid_time",
                                   "Must be an ISO 8601 time with its offset (2026-12-01T17:00:00+07:00) or null.");
               }
               if (auto it = body.find("requests_per_participant"); it != body.end()) {
                   if (it->is_null()) rules.cap.reset();
                   else {
                       std::int64_t cap = 0;
                       auto errors = f.errors().size();
                       f.integer("requests_per_participant", cap, 1, 10000, false);
                       if (f.errors().size() == errors) rules.cap = cap;
                   }
               }
               f.finish();
               // Requests that expired under the old deadline stay expired.
               repo.expire_requests(fair, now);
               repo.save_rules(fair, rules);
               auto after = rules_json(fair, rules, now);
               audit(c, fair, "meeting_rules.update", "fair", fair, rules_json(fair, before, now), after);
               tx.commit();
               return json_response(200, after);
           },
           "Set the request deadline and the cap of open requests per participant (organizers; null clears)"});

    r.add({"GET", "/api/v1/fairs/{fair}/availability", "availability.get", http::DbMode::read,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto me = my_participant(c, fair.id);
               auto a = store::MeetingRepository(c.db()).availability(me.side, me.id);
               return json_response(200, availability_json(fair.id, me, a, load_grid(c.db(), fair)));
           },
           "My availability in a fair: unavailable slots and whether fill-in meetings are welcome"});

    r.add({"PUT", "/api/v1/fairs/{fair}/availability", "availability.update", http::DbMode::write,
           http::access::role({"importer", "exhibitor"}),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               store::Transaction tx(c.db());
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto me = my_participant(c, fair.id);
               store::MeetingRepository repo(c.db());
               auto a = repo.availability(me.side, me.id);
               auto grid = load_grid(c.db(), fair);
               FieldReader f(body, {"accepts_fill_ins", "unavailable_slots"}, false);
               if (auto it = body.find("accepts_fill_ins"); it != body.end()) {
                   if (!it->is_boolean()) f.add_error("accepts_fill_ins", "not_a_boolean", "Must be true or false.");
                   else a.accepts_fill_ins = it->get<bool>();
               }
               if (auto it = body.find("unavailable_slots"); it != body.end()) {
                   std::size_t slots = grid ? grid->slots.size() : 0;
                   if (!it->is_array()) {
                       f.add_error("unavailable_slots", "not_an_array", "Must be an array of slot indices.");
                   } else {
                       std::set<std::int64_t> chosen;
                       for (std::size_t i = 0; i < it->size(); ++i) {
                           const auto& v = (*it)[i];
                           std::string field = "unavailable_slots[" + std::to_string(i) + "]";
                           if (!v.is_number_integer() || v.get<std::int64_t>() < 0 ||
                               v.get<std::int64_t>() >= static_cast<std::int64_t>(slots))
                               f.add_error(field, "unknown_slot",
                                           grid ? "Must be a slot index from 0 to " + std::to_string(slots - 1) + "."
                                                : "The fair has no meeting grid yet.");
                           else if (!chosen.insert(v.get<std::int64_t>()).second)
                               f.add_error(field, "duplicate", "Appears more than once.");
                       }
                       a.unavailable.clear();
                       for (auto s : chosen) {
                           const auto& slot = grid->slots[static_cast<std::size_t>(s)];
                           // Back-to-back slots (no pause between them) become one range.
                           if (!a.unavailable.empty() && a.unavailable.back().ends_at == slot.starts_at)
                               a.unavailable.back().ends_at = slot.ends_at;
                           else
                               a.unavailable.push_back({slot.starts_at, slot.ends_at});
                       }
                   }
               }
               f.finish();
               repo.save_availability(fair.id, me.side, me.id, a);
               tx.commit();
               return json_response(200, availability_json(fair.id, me, repo.availability(me.side, me.id), grid));
           },
           "Set my unavailable slots (replacing the previous ones) and whether fill-in meetings are welcome"});
}

}  // namespace fairmatch::server::api
