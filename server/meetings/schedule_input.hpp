#pragma once
// The bridge from stored meeting data to the scheduling engine and back:
// accepted requests become engine meetings (must_meet weighs 10,
// would_like 1) with their session wish, fixed slot and precedences,
// participants become engine participants with their unavailable slots,
// fill-in candidates become engine fill-in pairs, and the engine's
// placements become result rows with times and a location label. No SQL
// and no JSON here.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "matching/schedule.hpp"
#include "server/domain/types.hpp"
#include "server/meetings/grid.hpp"
#include "server/store/meeting_repository.hpp"
#include "server/store/schedule_repository.hpp"

namespace fairmatch::server::meetings {

constexpr int kMustMeetWeight = 10;
constexpr int kWouldLikeWeight = 1;

// A pair the organizer may schedule in free slots (both accept fill-ins).
struct FillInCandidate {
    Id importer_id = 0, exhibitor_id = 0;
    int score = 0;                 // 1..100, from the recommendations
    std::optional<Id> request_id;  // its 'recommended' request when published before
    std::string reason;            // JSON {"vi": ..., "en": ...}
};

struct ScheduleRows {
    std::vector<GridSlot> slots;  // chronological, from derive_slots
    int tables = 0;
    bool use_booths = true;
    std::vector<store::AcceptedRequest> requests;
    std::vector<store::Unavailability> unavailable;
    std::map<Id, std::string> booths;  // exhibitor -> code of its confirmed or approved booth
    std::set<Id> fill_in_importers, fill_in_exhibitors;
    std::vector<FillInCandidate> fill_ins;
};

struct ParticipantRef {
    store::Side side = store::Side::importer;
    Id id = 0;
};

struct ScheduleInput {
    matching::ScheduleProblem problem;
    std::vector<Id> request_ids;               // parallel to problem.meetings
    std::vector<ParticipantRef> participants;  // parallel to problem.participants
    std::vector<std::string> booth_codes;      // parallel to problem.participants ("" without booth)
    std::vector<GridSlot> slots;               // parallel to problem.slots
    std::vector<FillInCandidate> fill_ins;     // parallel to problem.fill_ins
    // Meetings whose fixed start is no longer a slot of the grid (parallel
    // to problem.meetings): passed to the engine as cancelled, reported as
    // "fixed_slot_gone".
    std::vector<bool> fixed_slot_gone;
};

// The engine's problem for one fair. A meeting is held at the exhibitor's
// booth when booths are used and the exhibitor has one, else at a table.
ScheduleInput build_schedule_input(const ScheduleRows& rows);

// "none", "no_common_slot", "no_table", "capacity", ...
std::string_view reason_code(matching::UnscheduledReason reason);

// Why meeting `m` of the input is not held ("none" when held).
std::string_view meeting_reason(const ScheduleInput& input, const matching::Schedule& schedule, std::size_t m);

// The fill-in meetings the engine placed, with times and location label.
std::vector<store::RunFillIn> fill_in_rows(const ScheduleInput& input, const matching::Schedule& schedule);

// One row per meeting of the input: slot, UTC times and location label
// ("A-12" or "Table 3") when held, else the reason.
std::vector<store::RunMeeting> result_rows(const ScheduleInput& input, const matching::Schedule& schedule);

}  // namespace fairmatch::server::meetings
