#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server::store {
class Connection;

struct BadgeHolder {
    std::string kind;  // exhibitor | importer
    Id id = 0;
    Id fair_id = 0;
    std::string name;
    std::string country;  // importers' country; "VN" for exhibitors
    std::string status;
    std::string badge_code;
};

struct StoredEvent {
    Id id = 0;
    std::string type;
    std::string payload;  // JSON object text
    std::int64_t created_at = 0;
};

struct LiveSnapshot {
    std::int64_t exhibitors = 0, importers = 0, checked_in = 0;
    std::map<std::string, std::int64_t> by_country;  // check-ins
    std::map<int, std::int64_t> by_hour;             // check-ins by hour of day in the fair's time zone
    // Published meetings by slot, then by status: scheduled (nothing known
    // yet), held, no_show, unconfirmed (flagged: no outcome after the grace
    // period), cancelled.
    std::map<std::int64_t, std::map<std::string, std::int64_t>> meetings_by_slot;
    std::int64_t no_shows = 0, unconfirmed = 0;
    struct Money {
        std::int64_t count = 0, usd_cents = 0;
    };
    Money deals;  // every kind of deal
    std::map<std::string, Money> deals_by_category;  // the exhibitor's first category
    std::map<std::string, Money> deals_by_country;   // the importer's country
    Id last_event_id = 0;
};

// Badges, check-ins and the event log of the live feed.
class LiveRepository {
public:
    explicit LiveRepository(Connection& db) : db_(db) {}
    std::optional<BadgeHolder> by_badge(Id fair, std::string_view code);
    std::optional<BadgeHolder> profile(std::string_view kind, Id id);
    // True when this is the first check-in of the participant (idempotent).
    bool check_in(Id fair, const BadgeHolder& who, std::int64_t now, Id by_user);
    std::optional<std::int64_t> checked_in_at(Id fair, std::string_view kind, Id id);
    Id append_event(Id fair, std::string_view type, std::string_view payload, std::int64_t now);
    std::vector<StoredEvent> events_after(Id fair, Id after, int limit);
    Id last_event_id(Id fair);
    LiveSnapshot snapshot(Id fair, int utc_offset_hours);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
