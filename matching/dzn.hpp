#pragma once

// Reader for B2B meeting-scheduling instances in the MiniZinc data format of
// Bofill et al. (JAIR 74, 2022), as in ../shared/benchmarks/b2b-jair/, and the
// bridge from such an instance to the scheduler.
//
// Text in, struct out: no file I/O here.

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "matching/schedule.hpp"

namespace fairmatch::matching {

// All ids are 1-based, as in the file.
struct B2bMeeting {
  int first = 0;    // participant 1..businesses
  int second = 0;   // participant 1..businesses
  int session = 3;  // 1 = morning only, 2 = afternoon only, 3 = either
  friend bool operator==(const B2bMeeting&, const B2bMeeting&) = default;
};

struct B2bInstance {
  int businesses = 0;     // nBusiness
  int tables = 0;         // nTables
  int total_slots = 0;    // nTotalSlots
  int morning_slots = 0;  // nMorningSlots: slots 1..morning_slots are the morning
  std::vector<B2bMeeting> meetings;             // requested, in meeting-id order
  std::vector<std::vector<int>> forbidden;      // per participant: slots (sorted, the {0} marker dropped)
  std::vector<int> fixed;                       // per meeting: 0 = free, else its slot
  std::vector<std::vector<int>> precedences;    // per meeting: meetings that come strictly earlier (sorted)
  friend bool operator==(const B2bInstance&, const B2bInstance&) = default;
};

// Malformed input. what() is "line N: <message>" (or just the message when
// no line applies, e.g. a missing parameter); line() is N, or 0.
class DznError : public std::runtime_error {
 public:
  DznError(int line, const std::string& message);
  int line() const noexcept { return line_; }

 private:
  int line_;
};

// Parses the text of a .dzn instance. Accepts `%` comments, integers, sets
// `{a, b, c}` and ranges `{a..b}`, one-dimensional arrays `[...]` and
// two-dimensional arrays `[| a, b, c | ... |]`. Required: nBusiness,
// nMeetings, nTables, nTotalSlots, nMorningSlots, requested. Optional (empty
// when absent): forbidden, fixed, precedences; meetingsxBusiness and
// nMeetingsBusiness are checked against `requested` when present.
// Throws DznError on any syntax error, unknown or repeated parameter, wrong
// count or out-of-range value. Linear in the size of the text.
B2bInstance parse_dzn(std::string_view text);

// The instance as a general scheduling problem: one day, slots 1..morning as
// the morning session and the rest as the afternoon, `tables` tables per
// slot, every meeting a table meeting of weight 1, breaks counted over the
// day. Participant, meeting and slot indices are the file's ids minus one.
ScheduleProblem to_schedule_problem(const B2bInstance& instance);

// One placed meeting, 1-based as in the file.
struct B2bAssignment {
  int meeting = 0;
  int slot = 0;
  int table = 0;  // 1..tables
  friend bool operator==(const B2bAssignment&, const B2bAssignment&) = default;
};

// Exactly what `fairmatch schedule-dzn` prints.
struct B2bSolution {
  std::vector<B2bAssignment> meetings;  // in meeting-id order, held meetings only
  int breaks = 0;
  std::vector<int> unscheduled;  // meeting ids, ascending
  int breaks_lower_bound = 0;    // proven lower bound (informative)
  friend bool operator==(const B2bSolution&, const B2bSolution&) = default;
};

struct B2bSolveOptions {
  std::uint64_t seed = 1;
  std::function<bool()> out_of_time;  // empty: the iteration limits alone apply
  double effort = 1.0;
};

// Schedules an instance. Deterministic for a seed when the search ends on its
// own iteration limits before out_of_time fires.
B2bSolution solve_b2b(const B2bInstance& instance, const B2bSolveOptions& options = {});

// Convenience: a time budget in seconds measured on the steady clock from
// the call (seconds <= 0: no time limit, default effort). The iteration
// budget scales with it (effort = seconds / 10), sized so that a 10 s budget
// normally ends on its own iteration limit well before the deadline; the
// result is then the same on every run with the same seed and seconds.
B2bSolution solve_b2b(const B2bInstance& instance, std::uint64_t seed, double seconds);

}  // namespace fairmatch::matching
