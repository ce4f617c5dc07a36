#pragma once
// Participants' own live feed: each approved participant of a fair has a
// channel on the App's personal hub, keyed by its profile; messages are
// stored in the notifications table (in the caller's transaction) before
// they are published, so a reconnecting client resumes after its last id.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/domain/types.hpp"
#include "server/live/hub.hpp"

namespace fairmatch::server {
namespace store {
class Connection;
}
namespace live {

// The personal hub's key of a participant (exhibitor or importer profile).
inline Id personal_channel(std::string_view kind, Id participant) {
    return participant * 2 + (kind == "exhibitor" ? 1 : 0);
}

// Stores a notification for a participant and returns the message to
// publish on the personal hub (its fair_id is the channel key); nullopt
// when one with the same `dedupe` key exists already.
std::optional<Event> store_notification(store::Connection& db, Id fair, std::string_view kind, Id participant,
                                        std::string_view type, nlohmann::json payload,
                                        std::optional<std::string> dedupe, std::int64_t now);

// Appends an event to the organizers' feed of a fair and returns it for the hub.
Event store_event(store::Connection& db, Id fair, std::string_view type, nlohmann::json payload, std::int64_t now);

// A participant's stored notifications after id `after`, as sent on the feed, oldest first.
std::vector<std::string> personal_backlog(store::Connection& db, Id fair, std::string_view kind, Id participant, Id after,
                                          int limit);

// A stored notification as sent on the feed.
std::string notification_text(Id id, Id fair, std::string_view type, std::string_view payload, std::int64_t at);

}  // namespace live
}  // namespace fairmatch::server
