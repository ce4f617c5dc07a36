#pragma once
// Repairing the published schedule after a change during the fair (see
// schedule_change_apply.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/api/context.hpp"
#include "server/store/meeting_repository.hpp"

namespace fairmatch::server::api {

struct ScheduleChangeRequest {
    std::string kind;  // cancellation | absence | late_arrival
    Id meeting_id = 0;  // cancellation
    store::Side side = store::Side::importer;  // absence, late_arrival: who
    Id participant = 0;
    std::optional<std::int64_t> from, until;  // absence
    std::optional<std::int64_t> arrives;      // late_arrival
    std::string reason;
};

// In the caller's write transaction: repairs the published schedule of the
// fair (the past and the slot under way stay), writes the changes, stores a
// notification for every participant of a changed meeting and an organizer
// event ("cause" says why: the change's kind, or "no_show"). Returns
// {kind, now_slot, changes, affected, notes}. Throws http::Problem (409) when
// the published schedule no longer fits the fair's data.
nlohmann::json apply_schedule_change(Context& c, Id fair, const ScheduleChangeRequest& change, std::int64_t now,
                                     std::string_view cause);

}  // namespace fairmatch::server::api
