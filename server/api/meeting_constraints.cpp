// The organizer's view of a fair's meeting requests and the scheduling
// constraints an organizer sets on an accepted request: a session wish, a
// fixed slot of the grid, and precedences ("held after request X"). The
// scheduler run passes them to the engine (meetings/schedule_input.hpp),
// whose reason is shown for a meeting they leave unscheduled.
#include <functional>
#include <map>
#include <set>

#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/meeting_helpers.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::api {

namespace {

constexpr std::size_t kMaxAfter = 20;

store::MeetingRequest request_in_fair(store::MeetingRepository& repo, Id fair, Id id, std::int64_t now) {
    auto r = repo.find_request(id, now);
    if (!r || r->fair_id != fair) throw http::not_found("No such meeting request in this fair.");
    return *r;
}

// A chain request -> ... -> request through the precedences (request first), or empty.
std::vector<Id> cycle_through(Id request, const std::vector<Id>& after, const std::map<Id, std::vector<Id>>& edges) {
    std::vector<Id> path{request};
    std::set<Id> visited;
    std::function<bool(Id)> reaches = [&](Id node) {
        path.push_back(node);
        if (node == request) return true;
        if (visited.insert(node).second)
            if (auto it = edges.find(node); it != edges.end())
                for (auto next : it->second)
                    if (reaches(next)) return true;
        path.pop_back();
        return false;
    };
    for (auto a : after)
        if (reaches(a)) return path;
    return {};
}

}  // namespace

void add_meeting_constraint_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/meeting-requests", "meeting_requests.fair", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = fair_or_404(c.db(), path_id(c.req, "fair"));
               auto page = parse_page(c.req);
               auto status = request_status_query(c.req);
               std::optional<std::string> source;
               if (auto s = c.req.query_param("source"); s && !s->empty()) {
                   if (*s != "participant" && *s != "recommended")
                       throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                                           {{"source", "not_allowed", "Must be one of: participant, recommended."}}};
                   source = std::string(*s);
               }
               store::MeetingRepository repo(c.db());
               auto grid = load_grid(c.db(), fair);
               auto now = store::unix_now();
               std::map<Id, std::vector<Id>> after;
               for (const auto& [request, before] : repo.precedences(fair.id)) after[request].push_back(before);
               return list_response(repo.requests_of_fair(fair.id, status, page, now, source), page,
                                    [&](const store::MeetingRequest& q) {
                                        auto it = after.find(q.id);
                                        return request_json(q, std::nullopt, grid,
                                                            it == after.end() ? std::vector<Id>{} : it->second);
                                    });
           },
           "The fair's meeting requests with their scheduling constraints, by id (organizers; ?status= and "
           "?source=participant|recommended filter)"});

    r.add({"PATCH", "/api/v1/fairs/{fair}/meeting-requests/{request}/constraints", "meeting_requests.constraints",
           http::DbMode::write, http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair_id = path_id(c.req, "fair");
               auto id = path_id(c.req, "request");
               auto body = parse_json_object(c.req);
               auto now = store::unix_now();
               store::Transaction tx(c.db());
               auto fair = fair_or_404(c.db(), fair_id);
               store::MeetingRepository repo(c.db());
               auto q = request_in_fair(repo, fair.id, id, now);
               if (q.status != "accepted")
                   throw http::Problem{409, "request-not-accepted", "Request not accepted",
                                       "Scheduling constraints apply to accepted requests; this one is " + q.status +
                                           ".",
                                       {}};
               if (q.source == "recommended")
                   throw http::Problem{409, "fill-in-request", "A fill-in meeting",
                                       "This is a fill-in meeting suggested from the recommendations; it only takes free "
                                       "slots, so scheduling constraints do not apply to it.",
                                       {}};
               auto grid = load_grid(c.db(), fair);
               auto before_after = repo.after_of(id);
               auto before = request_json(q, std::nullopt, grid, before_after);

               FieldReader f(body, {"session_wish", "fixed_slot", "after"}, false);
               std::string wish = q.session_wish;
               f.one_of("session_wish", wish, {"morning", "afternoon", "any"}, false);
               auto fixed = q.fixed_starts_at;
               std::optional<meetings::GridSlot> fixed_slot;
               if (auto it = body.find("fixed_slot"); it != body.end()) {
                   if (it->is_null()) {
                       fixed.reset();
                   } else if (!grid || grid->slots.empty()) {
                       f.add_error("fixed_slot", "unknown_slot", "The fair has no meeting grid yet.");
                   } else if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
                              it->get<std::int64_t>() >= static_cast<std::int64_t>(grid->slots.size())) {
                       f.add_error("fixed_slot", "unknown_slot",
                                   "Must be a slot index from 0 to " + std::to_string(grid->slots.size() - 1) +
                                       ", or null.");
                   } else {
                       fixed_slot = grid->slots[static_cast<std::size_t>(it->get<std::int64_t>())];
                       fixed = fixed_slot->starts_at;
                   }
               } else if (fixed && grid) {
                   for (const auto& s : grid->slots)
                       if (s.starts_at == *fixed) fixed_slot = s;
               }
               if (fixed_slot && wish != "any" && (wish == "morning") != fixed_slot->morning)
                   f.add_error("fixed_slot", "session_mismatch",
                               "Slot " + std::to_string(fixed_slot->index) + " is in the " +
                                   (fixed_slot->morning ? "morning" : "afternoon") + " but the session wish is " +
                                   wish + ".");
               std::vector<Id> after = before_after;
               if (auto it = body.find("after"); it != body.end()) {
                   after.clear();
                   if (!it->is_array()) {
                       f.add_error("after", "not_an_array", "Must be an array of request ids.");
                   } else if (it->size() > kMaxAfter) {
                       f.add_error("after", "too_many", "At most " + std::to_string(kMaxAfter) + " requests.");
                   } else {
                       std::set<Id> seen;
                       for (std::size_t i = 0; i < it->size(); ++i) {
                           const auto& v = (*it)[i];
                           std::string field = "after[" + std::to_string(i) + "]";
                           if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
                               f.add_error(field, "not_an_id", "Must be a request id.");
                               continue;
                           }
                           Id other = v.get<std::int64_t>();
                           if (other == id) {
                               f.add_error(field, "cycle", "A meeting cannot be held after itself.");
                               continue;
                           }
                           if (!seen.insert(other).second) {
                               f.add_error(field, "duplicate", "Appears more than once.");
                               continue;
                           }
                           auto o = repo.find_request(other, now);
                           if (!o || o->fair_id != fair.id) {
                               f.add_error(field, "foreign_request", "No meeting request with this id in this fair.");
                               continue;
                           }
                           if (o->source == "recommended") {
                               f.add_error(field, "fill_in",
                                           "Request " + std::to_string(other) +
                                               " is a fill-in meeting; precedences apply to requested meetings.");
                               continue;
                           }
                           if (o->status != "accepted") {
                               f.add_error(field, "not_accepted",
                                           "Request " + std::to_string(other) + " is " + o->status +
                                               "; only accepted requests are scheduled.");
                               continue;
                           }
                           after.push_back(other);
                       }
                   }
               }
               if (f.errors().empty() && !after.empty()) {
                   std::map<Id, std::vector<Id>> edges;
                   for (const auto& [request, earlier] : repo.precedences(fair.id))
                       if (request != id) edges[request].push_back(earlier);
                   auto cycle = cycle_through(id, after, edges);
                   if (!cycle.empty()) {
                       std::string chain;
                       for (auto x : cycle) chain += (chain.empty() ? "" : " after ") + std::to_string(x);
                       f.add_error("after", "cycle", "These precedences form a cycle: " + chain + ".");
                   }
               }
               f.finish();
               repo.set_constraints(id, wish, fixed, after);
               auto updated = request_json(*repo.find_request(id, now), std::nullopt, grid, repo.after_of(id));
               audit(c, fair.id, "meeting_request.constraints", "meeting_request", id, before, updated);
               tx.commit();
               return json_response(200, updated);
           },
           "Set an accepted request's scheduling constraints (organizers): session wish, a fixed slot of the grid "
           "(null clears), and the requests it is held after; absent fields keep their values"});
}

}  // namespace fairmatch::server::api
