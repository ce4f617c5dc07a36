#include "server/store/common.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

namespace fairmatch::server::store {

std::string encode_list(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

// Fast path for what encode_list writes: ["a","b"] with plain strings (no
// escapes). Returns false to fall back to the full parser.
static bool decode_simple(std::string_view t, std::vector<std::string>& out) {
    if (t.size() < 2 || t.front() != '[' || t.back() != ']') return false;
    std::size_t i = 1;
    if (t.size() == 2) return true;
    while (i < t.size() - 1) {
        if (t[i] != '"') return false;
        auto end = t.find('"', i + 1);
        if (end == std::string_view::npos) return false;
        auto item = t.substr(i + 1, end - i - 1);
        if (item.find('\\') != std::string_view::npos) return false;
        out.emplace_back(item);
        i = end + 1;
        if (t[i] == ',') ++i;
        else if (i != t.size() - 1) return false;
    }
    return true;
}

std::vector<std::string> decode_list(std::string_view text) {
    {
        std::vector<std::string> fast;
        if (decode_simple(text, fast)) return fast;
    }
    auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!j.is_array()) return out;
    for (const auto& v : j)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string utc_now() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace fairmatch::server::store
