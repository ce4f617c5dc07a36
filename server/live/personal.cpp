#include "server/live/personal.hpp"

#include "server/store/live_repository.hpp"
#include "server/store/notification_repository.hpp"

namespace fairmatch::server::live {

namespace {
std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
}  // namespace

std::optional<Event> store_notification(store::Connection& db, Id fair, std::string_view kind, Id participant,
                                        std::string_view type, nlohmann::json payload,
                                        std::optional<std::string> dedupe, std::int64_t now) {
    auto body = dump(payload);
    auto id = store::NotificationRepository(db).add(fair, kind, participant, type, body, std::move(dedupe), now);
    if (!id) return std::nullopt;
    return Event{id, personal_channel(kind, participant), notification_text(id, fair, type, body, now)};
}

Event store_event(store::Connection& db, Id fair, std::string_view type, nlohmann::json payload, std::int64_t now) {
    auto id = store::LiveRepository(db).append_event(fair, type, dump(payload), now);
    payload["type"] = type;
    payload["id"] = id;
    payload["fair_id"] = fair;
    payload["at"] = now;
    return Event{id, fair, dump(payload)};
}

std::vector<std::string> personal_backlog(store::Connection& db, Id fair, std::string_view kind, Id participant, Id after,
                                          int limit) {
    std::vector<std::string> out;
    for (const auto& n : store::NotificationRepository(db).after(fair, kind, participant, after, limit))
        out.push_back(notification_text(n.id, n.fair_id, n.type, n.payload, n.created_at));
    return out;
}

std::string notification_text(Id id, Id fair, std::string_view type, std::string_view payload, std::int64_t at) {
    auto j = nlohmann::json::parse(payload, nullptr, false);
    if (!j.is_object()) j = nlohmann::json::object();
    j["type"] = type;
    j["id"] = id;
    j["fair_id"] = fair;
    j["at"] = at;
    return dump(j);
}

}  // namespace fairmatch::server::live
