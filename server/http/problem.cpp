#include "server/http/problem.hpp"

#include <nlohmann/json.hpp>

namespace fairmatch::server::http {

Response problem_response(const Problem& p, std::string_view request_id) {
    nlohmann::json j;
    j["type"] = p.type.empty() ? std::string("about:blank") : "/problems/" + p.type;
    j["title"] = p.title.empty() ? std::string(reason_phrase(p.status)) : p.title;
    j["status"] = p.status;
    if (!p.detail.empty()) j["detail"] = p.detail;
    if (!request_id.empty()) j["request_id"] = request_id;
    if (!p.errors.empty()) {
        auto& arr = j["errors"] = nlohmann::json::array();
        for (const auto& e : p.errors) {
            arr.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
        }
    }
    for (auto it = p.extensions.begin(); it != p.extensions.end(); ++it)
        if (!j.contains(it.key())) j[it.key()] = *it;
    Response r;
    r.status = p.status;
    r.content_type = "application/problem+json";
    r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

Problem bad_request(std::string detail) { return {400, "bad-request", "Bad request", std::move(detail), {}}; }

Problem not_found(std::string detail) { return {404, "not-found", "Not found", std::move(detail), {}}; }

Problem validation_failed(std::vector<FieldError> errors) {
    return {422, "validation-error", "Validation failed", "One or more fields are invalid.", std::move(errors)};
}

Problem conflict(std::string detail) { return {409, "conflict", "Conflict", std::move(detail), {}}; }

}  // namespace fairmatch::server::http
