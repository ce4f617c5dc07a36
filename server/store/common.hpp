#pragma once
// Shared pieces of the repositories: paging, list results, JSON-array
// columns, and the current UTC time as stored text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::server::store {

struct Page {
    int limit = 20;
    int offset = 0;
};

template <class T>
struct ListResult {
    std::vector<T> items;
    std::int64_t total = 0;
};

// A list of codes stored as a JSON array text, e.g. ["a","b"].
std::string encode_list(const std::vector<std::string>& values);
// Returns an empty list for malformed text (never thrown at readers).
std::vector<std::string> decode_list(std::string_view text);

// Current time as unix seconds.
std::int64_t unix_now();

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now();

}  // namespace fairmatch::server::store
