#pragma once
#include <optional>
#include <string>

#include "server/domain/types.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::store {
class Connection;

struct User {
    Id id = 0;
    std::string email;
    std::string password_hash;
    std::string display_name;
    std::string role;
    std::string language;
    std::string created_at;
};

struct SessionRow {
    Id id = 0;
    Id user_id = 0;
    std::string csrf_token;
    std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;
    std::string user_agent, ip;
};

struct ApiTokenRow {
    Id id = 0;
    Id user_id = 0;
    std::string name, prefix;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> last_used_at;
};

struct OutboxMessage {
    Id id = 0;
    std::optional<Id> user_id;
    std::string kind, to_email, subject, body, link, created_at;
};

// Users, sessions, API tokens, one-time links, sign-in failures, outbox.
// Times passed in and stored as unix seconds.
class UserRepository {
public:
    explicit UserRepository(Connection& db) : db_(db) {}

    std::optional<User> find(Id id);
    std::optional<User> find_by_email(std::string_view email);
    Id insert(const User& u);  // throws store::Error (unique) when the email is taken
    void set_password(Id id, std::string_view hash);
    void set_role(Id id, std::string_view role);
    ListResult<User> list(const Page& page);

    // Sessions: the token's hash identifies a session.
    Id insert_session(Id user_id, std::string_view token_hash, std::string_view csrf, std::int64_t now,
                      std::int64_t expires_at, std::string_view user_agent, std::string_view ip);
    // An unrevoked session by token hash, with its user.
    std::optional<std::pair<SessionRow, User>> session_by_token(std::string_view token_hash);
    void touch_session(Id session_id, std::int64_t now);
    bool revoke_session(Id session_id, std::int64_t now);
    int revoke_all_sessions(Id user_id, std::int64_t now);
    std::vector<SessionRow> active_sessions(Id user_id, std::int64_t now, std::int64_t idle_limit);

    // API tokens.
    Id insert_api_token(Id user_id, std::string_view name, std::string_view token_hash, std::string_view prefix,
                        std::int64_t now);
    std::optional<std::pair<ApiTokenRow, User>> api_token_by_hash(std::string_view token_hash);
    void touch_api_token(Id token_id, std::int64_t now);
    std::vector<ApiTokenRow> api_tokens(Id user_id);
    bool revoke_api_token(Id token_id, std::int64_t now);

    // One-time links (kind "reset" or "invite").
    Id insert_one_time(Id user_id, std::string_view kind, std::string_view token_hash, std::int64_t now,
                       std::int64_t expires_at);
    // Marks the link used and returns its user when it is unused, unexpired
    // and of `kind`; nullopt otherwise (and nothing changes).
    std::optional<Id> consume_one_time(std::string_view kind, std::string_view token_hash, std::int64_t now);

    // Sign-in throttling, by key ("email:..." or "ip:...").
    std::optional<std::pair<int, std::int64_t>> failures(std::string_view key);  // count, last time
    void record_failure(std::string_view key, std::int64_t now);
    void clear_failures(std::string_view key);

    Id insert_outbox(const OutboxMessage& m);
    ListResult<OutboxMessage> outbox(const Page& page);

private:
    Connection& db_;
};

}  // namespace fairmatch::server::store
