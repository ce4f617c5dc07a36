#pragma once

// Live repair of a published schedule during the fair.
//
// Given the problem, its current schedule, the current slot and one change,
// repair_schedule() returns a new schedule that keeps the past as it was
// (every meeting in a slot before `now` stays where it is) and changes as few
// future meetings as possible, then lists exactly which meetings changed and
// which participants are affected (everyone in a changed meeting).
//
// Order of concerns: keep all the priority weight that can be kept, then move
// as few meetings as possible, then add as few breaks as possible. Moves are
// searched as ejection chains of bounded length (a displaced meeting may
// displace one more). Pure and deterministic; cost grows with the number of
// affected meetings, not with the size of the fair, beyond one linear pass to
// index the schedule.

#include <string>
#include <vector>

#include "matching/schedule.hpp"

namespace fairmatch::matching {

enum class ChangeKind : std::uint8_t {
  cancellation,    // `meeting` is cancelled
  absence,         // `participant` is away for slots [from_slot, until_slot)
  late_arrival,    // `participant` arrives at `from_slot`: away for [now, from_slot)
  urgent_meeting,  // `meeting_request` is added and must be placed if at all possible
};

struct ScheduleChange {
  ChangeKind kind = ChangeKind::cancellation;
  int meeting = -1;      // cancellation
  int participant = -1;  // absence, late_arrival
  int from_slot = 0;     // absence: first slot away; late_arrival: arrival slot
  int until_slot = -1;   // absence: first slot back (-1: until the end)
  ScheduleMeeting meeting_request;  // urgent_meeting (its `fixed_slot` is honoured)
};

struct MeetingChange {
  int meeting = -1;
  Placement before;
  Placement after;
  friend bool operator==(const MeetingChange&, const MeetingChange&) = default;
};

struct RepairResult {
  // The changed problem: the cancellation recorded, the absence added to the
  // participant's unavailable slots, or the urgent meeting appended (its
  // index is the old number of meetings).
  ScheduleProblem problem;
  Schedule schedule;                      // for `problem`
  std::vector<MeetingChange> changes;     // every meeting whose placement differs, ascending ids
  std::vector<int> changed_meetings;      // their ids
  std::vector<int> affected_participants; // ascending
  std::vector<std::string> notes;         // human-readable remarks (e.g. a meeting dropped and why)
};

struct RepairOptions {
  int max_chain = 2;  // meetings a single placement may displace in a row
  // After a cancellation, also try to hold waiting (unscheduled) requests of
  // the two participants in the freed slot. This touches their counterparts.
  bool use_freed_slot = false;
};

// `now`: first slot that may still change (slots before it are in the past
// or under way). Throws std::invalid_argument on an invalid change (unknown
// meeting or participant, a meeting already past, a slot out of range).
RepairResult repair_schedule(const ScheduleProblem& problem, const Schedule& schedule, int now,
                             const ScheduleChange& change, const RepairOptions& options = {});

}  // namespace fairmatch::matching
