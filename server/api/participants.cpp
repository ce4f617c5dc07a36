// Organizer work on a fair: participants and their approval, co-organizers,
// the audit log; and the outbox of messages to pass on; users and roles.
#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/profiles.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/sqlite.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::server::api {


static nlohmann::json user_summary(const store::User& u) {
    return {{"id", u.id}, {"email", u.email}, {"display_name", u.display_name}, {"role", u.role},
            {"language", u.language}, {"created_at", u.created_at}};
}

void add_participant_routes(http::Router& r) {
    r.add({"GET", "/api/v1/fairs/{fair}/participants", "participants.list", http::DbMode::read,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto page = parse_page(c.req);
               std::optional<std::string> status;
               if (auto s = c.req.query_param("status")) {
                   if (*s != "pending" && *s != "approved" && *s != "rejected")
                       throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                                           {{"status", "not_allowed", "Must be one of: pending, approved, rejected."}}};
                   status = std::string(*s);
               }
               std::string kind = std::string(c.req.query_param("kind").value_or("exhibitor"));
               if (kind == "exhibitor") {
                   store::ExhibitorFilter f;
                   f.fair = fair;
                   f.status = status;
                   return list_response(store::ExhibitorRepository(c.db()).list(f, page), page,
                                        [](const Exhibitor& e) {
                                            auto j = exhibitor_to_json(e, true);
                                            j["kind"] = "exhibitor";
                                            j["badge_code"] = e.badge_code;
                                            return j;
                                        });
               }
               if (kind == "importer") {
                   store::ImporterFilter f;
                   f.fair = fair;
                   f.status = status;
                   return list_response(store::ImporterRepository(c.db()).list(f, page), page, [](const Importer& i) {
                       auto j = importer_to_json(i, true);
                       j["kind"] = "importer";
                       j["badge_code"] = i.badge_code;
                       return j;
                   });
               }
               throw http::Problem{400, "invalid-query", "Invalid query parameters", "",
                                   {{"kind", "not_allowed", "Must be one of: exhibitor, importer."}}};
           },
           "Participants of a fair with their status (organizers; filters: kind, status)"});

    r.add({"POST", "/api/v1/fairs/{fair}/participants/{kind}/{id}/decision", "participants.decide",
           http::DbMode::write, http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto id = path_id(c.req, "id");
               auto kind = c.req.path_param("kind");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"decision", "reason"}, true);
               std::string decision, reason;
               f.one_of("decision", decision, {"approve", "reject"}, true);
               f.text("reason", reason, {0, 1000, true}, false);
               if (decision == "reject" && reason.empty())
                   f.add_error("reason", "required", "Give the applicant a reason when rejecting.");
               f.finish();
               std::string status = decision == "approve" ? "approved" : "rejected";
               store::Transaction tx(c.db());
               nlohmann::json before, after;
               if (kind == "exhibitor") {
                   store::ExhibitorRepository repo(c.db());
                   auto e = repo.find(id);
                   if (!e || e->fair_id != fair) throw http::not_found("No such exhibitor in this fair.");
                   before = exhibitor_to_json(*e, true);
                   e->status = status;
                   e->status_reason = reason;
                   repo.update(*e);
                   after = exhibitor_to_json(*repo.find(id), true);
               } else if (kind == "importer") {
                   store::ImporterRepository repo(c.db());
                   auto i = repo.find(id);
                   if (!i || i->fair_id != fair) throw http::not_found("No such importer in this fair.");
                   before = importer_to_json(*i, true);
                   i->status = status;
                   i->status_reason = reason;
                   repo.update(*i);
                   after = importer_to_json(*repo.find(id), true);
               } else {
                   throw http::not_found();
               }
               audit(c, fair, "participant." + decision, std::string(kind), id, before, after);
               tx.commit();
               return json_response(200, after);
           },
           "Approve or reject a participant (the reason is shown to the applicant)"});

    r.add({"POST", "/api/v1/fairs/{fair}/organizers", "organizers.add", http::DbMode::write,
           http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"email"}, true);
               std::string email;
               f.text("email", email, {1, 254}, true);
               f.finish();
               store::Transaction tx(c.db());
               auto u = store::UserRepository(c.db()).find_by_email(email);
               if (!u || u->role != "organizer")
                   throw http::validation_failed({{"email", "not_an_organizer", "No organizer account has this email."}});
               store::AccessRepository(c.db()).add_fair_organizer(fair, u->id);
               audit(c, fair, "organizer.add", "user", u->id, nullptr, user_summary(*u));
               tx.commit();
               return json_response(200, user_summary(*u));
           },
           "Make another organizer an organizer of this fair"});

    r.add({"GET", "/api/v1/fairs/{fair}/audit", "audit.list", http::DbMode::read, http::access::fair_organizer("fair"),
           [](Context& c) {
               auto fair = path_id(c.req, "fair");
               auto page = parse_page(c.req);
               std::int64_t total = 0;
               nlohmann::json items = nlohmann::json::array();
               for (const auto& e : store::AuditRepository(c.db()).for_fair(fair, page.limit, page.offset, total)) {
                   auto parse = [](const std::string& s) {
                       return s.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(s, nullptr, false);
                   };
                   items.push_back({{"id", e.id},
                                    {"action", e.action},
                                    {"entity", e.entity},
                                    {"entity_id", e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json(nullptr)},
                                    {"actor_user_id", e.actor_user_id ? nlohmann::json(*e.actor_user_id) : nlohmann::json(nullptr)},
                                    {"actor_email", e.actor_email},
                                    {"before", parse(e.before_json)},
                                    {"after", parse(e.after_json)},
                                    {"created_at", e.created_at}});
               }
               return json_response(200, {{"items", items}, {"total", total}, {"limit", page.limit}, {"offset", page.offset}});
           },
           "The fair's audit log of organizer actions, newest first"});

    r.add({"GET", "/api/v1/outbox", "outbox.list", http::DbMode::read, http::access::role({"organizer"}),
           [](Context& c) {
               auto page = parse_page(c.req);
               return list_response(store::UserRepository(c.db()).outbox(page), page, [](const store::OutboxMessage& m) {
                   return nlohmann::json{{"id", m.id},           {"kind", m.kind},   {"to_email", m.to_email},
                                         {"subject", m.subject}, {"body", m.body},   {"link", m.link},
                                         {"created_at", m.created_at}};
               });
           },
           "Messages waiting to be passed on (reset and invitation links); organizers"});

    r.add({"GET", "/api/v1/users", "users.list", http::DbMode::read, http::access::role({"organizer"}),
           [](Context& c) {
               auto page = parse_page(c.req);
               return list_response(store::UserRepository(c.db()).list(page), page, user_summary);
           },
           "All user accounts (organizers)"});

    r.add({"PATCH", "/api/v1/users/{user}", "users.update", http::DbMode::write, http::access::role({"organizer"}),
           [](Context& c) {
               auto id = path_id(c.req, "user");
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"role"}, false);
               std::string role;
               f.one_of("role", role, {"organizer"}, true);
               f.finish();
               store::Transaction tx(c.db());
               store::UserRepository users(c.db());
               auto u = users.find(id);
               if (!u) throw http::not_found("No such user.");
               auto before = user_summary(*u);
               if (!role.empty()) users.set_role(id, role);
               auto after = user_summary(*users.find(id));
               audit(c, std::nullopt, "user.grant_organizer", "user", id, before, after);
               tx.commit();
               return json_response(200, after);
           },
           "Grant the organizer role to a user (organizers only)"});
}

}  // namespace fairmatch::server::api
