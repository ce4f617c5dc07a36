#include "server/store/access_repository.hpp"

#include "server/store/common.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kExhibitor = "SELECT owner_user_id, fair_id FROM exhibitors WHERE id = ?1";
constexpr const char* kImporter = "SELECT owner_user_id, fair_id FROM importers WHERE id = ?1";
constexpr const char* kProduct =
    "SELECT e.owner_user_id, e.fair_id FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id WHERE p.id = ?1";
constexpr const char* kPhoto =
    "SELECT e.owner_user_id, e.fair_id FROM product_photos f JOIN products p ON p.id = f.product_id "
    "JOIN exhibitors e ON e.id = p.exhibitor_id WHERE f.id = ?1";
constexpr const char* kMeeting =
    "SELECT i.owner_user_id, m.fair_id, e.owner_user_id FROM meetings m JOIN importers i ON i.id = m.importer_id "
    "JOIN exhibitors e ON e.id = m.exhibitor_id WHERE m.id = ?1";
constexpr const char* kTokenUser = "SELECT user_id FROM api_tokens WHERE id = ?1 AND revoked_at IS NULL";
constexpr const char* kSessionUser = "SELECT user_id FROM sessions WHERE id = ?1";
constexpr const char* kDealOwner = "SELECT created_by FROM deals WHERE id = ?1 AND created_by IS NOT NULL";
constexpr const char* kFairExists = "SELECT 1 FROM fairs WHERE id = ?1";
constexpr const char* kIsOrganizer = "SELECT 1 FROM fair_organizers WHERE fair_id = ?1 AND user_id = ?2";
constexpr const char* kAddOrganizer = "INSERT OR IGNORE INTO fair_organizers (fair_id, user_id) VALUES (?1, ?2)";
constexpr const char* kFairsOf = "SELECT fair_id FROM fair_organizers WHERE user_id = ?1 ORDER BY fair_id";
constexpr const char* kProfilesOf =
    "SELECT 'exhibitor', id, fair_id, name, status, status_reason FROM exhibitors WHERE owner_user_id = ?1 "
    "UNION ALL SELECT 'importer', id, fair_id, name, status, status_reason FROM importers WHERE owner_user_id = ?1 "
    "ORDER BY 3, 1";
constexpr const char* kAudit =
    "INSERT INTO audit_log (fair_id, actor_user_id, action, entity, entity_id, before_json, after_json, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kAuditList =
    "SELECT a.id, a.fair_id, a.actor_user_id, coalesce(u.email, ''), a.action, a.entity, a.entity_id, "
    "coalesce(a.before_json, ''), coalesce(a.after_json, ''), a.created_at "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.fair_id = ?1 ORDER BY a.id DESC "
    "LIMIT ?2 OFFSET ?3";
constexpr const char* kAuditCount = "SELECT count(*) FROM audit_log WHERE fair_id = ?1";
}  // namespace sql

std::optional<Ownership> AccessRepository::ownership(const char* query, Id id) {
    auto st = db_.cached(query);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    Ownership o;
    if (!st.column_is_null(0)) o.owner_user_id = st.column_int(0);
    o.fair_id = st.column_int(1);
    return o;
}

std::optional<Ownership> AccessRepository::exhibitor(Id id) { return ownership(sql::kExhibitor, id); }
std::optional<Ownership> AccessRepository::importer(Id id) { return ownership(sql::kImporter, id); }
std::optional<Ownership> AccessRepository::product(Id id) { return ownership(sql::kProduct, id); }
std::optional<Ownership> AccessRepository::photo(Id id) { return ownership(sql::kPhoto, id); }
std::optional<Ownership> AccessRepository::meeting(Id id) {
    auto st = db_.cached(sql::kMeeting);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    Ownership o;
    if (!st.column_is_null(0)) o.owner_user_id = st.column_int(0);
    o.fair_id = st.column_int(1);
    if (!st.column_is_null(2)) o.second_owner_user_id = st.column_int(2);
    return o;
}

static std::optional<Id> single_id(Connection& db, const char* query, Id id) {
    auto st = db.cached(query);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

std::optional<Id> AccessRepository::api_token_user(Id id) { return single_id(db_, sql::kTokenUser, id); }
std::optional<Id> AccessRepository::session_user(Id id) { return single_id(db_, sql::kSessionUser, id); }
std::optional<Id> AccessRepository::deal_owner(Id id) { return single_id(db_, sql::kDealOwner, id); }

bool AccessRepository::fair_exists(Id fair_id) { return single_id(db_, sql::kFairExists, fair_id).has_value(); }

bool AccessRepository::is_fair_organizer(Id fair_id, Id user_id) {
    auto st = db_.cached(sql::kIsOrganizer);
    st.bind(1, fair_id).bind(2, user_id);
    return st.step();
}

void AccessRepository::add_fair_organizer(Id fair_id, Id user_id) {
    auto st = db_.cached(sql::kAddOrganizer);
    st.bind(1, fair_id).bind(2, user_id);
    st.exec();
}

std::vector<Id> AccessRepository::fairs_organized_by(Id user_id) {
    std::vector<Id> out;
    auto st = db_.cached(sql::kFairsOf);
    st.bind(1, user_id);
    while (st.step()) out.push_back(st.column_int(0));
    return out;
}

std::vector<AccessRepository::Profile> AccessRepository::profiles_of(Id user_id) {
    std::vector<Profile> out;
    auto st = db_.cached(sql::kProfilesOf);
    st.bind(1, user_id);
    while (st.step())
        out.push_back({st.column_text(0), st.column_int(1), st.column_int(2), st.column_text(3), st.column_text(4),
                       st.column_text(5)});
    return out;
}

void AuditRepository::record(const AuditEntry& e) {
    auto st = db_.cached(sql::kAudit);
    if (e.fair_id) st.bind(1, *e.fair_id); else st.bind_null(1);
    if (e.actor_user_id) st.bind(2, *e.actor_user_id); else st.bind_null(2);
    st.bind(3, e.action).bind(4, e.entity);
    if (e.entity_id) st.bind(5, *e.entity_id); else st.bind_null(5);
    if (e.before_json.empty()) st.bind_null(6); else st.bind(6, e.before_json);
    if (e.after_json.empty()) st.bind_null(7); else st.bind(7, e.after_json);
    st.bind(8, utc_now());
    st.exec();
}

std::vector<AuditEntry> AuditRepository::for_fair(Id fair_id, int limit, int offset, std::int64_t& total) {
    std::vector<AuditEntry> out;
    {
        auto st = db_.cached(sql::kAuditList);
        st.bind(1, fair_id).bind(2, limit).bind(3, offset);
        while (st.step()) {
            AuditEntry e;
            e.id = st.column_int(0);
            if (!st.column_is_null(1)) e.fair_id = st.column_int(1);
            if (!st.column_is_null(2)) e.actor_user_id = st.column_int(2);
            e.actor_email = st.column_text(3);
            e.action = st.column_text(4);
            e.entity = st.column_text(5);
            if (!st.column_is_null(6)) e.entity_id = st.column_int(6);
            e.before_json = st.column_text(7);
            e.after_json = st.column_text(8);
            e.created_at = st.column_text(9);
            out.push_back(std::move(e));
        }
    }
    auto c = db_.cached(sql::kAuditCount);
    c.bind(1, fair_id);
    c.step();
    total = c.column_int(0);
    return out;
}

}  // namespace fairmatch::server::store
