// An independent feasibility checker for schedules, written from the problem
// statement only (no scheduler code), and tests that it catches each kind of
// violation. The other schedule tests call it on every schedule they produce.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "matching/schedule.hpp"

namespace fairmatch::matching::testing {

std::vector<std::string> independent_violations(const ScheduleProblem& pr, const Schedule& s) {
  std::vector<std::string> v;
  const int T = static_cast<int>(pr.slots.size());
  const int P = static_cast<int>(pr.participants.size());
  if (s.meetings.size() != pr.meetings.size()) v.push_back("meeting count differs");
  if (s.fill_ins.size() != pr.fill_ins.size()) v.push_back("fill-in count differs");
  if (!v.empty()) return v;
  std::set<std::pair<int, int>> person_slot;  // (participant, slot)
  std::set<std::pair<int, int>> table_slot;   // (table, slot)
  std::set<std::pair<int, int>> booth_slot;   // (booth owner, slot)
  auto one = [&](const std::string& name, const Placement& pl, int a, int b, SessionWish wish, int fixed,
                 LocationKind kind) {
    if (!pl.held()) {
      if (pl.reason == UnscheduledReason::none) v.push_back(name + " unscheduled without a reason");
      return;
    }
    if (pl.reason != UnscheduledReason::none) v.push_back(name + " held but has a reason");
    const int t = pl.slot;
    if (t < 0 || t >= T) {
      v.push_back(name + " slot out of range");
      return;
    }
    if (wish == SessionWish::morning && pr.slots[t].session != SessionKind::morning) v.push_back(name + " not in the morning");
    if (wish == SessionWish::afternoon && pr.slots[t].session != SessionKind::afternoon)
      v.push_back(name + " not in the afternoon");
    if (fixed >= 0 && t != fixed) v.push_back(name + " not at its fixed slot");
    for (int p : {a, b}) {
      const auto& un = pr.participants[p].unavailable;
      if (std::count(un.begin(), un.end(), t)) v.push_back(name + " participant unavailable");
      if (!person_slot.insert({p, t}).second) v.push_back(name + " participant double-booked");
    }
    if (pl.location != kind) v.push_back(name + " wrong location kind");
    if (kind == LocationKind::booth) {
      if (pl.location_index != a) v.push_back(name + " not at the owner's booth");
      if (!pr.participants[a].has_booth) v.push_back(name + " owner has no booth");
      if (!booth_slot.insert({pl.location_index, t}).second) v.push_back(name + " booth double-booked");
    } else {
      if (pl.location_index < 0 || pl.location_index >= pr.slots[t].tables) v.push_back(name + " table out of range");
      if (!table_slot.insert({pl.location_index, t}).second) v.push_back(name + " table double-booked");
    }
  };
  for (std::size_t m = 0; m < pr.meetings.size(); ++m) {
    const auto& r = pr.meetings[m];
    const std::string name = "meeting " + std::to_string(m);
    if (r.cancelled && s.meetings[m].held()) v.push_back(name + " cancelled yet held");
    one(name, s.meetings[m], r.first, r.second, r.session, r.fixed_slot, r.location);
    if (s.meetings[m].held())
      for (int q : r.after)
        if (s.meetings[q].held() && !(s.meetings[q].slot < s.meetings[m].slot)) v.push_back(name + " precedence broken");
  }
  for (std::size_t f = 0; f < pr.fill_ins.size(); ++f) {
    const auto& r = pr.fill_ins[f];
    const std::string name = "fill-in " + std::to_string(f);
    if (s.fill_ins[f].held() && (!pr.participants[r.first].accepts_fill_ins || !pr.participants[r.second].accepts_fill_ins))
      v.push_back(name + " for a participant who declined fill-ins");
    one(name, s.fill_ins[f], r.first, r.second, SessionWish::any, -1, r.location);
  }
  (void)P;
  return v;
}

// Breaks from the definition: per participant, sorted slots; two neighbours
// in the same scope (day, or day and session) that are not consecutive
// slot indices count one.
int independent_breaks(const ScheduleProblem& pr, const Schedule& s) {
  std::vector<std::vector<int>> by(pr.participants.size());
  for (std::size_t m = 0; m < pr.meetings.size(); ++m)
    if (s.meetings[m].held()) {
      by[pr.meetings[m].first].push_back(s.meetings[m].slot);
      by[pr.meetings[m].second].push_back(s.meetings[m].slot);
    }
  for (std::size_t f = 0; f < pr.fill_ins.size(); ++f)
    if (s.fill_ins[f].held()) {
      by[pr.fill_ins[f].first].push_back(s.fill_ins[f].slot);
      by[pr.fill_ins[f].second].push_back(s.fill_ins[f].slot);
    }
  auto scope = [&](int t) {
    return pr.break_scope == BreakScope::day ? std::tuple(pr.slots[t].day, 0)
                                             : std::tuple(pr.slots[t].day, static_cast<int>(pr.slots[t].session));
  };
  int total = 0;
  for (auto& l : by) {
    std::sort(l.begin(), l.end());
    for (std::size_t i = 1; i < l.size(); ++i)
      if (scope(l[i - 1]) == scope(l[i]) && l[i] != l[i - 1] + 1) ++total;
  }
  return total;
}

}  // namespace fairmatch::matching::testing

namespace {

using namespace fairmatch::matching;
using fairmatch::matching::testing::independent_breaks;
using fairmatch::matching::testing::independent_violations;

ScheduleProblem two_slot_problem() {
  ScheduleProblem pr;
  pr.slots = {{0, SessionKind::morning, 1}, {0, SessionKind::afternoon, 1}};
  pr.participants.resize(3);
  pr.participants[0].has_booth = true;
  ScheduleMeeting a;
  a.first = 0;
  a.second = 1;
  ScheduleMeeting b;
  b.first = 0;
  b.second = 2;
  pr.meetings = {a, b};
  return pr;
}

Schedule held_at(std::vector<std::pair<int, int>> slot_table) {
  Schedule s;
  for (auto [slot, table] : slot_table) s.meetings.push_back({slot, LocationKind::table, table, UnscheduledReason::none});
  return s;
}

TEST(IndependentChecker, AcceptsAFeasibleSchedule) {
  const auto pr = two_slot_problem();
  EXPECT_TRUE(independent_violations(pr, held_at({{0, 0}, {1, 0}})).empty());
  EXPECT_EQ(independent_breaks(pr, held_at({{0, 0}, {1, 0}})), 0);
}

TEST(IndependentChecker, CatchesDoubleBookingAndTables) {
  auto pr = two_slot_problem();
  pr.slots[0].tables = 2;
  const auto v = independent_violations(pr, held_at({{0, 0}, {0, 1}}));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0], "meeting 1 participant double-booked");
  pr.participants.resize(4);
  pr.meetings[1].first = 3;
  const auto w = independent_violations(pr, held_at({{0, 0}, {0, 0}}));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "meeting 1 table double-booked");
  EXPECT_EQ(independent_violations(pr, held_at({{1, 1}, {0, 0}})).at(0), "meeting 0 table out of range");
}

TEST(IndependentChecker, CatchesSessionsUnavailabilityFixedAndPrecedence) {
  auto pr = two_slot_problem();
  pr.meetings[0].session = SessionWish::afternoon;
  EXPECT_EQ(independent_violations(pr, held_at({{0, 0}, {1, 0}})).at(0), "meeting 0 not in the afternoon");
  pr.meetings[0].session = SessionWish::any;
  pr.participants[2].unavailable = {1};
  EXPECT_EQ(independent_violations(pr, held_at({{0, 0}, {1, 0}})).at(0), "meeting 1 participant unavailable");
  pr.participants[2].unavailable.clear();
  pr.meetings[1].fixed_slot = 0;
  EXPECT_EQ(independent_violations(pr, held_at({{0, 0}, {1, 0}})).at(0), "meeting 1 not at its fixed slot");
  pr.meetings[1].fixed_slot = -1;
  pr.meetings[0].after = {1};
  EXPECT_EQ(independent_violations(pr, held_at({{0, 0}, {1, 0}})).at(0), "meeting 0 precedence broken");
}

TEST(IndependentChecker, CatchesBoothAndReasonMistakes) {
  auto pr = two_slot_problem();
  pr.meetings[0].location = LocationKind::booth;
  Schedule s = held_at({{0, 0}, {1, 0}});
  s.meetings[0].location = LocationKind::booth;
  s.meetings[0].location_index = 1;
  EXPECT_EQ(independent_violations(pr, s).at(0), "meeting 0 not at the owner's booth");
  Schedule u = held_at({{-1, -1}, {1, 0}});
  EXPECT_EQ(independent_violations(pr, u).at(0), "meeting 0 unscheduled without a reason");
}

TEST(IndependentChecker, CountsBreaksPerScope) {
  ScheduleProblem pr;
  for (int d = 0; d < 2; ++d)
    for (int k = 0; k < 4; ++k) pr.slots.push_back({d, k < 2 ? SessionKind::morning : SessionKind::afternoon, 4});
  pr.participants.resize(2);
  pr.meetings.resize(4);
  for (auto& m : pr.meetings) {
    m.first = 0;
    m.second = 1;
  }
  // Day 0: slots 0 and 3 (one break); day 1: slots 4 and 5 (none).
  Schedule s = held_at({{0, 0}, {3, 0}, {4, 0}, {5, 0}});
  EXPECT_EQ(independent_breaks(pr, s), 2);  // one per participant
  EXPECT_EQ(count_breaks(pr, {0, 3, 4, 5}), 1);
  pr.break_scope = BreakScope::session;  // slot 0 (morning) and 3 (afternoon): different scopes
  EXPECT_EQ(independent_breaks(pr, s), 0);
  EXPECT_EQ(count_breaks(pr, {0, 3, 4, 5}), 0);
  EXPECT_EQ(count_breaks(pr, {0, 1, 2, 3}), 0);  // 1 -> 2 crosses sessions, adjacent under day scope too
}

}  // namespace
