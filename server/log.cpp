#include "server/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace fairmatch::server {

static std::mutex g_log_mutex;
static std::atomic<bool> g_access_log{true};

void set_access_log(bool enabled) { g_access_log = enabled; }
bool access_log_enabled() { return g_access_log; }

void log_line(std::string_view level, std::string_view message) {
    auto now = std::chrono::system_clock::now();
    auto t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char ts[32];
    std::strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
    std::lock_guard lock(g_log_mutex);
    std::fprintf(stderr, "%s.%03dZ %.*s %.*s\n", ts, static_cast<int>(ms), static_cast<int>(level.size()), level.data(),
                 static_cast<int>(message.size()), message.data());
}

}  // namespace fairmatch::server
