#pragma once
#include <string_view>

namespace fairmatch::server {
// One line to stderr, prefixed with the UTC time; thread-safe.
void log_line(std::string_view level, std::string_view message);
// Quiet mode (benchmarks, tests): drop "access" lines.
void set_access_log(bool enabled);
bool access_log_enabled();
}  // namespace fairmatch::server
