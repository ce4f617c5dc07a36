#include "server/store/schedule_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kInsertRun =
    "INSERT INTO schedule_runs (fair_id, status, seconds, seed, created_by, started_at, fill_ins) "
    "VALUES (?1, 'running', ?2, ?3, ?4, ?5, ?6)";
#define FM_RUN_SELECT                                                                                         \
    "SELECT id, fair_id, status, seconds, seed, created_by, started_at, finished_at, published_at, figures, " \
    "error, fill_ins FROM schedule_runs "
constexpr const char* kRun = FM_RUN_SELECT "WHERE id = ?1";
constexpr const char* kRuns = FM_RUN_SELECT "WHERE fair_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3";
#undef FM_RUN_SELECT
constexpr const char* kCountRuns = "SELECT count(*) FROM schedule_runs WHERE fair_id = ?1";
constexpr const char* kRunning = "SELECT id FROM schedule_runs WHERE fair_id = ?1 AND status = 'running'";
constexpr const char* kFailRun =
    "UPDATE schedule_runs SET status = 'failed', error = ?2, finished_at = ?3 WHERE id = ?1 AND status = 'running'";
constexpr const char* kFinishRun =
    "UPDATE schedule_runs SET status = 'done', figures = ?2, finished_at = ?3 WHERE id = ?1 AND status = 'running'";
constexpr const char* kInsertRunMeeting =
    "INSERT INTO schedule_run_meetings (run_id, request_id, slot, starts_at, ends_at, location_kind, location, "
    "reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kRunMeetings =
    "SELECT s.request_id, s.slot, s.starts_at, s.ends_at, s.location_kind, s.location, s.reason, r.importer_id, "
    "i.name, r.exhibitor_id, e.name, r.priority, r.status FROM schedule_run_meetings s "
    "JOIN meeting_requests r ON r.id = s.request_id JOIN importers i ON i.id = r.importer_id "
    "JOIN exhibitors e ON e.id = r.exhibitor_id WHERE s.run_id = ?1 ORDER BY s.request_id";
constexpr const char* kInsertRunFillIn =
    "INSERT INTO schedule_run_fill_ins (run_id, importer_id, exhibitor_id, request_id, score, reason, slot, "
    "starts_at, ends_at, location_kind, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr const char* kRunFillIns =
    "SELECT s.importer_id, s.exhibitor_id, s.request_id, s.score, s.reason, s.slot, s.starts_at, s.ends_at, "
    "s.location_kind, s.location, i.name, e.name FROM schedule_run_fill_ins s "
    "JOIN importers i ON i.id = s.importer_id JOIN exhibitors e ON e.id = s.exhibitor_id "
    "WHERE s.run_id = ?1 ORDER BY s.starts_at, s.importer_id, s.exhibitor_id";
constexpr const char* kUnpublish =
    "UPDATE schedule_runs SET status = 'done' WHERE fair_id = ?1 AND status = 'published' AND id <> ?2";
constexpr const char* kPublish = "UPDATE schedule_runs SET status = 'published', published_at = ?2 WHERE id = ?1";

#define FM_MEETING_SELECT                                                                                        \
    "SELECT m.id, m.fair_id, m.request_id, m.importer_id, i.name, i.country, m.exhibitor_id, e.name, "           \
    "e.name_en, r.priority, r.message, m.status, m.slot, m.starts_at, m.ends_at, m.location_kind, m.location, "  \
    "m.uid, m.sequence, m.note, m.updated_at, m.run_id, f.name_vi, f.name_en, i.owner_user_id, e.owner_user_id, " \
    "r.source, r.fill_in_score, r.fill_in_reason "                                                              \
    "FROM meetings m "                                                                                           \
    "JOIN meeting_requests r ON r.id = m.request_id JOIN importers i ON i.id = m.importer_id "                   \
    "JOIN exhibitors e ON e.id = m.exhibitor_id JOIN fairs f ON f.id = m.fair_id "
constexpr const char* kFairMeetings = FM_MEETING_SELECT "WHERE m.fair_id = ?1 ORDER BY m.id";
constexpr const char* kListMeetings =
    FM_MEETING_SELECT "WHERE m.fair_id = ?1 ORDER BY m.starts_at, m.location, m.id LIMIT ?2 OFFSET ?3";
constexpr const char* kMeeting = FM_MEETING_SELECT "WHERE m.id = ?1";
constexpr const char* kMeetingOfRequest = FM_MEETING_SELECT "WHERE m.request_id = ?1";
constexpr const char* kMeetingsOfImporter = FM_MEETING_SELECT "WHERE m.importer_id = ?1 ORDER BY m.starts_at, m.id";
constexpr const char* kMeetingsOfExhibitor = FM_MEETING_SELECT "WHERE m.exhibitor_id = ?1 ORDER BY m.starts_at, m.id";
constexpr const char* kMeetingsOfUser = FM_MEETING_SELECT
    "WHERE m.importer_id IN (SELECT id FROM importers WHERE owner_user_id = ?1) "
    "OR m.exhibitor_id IN (SELECT id FROM exhibitors WHERE owner_user_id = ?1) ORDER BY m.starts_at, m.id";
#undef FM_MEETING_SELECT
constexpr const char* kCountMeetings = "SELECT count(*) FROM meetings WHERE fair_id = ?1";
constexpr const char* kInsertMeeting =
    "INSERT INTO meetings (fair_id, request_id, importer_id, exhibitor_id, run_id, status, slot, starts_at, "
    "ends_at, location_kind, location, uid, sequence, note, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, 'scheduled', ?6, ?7, ?8, ?9, ?10, ?11, ?12, '', ?13, ?13)";
constexpr const char* kUpdateMeeting =
    "UPDATE meetings SET run_id = ?2, status = 'scheduled', slot = ?3, starts_at = ?4, ends_at = ?5, "
    "location_kind = ?6, location = ?7, sequence = ?8, note = ?9, updated_at = ?10 WHERE id = ?1";
constexpr const char* kCancelMeeting =
    "UPDATE meetings SET status = 'cancelled', sequence = ?2, note = ?3, updated_at = ?4 WHERE id = ?1";

constexpr const char* kSaveFeed =
    "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (user_id) DO UPDATE SET token_hash = ?2, created_at = ?3";
constexpr const char* kDeleteFeed = "DELETE FROM calendar_feeds WHERE user_id = ?1";
constexpr const char* kFeedUser = "SELECT user_id FROM calendar_feeds WHERE token_hash = ?1";
}  // namespace sql

static std::optional<std::int64_t> opt_int(Statement& st, int col) {
    if (st.column_is_null(col)) return std::nullopt;
    return st.column_int(col);
}

static ScheduleRun read_run(Statement& st) {
    ScheduleRun r;
    r.id = st.column_int(0);
    r.fair_id = st.column_int(1);
    r.status = st.column_text(2);
    r.seconds = st.column_int(3);
    r.seed = st.column_int(4);
    r.created_by = opt_int(st, 5);
    r.started_at = st.column_int(6);
    r.finished_at = opt_int(st, 7);
    r.published_at = opt_int(st, 8);
    if (!st.column_is_null(9)) r.figures = st.column_text(9);
    r.error = st.column_text(10);
    r.fill_ins = st.column_int(11) != 0;
    return r;
}

static Meeting read_meeting(Statement& st) {
    Meeting m;
    m.id = st.column_int(0);
    m.fair_id = st.column_int(1);
    m.request_id = st.column_int(2);
    m.importer_id = st.column_int(3);
    m.importer_name = st.column_text(4);
    m.importer_country = st.column_text(5);
    m.exhibitor_id = st.column_int(6);
    m.exhibitor_name = st.column_text(7);
    m.exhibitor_name_en = st.column_text(8);
    m.priority = st.column_text(9);
    m.message = st.column_text(10);
    m.status = st.column_text(11);
    m.slot = st.column_int(12);
    m.starts_at = st.column_int(13);
    m.ends_at = st.column_int(14);
    m.location_kind = st.column_text(15);
    m.location = st.column_text(16);
    m.uid = st.column_text(17);
    m.sequence = st.column_int(18);
    m.note = st.column_text(19);
    m.updated_at = st.column_int(20);
    m.run_id = opt_int(st, 21);
    m.fair_name_vi = st.column_text(22);
    m.fair_name_en = st.column_text(23);
    m.importer_owner = opt_int(st, 24);
    m.exhibitor_owner = opt_int(st, 25);
    m.is_fill_in = st.column_text(26) == "recommended";
    m.fill_in_score = opt_int(st, 27);
    m.fill_in_reason = st.column_text(28);
    return m;
}

Id ScheduleRepository::insert_run(Id fair, std::int64_t seconds, std::int64_t seed, std::optional<Id> user,
                                  std::int64_t now, bool fill_ins) {
    auto st = db_.cached(sql::kInsertRun);
    st.bind(1, fair).bind(2, seconds).bind(3, seed);
    if (user)
        st.bind(4, *user);
    else
        st.bind_null(4);
    st.bind(5, now).bind(6, fill_ins ? 1 : 0);
    st.exec();
    return db_.last_insert_id();
}

std::optional<ScheduleRun> ScheduleRepository::run(Id id) {
    auto st = db_.cached(sql::kRun);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_run(st);
}

ListResult<ScheduleRun> ScheduleRepository::runs(Id fair, const Page& page) {
    ListResult<ScheduleRun> out;
    auto st = db_.cached(sql::kRuns);
    st.bind(1, fair).bind(2, page.limit).bind(3, page.offset);
    while (st.step()) out.items.push_back(read_run(st));
    auto c = db_.cached(sql::kCountRuns);
    c.bind(1, fair);
    c.step();
    out.total = c.column_int(0);
    return out;
}

std::optional<Id> ScheduleRepository::running_run(Id fair) {
    auto st = db_.cached(sql::kRunning);
    st.bind(1, fair);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

void ScheduleRepository::fail_run(Id run, const std::string& error, std::int64_t now) {
    auto st = db_.cached(sql::kFailRun);
    st.bind(1, run).bind(2, error).bind(3, now);
    st.exec();
}

bool ScheduleRepository::store_result(Id run, const std::string& figures, const std::vector<RunMeeting>& rows,
                                      std::int64_t now, const std::vector<RunFillIn>& fill_ins) {
    {
        auto st = db_.cached(sql::kFinishRun);
        st.bind(1, run).bind(2, figures).bind(3, now);
        st.exec();
        if (db_.changes() == 0) return false;
    }
    for (const auto& r : rows) {
        auto st = db_.cached(sql::kInsertRunMeeting);
        st.bind(1, run).bind(2, r.request_id);
        if (r.slot)
            st.bind(3, *r.slot).bind(4, r.starts_at).bind(5, r.ends_at);
        else
            st.bind_null(3).bind_null(4).bind_null(5);
        st.bind(6, r.location_kind).bind(7, r.location).bind(8, r.reason);
        st.exec();
    }
    for (const auto& f : fill_ins) {
        auto st = db_.cached(sql::kInsertRunFillIn);
        st.bind(1, run).bind(2, f.importer_id).bind(3, f.exhibitor_id);
        if (f.request_id)
            st.bind(4, *f.request_id);
        else
            st.bind_null(4);
        st.bind(5, f.score).bind(6, f.reason).bind(7, f.slot).bind(8, f.starts_at).bind(9, f.ends_at);
        st.bind(10, f.location_kind).bind(11, f.location);
        st.exec();
    }
    return true;
}

std::vector<RunFillIn> ScheduleRepository::run_fill_ins(Id run) {
    auto st = db_.cached(sql::kRunFillIns);
    st.bind(1, run);
    std::vector<RunFillIn> out;
    while (st.step()) {
        RunFillIn f;
        f.importer_id = st.column_int(0);
        f.exhibitor_id = st.column_int(1);
        f.request_id = opt_int(st, 2);
        f.score = st.column_int(3);
        f.reason = st.column_text(4);
        f.slot = st.column_int(5);
        f.starts_at = st.column_int(6);
        f.ends_at = st.column_int(7);
        f.location_kind = st.column_text(8);
        f.location = st.column_text(9);
        f.importer_name = st.column_text(10);
        f.exhibitor_name = st.column_text(11);
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<RunMeeting> ScheduleRepository::run_meetings(Id run) {
    auto st = db_.cached(sql::kRunMeetings);
    st.bind(1, run);
    std::vector<RunMeeting> out;
    while (st.step()) {
        RunMeeting r;
        r.request_id = st.column_int(0);
        r.slot = opt_int(st, 1);
        r.starts_at = st.column_is_null(2) ? 0 : st.column_int(2);
        r.ends_at = st.column_is_null(3) ? 0 : st.column_int(3);
        r.location_kind = st.column_text(4);
        r.location = st.column_text(5);
        r.reason = st.column_text(6);
        r.importer_id = st.column_int(7);
        r.importer_name = st.column_text(8);
        r.exhibitor_id = st.column_int(9);
        r.exhibitor_name = st.column_text(10);
        r.priority = st.column_text(11);
        r.request_status = st.column_text(12);
        out.push_back(std::move(r));
    }
    return out;
}

void ScheduleRepository::mark_published(Id fair, Id run, std::int64_t now) {
    {
        auto st = db_.cached(sql::kUnpublish);
        st.bind(1, fair).bind(2, run);
        st.exec();
    }
    auto st = db_.cached(sql::kPublish);
    st.bind(1, run).bind(2, now);
    st.exec();
}

static std::vector<Meeting> read_meetings(Statement& st) {
    std::vector<Meeting> out;
    while (st.step()) out.push_back(read_meeting(st));
    return out;
}

std::vector<Meeting> ScheduleRepository::fair_meetings(Id fair) {
    auto st = db_.cached(sql::kFairMeetings);
    st.bind(1, fair);
    return read_meetings(st);
}

ListResult<Meeting> ScheduleRepository::list_meetings(Id fair, const Page& page) {
    ListResult<Meeting> out;
    auto st = db_.cached(sql::kListMeetings);
    st.bind(1, fair).bind(2, page.limit).bind(3, page.offset);
    out.items = read_meetings(st);
    auto c = db_.cached(sql::kCountMeetings);
    c.bind(1, fair);
    c.step();
    out.total = c.column_int(0);
    return out;
}

std::optional<Meeting> ScheduleRepository::meeting(Id id) {
    auto st = db_.cached(sql::kMeeting);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_meeting(st);
}

std::optional<Meeting> ScheduleRepository::meeting_for_request(Id request) {
    auto st = db_.cached(sql::kMeetingOfRequest);
    st.bind(1, request);
    if (!st.step()) return std::nullopt;
    return read_meeting(st);
}

std::vector<Meeting> ScheduleRepository::meetings_of(bool importer, Id participant) {
    auto st = db_.cached(importer ? sql::kMeetingsOfImporter : sql::kMeetingsOfExhibitor);
    st.bind(1, participant);
    return read_meetings(st);
}

std::vector<Meeting> ScheduleRepository::meetings_of_user(Id user) {
    auto st = db_.cached(sql::kMeetingsOfUser);
    st.bind(1, user);
    return read_meetings(st);
}

Id ScheduleRepository::insert_meeting(const Meeting& m, std::int64_t now) {
    auto st = db_.cached(sql::kInsertMeeting);
    st.bind(1, m.fair_id).bind(2, m.request_id).bind(3, m.importer_id).bind(4, m.exhibitor_id);
    if (m.run_id)
        st.bind(5, *m.run_id);
    else
        st.bind_null(5);
    st.bind(6, m.slot).bind(7, m.starts_at).bind(8, m.ends_at).bind(9, m.location_kind).bind(10, m.location);
    st.bind(11, m.uid).bind(12, m.sequence).bind(13, now);
    st.exec();
    return db_.last_insert_id();
}

void ScheduleRepository::update_meeting(const Meeting& m, std::int64_t now) {
    auto st = db_.cached(sql::kUpdateMeeting);
    st.bind(1, m.id);
    if (m.run_id)
        st.bind(2, *m.run_id);
    else
        st.bind_null(2);
    st.bind(3, m.slot).bind(4, m.starts_at).bind(5, m.ends_at).bind(6, m.location_kind).bind(7, m.location);
    st.bind(8, m.sequence).bind(9, m.note).bind(10, now);
    st.exec();
}

void ScheduleRepository::cancel_meeting(Id id, std::int64_t sequence, const std::string& note, std::int64_t now) {
    auto st = db_.cached(sql::kCancelMeeting);
    st.bind(1, id).bind(2, sequence).bind(3, note).bind(4, now);
    st.exec();
}

void ScheduleRepository::save_feed(Id user, const std::string& token_hash, std::int64_t now) {
    auto st = db_.cached(sql::kSaveFeed);
    st.bind(1, user).bind(2, token_hash).bind(3, now);
    st.exec();
}

bool ScheduleRepository::delete_feed(Id user) {
    auto st = db_.cached(sql::kDeleteFeed);
    st.bind(1, user);
    st.exec();
    return db_.changes() > 0;
}

std::optional<Id> ScheduleRepository::feed_user(const std::string& token_hash) {
    auto st = db_.cached(sql::kFeedUser);
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

}  // namespace fairmatch::server::store
