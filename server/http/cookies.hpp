#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "server/http/message.hpp"

namespace fairmatch::server::http {

// The value of cookie `name` in the request's Cookie header(s), if any.
std::optional<std::string> cookie(const Request& req, std::string_view name);

struct CookieOptions {
    long max_age_seconds = -1;  // -1: a session cookie; 0: delete
    bool http_only = true;
    bool secure = false;
    std::string same_site = "Lax";
    std::string path = "/";
};

// A Set-Cookie header value.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace fairmatch::server::http
