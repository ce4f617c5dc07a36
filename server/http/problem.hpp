#pragma once
// RFC 9457 problem details. A handler reports a failure by throwing a
// Problem (or returning problem_response); the router renders it as
// application/problem+json. Anything else thrown becomes a generic 500.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "server/http/message.hpp"

namespace fairmatch::server::http {

struct FieldError {
    std::string field;    // JSON pointer-ish name, e.g. "categories[2]"
    std::string code;     // machine-readable, e.g. "too_long", "unknown_code"
    std::string message;  // English sentence for developers
};

struct Problem {
    int status = 500;
    std::string type;  // short slug, rendered as "/problems/<slug>"
    std::string title;
    std::string detail;
    std::vector<FieldError> errors;
    // RFC 9457 extension members, e.g. {"booth": "A-12"} naming what a
    // conflict was about; merged into the body.
    nlohmann::json extensions = nlohmann::json::object();
};

Response problem_response(const Problem& p, std::string_view request_id = {});

// Common problems.
Problem bad_request(std::string detail);
Problem not_found(std::string detail = "The requested resource does not exist.");
Problem validation_failed(std::vector<FieldError> errors);
Problem conflict(std::string detail);

}  // namespace fairmatch::server::http
