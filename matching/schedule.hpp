#pragma once

// Meeting scheduler: places requested meetings into slots and locations.
//
// Pure computation on plain structs: no I/O, no clocks (the caller passes a
// time budget as a callback), deterministic for a given seed whenever the
// search finishes within its budget.
//
// Hard constraints: nobody is in two meetings in one slot; a booth holds one
// meeting per slot; at most `ScheduleSlot::tables` table meetings per slot;
// session wishes; participants' unavailable slots; fixed slots; precedences
// (a meeting listed in `after` is held in a strictly earlier slot).
//
// Objective, in lexicographic order:
//   1. the largest total priority weight of requested meetings held;
//   2. the fewest breaks: for each participant and each break scope (a day,
//      or a session), every two consecutive meetings of theirs that are not in
//      adjacent slots count one break (idle time before the first meeting or
//      after the last one is free). With one day and BreakScope::day this is
//      exactly the definition of Bofill et al. (JAIR 74, 2022);
//   3. fairness among importers: the smallest sum over importers of the
//      squared number of their requested meetings left unscheduled;
//   4. the largest total score of fill-in meetings held (fill-ins never add
//      breaks: they only take slots that keep or lower a participant's breaks).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fairmatch::matching {

enum class SessionKind : std::uint8_t { morning, afternoon };
enum class SessionWish : std::uint8_t { morning, afternoon, any };
enum class LocationKind : std::uint8_t { booth, table };

// Where idle gaps are counted: between meetings of the same day (the JAIR
// definition: the last morning slot and the first afternoon slot are
// adjacent), or only between meetings of the same session.
enum class BreakScope : std::uint8_t { day, session };

struct ScheduleSlot {
  int day = 0;  // non-decreasing along ScheduleProblem::slots
  SessionKind session = SessionKind::morning;
  int tables = 0;  // tables of the shared pool available in this slot
};

struct ScheduleParticipant {
  bool importer = false;          // importers are the side fairness is measured on
  bool has_booth = false;         // may host booth meetings
  bool accepts_fill_ins = false;  // the organizer may fill free slots with fill-ins
  std::vector<int> unavailable;   // slot indices
};

struct ScheduleMeeting {
  int first = 0;   // participant index; for a booth meeting, the booth's owner
  int second = 0;  // participant index, different from `first`
  int weight = 1;  // priority weight, >= 1 (e.g. must-meet 10, would-like 1)
  SessionWish session = SessionWish::any;
  int fixed_slot = -1;  // -1: free, else the only slot it may take
  LocationKind location = LocationKind::table;
  std::vector<int> after;  // meetings that, when both are held, come strictly earlier
  bool cancelled = false;  // kept for stable ids; never scheduled
};

struct FillInPair {
  int first = 0;  // for a booth fill-in, the booth's owner
  int second = 0;
  int score = 0;  // > 0; higher is better
  LocationKind location = LocationKind::table;
};

struct ScheduleProblem {
  std::vector<ScheduleSlot> slots;  // chronological
  std::vector<ScheduleParticipant> participants;
  std::vector<ScheduleMeeting> meetings;
  std::vector<FillInPair> fill_ins;
  BreakScope break_scope = BreakScope::day;
};

enum class UnscheduledReason : std::uint8_t {
  none,            // held
  cancelled,       // ScheduleMeeting::cancelled
  no_common_slot,  // no slot satisfies session, availability and fixed slot for both
  no_table,        // a table meeting in a grid without any table
  precedence,      // its precedences cannot be met (e.g. a cycle)
  capacity,        // every possible slot is taken by meetings of higher priority
  absent,          // repair: a participant is absent from every slot left
  not_selected,    // fill-in not chosen
};

struct Placement {
  int slot = -1;  // -1: not held
  LocationKind location = LocationKind::table;
  // Booth: the owner's participant index. Table: table number 0..tables-1.
  int location_index = -1;
  UnscheduledReason reason = UnscheduledReason::none;

  bool held() const noexcept { return slot >= 0; }
  friend bool operator==(const Placement&, const Placement&) = default;
};

struct ScheduleFigures {
  std::int64_t weight_requested = 0;  // over meetings not cancelled
  std::int64_t weight_held = 0;
  int meetings_requested = 0;
  int meetings_held = 0;
  int breaks = 0;
  std::int64_t importer_shortfall_squares = 0;  // objective 3 (lower is fairer)
  int max_importer_shortfall = 0;
  int fill_ins_held = 0;
  std::int64_t fill_in_score = 0;
  int breaks_lower_bound = 0;  // proven lower bound on breaks (set by the scheduler)

  friend bool operator==(const ScheduleFigures&, const ScheduleFigures&) = default;
};

struct Schedule {
  std::vector<Placement> meetings;  // parallel to ScheduleProblem::meetings
  std::vector<Placement> fill_ins;  // parallel to ScheduleProblem::fill_ins
  ScheduleFigures figures;
};

struct ScheduleOptions {
  std::uint64_t seed = 1;
  // Polled now and then; when it returns true the search stops and returns the
  // best schedule found. Empty: no time limit (the iteration limits apply).
  std::function<bool()> out_of_time;
  // Scales the internal iteration limits (1.0 = default effort).
  double effort = 1.0;
  bool place_fill_ins = true;
};

// Returns the problems found (empty when the problem is well-formed): index
// ranges, slot order, booth meetings of participants without booth, weights,
// fill-in scores. schedule_meetings() throws std::invalid_argument with the
// first of these.
std::vector<std::string> validate(const ScheduleProblem& problem);

// Schedules the meetings. Throws std::invalid_argument if validate() reports a problem.
Schedule schedule_meetings(const ScheduleProblem& problem, const ScheduleOptions& options = {});

// Recomputes the objective figures of a schedule from scratch (does not check
// feasibility; keeps schedule.figures.breaks_lower_bound).
ScheduleFigures evaluate(const ScheduleProblem& problem, const Schedule& schedule);

// Breaks of one participant whose meetings are in the given slots (any order).
int count_breaks(const ScheduleProblem& problem, std::vector<int> slots);

// Lists every hard-constraint violation of a schedule (empty when feasible).
// This is the scheduler's own bookkeeping view; tests use an independent checker.
std::vector<std::string> check_feasibility(const ScheduleProblem& problem, const Schedule& schedule);

}  // namespace fairmatch::matching
