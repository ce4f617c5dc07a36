#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

struct StoredNotification {
    Id id = 0;
    Id fair_id = 0;
    std::string type;
    std::string payload;  // JSON object text
    std::int64_t created_at = 0;
};

// A published meeting as the live timer sees it.
struct LiveMeeting {
    Id id = 0, fair_id = 0, importer_id = 0, exhibitor_id = 0;
    std::string importer_name, exhibitor_name;
    std::int64_t slot = 0, starts_at = 0, ends_at = 0, sequence = 0;
    std::string location_kind, location;
};

// Participants' own notifications, the fair's live settings and the flags
// the live timer puts on meetings (all SQL of the personal feed).
class NotificationRepository {
public:
    explicit NotificationRepository(Connection& db) : db_(db) {}
    // 0 when a notification with the same `dedupe` key was stored already.
    Id add(Id fair, std::string_view kind, Id participant, std::string_view type, std::string_view payload,
           std::optional<std::string> dedupe, std::int64_t now);
    std::vector<StoredNotification> after(Id fair, std::string_view kind, Id participant, Id after, int limit);
    Id last_id(Id fair, std::string_view kind, Id participant);

    // Scheduled meetings starting in (from, until].
    std::vector<LiveMeeting> starting_between(std::int64_t from, std::int64_t until);
    // Scheduled meetings without an outcome or a flag whose end is more than
    // the fair's grace period before `now` (and within the last day:
    // the timer looks at recent meetings only, so a pass stays cheap).
    std::vector<LiveMeeting> newly_unconfirmed(std::int64_t now);
    void flag_unconfirmed(Id meeting, std::int64_t now);
    // Flagged meetings of a fair that still have no outcome.
    std::vector<LiveMeeting> unconfirmed(Id fair);

    int unconfirmed_after_minutes(Id fair);
    void set_unconfirmed_after_minutes(Id fair, int minutes);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
