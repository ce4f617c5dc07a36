#pragma once
#include <nlohmann/json.hpp>

#include "server/http/message.hpp"
#include "server/store/common.hpp"

namespace fairmatch::server::api {

// Serialises `body` as application/json (invalid UTF-8 is replaced, never thrown).
http::Response json_response(int status, const nlohmann::json& body);

// {"items": [...], "total": N, "limit": L, "offset": O}
template <class T, class F>
http::Response list_response(const store::ListResult<T>& list, const store::Page& page, F&& to_json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& x : list.items) items.push_back(to_json(x));
    return json_response(200, {{"items", std::move(items)}, {"total", list.total}, {"limit", page.limit},
                               {"offset", page.offset}});
}

}  // namespace fairmatch::server::api
