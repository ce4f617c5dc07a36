#include "server/store/user_repository.hpp"

#include "server/store/sqlite.hpp"

namespace fairmatch::server::store {

namespace sql {
constexpr const char* kUserById =
    "SELECT id, email, password_hash, display_name, role, language, created_at FROM users WHERE id = ?1";
constexpr const char* kUserByEmail =
    "SELECT id, email, password_hash, display_name, role, language, created_at FROM users WHERE email = ?1";
constexpr const char* kInsertUser =
    "INSERT INTO users (email, password_hash, display_name, role, language, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
constexpr const char* kSetPassword = "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1";
constexpr const char* kSetRole = "UPDATE users SET role = ?2, updated_at = ?3 WHERE id = ?1";
constexpr const char* kListUsers =
    "SELECT id, email, password_hash, display_name, role, language, created_at FROM users ORDER BY id "
    "LIMIT ?1 OFFSET ?2";
constexpr const char* kCountUsers = "SELECT count(*) FROM users";

constexpr const char* kInsertSession =
    "INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, user_agent, ip) "
    "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7)";
constexpr const char* kSessionByToken =
    "SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.user_agent, s.ip, "
    "u.id, u.email, u.password_hash, u.display_name, u.role, u.language, u.created_at "
    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.revoked_at IS NULL";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1 AND last_seen_at < ?2";
constexpr const char* kRevokeSession =
    "UPDATE sessions SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL";
constexpr const char* kRevokeAll =
    "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL";
constexpr const char* kActiveSessions =
    "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions "
    "WHERE user_id = ?1 AND revoked_at IS NULL AND expires_at > ?2 AND last_seen_at > ?2 - ?3 ORDER BY id DESC";

constexpr const char* kInsertToken =
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kTokenByHash =
    "SELECT t.id, t.user_id, t.name, t.prefix, t.created_at, t.last_used_at, "
    "u.id, u.email, u.password_hash, u.display_name, u.role, u.language, u.created_at "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1 AND t.revoked_at IS NULL";
constexpr const char* kTouchToken =
    "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?2)";
constexpr const char* kTokens =
    "SELECT id, user_id, name, prefix, created_at, last_used_at FROM api_tokens "
    "WHERE user_id = ?1 AND revoked_at IS NULL ORDER BY id";
constexpr const char* kRevokeToken = "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL";

constexpr const char* kInsertOneTime =
    "INSERT INTO one_time_tokens (user_id, kind, token_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kConsumeOneTime =
    "UPDATE one_time_tokens SET used_at = ?3 WHERE token_hash = ?1 AND kind = ?2 AND used_at IS NULL "
    "AND expires_at > ?3 RETURNING user_id";

constexpr const char* kFailures = "SELECT failures, last_at FROM sign_in_failures WHERE key = ?1";
constexpr const char* kRecordFailure =
    "INSERT INTO sign_in_failures (key, failures, last_at) VALUES (?1, 1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = ?2";
constexpr const char* kClearFailures = "DELETE FROM sign_in_failures WHERE key = ?1";

constexpr const char* kInsertOutbox =
    "INSERT INTO outbox (user_id, kind, to_email, subject, body, link, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kOutbox =
    "SELECT id, user_id, kind, to_email, subject, body, link, created_at FROM outbox ORDER BY id DESC "
    "LIMIT ?1 OFFSET ?2";
constexpr const char* kOutboxCount = "SELECT count(*) FROM outbox";
}  // namespace sql

static User read_user(Statement& st, int c) {
    return User{st.column_int(c), st.column_text(c + 1), st.column_text(c + 2), st.column_text(c + 3),
                st.column_text(c + 4), st.column_text(c + 5), st.column_text(c + 6)};
}

static SessionRow read_session(Statement& st) {
    return SessionRow{st.column_int(0),  st.column_int(1),  st.column_text(2), st.column_int(3),
                      st.column_int(4),  st.column_int(5),  st.column_text(6), st.column_text(7)};
}

static ApiTokenRow read_token(Statement& st) {
    ApiTokenRow t{st.column_int(0), st.column_int(1), st.column_text(2), st.column_text(3), st.column_int(4), {}};
    if (!st.column_is_null(5)) t.last_used_at = st.column_int(5);
    return t;
}

std::optional<User> UserRepository::find(Id id) {
    auto st = db_.cached(sql::kUserById);
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_user(st, 0);
}

std::optional<User> UserRepository::find_by_email(std::string_view email) {
    auto st = db_.cached(sql::kUserByEmail);
    st.bind(1, email);
    if (!st.step()) return std::nullopt;
    return read_user(st, 0);
}

Id UserRepository::insert(const User& u) {
    auto st = db_.cached(sql::kInsertUser);
    st.bind_all(u.email, u.password_hash, u.display_name, u.role, u.language, utc_now());
    st.exec();
    return db_.last_insert_id();
}

void UserRepository::set_password(Id id, std::string_view hash) {
    auto st = db_.cached(sql::kSetPassword);
    st.bind(1, id).bind(2, hash).bind(3, utc_now());
    st.exec();
}

void UserRepository::set_role(Id id, std::string_view role) {
    auto st = db_.cached(sql::kSetRole);
    st.bind(1, id).bind(2, role).bind(3, utc_now());
    st.exec();
}

ListResult<User> UserRepository::list(const Page& page) {
    ListResult<User> out;
    {
        auto st = db_.cached(sql::kListUsers);
        st.bind_all(page.limit, page.offset);
        while (st.step()) out.items.push_back(read_user(st, 0));
    }
    auto c = db_.cached(sql::kCountUsers);
    c.step();
    out.total = c.column_int(0);
    return out;
}

Id UserRepository::insert_session(Id user_id, std::string_view token_hash, std::string_view csrf, std::int64_t now,
                                  std::int64_t expires_at, std::string_view user_agent, std::string_view ip) {
    auto st = db_.cached(sql::kInsertSession);
    st.bind(1, user_id).bind(2, token_hash).bind(3, csrf).bind(4, now).bind(5, expires_at).bind(6, user_agent).bind(7, ip);
    st.exec();
    return db_.last_insert_id();
}

std::optional<std::pair<SessionRow, User>> UserRepository::session_by_token(std::string_view token_hash) {
    auto st = db_.cached(sql::kSessionByToken);
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return std::make_pair(read_session(st), read_user(st, 8));
}

void UserRepository::touch_session(Id session_id, std::int64_t now) {
    auto st = db_.cached(sql::kTouchSession);
    st.bind(1, session_id).bind(2, now);
    st.exec();
}

bool UserRepository::revoke_session(Id session_id, std::int64_t now) {
    auto st = db_.cached(sql::kRevokeSession);
    st.bind(1, session_id).bind(2, now);
    st.exec();
    return db_.changes() > 0;
}

int UserRepository::revoke_all_sessions(Id user_id, std::int64_t now) {
    auto st = db_.cached(sql::kRevokeAll);
    st.bind(1, user_id).bind(2, now);
    st.exec();
    return db_.changes();
}

std::vector<SessionRow> UserRepository::active_sessions(Id user_id, std::int64_t now, std::int64_t idle_limit) {
    std::vector<SessionRow> out;
    auto st = db_.cached(sql::kActiveSessions);
    st.bind(1, user_id).bind(2, now).bind(3, idle_limit);
    while (st.step()) out.push_back(read_session(st));
    return out;
}

Id UserRepository::insert_api_token(Id user_id, std::string_view name, std::string_view token_hash,
                                    std::string_view prefix, std::int64_t now) {
    auto st = db_.cached(sql::kInsertToken);
    st.bind(1, user_id).bind(2, name).bind(3, token_hash).bind(4, prefix).bind(5, now);
    st.exec();
    return db_.last_insert_id();
}

std::optional<std::pair<ApiTokenRow, User>> UserRepository::api_token_by_hash(std::string_view token_hash) {
    auto st = db_.cached(sql::kTokenByHash);
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return std::make_pair(read_token(st), read_user(st, 6));
}

void UserRepository::touch_api_token(Id token_id, std::int64_t now) {
    auto st = db_.cached(sql::kTouchToken);
    st.bind(1, token_id).bind(2, now);
    st.exec();
}

std::vector<ApiTokenRow> UserRepository::api_tokens(Id user_id) {
    std::vector<ApiTokenRow> out;
    auto st = db_.cached(sql::kTokens);
    st.bind(1, user_id);
    while (st.step()) out.push_back(read_token(st));
    return out;
}

bool UserRepository::revoke_api_token(Id token_id, std::int64_t now) {
    auto st = db_.cached(sql::kRevokeToken);
    st.bind(1, token_id).bind(2, now);
    st.exec();
    return db_.changes() > 0;
}

Id UserRepository::insert_one_time(Id user_id, std::string_view kind, std::string_view token_hash, std::int64_t now,
                                   std::int64_t expires_at) {
    auto st = db_.cached(sql::kInsertOneTime);
    st.bind(1, user_id).bind(2, kind).bind(3, token_hash).bind(4, now).bind(5, expires_at);
    st.exec();
    return db_.last_insert_id();
}

std::optional<Id> UserRepository::consume_one_time(std::string_view kind, std::string_view token_hash,
                                                   std::int64_t now) {
    auto st = db_.cached(sql::kConsumeOneTime);
    st.bind(1, token_hash).bind(2, kind).bind(3, now);
    if (!st.step()) return std::nullopt;
    Id user = st.column_int(0);
    while (st.step()) {
    }
    return user;
}

std::optional<std::pair<int, std::int64_t>> UserRepository::failures(std::string_view key) {
    auto st = db_.cached(sql::kFailures);
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return std::make_pair(static_cast<int>(st.column_int(0)), st.column_int(1));
}

void UserRepository::record_failure(std::string_view key, std::int64_t now) {
    auto st = db_.cached(sql::kRecordFailure);
    st.bind(1, key).bind(2, now);
    st.exec();
}

void UserRepository::clear_failures(std::string_view key) {
    auto st = db_.cached(sql::kClearFailures);
    st.bind(1, key);
    st.exec();
}

Id UserRepository::insert_outbox(const OutboxMessage& m) {
    auto st = db_.cached(sql::kInsertOutbox);
    if (m.user_id) st.bind(1, *m.user_id); else st.bind_null(1);
    st.bind(2, m.kind).bind(3, m.to_email).bind(4, m.subject).bind(5, m.body).bind(6, m.link).bind(7, utc_now());
    st.exec();
    return db_.last_insert_id();
}

ListResult<OutboxMessage> UserRepository::outbox(const Page& page) {
    ListResult<OutboxMessage> out;
    {
        auto st = db_.cached(sql::kOutbox);
        st.bind_all(page.limit, page.offset);
        while (st.step()) {
            OutboxMessage m;
            m.id = st.column_int(0);
            if (!st.column_is_null(1)) m.user_id = st.column_int(1);
            m.kind = st.column_text(2);
            m.to_email = st.column_text(3);
            m.subject = st.column_text(4);
            m.body = st.column_text(5);
            m.link = st.column_text(6);
            m.created_at = st.column_text(7);
            out.items.push_back(std::move(m));
        }
    }
    auto c = db_.cached(sql::kOutboxCount);
    c.step();
    out.total = c.column_int(0);
    return out;
}

}  // namespace fairmatch::server::store
