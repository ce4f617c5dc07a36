// The signed-in user's own API tokens and sessions.
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/auth/crypto.hpp"
#include "server/store/sqlite.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::server::api {

static nlohmann::json token_json(const store::ApiTokenRow& t) {
    return {{"id", t.id},
            {"name", t.name},
            {"prefix", t.prefix},
            {"created_at", t.created_at},
            {"last_used_at", t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json(nullptr)}};
}

void add_account_routes(http::Router& r) {
    r.add({"GET", "/api/v1/me/tokens", "account.tokens", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& t : store::UserRepository(c.db()).api_tokens(c.who.user_id)) items.push_back(token_json(t));
               return json_response(200, {{"items", items}});
           },
           "My API tokens (never the secret itself)"});
    r.add({"POST", "/api/v1/me/tokens", "account.token_create", http::DbMode::write, http::access::signed_in(),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader f(body, {"name"}, true);
               std::string name;
               f.text("name", name, {1, 80}, true);
               f.finish();
               auto token = "fm_" + auth::random_token();
               store::Transaction tx(c.db());
               store::UserRepository users(c.db());
               auto now = store::unix_now();
               auto id = users.insert_api_token(c.who.user_id, name, auth::token_hash(token), token.substr(0, 10), now);
               tx.commit();
               store::ApiTokenRow row{id, c.who.user_id, name, token.substr(0, 10), now, {}};
               auto j = token_json(row);
               j["token"] = token;  // shown once, stored hashed
               return json_response(201, j);
           },
           "Create an API token; the response is the only time it is shown"});
    r.add({"DELETE", "/api/v1/me/tokens/{token}", "account.token_revoke", http::DbMode::write,
           http::access::self(http::Resource::api_token, "token"),
           [](Context& c) {
               store::Transaction tx(c.db());
               store::UserRepository(c.db()).revoke_api_token(path_id(c.req, "token"), store::unix_now());
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Revoke one of my API tokens"});
    r.add({"GET", "/api/v1/me/sessions", "account.sessions", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               nlohmann::json items = nlohmann::json::array();
               auto now = store::unix_now();
               for (const auto& s : store::UserRepository(c.db()).active_sessions(c.who.user_id, now,
                                                                                  c.app.config().session_idle_seconds))
                   items.push_back({{"id", s.id},
                                    {"created_at", s.created_at},
                                    {"last_seen_at", s.last_seen_at},
                                    {"expires_at", s.expires_at},
                                    {"user_agent", s.user_agent},
                                    {"ip", s.ip},
                                    {"current", s.id == c.who.session_id}});
               return json_response(200, {{"items", items}});
           },
           "My active sessions"});
    r.add({"DELETE", "/api/v1/me/sessions/{session}", "account.session_revoke", http::DbMode::write,
           http::access::self(http::Resource::session, "session"),
           [](Context& c) {
               store::Transaction tx(c.db());
               store::UserRepository(c.db()).revoke_session(path_id(c.req, "session"), store::unix_now());
               tx.commit();
               http::Response res;
               res.status = 204;
               return res;
           },
           "Sign out one of my sessions"});
}

}  // namespace fairmatch::server::api
