#pragma once
// Checks that depend on a request body (the policy has already run on the
// route), and the audit trail of organizer actions.

#include <nlohmann/json.hpp>

#include "server/api/context.hpp"

namespace fairmatch::server::api {

// Throws 403 unless the signed-in user organizes `fair_id`.
void require_fair_organizer(Context& c, Id fair_id);
// True when the signed-in user organizes `fair_id`.
bool organizes(Context& c, Id fair_id);
// Appends to the audit log, in the caller's transaction. `before`/`after`
// may be null.
void audit(Context& c, std::optional<Id> fair_id, std::string_view action, std::string_view entity,
           std::optional<Id> entity_id, const nlohmann::json& before, const nlohmann::json& after);

// Appends a live event to the fair's feed in the caller's transaction and
// queues it for the subscribers (sent after the handler returns). The
// message is `payload` plus "type", "id", "fair_id" and "at".
void emit(Context& c, Id fair, std::string_view type, nlohmann::json payload);

}  // namespace fairmatch::server::api
