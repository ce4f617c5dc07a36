#include "server/auth/policy.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>

#include "server/auth/crypto.hpp"
#include "server/http/cookies.hpp"
#include "server/store/access_repository.hpp"
#include "server/store/user_repository.hpp"

namespace fairmatch::server::auth {

namespace {

constexpr std::int64_t kTouchEvery = 300;  // seconds between last-use updates

Identity from_user(const store::User& u, Identity::Via via) {
    Identity who;
    who.user_id = u.id;
    who.role = u.role;
    who.email = u.email;
    who.display_name = u.display_name;
    who.language = u.language;
    who.via = via;
    return who;
}

std::optional<Id> parse_id(std::string_view s) {
    Id v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 1) return std::nullopt;
    return v;
}

http::Problem unauthenticated() {
    return {401, "unauthenticated", "Sign-in required", "Sign in, or send a valid API token, to use this endpoint.", {}};
}
http::Problem forbidden(std::string detail = "You may not do this.") {
    return {403, "forbidden", "Forbidden", std::move(detail), {}};
}

}  // namespace

bool is_unsafe_method(std::string_view m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

Authentication authenticate(const http::Request& req, store::Connection& db, const Config& config, std::int64_t now) {
    Authentication a;
    store::UserRepository users(db);
    if (auto h = req.header("authorization")) {
        std::string_view v = *h;
        if (v.size() > 7 && (v.substr(0, 7) == "Bearer " || v.substr(0, 7) == "bearer ")) {
            auto found = users.api_token_by_hash(token_hash(v.substr(7)));
            if (!found) throw unauthenticated();
            a.who = from_user(found->second, Identity::Via::bearer);
            a.who.token_id = found->first.id;
            a.touch = !found->first.last_used_at || *found->first.last_used_at < now - kTouchEvery;
            return a;
        }
    }
    auto token = http::cookie(req, kSessionCookie);
    if (!token || token->empty()) return a;
    auto found = users.session_by_token(token_hash(*token));
    if (!found) return a;
    const auto& s = found->first;
    if (s.expires_at <= now || s.last_seen_at + config.session_idle_seconds <= now) return a;
    a.who = from_user(found->second, Identity::Via::cookie);
    a.who.session_id = s.id;
    a.who.csrf_token = s.csrf_token;
    a.touch = s.last_seen_at < now - kTouchEvery;
    return a;
}

std::optional<http::Problem> check_csrf(const http::Request& req, const Identity& who) {
    if (who.via != Identity::Via::cookie || !is_unsafe_method(req.method)) return std::nullopt;
    // A browser names the page that made the request: a change made with the
    // cookie from another site's page is refused even with a token.
    if (auto origin = req.header("origin")) {
        std::string o(*origin), h(req.header("host").value_or(""));
        if (h.empty() || (o != "http://" + h && o != "https://" + h))
            return http::Problem{403, "csrf", "Foreign origin",
                                 "Changes made with the session cookie must come from this site's pages.", {}};
    }
    auto sent = req.header(kCsrfHeader);
    if (sent && sent->size() == who.csrf_token.size() &&
        sodium_memcmp(sent->data(), who.csrf_token.data(), who.csrf_token.size()) == 0)
        return std::nullopt;
    return http::Problem{403, "csrf", "CSRF token missing or wrong",
                         "Send the X-CSRF-Token header from GET /api/v1/me with every change.", {}};
}

std::optional<http::Problem> authorize(const http::Route& route, const http::Request& req, const Identity& who,
                                       store::Connection* db) {
    const auto& rule = route.access;
    if (rule.rule == http::Rule::public_) return std::nullopt;
    if (!who.signed_in()) return unauthenticated();
    switch (rule.rule) {
        case http::Rule::public_:
        case http::Rule::signed_in:
            return std::nullopt;
        case http::Rule::role:
            if (std::find(rule.roles.begin(), rule.roles.end(), who.role) != rule.roles.end()) return std::nullopt;
            return forbidden("This needs the role: " + [&] {
                std::string s;
                for (const auto& r : rule.roles) s += (s.empty() ? "" : " or ") + r;
                return s;
            }() + ".");
        default:
            break;
    }
    if (!db) return forbidden();
    store::AccessRepository access(*db);
    auto id = parse_id(req.path_param(rule.param));
    if (!id) return http::not_found();
    switch (rule.rule) {
        case http::Rule::fair_organizer:
            if (!access.fair_exists(*id)) return http::not_found("No such fair.");
            if (who.is("organizer") && access.is_fair_organizer(*id, who.user_id)) return std::nullopt;
            return forbidden("Only the organizers of this fair may do this.");
        case http::Rule::owner_or_fair_organizer: {
            std::optional<store::Ownership> o;
            switch (rule.resource) {
                case http::Resource::exhibitor: o = access.exhibitor(*id); break;
                case http::Resource::importer: o = access.importer(*id); break;
                case http::Resource::product: o = access.product(*id); break;
                case http::Resource::photo: o = access.photo(*id); break;
                case http::Resource::meeting: o = access.meeting(*id); break;
                default: return forbidden();
            }
            if (!o) return http::not_found();
            if (o->owner_user_id && *o->owner_user_id == who.user_id) return std::nullopt;
            if (o->second_owner_user_id && *o->second_owner_user_id == who.user_id) return std::nullopt;
            if (who.is("organizer") && access.is_fair_organizer(o->fair_id, who.user_id)) return std::nullopt;
            // Importer profiles and meetings are not public: do not confirm they exist.
            if (rule.resource == http::Resource::importer || rule.resource == http::Resource::meeting)
                return http::not_found();
            return forbidden("Only its owner or an organizer of its fair may change this.");
        }
        case http::Rule::self: {
            std::optional<Id> owner;
            if (rule.resource == http::Resource::api_token) owner = access.api_token_user(*id);
            else if (rule.resource == http::Resource::session) owner = access.session_user(*id);
            else if (rule.resource == http::Resource::deal) owner = access.deal_owner(*id);
            if (owner && *owner == who.user_id) return std::nullopt;
            return http::not_found();
        }
        default:
            return forbidden();
    }
}

}  // namespace fairmatch::server::auth
