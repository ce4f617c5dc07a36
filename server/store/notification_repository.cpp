#include "server/store/notification_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kAdd =
    "INSERT INTO notifications (fair_id, recipient_kind, recipient_id, type, payload, dedupe, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING";
constexpr const char* kAfter =
    "SELECT id, fair_id, type, payload, created_at FROM notifications "
    "WHERE recipient_kind = ?1 AND recipient_id = ?2 AND fair_id = ?3 AND id > ?4 ORDER BY id LIMIT ?5";
constexpr const char* kLast =
    "SELECT coalesce(max(id), 0) FROM notifications WHERE recipient_kind = ?1 AND recipient_id = ?2 AND fair_id = ?3";
#define FAIRMATCH_LIVE_MEETING_COLUMNS                                                                   \
    "SELECT m.id, m.fair_id, m.importer_id, m.exhibitor_id, i.name, e.name, m.slot, m.starts_at, m.ends_at, " \
    "m.sequence, m.location_kind, m.location FROM meetings m JOIN importers i ON i.id = m.importer_id "      \
    "JOIN exhibitors e ON e.id = m.exhibitor_id "
constexpr const char* kStarting =
    FAIRMATCH_LIVE_MEETING_COLUMNS "WHERE m.status = 'scheduled' AND m.starts_at > ?1 AND m.starts_at <= ?2 "
    "ORDER BY m.starts_at, m.id";
constexpr const char* kNewlyUnconfirmed =
    FAIRMATCH_LIVE_MEETING_COLUMNS
    "LEFT JOIN live_settings s ON s.fair_id = m.fair_id "
    "WHERE m.status = 'scheduled' AND m.ends_at < ?1 AND m.ends_at >= ?1 - 86400 "
    "AND m.ends_at < ?1 - 60 * coalesce(s.unconfirmed_after_minutes, 30) "
    "AND NOT EXISTS (SELECT 1 FROM meeting_outcomes o WHERE o.meeting_id = m.id) "
    "AND NOT EXISTS (SELECT 1 FROM meeting_flags f WHERE f.meeting_id = m.id) ORDER BY m.id LIMIT 5000";
constexpr const char* kUnconfirmed =
    FAIRMATCH_LIVE_MEETING_COLUMNS
    "JOIN meeting_flags f ON f.meeting_id = m.id AND f.flag = 'unconfirmed' "
    "WHERE m.fair_id = ?1 AND m.status = 'scheduled' "
    "AND NOT EXISTS (SELECT 1 FROM meeting_outcomes o WHERE o.meeting_id = m.id) ORDER BY m.starts_at, m.id";
#undef FAIRMATCH_LIVE_MEETING_COLUMNS
constexpr const char* kFlag =
    "INSERT INTO meeting_flags (meeting_id, flag, flagged_at) VALUES (?1, 'unconfirmed', ?2) ON CONFLICT DO NOTHING";
constexpr const char* kGrace = "SELECT unconfirmed_after_minutes FROM live_settings WHERE fair_id = ?1";
constexpr const char* kSetGrace =
    "INSERT INTO live_settings (fair_id, unconfirmed_after_minutes) VALUES (?1, ?2) "
    "ON CONFLICT (fair_id) DO UPDATE SET unconfirmed_after_minutes = ?2";
}  // namespace sql

Id NotificationRepository::add(Id fair, std::string_view kind, Id participant, std::string_view type,
                               std::string_view payload, std::optional<std::string> dedupe, std::int64_t now) {
    auto st = db_.cached(sql::kAdd);
    st.bind(1, fair).bind(2, kind).bind(3, participant).bind(4, type).bind(5, payload);
    if (dedupe) st.bind(6, *dedupe); else st.bind_null(6);
    st.bind(7, now);
    st.exec();
    return db_.changes() > 0 ? db_.last_insert_id() : 0;
}

std::vector<StoredNotification> NotificationRepository::after(Id fair, std::string_view kind, Id participant, Id after,
                                                              int limit) {
    std::vector<StoredNotification> out;
    auto st = db_.cached(sql::kAfter);
    st.bind(1, kind).bind(2, participant).bind(3, fair).bind(4, after).bind(5, limit);
    while (st.step())
        out.push_back({st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3), st.column_int(4)});
    return out;
}

Id NotificationRepository::last_id(Id fair, std::string_view kind, Id participant) {
    auto st = db_.cached(sql::kLast);
    st.bind(1, kind).bind(2, participant).bind(3, fair);
    st.step();
    return st.column_int(0);
}

static std::vector<LiveMeeting> read_meetings(Statement& st) {
    std::vector<LiveMeeting> out;
    while (st.step())
        out.push_back({st.column_int(0), st.column_int(1), st.column_int(2), st.column_int(3), st.column_text(4),
                       st.column_text(5), st.column_int(6), st.column_int(7), st.column_int(8), st.column_int(9),
                       st.column_text(10), st.column_text(11)});
    return out;
}

std::vector<LiveMeeting> NotificationRepository::starting_between(std::int64_t from, std::int64_t until) {
    auto st = db_.cached(sql::kStarting);
    st.bind(1, from).bind(2, until);
    return read_meetings(st);
}

std::vector<LiveMeeting> NotificationRepository::newly_unconfirmed(std::int64_t now) {
    auto st = db_.cached(sql::kNewlyUnconfirmed);
    st.bind(1, now);
    return read_meetings(st);
}

void NotificationRepository::flag_unconfirmed(Id meeting, std::int64_t now) {
    auto st = db_.cached(sql::kFlag);
    st.bind(1, meeting).bind(2, now);
    st.exec();
}

std::vector<LiveMeeting> NotificationRepository::unconfirmed(Id fair) {
    auto st = db_.cached(sql::kUnconfirmed);
    st.bind(1, fair);
    return read_meetings(st);
}

int NotificationRepository::unconfirmed_after_minutes(Id fair) {
    auto st = db_.cached(sql::kGrace);
    st.bind(1, fair);
    return st.step() ? static_cast<int>(st.column_int(0)) : 30;
}

void NotificationRepository::set_unconfirmed_after_minutes(Id fair, int minutes) {
    auto st = db_.cached(sql::kSetGrace);
    st.bind(1, fair).bind(2, minutes);
    st.exec();
}

}  // namespace fairmatch::server::store
