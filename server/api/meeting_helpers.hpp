#pragma once
// Shared by the meeting handlers (requests, availability, grid, scheduler
// runs, schedules, calendars): who the caller is as a participant, the
// fair's grid with its slots, and small rendering helpers.

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

#include "server/api/context.hpp"
#include "server/domain/types.hpp"
#include "server/http/problem.hpp"
#include "server/meetings/grid.hpp"
#include "server/meetings/schedule_input.hpp"
#include "server/store/meeting_repository.hpp"

namespace fairmatch::server::api {

// The side of a signed-in importer or exhibitor.
store::Side my_side(const Context& c);

// The caller's profile in the fair; throws 409 no-profile when there is none.
store::Participant my_participant(Context& c, Id fair);

// The fair, or 404.
Fair fair_or_404(store::Connection& db, Id fair);

// The required ?fair= query parameter; throws 400 when absent or malformed.
Id fair_query(const http::Request& req);

// The optional ?status= filter of a request list (pending, accepted,
// declined, cancelled, expired); 400 with a field error otherwise.
std::optional<std::string> request_status_query(const http::Request& req);

// The fair's grid with its derived slots.
struct FairGrid {
    meetings::Grid grid;
    int utc_offset = 0;  // minutes
    std::vector<meetings::GridSlot> slots;
    std::string updated_at;
};
// nullopt when the fair has no grid yet, or its time zone has no fixed offset.
std::optional<FairGrid> load_grid(store::Connection& db, const Fair& fair);

// The stored rows the scheduling problem is built from (see load_problem).
meetings::ScheduleRows load_rows(store::Connection& db, Id fair, const FairGrid& grid);

// A run's problem with fill-ins: reads what the candidate search needs in the
// caller's transaction (the fill-ins published earlier leave rows.requests,
// the pairs with a request, the fair's recommendation population and
// weights) and returns the step that searches the candidates (see
// meetings/fill_ins.hpp) and builds the problem, for a job thread to run.
std::function<meetings::ScheduleInput()> fill_in_problem(Context& c, Id fair, meetings::ScheduleRows rows);

// The scheduling problem of a fair as stored now (accepted requests between
// approved participants, booths, availability), loaded in the caller's transaction.
meetings::ScheduleInput load_problem(store::Connection& db, Id fair, const FairGrid& grid);

// A meeting request as the API shows it; `viewer` adds "box" (inbox or
// outbox); `grid` turns a fixed start into its slot index; `after` lists the
// requests it is held after.
nlohmann::json request_json(const store::MeetingRequest& r, std::optional<store::Side> viewer,
                            const std::optional<FairGrid>& grid = std::nullopt, const std::vector<Id>& after = {});

// ISO 8601 UTC text, or null.
nlohmann::json iso_or_null(const std::optional<std::int64_t>& t);

// A slot's (or meeting's) times: start and end in UTC, plus the local day and
// times in the fair's time zone.
void put_times(nlohmann::json& j, std::int64_t starts_at, std::int64_t ends_at, std::optional<int> utc_offset);


}  // namespace fairmatch::server::api
