#pragma once
// A participant's own notification from a handler: stored in the caller's
// transaction, published on the personal hub once the handler succeeded.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/api/context.hpp"

namespace fairmatch::server::api {

void notify(Context& c, Id fair, std::string_view kind, Id participant, std::string_view type, nlohmann::json payload,
            std::optional<std::string> dedupe = std::nullopt);

}  // namespace fairmatch::server::api
