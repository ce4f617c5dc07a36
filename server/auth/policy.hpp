#pragma once
// The one access policy. App::handle calls authenticate() and then
// authorize() for every route before its handler runs.

#include <cstdint>
#include <optional>

#include "server/auth/identity.hpp"
#include "server/config.hpp"
#include "server/http/message.hpp"
#include "server/http/problem.hpp"
#include "server/http/router.hpp"

namespace fairmatch::server::store {
class Connection;
}

namespace fairmatch::server::auth {

constexpr std::string_view kSessionCookie = "fm_session";
constexpr std::string_view kCsrfHeader = "x-csrf-token";

struct Authentication {
    Identity who;
    bool touch = false;  // the session or token's last-use time is stale: update it
};

// Who sent the request: a valid bearer token, else a valid session cookie
// (unrevoked, within absolute and idle expiry), else anonymous. A token or
// cookie that is present but invalid is treated as anonymous, except that
// an invalid bearer token is refused (401) so that scripts notice.
Authentication authenticate(const http::Request& req, store::Connection& db, const Config& config, std::int64_t now);

// nullopt when `who` may call `route` with this request; otherwise the
// refusal: 401 when not signed in, 403 when signed in but not allowed, 404
// where saying "forbidden" would reveal that somebody else's record exists.
std::optional<http::Problem> authorize(const http::Route& route, const http::Request& req, const Identity& who,
                                       store::Connection* db);

// State-changing requests authenticated by cookie must carry the session's
// CSRF token in the X-CSRF-Token header, and an Origin header, when sent,
// must be this site.
std::optional<http::Problem> check_csrf(const http::Request& req, const Identity& who);

// True for methods that change state.
bool is_unsafe_method(std::string_view method);

}  // namespace fairmatch::server::auth
