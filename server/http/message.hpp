#pragma once
// Our own HTTP request and response, independent of Beast, so that
// everything below the router can be tested without a socket.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fairmatch::server::http {

// Header names are stored lower-case.
using Headers = std::vector<std::pair<std::string, std::string>>;
using Params = std::vector<std::pair<std::string, std::string>>;

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as received, e.g. "/api/v1/fairs?limit=5"
    std::string path;    // percent-decoded path without the query
    Params query;        // percent-decoded, in order of appearance
    Headers headers;
    std::string body;
    std::string request_id;
    std::string remote_address;
    Params path_params;  // filled by the router

    std::optional<std::string_view> header(std::string_view lower_name) const;
    std::optional<std::string_view> query_param(std::string_view name) const;
    std::string_view path_param(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type;  // empty: no body type
    Headers headers;           // extra headers (lower-case names)
    std::string body;

    Response& set_header(std::string name, std::string value);
    std::optional<std::string_view> header(std::string_view lower_name) const;
};

// Builds a Request's path and query from its target. Returns false when
// the target is not an origin-form path or holds an invalid escape.
bool parse_target(Request& req);

// Percent-decodes; '+' becomes a space only when `plus_is_space`.
// Returns nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view in, bool plus_is_space);

std::string_view reason_phrase(int status);

}  // namespace fairmatch::server::http
