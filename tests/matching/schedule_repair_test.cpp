#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "matching/schedule.hpp"
#include "matching/schedule_repair.hpp"

namespace fairmatch::matching::testing {
// Defined in schedule_checker_test.cpp.
std::vector<std::string> independent_violations(const ScheduleProblem& pr, const Schedule& s);
int independent_breaks(const ScheduleProblem& pr, const Schedule& s);
}  // namespace fairmatch::matching::testing

namespace {

using namespace fairmatch::matching;
using fairmatch::matching::testing::independent_breaks;
using fairmatch::matching::testing::independent_violations;

ScheduleProblem fair_problem(std::uint32_t seed) {
  std::mt19937 rng(seed);
  ScheduleProblem pr;
  for (int d = 0; d < 2; ++d)
    for (int k = 0; k < 10; ++k) pr.slots.push_back({d, k < 5 ? SessionKind::morning : SessionKind::afternoon, 6});
  const int exhibitors = 20, importers = 40;
  pr.participants.resize(exhibitors + importers);
  for (int e = 0; e < exhibitors; ++e) pr.participants[e].has_booth = true;
  for (int i = 0; i < importers; ++i) pr.participants[exhibitors + i].importer = true;
  std::set<std::pair<int, int>> seen;
  while (pr.meetings.size() < 240) {
    const int e = static_cast<int>(rng() % exhibitors), i = exhibitors + static_cast<int>(rng() % importers);
    if (!seen.insert({e, i}).second) continue;
    ScheduleMeeting m;
    m.first = e;
    m.second = i;
    m.weight = rng() % 3 == 0 ? 5 : 1;
    m.location = rng() % 2 ? LocationKind::booth : LocationKind::table;
    pr.meetings.push_back(m);
  }
  return pr;
}

Schedule solved(const ScheduleProblem& pr) {
  ScheduleOptions o;
  o.effort = 0.003;
  return schedule_meetings(pr, o);
}

// Checks everything a repair promises, independently of its own bookkeeping.
void expect_sound_repair(const ScheduleProblem& before_pr, const Schedule& before, int now, const RepairResult& r) {
  const auto v = independent_violations(r.problem, r.schedule);
  ASSERT_TRUE(v.empty()) << v.front();
  EXPECT_EQ(r.schedule.figures.breaks, independent_breaks(r.problem, r.schedule));
  std::vector<int> diff;
  std::set<int> people;
  for (std::size_t m = 0; m < r.schedule.meetings.size(); ++m) {
    const Placement old = m < before.meetings.size() ? before.meetings[m] : Placement{};
    const Placement& now_pl = r.schedule.meetings[m];
    // The past is untouched.
    if (old.held() && old.slot < now) {
      EXPECT_EQ(now_pl.slot, old.slot) << "meeting " << m;
      EXPECT_EQ(now_pl.location_index, old.location_index) << "meeting " << m;
    }
    if (now_pl.held() && !(old.held() && old.slot == now_pl.slot)) {
      EXPECT_GE(now_pl.slot, now) << "meeting " << m << " moved into the past";
    }
    const bool same = old.slot == now_pl.slot && (!old.held() || old.location_index == now_pl.location_index);
    if (!same || m >= before.meetings.size()) {
      diff.push_back(static_cast<int>(m));
      people.insert(r.problem.meetings[m].first);
      people.insert(r.problem.meetings[m].second);
    }
  }
  EXPECT_EQ(r.changed_meetings, diff);
  EXPECT_EQ(r.affected_participants, std::vector<int>(people.begin(), people.end()));
  ASSERT_EQ(r.changes.size(), r.changed_meetings.size());
  for (std::size_t i = 0; i < r.changes.size(); ++i) {
    EXPECT_EQ(r.changes[i].meeting, r.changed_meetings[i]);
    EXPECT_EQ(r.changes[i].after, r.schedule.meetings[r.changes[i].meeting]);
  }
  (void)before_pr;
}

TEST(ScheduleRepair, CancellationChangesOnlyThatMeeting) {
  const ScheduleProblem pr = fair_problem(1);
  const Schedule s = solved(pr);
  const int now = 6;
  int victim = -1;
  for (std::size_t m = 0; m < s.meetings.size() && victim < 0; ++m)
    if (s.meetings[m].slot >= now) victim = static_cast<int>(m);
  ASSERT_GE(victim, 0);
  ScheduleChange c;
  c.kind = ChangeKind::cancellation;
  c.meeting = victim;
  const RepairResult r = repair_schedule(pr, s, now, c);
  expect_sound_repair(pr, s, now, r);
  EXPECT_EQ(r.changed_meetings, std::vector<int>{victim});
  EXPECT_EQ(r.schedule.meetings[victim].reason, UnscheduledReason::cancelled);
  EXPECT_TRUE(r.problem.meetings[victim].cancelled);
  std::vector<int> pair = {pr.meetings[victim].first, pr.meetings[victim].second};
  std::sort(pair.begin(), pair.end());
  EXPECT_EQ(r.affected_participants, pair);
}

TEST(ScheduleRepair, AbsenceMovesTheParticipantsMeetingsOutOfTheGap) {
  for (std::uint32_t seed = 1; seed <= 3; ++seed) {
    const ScheduleProblem pr = fair_problem(seed);
    const Schedule s = solved(pr);
    const int now = 4;
    ScheduleChange c;
    c.kind = ChangeKind::absence;
    // The exhibitor with the most meetings in slots 5..8.
    std::vector<int> busy(20, 0);
    for (std::size_t m = 0; m < pr.meetings.size(); ++m)
      if (s.meetings[m].slot >= 5 && s.meetings[m].slot < 9) ++busy[pr.meetings[m].first];
    c.participant = static_cast<int>(std::max_element(busy.begin(), busy.end()) - busy.begin());
    c.from_slot = 5;
    c.until_slot = 9;
    const RepairResult r = repair_schedule(pr, s, now, c);
    expect_sound_repair(pr, s, now, r);
    int displaced = 0;
    for (std::size_t m = 0; m < pr.meetings.size(); ++m) {
      const auto& q = pr.meetings[m];
      if (q.first != c.participant && q.second != c.participant) continue;
      if (s.meetings[m].slot >= 5 && s.meetings[m].slot < 9) ++displaced;
      const int t = r.schedule.meetings[m].slot;
      EXPECT_FALSE(t >= 5 && t < 9) << "meeting " << m << " still in the absence";
    }
    EXPECT_GT(displaced, 0);
    EXPECT_GE(static_cast<int>(r.changed_meetings.size()), displaced);
    // Held weight can only drop by the displaced meetings that found no place.
    EXPECT_GE(r.schedule.figures.meetings_held, s.figures.meetings_held - displaced);
  }
}

TEST(ScheduleRepair, LateArrivalIsAnAbsenceFromNow) {
  const ScheduleProblem pr = fair_problem(4);
  const Schedule s = solved(pr);
  const int now = 10;  // start of day 2
  ScheduleChange c;
  c.kind = ChangeKind::late_arrival;
  c.participant = 25;  // an importer
  c.from_slot = 13;
  const RepairResult r = repair_schedule(pr, s, now, c);
  expect_sound_repair(pr, s, now, r);
  for (std::size_t m = 0; m < pr.meetings.size(); ++m) {
    const auto& q = pr.meetings[m];
    if (q.first != 25 && q.second != 25) continue;
    const int t = r.schedule.meetings[m].slot;
    EXPECT_FALSE(t >= 10 && t < 13);
  }
}

TEST(ScheduleRepair, UrgentMeetingIsPlacedMovingFewMeetings) {
  const ScheduleProblem pr = fair_problem(5);
  const Schedule s = solved(pr);
  const int now = 12;
  ScheduleChange c;
  c.kind = ChangeKind::urgent_meeting;
  c.meeting_request.first = 2;
  c.meeting_request.second = 30;
  c.meeting_request.weight = 10;
  c.meeting_request.location = LocationKind::booth;
  const RepairResult r = repair_schedule(pr, s, now, c);
  expect_sound_repair(pr, s, now, r);
  const int id = static_cast<int>(pr.meetings.size());
  ASSERT_EQ(r.schedule.meetings.size(), pr.meetings.size() + 1);
  EXPECT_TRUE(r.schedule.meetings[id].held());
  EXPECT_GE(r.schedule.meetings[id].slot, now);
  EXPECT_LE(r.changed_meetings.size(), 3u);
  EXPECT_EQ(r.schedule.figures.meetings_held, s.figures.meetings_held + 1);
}

TEST(ScheduleRepair, UrgentMeetingMovesOneMeetingWhenNeeded) {
  // Two slots. 0 meets 1 in slot 0 and 2 in slot 1; an urgent 0-3 meeting
  // fits only if 0-2 moves... which it cannot (0 is full): the urgent one,
  // heavier, bumps the lightest meeting in the way.
  ScheduleProblem pr;
  pr.slots = {{0, SessionKind::morning, 2}, {0, SessionKind::morning, 2}, {0, SessionKind::morning, 2}};
  pr.participants.resize(4);
  pr.participants[1].unavailable = {1, 2};
  ScheduleMeeting a;
  a.first = 0;
  a.second = 1;
  ScheduleMeeting b;
  b.first = 0;
  b.second = 2;
  pr.meetings = {a, b};
  Schedule s;
  s.meetings = {{0, LocationKind::table, 0}, {1, LocationKind::table, 0}};
  s.figures = evaluate(pr, s);
  ScheduleChange c;
  c.kind = ChangeKind::urgent_meeting;
  c.meeting_request.first = 0;
  c.meeting_request.second = 3;
  c.meeting_request.weight = 5;
  c.meeting_request.fixed_slot = 1;
  const RepairResult r = repair_schedule(pr, s, 0, c);
  expect_sound_repair(pr, s, 0, r);
  EXPECT_EQ(r.schedule.meetings[2].slot, 1);
  EXPECT_EQ(r.schedule.meetings[1].slot, 2);  // moved one slot later, not dropped
  EXPECT_EQ(r.changed_meetings, (std::vector<int>{1, 2}));
  EXPECT_EQ(r.affected_participants, (std::vector<int>{0, 2, 3}));
}

TEST(ScheduleRepair, RejectsInvalidChanges) {
  const ScheduleProblem pr = fair_problem(6);
  const Schedule s = solved(pr);
  int past = -1;
  for (std::size_t m = 0; m < s.meetings.size() && past < 0; ++m)
    if (s.meetings[m].held() && s.meetings[m].slot < 5) past = static_cast<int>(m);
  ASSERT_GE(past, 0);
  ScheduleChange c;
  c.kind = ChangeKind::cancellation;
  c.meeting = past;
  EXPECT_THROW(repair_schedule(pr, s, 5, c), std::invalid_argument);
  c.meeting = 100000;
  EXPECT_THROW(repair_schedule(pr, s, 5, c), std::invalid_argument);
  c.kind = ChangeKind::absence;
  c.participant = -1;
  EXPECT_THROW(repair_schedule(pr, s, 5, c), std::invalid_argument);
  EXPECT_THROW(repair_schedule(pr, s, 99, ScheduleChange{}), std::invalid_argument);
}

}  // namespace
