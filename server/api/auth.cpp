// Accounts: register, sign in and out, who am I, password reset and
// invitation links. Session tokens and one-time links are stored hashed.
#include "server/api/access_helpers.hpp"
#include "server/api/context.hpp"
#include "server/api/json_response.hpp"
#include "server/api/routes.hpp"
#include "server/api/validation.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/policy.hpp"
#include "server/http/cookies.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/exhibitor_repository.hpp"
#include "server/store/importer_repository.hpp"
#include "server/store/sqlite.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::server::api {

namespace {

constexpr int kFreeFailures = 5;                 // failures of one account before a delay applies
constexpr int kFreeAddressFailures = 50;         // from one address (a fair's Wi-Fi is shared)
constexpr std::int64_t kMaxDelaySeconds = 900;   // the delay grows to at most 15 minutes
constexpr std::int64_t kResetLinkSeconds = 3600;

bool is_email(std::string_view s) {
    auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= s.size() || s.size() > 254) return false;
    if (s.find('@', at + 1) != std::string_view::npos) return false;
    auto domain = s.substr(at + 1);
    if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.') return false;
    for (char ch : s)
        if (static_cast<unsigned char>(ch) <= ' ' || ch == '<' || ch == '>' || ch == ',' || ch == ';') return false;
    return true;
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

nlohmann::json user_json(const store::User& u) {
    return {{"id", u.id}, {"email", u.email}, {"display_name", u.display_name}, {"role", u.role},
            {"language", u.language}, {"created_at", u.created_at}};
}

// Creates a session for `user` and answers with its cookie and CSRF token.
http::Response start_session(Context& c, const store::User& user, int status) {
    auto now = store::unix_now();
    auto token = auth::random_token();
    auto csrf = auth::random_string(24);
    auto expires = now + c.app.config().session_absolute_seconds;
    store::UserRepository(c.db()).insert_session(user.id, auth::token_hash(token), csrf, now, expires,
                                                 std::string(c.req.header("user-agent").value_or("")).substr(0, 200),
                                                 c.req.remote_address);
    auto res = json_response(status, {{"user", user_json(user)}, {"csrf_token", csrf}});
    http::CookieOptions o;
    o.max_age_seconds = c.app.config().session_absolute_seconds;
    o.secure = c.app.config().secure_cookies;
    res.set_header("set-cookie", http::set_cookie(auth::kSessionCookie, token, o));
    return res;
}

http::Response clear_cookie(Context& c, http::Response res) {
    http::CookieOptions o;
    o.max_age_seconds = 0;
    o.secure = c.app.config().secure_cookies;
    res.set_header("set-cookie", http::set_cookie(auth::kSessionCookie, "", o));
    return res;
}

std::int64_t delay_for(int failures, int free) {
    if (failures < free) return 0;
    // 5 s after the last free failure, doubling with each further one. The
    // stored time is in whole seconds, so the real wait is at least 4 s.
    int extra = failures - free;
    return extra >= 8 ? kMaxDelaySeconds : std::min<std::int64_t>(kMaxDelaySeconds, std::int64_t{5} << extra);
}

// Seconds to wait before `key` may try again (0: now).
std::int64_t wait_for(store::UserRepository& users, const std::string& key, int free, std::int64_t now) {
    auto f = users.failures(key);
    if (!f) return 0;
    auto until = f->second + delay_for(f->first, free);
    return until > now ? until - now : 0;
}

http::Response no_content() {
    http::Response r;
    r.status = 204;
    return r;
}

void read_new_password(FieldReader& r, std::string& password, std::string_view email) {
    r.text("password", password, {1, 256}, true);
    if (!password.empty()) {
        if (auto why = auth::password_problem(password, email)) r.add_error("password", "weak_password", *why);
    }
}

// Consumes a one-time link of `kind` from the body's token and sets the body's
// new password, in the caller's transaction. A refused password throws
// before anything is written, so the link stays usable.
store::User set_password_with_link(Context& c, std::string_view kind, const char* invalid_message) {
    auto body = parse_json_object(c.req);
    FieldReader r(body, {"token", "password"}, true);
    std::string token, password;
    r.text("token", token, {1, 100}, true);
    r.text("password", password, {1, 256}, true);
    r.finish();
    store::UserRepository users(c.db());
    auto uid = users.consume_one_time(kind, auth::token_hash(token), store::unix_now());
    if (!uid) throw http::Problem{400, "invalid-token", "Invalid link", invalid_message, {}};
    auto u = users.find(*uid);
    FieldReader pr(body, {"token", "password"}, true);
    std::string checked;
    read_new_password(pr, checked, u->email);
    pr.finish();
    users.set_password(u->id, auth::hash_password(password));
    return *users.find(u->id);
}

}  // namespace

void add_auth_routes(http::Router& r) {
    r.add({"POST", "/api/v1/auth/register", "auth.register", http::DbMode::write, http::access::public_(),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader r(body, {"email", "password", "display_name", "language", "role"}, true);
               std::string email, password, name, language = "vi", role;
               r.text("email", email, {3, 254}, true);
               if (!email.empty() && !is_email(email)) r.add_error("email", "invalid_email", "Must be an email address.");
               r.text("display_name", name, {1, 120}, true);
               r.one_of("language", language, {"vi", "en"}, false);
               r.one_of("role", role, {"exhibitor", "importer"}, true);
               read_new_password(r, password, email);
               r.finish();
               store::User u{0, lower(email), auth::hash_password(password), name, role, language, ""};
               store::Transaction tx(c.db());
               store::UserRepository users(c.db());
               try {
                   u.id = users.insert(u);
               } catch (const store::Error& e) {
                   if (e.is_unique_violation())
                       throw http::Problem{409, "email-taken", "Email already registered",
                                           "An account with this email exists; sign in or reset its password.",
                                           {{"email", "taken", "An account with this email exists."}}};
                   throw;
               }
               auto created = users.find(u.id);
               auto res = start_session(c, *created, 201);
               tx.commit();
               return res;
           },
           "Register as an exhibitor or importer; signs in"});

    r.add({"POST", "/api/v1/auth/login", "auth.login", http::DbMode::write, http::access::public_(),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader r(body, {"email", "password"}, true);
               std::string email, password;
               r.text("email", email, {1, 254}, true);
               r.text("password", password, {1, 256}, true);
               r.finish();
               auto now = store::unix_now();
               auto email_key = "email:" + lower(email);
               auto ip_key = "ip:" + c.req.remote_address;
               store::Transaction tx(c.db());
               store::UserRepository users(c.db());
               auto wait = std::max(wait_for(users, email_key, kFreeFailures, now),
                                   wait_for(users, ip_key, kFreeAddressFailures, now));
               if (wait > 0) {
                   auto res = http::problem_response({429, "too-many-attempts", "Too many failed sign-ins",
                                                      "Wait " + std::to_string(wait) + " s before trying again.", {}},
                                                     c.req.request_id);
                   res.set_header("retry-after", std::to_string(wait));
                   return res;
               }
               auto user = users.find_by_email(lower(email));
               bool ok;
               if (user) {
                   ok = auth::verify_password(user->password_hash, password);
               } else {
                   auth::verify_dummy(password);  // same effort as for a real account
                   ok = false;
               }
               if (!ok) {
                   users.record_failure(email_key, now);
                   users.record_failure(ip_key, now);
                   tx.commit();
                   return http::problem_response({401, "invalid-credentials", "Sign-in failed",
                                                  "The email or the password is wrong.", {}},
                                                 c.req.request_id);
               }
               users.clear_failures(email_key);
               if (auth::needs_rehash(user->password_hash)) users.set_password(user->id, auth::hash_password(password));
               auto res = start_session(c, *user, 200);
               tx.commit();
               return res;
           },
           "Sign in with email and password; sets the session cookie"});

    r.add({"POST", "/api/v1/auth/logout", "auth.logout", http::DbMode::write, http::access::signed_in(),
           [](Context& c) {
               store::Transaction tx(c.db());
               if (c.who.session_id) store::UserRepository(c.db()).revoke_session(c.who.session_id, store::unix_now());
               tx.commit();
               return clear_cookie(c, no_content());
           },
           "Sign out: revokes this session on the server"});

    r.add({"POST", "/api/v1/auth/logout-all", "auth.logout_all", http::DbMode::write, http::access::signed_in(),
           [](Context& c) {
               store::Transaction tx(c.db());
               store::UserRepository(c.db()).revoke_all_sessions(c.who.user_id, store::unix_now());
               tx.commit();
               return clear_cookie(c, no_content());
           },
           "Sign out everywhere: revokes every session of this user"});

    r.add({"GET", "/api/v1/me", "auth.me", http::DbMode::read, http::access::signed_in(),
           [](Context& c) {
               auto user = store::UserRepository(c.db()).find(c.who.user_id);
               if (!user) throw http::not_found();
               nlohmann::json j = user_json(*user);
               if (c.who.via == auth::Identity::Via::cookie) j["csrf_token"] = c.who.csrf_token;
               j["fairs_organized"] = store::AccessRepository(c.db()).fairs_organized_by(c.who.user_id);
               nlohmann::json profiles = nlohmann::json::array();
               auto mine = store::AccessRepository(c.db()).profiles_of(c.who.user_id);
               for (const auto& p : mine)
                   profiles.push_back({{"kind", p.kind}, {"id", p.id}, {"fair_id", p.fair_id}, {"name", p.name},
                                       {"status", p.status}, {"status_reason", p.status_reason}});
               j["profiles"] = profiles;
               return json_response(200, j);
           },
           "The signed-in user, its CSRF token, its fairs and its profiles"});

    r.add({"POST", "/api/v1/auth/password-reset", "auth.reset_request", http::DbMode::write, http::access::public_(),
           [](Context& c) {
               auto body = parse_json_object(c.req);
               FieldReader r(body, {"email"}, true);
               std::string email;
               r.text("email", email, {1, 254}, true);
               r.finish();
               store::Transaction tx(c.db());
               store::UserRepository users(c.db());
               if (auto u = users.find_by_email(lower(email))) {
                   auto now = store::unix_now();
                   auto token = auth::random_token();
                   users.insert_one_time(u->id, "reset", auth::token_hash(token), now, now + kResetLinkSeconds);
                   auto link = c.app.config().public_url + "/#/reset?token=" + token;
                   users.insert_outbox({0, u->id, "password_reset", u->email,
                                        u->language == "vi" ? "Đặt lại mật khẩu fairmatch" : "Reset your fairmatch password",
                                        u->language == "vi" ? "Mở liên kết trong vòng 1 giờ để đặt mật khẩu mới."
                                                            : "Open the link within 1 hour to choose a new password.",
                                        link, ""});
               }
               tx.commit();
               // The same answer whether or not the account exists.
               return json_response(202, {{"status", "accepted"},
                                          {"detail", "If an account exists for this email, a reset link was issued."}});
           },
           "Ask for a password-reset link (placed in the outbox; same answer for unknown emails)"});

    r.add({"POST", "/api/v1/auth/password-reset/confirm", "auth.reset_confirm", http::DbMode::write,
           http::access::public_(),
           [](Context& c) {
               store::Transaction tx(c.db());
               auto user = set_password_with_link(c, "reset", "This reset link is unknown, expired or already used.");
               store::UserRepository(c.db()).revoke_all_sessions(user.id, store::unix_now());
               tx.commit();
               return no_content();
           },
           "Set a new password with a reset link; signs out every session"});

    r.add({"POST", "/api/v1/auth/invitations/accept", "auth.accept_invitation", http::DbMode::write,
           http::access::public_(),
           [](Context& c) {
               store::Transaction tx(c.db());
               auto user = set_password_with_link(c, "invite", "This invitation is unknown, expired or already used.");
               auto res = start_session(c, user, 200);
               tx.commit();
               return res;
           },
           "Accept an invitation: choose a password and sign in"});
}

}  // namespace fairmatch::server::api
