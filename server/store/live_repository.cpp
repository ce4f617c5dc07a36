#include "server/store/live_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kByBadge =
    "SELECT 'exhibitor', id, fair_id, name, 'VN', status, badge_code FROM exhibitors WHERE fair_id = ?1 AND badge_code = ?2 "
    "UNION ALL SELECT 'importer', id, fair_id, name, country, status, badge_code FROM importers "
    "WHERE fair_id = ?1 AND badge_code = ?2";
constexpr const char* kExhibitor =
    "SELECT 'exhibitor', id, fair_id, name, 'VN', status, coalesce(badge_code, '') FROM exhibitors WHERE id = ?1";
constexpr const char* kImporter =
    "SELECT 'importer', id, fair_id, name, country, status, coalesce(badge_code, '') FROM importers WHERE id = ?1";
constexpr const char* kCheckIn =
    "INSERT INTO check_ins (fair_id, kind, profile_id, checked_in_at, by_user_id) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (fair_id, kind, profile_id) DO NOTHING";
constexpr const char* kCheckedInAt =
    "SELECT checked_in_at FROM check_ins WHERE fair_id = ?1 AND kind = ?2 AND profile_id = ?3";
constexpr const char* kAppend = "INSERT INTO events (fair_id, type, payload, created_at) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kAfter =
    "SELECT id, type, payload, created_at FROM events WHERE fair_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3";
constexpr const char* kLast = "SELECT coalesce(max(id), 0) FROM events WHERE fair_id = ?1";
constexpr const char* kCounts =
    "SELECT (SELECT count(*) FROM exhibitors WHERE fair_id = ?1 AND status = 'approved'), "
    "(SELECT count(*) FROM importers WHERE fair_id = ?1 AND status = 'approved'), "
    "(SELECT count(*) FROM check_ins WHERE fair_id = ?1)";
constexpr const char* kByCountry =
    "SELECT CASE c.kind WHEN 'importer' THEN i.country ELSE 'VN' END AS country, count(*) FROM check_ins c "
    "LEFT JOIN importers i ON c.kind = 'importer' AND i.id = c.profile_id WHERE c.fair_id = ?1 GROUP BY country";
constexpr const char* kByHour =
    "SELECT ((checked_in_at / 3600) + ?2) % 24 AS hour, count(*) FROM check_ins WHERE fair_id = ?1 GROUP BY hour";
constexpr const char* kMeetingsBySlot =
    "SELECT m.slot, CASE WHEN m.status = 'cancelled' THEN 'cancelled' WHEN o.outcome IS NOT NULL THEN o.outcome "
    "WHEN f.meeting_id IS NOT NULL THEN 'unconfirmed' ELSE 'scheduled' END AS st, count(*) FROM meetings m "
    "LEFT JOIN meeting_outcomes o ON o.meeting_id = m.id LEFT JOIN meeting_flags f ON f.meeting_id = m.id "
    "WHERE m.fair_id = ?1 GROUP BY m.slot, st";
constexpr const char* kDealsByCategory =
    "SELECT coalesce(json_extract(e.categories, '$[0]'), ''), count(*), coalesce(sum(d.usd_cents), 0) FROM deals d "
    "JOIN exhibitors e ON e.id = d.exhibitor_id WHERE d.fair_id = ?1 GROUP BY 1";
constexpr const char* kDealsByCountry =
    "SELECT i.country, count(*), coalesce(sum(d.usd_cents), 0) FROM deals d JOIN importers i ON i.id = d.importer_id "
    "WHERE d.fair_id = ?1 GROUP BY 1";
}  // namespace sql

static BadgeHolder read_holder(Statement& st) {
    return BadgeHolder{st.column_text(0), st.column_int(1), st.column_int(2), st.column_text(3),
                       st.column_text(4), st.column_text(5), st.column_text(6)};
}

std::optional<BadgeHolder> LiveRepository::by_badge(Id fair, std::string_view code) {
    auto st = db_.cached(sql::kByBadge);
    st.bind(1, fair).bind(2, code);
    if (!st.step()) return std::nullopt;
    return read_holder(st);
}

std::optional<BadgeHolder> LiveRepository::profile(std::string_view kind, Id id) {
    auto st = db_.cached(kind == "exhibitor" ? sql::kExhibitor : sql::kImporter);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_holder(st);
}

bool LiveRepository::check_in(Id fair, const BadgeHolder& who, std::int64_t now, Id by_user) {
    auto st = db_.cached(sql::kCheckIn);
    st.bind(1, fair).bind(2, who.kind).bind(3, who.id).bind(4, now);
    if (by_user) st.bind(5, by_user); else st.bind_null(5);
    st.exec();
    return db_.changes() > 0;
}

std::optional<std::int64_t> LiveRepository::checked_in_at(Id fair, std::string_view kind, Id id) {
    auto st = db_.cached(sql::kCheckedInAt);
    st.bind(1, fair).bind(2, kind).bind(3, id);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

Id LiveRepository::append_event(Id fair, std::string_view type, std::string_view payload, std::int64_t now) {
    auto st = db_.cached(sql::kAppend);
    st.bind(1, fair).bind(2, type).bind(3, payload).bind(4, now);
    st.exec();
    return db_.last_insert_id();
}

std::vector<StoredEvent> LiveRepository::events_after(Id fair, Id after, int limit) {
    std::vector<StoredEvent> out;
    auto st = db_.cached(sql::kAfter);
    st.bind(1, fair).bind(2, after).bind(3, limit);
    while (st.step()) out.push_back({st.column_int(0), st.column_text(1), st.column_text(2), st.column_int(3)});
    return out;
}

Id LiveRepository::last_event_id(Id fair) {
    auto st = db_.cached(sql::kLast);
    st.bind(1, fair);
    st.step();
    return st.column_int(0);
}

LiveSnapshot LiveRepository::snapshot(Id fair, int utc_offset_hours) {
    LiveSnapshot s;
    {
        auto st = db_.cached(sql::kCounts);
        st.bind(1, fair);
        st.step();
        s.exhibitors = st.column_int(0);
        s.importers = st.column_int(1);
        s.checked_in = st.column_int(2);
    }
    {
        auto st = db_.cached(sql::kByCountry);
        st.bind(1, fair);
        while (st.step()) s.by_country[st.column_text(0)] = st.column_int(1);
    }
    {
        auto st = db_.cached(sql::kByHour);
        st.bind(1, fair).bind(2, utc_offset_hours);
        while (st.step()) s.by_hour[static_cast<int>(st.column_int(0))] = st.column_int(1);
    }
    {
        auto st = db_.cached(sql::kMeetingsBySlot);
        st.bind(1, fair);
        while (st.step()) {
            auto status = st.column_text(1);
            auto n = st.column_int(2);
            s.meetings_by_slot[st.column_int(0)][status] += n;
            if (status == "no_show") s.no_shows += n;
            if (status == "unconfirmed") s.unconfirmed += n;
        }
    }
    for (auto [q, out] : {std::pair{sql::kDealsByCategory, &s.deals_by_category},
                          std::pair{sql::kDealsByCountry, &s.deals_by_country}}) {
        auto st = db_.cached(q);
        st.bind(1, fair);
        while (st.step()) (*out)[st.column_text(0)] = {st.column_int(1), st.column_int(2)};
    }
    for (const auto& [k, m] : s.deals_by_country) {
        s.deals.count += m.count;
        s.deals.usd_cents += m.usd_cents;
    }
    s.last_event_id = last_event_id(fair);
    return s;
}

}  // namespace fairmatch::server::store
