#pragma once
// The route table: method + path pattern ("/api/v1/fairs/{fair}") -> rule
// and handler. Matching is pure: 404 when no pattern matches the path,
// 405 with the allowed methods when the path matches under other methods.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/message.hpp"

namespace fairmatch::server {
struct Context;  // defined in server/api/context.hpp
}

namespace fairmatch::server::http {

// Which connection the handler needs; decides the DB thread it runs on.
enum class DbMode { none, read, write };

// Who may call a route: one rule per route, checked by the access policy
// (server/auth/policy.hpp) before the handler runs.
enum class Rule {
    public_,                  // anyone, signed in or not
    signed_in,                // any signed-in user
    role,                     // a signed-in user whose role is in `roles`
    fair_organizer,           // an organizer of the fair named by path parameter `param`
    owner_or_fair_organizer,  // the owner of `resource` `param`, or an organizer of its fair
    self,                     // `resource` `param` belongs to the signed-in user (else 404)
};

// The kind of resource an ownership rule looks up.
enum class Resource { none, fair, exhibitor, importer, product, photo, api_token, session, deal, meeting };

struct Access {
    Rule rule = Rule::public_;
    std::vector<std::string> roles;  // for Rule::role
    Resource resource = Resource::none;
    std::string param;  // the path parameter that names the resource or fair
};

namespace access {
inline Access public_() { return {}; }
inline Access signed_in() { return {Rule::signed_in, {}, Resource::none, ""}; }
inline Access role(std::vector<std::string> roles) { return {Rule::role, std::move(roles), Resource::none, ""}; }
inline Access fair_organizer(std::string param) { return {Rule::fair_organizer, {}, Resource::fair, std::move(param)}; }
inline Access owner_or_fair_organizer(Resource r, std::string param) {
    return {Rule::owner_or_fair_organizer, {}, r, std::move(param)};
}
inline Access self(Resource r, std::string param) { return {Rule::self, {}, r, std::move(param)}; }
}  // namespace access

using Handler = std::function<Response(Context&)>;

struct Route {
    std::string method;   // upper-case
    std::string pattern;  // segments, "{name}" captures one segment
    std::string name;     // stable metric/route id, e.g. "exhibitors.get"
    DbMode db = DbMode::none;
    Access access;
    Handler handler;
    std::string summary;  // for the OpenAPI description
    std::size_t max_body = 0;  // 0: the server's JSON body limit
    // Filled by Router::add.
    std::vector<std::string> segments;
};

struct Match {
    const Route* route = nullptr;
    Params params;
    std::vector<std::string> allow;  // when the path exists under other methods
};

class Router {
public:
    void add(Route route);
    // HEAD matches GET routes.
    Match match(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const noexcept { return routes_; }

private:
    std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace fairmatch::server::http
