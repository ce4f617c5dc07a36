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

// Who may call a route. Checked by the access policy before the handler.
enum class Access {
    public_,         // anyone
    signed_in,       // any signed-in user
    organizer,       // a user with the organizer role
};

using Handler = std::function<Response(Context&)>;

struct Route {
    std::string method;   // upper-case
    std::string pattern;  // segments, "{name}" captures one segment
    std::string name;     // stable metric/route id, e.g. "exhibitors.get"
    DbMode db = DbMode::none;
    Access access = Access::public_;
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
