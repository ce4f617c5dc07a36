#pragma once
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "server/http/router.hpp"

namespace fairmatch::server::api {

// The OpenAPI 3.1 description of the routes in `router`. Each route's
// request and response schemas come from a table keyed by route name;
// routes missing from that table are listed by undocumented_routes().
nlohmann::json openapi_document(const http::Router& router);
std::set<std::string> undocumented_routes(const http::Router& router);

}  // namespace fairmatch::server::api
