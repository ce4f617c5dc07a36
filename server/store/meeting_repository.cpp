#include "server/store/meeting_repository.hpp"

#include <map>

#include "server/store/common.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kImporterOf =
    "SELECT id, fair_id, status FROM importers WHERE owner_user_id = ?1 AND fair_id = ?2";
constexpr const char* kExhibitorOf =
    "SELECT id, fair_id, status FROM exhibitors WHERE owner_user_id = ?1 AND fair_id = ?2";
constexpr const char* kImporter = "SELECT id, fair_id, status FROM importers WHERE id = ?1";
constexpr const char* kExhibitor = "SELECT id, fair_id, status FROM exhibitors WHERE id = ?1";

constexpr const char* kRules = "SELECT meeting_request_deadline, meeting_request_cap FROM fairs WHERE id = ?1";
constexpr const char* kSaveRules =
    "UPDATE fairs SET meeting_request_deadline = ?2, meeting_request_cap = ?3 WHERE id = ?1";
constexpr const char* kExpire =
    "UPDATE meeting_requests SET status = 'expired', "
    "closed_at = (SELECT meeting_request_deadline FROM fairs WHERE id = ?1) "
    "WHERE fair_id = ?1 AND status = 'pending' "
    "AND (SELECT meeting_request_deadline FROM fairs WHERE id = ?1) <= ?2";

constexpr const char* kInsertRequest =
    "INSERT INTO meeting_requests (fair_id, importer_id, exhibitor_id, requested_by, priority, message, status, "
    "created_at, session_wish) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', ?7, ?8)";
// A fill-in the organizer publishes: accepted at once, never in anyone's inbox or outbox.
constexpr const char* kInsertRecommended =
    "INSERT INTO meeting_requests (fair_id, importer_id, exhibitor_id, requested_by, priority, message, status, "
    "created_at, closed_at, source, fill_in_score, fill_in_reason) "
    "VALUES (?1, ?2, ?3, 'importer', 'would_like', '', 'accepted', ?4, ?4, 'recommended', ?5, ?6)";
// ?1 is the current time in every query built on this select.
#define FM_REQUEST_SELECT                                                                                    \
    "SELECT r.id, r.fair_id, r.importer_id, i.name, i.country, i.owner_user_id, r.exhibitor_id, e.name, "    \
    "e.name_en, e.owner_user_id, (SELECT b.code FROM booth_bookings k JOIN booths b ON b.id = k.booth_id "   \
    "WHERE k.exhibitor_id = e.id AND k.status IN ('confirmed', 'approved') "                                 \
    "ORDER BY k.status = 'approved' DESC, k.id LIMIT 1), r.requested_by, r.priority, r.message, "            \
    "CASE WHEN r.status = 'pending' AND f.meeting_request_deadline <= ?1 THEN 'expired' ELSE r.status END, " \
    "r.reason, r.created_at, "                                                                               \
    "CASE WHEN r.status = 'pending' AND f.meeting_request_deadline <= ?1 THEN f.meeting_request_deadline "   \
    "ELSE r.closed_at END, f.meeting_request_deadline, r.session_wish, r.fixed_starts_at, r.source, "      \
    "r.fill_in_score, r.fill_in_reason "                                                                     \
    "FROM meeting_requests r JOIN importers i ON i.id = r.importer_id "                                      \
    "JOIN exhibitors e ON e.id = r.exhibitor_id JOIN fairs f ON f.id = r.fair_id "
constexpr const char* kFindRequest = FM_REQUEST_SELECT "WHERE r.id = ?2";
constexpr const char* kRequestsOfImporter =
    FM_REQUEST_SELECT "WHERE r.importer_id = ?2 AND r.requested_by = ?3 AND r.source = 'participant' "
                      "ORDER BY r.id DESC";
constexpr const char* kRequestsOfExhibitor =
    FM_REQUEST_SELECT "WHERE r.exhibitor_id = ?2 AND r.requested_by = ?3 AND r.source = 'participant' "
                      "ORDER BY r.id DESC";
constexpr const char* kRequestsOfFair =
    FM_REQUEST_SELECT "WHERE r.fair_id = ?2 AND (?3 IS NULL OR r.status = ?3) AND (?6 IS NULL OR r.source = ?6) "
                      "ORDER BY r.id LIMIT ?4 OFFSET ?5";
#undef FM_REQUEST_SELECT
constexpr const char* kCountRequestsOfFair =
    "SELECT count(*) FROM meeting_requests WHERE fair_id = ?1 AND (?2 IS NULL OR status = ?2) "
    "AND (?3 IS NULL OR source = ?3)";
constexpr const char* kOpenBetween =
    "SELECT id FROM meeting_requests WHERE importer_id = ?1 AND exhibitor_id = ?2 "
    "AND status IN ('pending', 'accepted')";
#define FM_OPEN_SENT                                                                                      \
    "SELECT count(*) FROM meeting_requests r JOIN fairs f ON f.id = r.fair_id WHERE r.requested_by = ?3 " \
    "AND r.source = 'participant' "                                                                       \
    "AND (r.status = 'accepted' OR (r.status = 'pending' AND (f.meeting_request_deadline IS NULL "        \
    "OR f.meeting_request_deadline > ?2))) AND "
constexpr const char* kOpenSentImporter = FM_OPEN_SENT "r.importer_id = ?1";
constexpr const char* kOpenSentExhibitor = FM_OPEN_SENT "r.exhibitor_id = ?1";
#undef FM_OPEN_SENT
constexpr const char* kSetStatus = "UPDATE meeting_requests SET status = ?2, reason = ?3, closed_at = ?4 WHERE id = ?1";
constexpr const char* kAccepted =
    "SELECT r.id, r.importer_id, r.exhibitor_id, r.priority, r.session_wish, r.fixed_starts_at, r.source, "
    "r.fill_in_score, r.fill_in_reason FROM meeting_requests r "
    "JOIN importers i ON i.id = r.importer_id JOIN exhibitors e ON e.id = r.exhibitor_id "
    "WHERE r.fair_id = ?1 AND r.status = 'accepted' AND i.status = 'approved' AND e.status = 'approved' "
    "ORDER BY r.id";

constexpr const char* kFairPrecedences =
    "SELECT p.request_id, p.after_request_id FROM meeting_request_precedences p "
    "JOIN meeting_requests r ON r.id = p.request_id WHERE r.fair_id = ?1 ORDER BY p.request_id, p.after_request_id";
constexpr const char* kAfterOf =
    "SELECT after_request_id FROM meeting_request_precedences WHERE request_id = ?1 ORDER BY after_request_id";
constexpr const char* kDeletePrecedences = "DELETE FROM meeting_request_precedences WHERE request_id = ?1";
constexpr const char* kInsertPrecedence =
    "INSERT INTO meeting_request_precedences (request_id, after_request_id) VALUES (?1, ?2)";
constexpr const char* kSetConstraints =
    "UPDATE meeting_requests SET session_wish = ?2, fixed_starts_at = ?3 WHERE id = ?1";
constexpr const char* kRequestedPairs =
    "SELECT DISTINCT importer_id, exhibitor_id FROM meeting_requests WHERE fair_id = ?1 AND source = 'participant'";

constexpr const char* kImporterFillIns = "SELECT meeting_fill_ins FROM importers WHERE id = ?1";
constexpr const char* kExhibitorFillIns = "SELECT meeting_fill_ins FROM exhibitors WHERE id = ?1";
constexpr const char* kSetImporterFillIns = "UPDATE importers SET meeting_fill_ins = ?2 WHERE id = ?1";
constexpr const char* kSetExhibitorFillIns = "UPDATE exhibitors SET meeting_fill_ins = ?2 WHERE id = ?1";
constexpr const char* kImporterRanges =
    "SELECT starts_at, ends_at FROM meeting_unavailability WHERE importer_id = ?1 ORDER BY starts_at";
constexpr const char* kExhibitorRanges =
    "SELECT starts_at, ends_at FROM meeting_unavailability WHERE exhibitor_id = ?1 ORDER BY starts_at";
constexpr const char* kDeleteImporterRanges = "DELETE FROM meeting_unavailability WHERE importer_id = ?1";
constexpr const char* kDeleteExhibitorRanges = "DELETE FROM meeting_unavailability WHERE exhibitor_id = ?1";
constexpr const char* kInsertImporterRange =
    "INSERT INTO meeting_unavailability (fair_id, importer_id, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertExhibitorRange =
    "INSERT INTO meeting_unavailability (fair_id, exhibitor_id, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kFairRanges =
    "SELECT importer_id, exhibitor_id, starts_at, ends_at FROM meeting_unavailability WHERE fair_id = ?1 "
    "ORDER BY id";
constexpr const char* kImporterFillInList =
    "SELECT id FROM importers WHERE fair_id = ?1 AND status = 'approved' AND meeting_fill_ins = 1 ORDER BY id";
constexpr const char* kExhibitorFillInList =
    "SELECT id FROM exhibitors WHERE fair_id = ?1 AND status = 'approved' AND meeting_fill_ins = 1 ORDER BY id";

constexpr const char* kGrid =
    "SELECT days, sessions, slot_minutes, pause_minutes, tables, use_booths, updated_at FROM meeting_grids "
    "WHERE fair_id = ?1";
constexpr const char* kSaveGrid =
    "INSERT INTO meeting_grids (fair_id, days, sessions, slot_minutes, pause_minutes, tables, use_booths, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (fair_id) DO UPDATE SET days = ?2, "
    "sessions = ?3, slot_minutes = ?4, pause_minutes = ?5, tables = ?6, use_booths = ?7, updated_at = ?8";
}  // namespace sql

std::string_view to_string(Side s) {
    return s == Side::importer ? "importer" : "exhibitor";
}

static std::optional<std::int64_t> opt_int(Statement& st, int col) {
    if (st.column_is_null(col)) return std::nullopt;
    return st.column_int(col);
}

static void bind_opt(Statement& st, int index, const std::optional<std::int64_t>& v) {
    if (v)
        st.bind(index, *v);
    else
        st.bind_null(index);
}

static std::optional<Participant> read_participant(Statement& st, Side side) {
    if (!st.step()) return std::nullopt;
    return Participant{side, st.column_int(0), st.column_int(1), st.column_text(2)};
}

std::optional<Participant> MeetingRepository::participant_of(Id user, Id fair, Side side) {
    auto st = db_.cached(side == Side::importer ? sql::kImporterOf : sql::kExhibitorOf);
    st.bind(1, user).bind(2, fair);
    return read_participant(st, side);
}

std::optional<Participant> MeetingRepository::participant(Side side, Id id) {
    auto st = db_.cached(side == Side::importer ? sql::kImporter : sql::kExhibitor);
    st.bind(1, id);
    return read_participant(st, side);
}

MeetingRules MeetingRepository::rules(Id fair) {
    auto st = db_.cached(sql::kRules);
    st.bind(1, fair);
    if (!st.step()) return {};
    return {opt_int(st, 0), opt_int(st, 1)};
}

void MeetingRepository::save_rules(Id fair, const MeetingRules& r) {
    auto st = db_.cached(sql::kSaveRules);
    st.bind(1, fair);
    bind_opt(st, 2, r.deadline);
    bind_opt(st, 3, r.cap);
    st.exec();
}

void MeetingRepository::expire_requests(Id fair, std::int64_t now) {
    auto st = db_.cached(sql::kExpire);
    st.bind(1, fair).bind(2, now);
    st.exec();
}

Id MeetingRepository::insert_request(Id fair, Id importer, Id exhibitor, Side requested_by, std::string_view priority,
                                     std::string_view message, std::int64_t now, std::string_view session_wish) {
    auto st = db_.cached(sql::kInsertRequest);
    st.bind(1, fair).bind(2, importer).bind(3, exhibitor).bind(4, to_string(requested_by)).bind(5, priority);
    st.bind(6, message).bind(7, now).bind(8, session_wish);
    st.exec();
    return db_.last_insert_id();
}

Id MeetingRepository::insert_recommended(Id fair, Id importer, Id exhibitor, std::int64_t score,
                                         std::string_view reason, std::int64_t now) {
    auto st = db_.cached(sql::kInsertRecommended);
    st.bind(1, fair).bind(2, importer).bind(3, exhibitor).bind(4, now).bind(5, score).bind(6, reason);
    st.exec();
    return db_.last_insert_id();
}

std::vector<Id> MeetingRepository::after_of(Id request) {
    auto st = db_.cached(sql::kAfterOf);
    st.bind(1, request);
    std::vector<Id> out;
    while (st.step()) out.push_back(st.column_int(0));
    return out;
}

std::vector<std::pair<Id, Id>> MeetingRepository::precedences(Id fair) {
    auto st = db_.cached(sql::kFairPrecedences);
    st.bind(1, fair);
    std::vector<std::pair<Id, Id>> out;
    while (st.step()) out.emplace_back(st.column_int(0), st.column_int(1));
    return out;
}

void MeetingRepository::set_constraints(Id request, std::string_view session_wish,
                                        const std::optional<std::int64_t>& fixed_starts_at,
                                        const std::vector<Id>& after) {
    {
        auto st = db_.cached(sql::kSetConstraints);
        st.bind(1, request).bind(2, session_wish);
        bind_opt(st, 3, fixed_starts_at);
        st.exec();
    }
    {
        auto st = db_.cached(sql::kDeletePrecedences);
        st.bind(1, request);
        st.exec();
    }
    for (auto a : after) {
        auto st = db_.cached(sql::kInsertPrecedence);
        st.bind(1, request).bind(2, a);
        st.exec();
    }
}

std::set<std::pair<Id, Id>> MeetingRepository::requested_pairs(Id fair) {
    auto st = db_.cached(sql::kRequestedPairs);
    st.bind(1, fair);
    std::set<std::pair<Id, Id>> out;
    while (st.step()) out.emplace(st.column_int(0), st.column_int(1));
    return out;
}

static MeetingRequest read_request(Statement& st) {
    MeetingRequest r;
    r.id = st.column_int(0);
    r.fair_id = st.column_int(1);
    r.importer_id = st.column_int(2);
    r.importer_name = st.column_text(3);
    r.importer_country = st.column_text(4);
    r.importer_owner = opt_int(st, 5);
    r.exhibitor_id = st.column_int(6);
    r.exhibitor_name = st.column_text(7);
    r.exhibitor_name_en = st.column_text(8);
    r.exhibitor_owner = opt_int(st, 9);
    if (!st.column_is_null(10)) r.exhibitor_booth = st.column_text(10);
    r.requested_by = st.column_text(11) == "exhibitor" ? Side::exhibitor : Side::importer;
    r.priority = st.column_text(12);
    r.message = st.column_text(13);
    r.status = st.column_text(14);
    r.reason = st.column_text(15);
    r.created_at = st.column_int(16);
    r.closed_at = opt_int(st, 17);
    r.deadline = opt_int(st, 18);
    r.session_wish = st.column_text(19);
    r.fixed_starts_at = opt_int(st, 20);
    r.source = st.column_text(21);
    r.fill_in_score = opt_int(st, 22);
    r.fill_in_reason = st.column_text(23);
    return r;
}

std::optional<MeetingRequest> MeetingRepository::find_request(Id id, std::int64_t now) {
    auto st = db_.cached(sql::kFindRequest);
    st.bind(1, now).bind(2, id);
    if (!st.step()) return std::nullopt;
    return read_request(st);
}

std::optional<Id> MeetingRepository::open_request_between(Id importer, Id exhibitor) {
    auto st = db_.cached(sql::kOpenBetween);
    st.bind(1, importer).bind(2, exhibitor);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

std::vector<MeetingRequest> MeetingRepository::requests_of(Side side, Id participant, bool sent, std::int64_t now) {
    // Sent by the participant: requested_by is its own side; received: the other side.
    Side by = sent ? side : (side == Side::importer ? Side::exhibitor : Side::importer);
    auto st = db_.cached(side == Side::importer ? sql::kRequestsOfImporter : sql::kRequestsOfExhibitor);
    st.bind(1, now).bind(2, participant).bind(3, to_string(by));
    std::vector<MeetingRequest> out;
    while (st.step()) out.push_back(read_request(st));
    return out;
}

ListResult<MeetingRequest> MeetingRepository::requests_of_fair(Id fair, const std::optional<std::string>& status,
                                                              const Page& page, std::int64_t now,
                                                              const std::optional<std::string>& source) {
    // Expired-at-read requests keep their stored status 'pending' here; the fair's list
    // is read after expire_requests by its handler.
    ListResult<MeetingRequest> out;
    auto st = db_.cached(sql::kRequestsOfFair);
    st.bind(1, now).bind(2, fair);
    if (status)
        st.bind(3, *status);
    else
        st.bind_null(3);
    st.bind(4, page.limit).bind(5, page.offset);
    if (source)
        st.bind(6, *source);
    else
        st.bind_null(6);
    while (st.step()) out.items.push_back(read_request(st));
    auto c = db_.cached(sql::kCountRequestsOfFair);
    c.bind(1, fair);
    if (status)
        c.bind(2, *status);
    else
        c.bind_null(2);
    if (source)
        c.bind(3, *source);
    else
        c.bind_null(3);
    c.step();
    out.total = c.column_int(0);
    return out;
}

std::int64_t MeetingRepository::open_sent(Side side, Id participant, std::int64_t now) {
    auto st = db_.cached(side == Side::importer ? sql::kOpenSentImporter : sql::kOpenSentExhibitor);
    st.bind(1, participant).bind(2, now).bind(3, to_string(side));
    st.step();
    return st.column_int(0);
}

void MeetingRepository::set_request_status(Id id, std::string_view status, std::string_view reason, std::int64_t now) {
    auto st = db_.cached(sql::kSetStatus);
    st.bind(1, id).bind(2, status).bind(3, reason).bind(4, now);
    st.exec();
}

std::vector<AcceptedRequest> MeetingRepository::accepted_requests(Id fair) {
    auto st = db_.cached(sql::kAccepted);
    st.bind(1, fair);
    std::vector<AcceptedRequest> out;
    std::map<Id, std::size_t> index;
    while (st.step()) {
        AcceptedRequest r;
        r.id = st.column_int(0);
        r.importer_id = st.column_int(1);
        r.exhibitor_id = st.column_int(2);
        r.priority = st.column_text(3);
        r.session_wish = st.column_text(4);
        r.fixed_starts_at = opt_int(st, 5);
        r.source = st.column_text(6);
        r.fill_in_score = opt_int(st, 7).value_or(0);
        r.fill_in_reason = st.column_text(8);
        index.emplace(r.id, out.size());
        out.push_back(std::move(r));
    }
    for (const auto& [request, after] : precedences(fair))
        if (auto it = index.find(request); it != index.end()) out[it->second].after.push_back(after);
    return out;
}

Availability MeetingRepository::availability(Side side, Id participant) {
    Availability a;
    {
        auto st = db_.cached(side == Side::importer ? sql::kImporterFillIns : sql::kExhibitorFillIns);
        st.bind(1, participant);
        if (st.step()) a.accepts_fill_ins = st.column_int(0) != 0;
    }
    auto st = db_.cached(side == Side::importer ? sql::kImporterRanges : sql::kExhibitorRanges);
    st.bind(1, participant);
    while (st.step()) a.unavailable.push_back({st.column_int(0), st.column_int(1)});
    return a;
}

void MeetingRepository::save_availability(Id fair, Side side, Id participant, const Availability& a) {
    bool imp = side == Side::importer;
    {
        auto st = db_.cached(imp ? sql::kSetImporterFillIns : sql::kSetExhibitorFillIns);
        st.bind(1, participant).bind(2, a.accepts_fill_ins ? 1 : 0);
        st.exec();
    }
    {
        auto st = db_.cached(imp ? sql::kDeleteImporterRanges : sql::kDeleteExhibitorRanges);
        st.bind(1, participant);
        st.exec();
    }
    for (const auto& r : a.unavailable) {
        auto st = db_.cached(imp ? sql::kInsertImporterRange : sql::kInsertExhibitorRange);
        st.bind(1, fair).bind(2, participant).bind(3, r.starts_at).bind(4, r.ends_at);
        st.exec();
    }
}

void MeetingRepository::add_unavailability(Id fair, Side side, Id participant, const TimeRange& range) {
    auto st = db_.cached(side == Side::importer ? sql::kInsertImporterRange : sql::kInsertExhibitorRange);
    st.bind(1, fair).bind(2, participant).bind(3, range.starts_at).bind(4, range.ends_at);
    st.exec();
}

std::vector<Unavailability> MeetingRepository::unavailability(Id fair) {
    auto st = db_.cached(sql::kFairRanges);
    st.bind(1, fair);
    std::vector<Unavailability> out;
    while (st.step()) {
        Unavailability u;
        if (!st.column_is_null(0)) {
            u.side = Side::importer;
            u.participant = st.column_int(0);
        } else {
            u.side = Side::exhibitor;
            u.participant = st.column_int(1);
        }
        u.range = {st.column_int(2), st.column_int(3)};
        out.push_back(u);
    }
    return out;
}

std::vector<Id> MeetingRepository::fill_in_participants(Id fair, Side side) {
    auto st = db_.cached(side == Side::importer ? sql::kImporterFillInList : sql::kExhibitorFillInList);
    st.bind(1, fair);
    std::vector<Id> out;
    while (st.step()) out.push_back(st.column_int(0));
    return out;
}

std::optional<StoredGrid> MeetingRepository::grid(Id fair) {
    auto st = db_.cached(sql::kGrid);
    st.bind(1, fair);
    if (!st.step()) return std::nullopt;
    StoredGrid g;
    g.days = decode_list(st.column_text(0));
    g.sessions = decode_list(st.column_text(1));
    g.slot_minutes = st.column_int(2);
    g.pause_minutes = st.column_int(3);
    g.tables = st.column_int(4);
    g.use_booths = st.column_int(5) != 0;
    g.updated_at = st.column_text(6);
    return g;
}

void MeetingRepository::save_grid(Id fair, const StoredGrid& g) {
    auto st = db_.cached(sql::kSaveGrid);
    st.bind(1, fair).bind(2, encode_list(g.days)).bind(3, encode_list(g.sessions)).bind(4, g.slot_minutes);
    st.bind(5, g.pause_minutes).bind(6, g.tables).bind(7, g.use_booths ? 1 : 0).bind(8, utc_now());
    st.exec();
}

}  // namespace fairmatch::server::store
