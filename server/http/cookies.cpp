#include "server/http/cookies.hpp"

namespace fairmatch::server::http {

std::optional<std::string> cookie(const Request& req, std::string_view name) {
    for (const auto& [k, v] : req.headers) {
        if (k != "cookie") continue;
        std::string_view rest = v;
        while (!rest.empty()) {
            auto semi = rest.find(';');
            auto part = rest.substr(0, semi);
            rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
            while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
            auto eq = part.find('=');
            if (eq == std::string_view::npos) continue;
            if (part.substr(0, eq) == name) {
                auto value = part.substr(eq + 1);
                if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                    value = value.substr(1, value.size() - 2);
                return std::string(value);
            }
        }
    }
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
    std::string s;
    s.append(name).append("=").append(value);
    s += "; Path=" + o.path;
    if (o.max_age_seconds >= 0) s += "; Max-Age=" + std::to_string(o.max_age_seconds);
    if (o.http_only) s += "; HttpOnly";
    if (o.secure) s += "; Secure";
    if (!o.same_site.empty()) s += "; SameSite=" + o.same_site;
    return s;
}

}  // namespace fairmatch::server::http
