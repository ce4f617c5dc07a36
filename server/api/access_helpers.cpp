#include "server/api/access_helpers.hpp"

#include "server/http/problem.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/common.hpp"
#include "server/store/live_repository.hpp"

namespace fairmatch::server::api {

bool organizes(Context& c, Id fair_id) {
    return c.who.signed_in() && c.who.is("organizer") &&
           store::AccessRepository(c.db()).is_fair_organizer(fair_id, c.who.user_id);
}

void require_fair_organizer(Context& c, Id fair_id) {
    if (!organizes(c, fair_id))
        throw http::Problem{403, "forbidden", "Forbidden", "Only the organizers of this fair may do this.", {}};
}

void audit(Context& c, std::optional<Id> fair_id, std::string_view action, std::string_view entity,
           std::optional<Id> entity_id, const nlohmann::json& before, const nlohmann::json& after) {
    store::AuditEntry e;
    e.fair_id = fair_id;
    if (c.who.signed_in()) e.actor_user_id = c.who.user_id;
    e.action = action;
    e.entity = entity;
    e.entity_id = entity_id;
    if (!before.is_null()) e.before_json = before.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!after.is_null()) e.after_json = after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    store::AuditRepository(c.db()).record(e);
}

void emit(Context& c, Id fair, std::string_view type, nlohmann::json payload) {
    auto now = store::unix_now();
    auto body = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto id = store::LiveRepository(c.db()).append_event(fair, type, body, now);
    payload["type"] = type;
    payload["id"] = id;
    payload["fair_id"] = fair;
    payload["at"] = now;
    c.published.push_back({id, fair, payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

}  // namespace fairmatch::server::api
