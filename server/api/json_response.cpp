#include "server/api/json_response.hpp"

namespace fairmatch::server::api {

http::Response json_response(int status, const nlohmann::json& body) {
    http::Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

}  // namespace fairmatch::server::api
