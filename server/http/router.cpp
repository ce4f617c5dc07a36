#include "server/http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace fairmatch::server::http {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        auto j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        out.emplace_back(path.substr(i, j - i));
        i = j;
    }
    return out;
}

static bool is_capture(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

void Router::add(Route route) {
    route.segments = split_path(route.pattern);
    for (const auto& r : routes_) {
        if (r.method == route.method && r.pattern == route.pattern)
            throw std::logic_error("duplicate route " + route.method + " " + route.pattern);
    }
    routes_.push_back(std::move(route));
}

static bool matches(const Route& r, const std::vector<std::string>& segs, Params* params) {
    if (r.segments.size() != segs.size()) return false;
    for (std::size_t i = 0; i < segs.size(); ++i) {
        if (is_capture(r.segments[i])) {
            if (segs[i].empty()) return false;
            if (params) params->emplace_back(r.segments[i].substr(1, r.segments[i].size() - 2), segs[i]);
        } else if (r.segments[i] != segs[i]) {
            return false;
        }
    }
    return true;
}

Match Router::match(std::string_view method, std::string_view path) const {
    Match m;
    // A trailing slash or an empty segment is a different path ("/a//b").
    if (path.size() > 1 && path.back() == '/') return m;
    if (path.find("//") != std::string_view::npos) return m;
    auto segs = split_path(path);
    std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
    // Literal segments win over captures: try exact-literal routes first.
    const Route* best = nullptr;
    int best_literals = -1;
    for (const auto& r : routes_) {
        if (!matches(r, segs, nullptr)) continue;
        if (r.method == wanted) {
            int literals = static_cast<int>(std::count_if(r.segments.begin(), r.segments.end(),
                                                          [](const std::string& s) { return !is_capture(s); }));
            if (literals > best_literals) {
                best = &r;
                best_literals = literals;
            }
        } else if (std::find(m.allow.begin(), m.allow.end(), r.method) == m.allow.end()) {
            m.allow.push_back(r.method);
        }
    }
    if (best) {
        matches(*best, segs, &m.params);
        m.route = best;
        m.allow.clear();
        return m;
    }
    if (std::find(m.allow.begin(), m.allow.end(), "GET") != m.allow.end()) m.allow.push_back("HEAD");
    std::sort(m.allow.begin(), m.allow.end());
    return m;
}

}  // namespace fairmatch::server::http
