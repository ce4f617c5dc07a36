#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "matching/schedule.hpp"
#include "matching/schedule_engine.hpp"

namespace fairmatch::matching::testing {
// Defined in schedule_checker_test.cpp.
std::vector<std::string> independent_violations(const ScheduleProblem& pr, const Schedule& s);
int independent_breaks(const ScheduleProblem& pr, const Schedule& s);
}  // namespace fairmatch::matching::testing

namespace {

using namespace fairmatch::matching;
using fairmatch::matching::testing::independent_breaks;
using fairmatch::matching::testing::independent_violations;

ScheduleProblem one_day(int slots, int morning, int tables, int participants) {
  ScheduleProblem pr;
  for (int t = 0; t < slots; ++t)
    pr.slots.push_back({0, t < morning ? SessionKind::morning : SessionKind::afternoon, tables});
  pr.participants.resize(participants);
  return pr;
}

// Small problems need little search; keeps the tests fast in debug builds.
ScheduleOptions quick() {
  ScheduleOptions o;
  o.effort = 0.05;
  return o;
}

ScheduleMeeting meet(int a, int b, int weight = 1) {
  ScheduleMeeting m;
  m.first = a;
  m.second = b;
  m.weight = weight;
  return m;
}

void expect_consistent(const ScheduleProblem& pr, const Schedule& s) {
  const auto v = independent_violations(pr, s);
  EXPECT_TRUE(v.empty()) << v.front();
  EXPECT_EQ(s.figures.breaks, independent_breaks(pr, s));
  EXPECT_TRUE(check_feasibility(pr, s).empty());
  auto f = evaluate(pr, s);
  EXPECT_EQ(f, s.figures);
}

// Exhaustive optimum over (held weight desc, breaks asc) for tiny problems
// (no fill-ins): every meeting unscheduled or in one of its slots.
std::pair<long long, int> brute_force(const ScheduleProblem& pr) {
  const int M = static_cast<int>(pr.meetings.size());
  const int T = static_cast<int>(pr.slots.size());
  std::vector<int> slot(M, -1);
  long long best_w = -1;
  int best_b = 0;
  Schedule s;
  s.meetings.assign(M, Placement{});
  std::function<void(int)> go = [&](int m) {
    if (m == M) {
      long long w = 0;
      for (int i = 0; i < M; ++i) {
        s.meetings[i] = Placement{};
        if (slot[i] >= 0) {
          w += pr.meetings[i].weight;
          s.meetings[i].slot = slot[i];
        } else {
          s.meetings[i].reason = UnscheduledReason::capacity;
        }
      }
      // Feasibility from the statement (tables: count per slot).
      std::map<std::pair<int, int>, int> busy;
      std::vector<int> load(T, 0);
      for (int i = 0; i < M; ++i) {
        if (slot[i] < 0) continue;
        const auto& r = pr.meetings[i];
        if (++busy[{r.first, slot[i]}] > 1 || ++busy[{r.second, slot[i]}] > 1) return;
        if (r.location == LocationKind::table && ++load[slot[i]] > pr.slots[slot[i]].tables) return;
        for (int q : r.after)
          if (slot[q] >= 0 && slot[q] >= slot[i]) return;
      }
      const int b = independent_breaks(pr, s);
      if (w > best_w || (w == best_w && b < best_b)) {
        best_w = w;
        best_b = b;
      }
      return;
    }
    const auto& r = pr.meetings[m];
    slot[m] = -1;
    go(m + 1);
    if (r.cancelled) return;
    for (int t = 0; t < T; ++t) {
      const auto& st = pr.slots[t];
      if (r.session == SessionWish::morning && st.session != SessionKind::morning) continue;
      if (r.session == SessionWish::afternoon && st.session != SessionKind::afternoon) continue;
      if (r.fixed_slot >= 0 && r.fixed_slot != t) continue;
      auto un = [&](int p) {
        const auto& u = pr.participants[p].unavailable;
        return std::count(u.begin(), u.end(), t) > 0;
      };
      if (un(r.first) || un(r.second)) continue;
      slot[m] = t;
      go(m + 1);
    }
    slot[m] = -1;
  };
  go(0);
  return {best_w, best_b};
}

ScheduleProblem random_problem(std::mt19937& rng, int participants, int meetings, int slots) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  ScheduleProblem pr = one_day(slots, 1 + pick(slots), 1 + pick(3), participants);
  for (auto& p : pr.participants) {
    p.has_booth = pick(2) == 0;
    p.importer = !p.has_booth;
    if (pick(3) == 0) p.unavailable.push_back(pick(slots));
  }
  for (int m = 0; m < meetings; ++m) {
    int a = pick(participants), b = pick(participants - 1);
    if (b >= a) ++b;
    ScheduleMeeting r = meet(a, b, 1 + pick(3));
    r.session = pick(4) == 0 ? SessionWish::morning : pick(5) == 0 ? SessionWish::afternoon : SessionWish::any;
    if (pick(8) == 0) r.fixed_slot = pick(slots);
    r.location = pr.participants[a].has_booth && pick(2) ? LocationKind::booth : LocationKind::table;
    if (m > 0 && pick(6) == 0) r.after.push_back(pick(m));
    pr.meetings.push_back(r);
  }
  return pr;
}

TEST(Schedule, ChainOfMeetingsHasNoBreaks) {
  // 0 meets 1, 2, 3; 1 meets 2: everyone can be contiguous.
  ScheduleProblem pr = one_day(4, 2, 2, 4);
  pr.meetings = {meet(0, 1), meet(0, 2), meet(0, 3), meet(1, 2)};
  const Schedule s = schedule_meetings(pr, quick());
  expect_consistent(pr, s);
  EXPECT_EQ(s.figures.meetings_held, 4);
  EXPECT_EQ(s.figures.breaks, 0);
}

TEST(Schedule, MatchesExhaustiveOptimumOnSmallRandomProblems) {
  std::mt19937 rng(20250);
  for (int round = 0; round < 60; ++round) {
    const int P = 3 + static_cast<int>(rng() % 3), M = 3 + static_cast<int>(rng() % 4),
              T = 3 + static_cast<int>(rng() % 3);
    const ScheduleProblem pr = random_problem(rng, P, M, T);
    ScheduleOptions o;
    o.seed = round;
    o.effort = 0.05;
    const Schedule s = schedule_meetings(pr, o);
    expect_consistent(pr, s);
    const auto [w, b] = brute_force(pr);
    ASSERT_EQ(s.figures.weight_held, w) << "round " << round;
    EXPECT_EQ(s.figures.breaks, b) << "round " << round;
  }
}

// Participants with morning-only and afternoon-only meetings must bridge the
// change of session, and few tables make the slots around it the bottleneck
// (the structure of the hardest JAIR instances): the repeated annealing
// cycles must still reach the exhaustive optimum.
TEST(Schedule, MatchesExhaustiveOptimumAcrossTheSessionChangeWithFewTables) {
  std::mt19937 rng(4242);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  int with_breaks = 0;
  for (int round = 0; round < 40; ++round) {
    const int T = 4 + pick(2), P = 4 + pick(2), M = 5 + pick(3);
    ScheduleProblem pr = one_day(T, T / 2, 1 + pick(2), P);
    for (int m = 0; m < M; ++m) {
      int a = pick(P), b = pick(P - 1);
      if (b >= a) ++b;
      ScheduleMeeting r = meet(a, b);
      const int w = pick(5);
      r.session = w < 2 ? SessionWish::morning : w < 4 ? SessionWish::afternoon : SessionWish::any;
      pr.meetings.push_back(r);
    }
    ScheduleOptions o;
    o.seed = static_cast<std::uint64_t>(round) + 1;
    o.effort = 0.05;
    const Schedule s = schedule_meetings(pr, o);
    expect_consistent(pr, s);
    const auto [w, b] = brute_force(pr);
    ASSERT_EQ(s.figures.weight_held, w) << "round " << round;
    EXPECT_EQ(s.figures.breaks, b) << "round " << round;
    with_breaks += b > 0 ? 1 : 0;
  }
  EXPECT_GE(with_breaks, 5);  // the family is not trivial
}

// Every table of every slot taken (or all but one): a displaced meeting never
// finds a free slot, so re-inserting it needs an ejection chain; the held
// weight and the breaks must still match the exhaustive optimum, and the
// schedule must pass the independent checker.
TEST(Schedule, MatchesExhaustiveOptimumWhenEverySlotIsFull) {
  std::mt19937 rng(9090);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  int with_breaks = 0;
  for (int round = 0; round < 30; ++round) {
    const int T = 3 + pick(2), tables = 2, P = 4 + pick(2);
    const int M = T * tables - pick(2);
    ScheduleProblem pr = one_day(T, 1 + pick(T - 1), tables, P);
    for (int m = 0; m < M; ++m) {
      int a = pick(P), b = pick(P - 1);
      if (b >= a) ++b;
      ScheduleMeeting r = meet(a, b, 1 + pick(2));
      const int w = pick(6);
      r.session = w == 0 ? SessionWish::morning : w == 1 ? SessionWish::afternoon : SessionWish::any;
      pr.meetings.push_back(r);
    }
    ScheduleOptions o;
    o.seed = static_cast<std::uint64_t>(round) + 7;
    o.effort = 0.05;
    const Schedule s = schedule_meetings(pr, o);
    expect_consistent(pr, s);
    const auto [w, b] = brute_force(pr);
    ASSERT_EQ(s.figures.weight_held, w) << "round " << round;
    EXPECT_EQ(s.figures.breaks, b) << "round " << round;
    with_breaks += b > 0 ? 1 : 0;
  }
  EXPECT_GE(with_breaks, 3);  // the family is not trivial
}

// The per-participant break penalties of the guided search stay equal to
// their definition (sum of penalty times breaks) through moves and undo.
TEST(Schedule, BreakPenaltiesFollowEveryMoveAndUndo) {
  std::mt19937 rng(515);
  const ScheduleProblem pr = random_problem(rng, 8, 30, 8);
  const auto md = detail::build_model(pr);
  detail::EngineState st(md);
  detail::SearchRng srng(3);
  detail::construct_greedy(st, srng);
  std::vector<std::int64_t> pen(md.participants);
  for (auto& x : pen) x = 1 + static_cast<int>(rng() % 5);
  st.set_break_penalties(pen);
  auto expected = [&] {
    std::int64_t e = 0;
    for (int p = 0; p < md.participants; ++p) e += pen[p] * st.participant_breaks(p);
    return e;
  };
  ASSERT_EQ(st.break_penalty_total(), expected());
  int with_breaks = 0;
  for (int step = 0; step < 300; ++step) {
    const std::size_t mark = st.log_mark();
    const int m = static_cast<int>(rng() % md.meetings);
    if (!md.active[m]) continue;
    const int dom = md.allowed_begin[m + 1] - md.allowed_begin[m];
    const int t = md.allowed_slots[md.allowed_begin[m] + static_cast<int>(rng() % dom)];
    std::vector<int> ejected;
    if (st.place_ejecting(m, t, ejected, srng))
      for (int e : ejected) st.place_best_free(e, srng);
    EXPECT_EQ(st.break_penalty_total(), expected()) << "step " << step;
    with_breaks += st.breaks() > 0 ? 1 : 0;
    if (rng() % 2) st.undo_to(mark);
    st.commit();
    EXPECT_EQ(st.break_penalty_total(), expected()) << "step " << step;
  }
  EXPECT_GT(with_breaks, 0);  // penalties were really exercised
}

TEST(Schedule, IsDeterministicForASeed) {
  std::mt19937 rng(7);
  const ScheduleProblem pr = random_problem(rng, 30, 120, 12);
  ScheduleOptions o;
  o.seed = 42;
  o.effort = 0.01;
  const Schedule a = schedule_meetings(pr, o);
  const Schedule b = schedule_meetings(pr, o);
  expect_consistent(pr, a);
  EXPECT_EQ(a.meetings, b.meetings);
  EXPECT_EQ(a.figures, b.figures);
}

TEST(Schedule, GivesReasonsForUnscheduledMeetings) {
  ScheduleProblem pr = one_day(2, 1, 1, 5);
  pr.participants[0].unavailable = {0, 1};
  pr.meetings = {meet(0, 1),         // 0 is never available
                 meet(2, 3, 5),      // heavier: wins the only table...
                 meet(2, 4),         // ...with this one in the other slot
                 meet(3, 4),         // no table left for this one
                 meet(1, 2)};
  pr.meetings[4].cancelled = true;
  pr.meetings[1].session = SessionWish::morning;
  const Schedule s = schedule_meetings(pr, quick());
  expect_consistent(pr, s);
  EXPECT_EQ(s.meetings[0].reason, UnscheduledReason::no_common_slot);
  EXPECT_TRUE(s.meetings[1].held());
  EXPECT_EQ(s.meetings[4].reason, UnscheduledReason::cancelled);
  EXPECT_EQ(s.figures.meetings_held, 2);
  EXPECT_TRUE(!s.meetings[2].held() || !s.meetings[3].held());
  const auto& lost = s.meetings[2].held() ? s.meetings[3] : s.meetings[2];
  EXPECT_EQ(lost.reason, UnscheduledReason::capacity);

  ScheduleProblem no_tables = one_day(2, 1, 0, 2);
  no_tables.meetings = {meet(0, 1)};
  EXPECT_EQ(schedule_meetings(no_tables, quick()).meetings[0].reason, UnscheduledReason::no_table);
}

TEST(Schedule, BoothMeetingsNeedNoTable) {
  ScheduleProblem pr = one_day(3, 3, 0, 4);
  pr.participants[0].has_booth = true;
  pr.participants[1].has_booth = true;
  pr.meetings = {meet(0, 2), meet(0, 3), meet(1, 2), meet(1, 3)};
  for (auto& m : pr.meetings) m.location = LocationKind::booth;
  const Schedule s = schedule_meetings(pr, quick());
  expect_consistent(pr, s);
  EXPECT_EQ(s.figures.meetings_held, 4);
  EXPECT_EQ(s.figures.breaks, 0);
  EXPECT_EQ(s.meetings[0].location_index, 0);
  EXPECT_EQ(s.meetings[2].location_index, 1);
}

TEST(Schedule, SpreadsLossesFairlyAmongImporters) {
  // Exhibitor 0 has one usable slot, wanted by importers 1 and 2. Importer 2
  // already loses its two other requests (exhibitors 5 and 6 are away), so
  // the fair choice gives the slot to importer 2.
  ScheduleProblem pr = one_day(2, 2, 4, 8);
  pr.participants[0].unavailable = {1};
  pr.participants[5].unavailable = {0, 1};
  pr.participants[6].unavailable = {0, 1};
  pr.participants[1].importer = true;
  pr.participants[2].importer = true;
  pr.meetings = {meet(0, 1), meet(1, 7), meet(0, 2), meet(5, 2), meet(6, 2)};
  const Schedule s = schedule_meetings(pr, quick());
  expect_consistent(pr, s);
  EXPECT_EQ(s.figures.meetings_held, 2);
  EXPECT_TRUE(s.meetings[2].held());
  EXPECT_EQ(s.figures.max_importer_shortfall, 2);
  EXPECT_EQ(s.figures.importer_shortfall_squares, 5);
}

TEST(Schedule, FillInsOnlyWhereAcceptedAndWithoutNewBreaks) {
  ScheduleProblem pr = one_day(4, 2, 4, 5);
  for (auto& p : pr.participants) p.accepts_fill_ins = true;
  pr.participants[3].accepts_fill_ins = false;
  pr.meetings = {meet(0, 1), meet(0, 2)};
  // (1, 2) cannot be added next to both 1's and 2's meetings: it would add a break.
  pr.fill_ins = {{1, 4, 5, LocationKind::table},
                 {0, 3, 9, LocationKind::table},
                 {4, 1, 4, LocationKind::table},
                 {1, 2, 7, LocationKind::table}};
  const Schedule s = schedule_meetings(pr, quick());
  expect_consistent(pr, s);
  EXPECT_EQ(s.figures.breaks, 0);
  EXPECT_TRUE(s.fill_ins[0].held());
  EXPECT_FALSE(s.fill_ins[1].held());  // participant 3 declined
  EXPECT_FALSE(s.fill_ins[2].held());  // same pair already met
  EXPECT_FALSE(s.fill_ins[3].held());  // would add a break
  EXPECT_EQ(s.figures.fill_in_score, 5);
}

TEST(Schedule, HonoursFixedSlotsAndPrecedences) {
  ScheduleProblem pr = one_day(5, 3, 2, 4);
  pr.meetings = {meet(0, 1), meet(0, 2), meet(0, 3), meet(1, 2)};
  pr.meetings[0].fixed_slot = 2;
  pr.meetings[2].after = {1};
  pr.meetings[1].after = {3};
  const Schedule s = schedule_meetings(pr, quick());
  expect_consistent(pr, s);
  EXPECT_EQ(s.figures.meetings_held, 4);
  EXPECT_EQ(s.meetings[0].slot, 2);
  EXPECT_LT(s.meetings[1].slot, s.meetings[2].slot);
  EXPECT_LT(s.meetings[3].slot, s.meetings[1].slot);
}

TEST(Schedule, StopsWhenOutOfTime) {
  std::mt19937 rng(3);
  const ScheduleProblem pr = random_problem(rng, 40, 200, 16);
  ScheduleOptions o;
  int polls = 0;
  o.out_of_time = [&] { return ++polls > 1; };
  const Schedule s = schedule_meetings(pr, o);
  expect_consistent(pr, s);
  EXPECT_LE(polls, 10);
}

// The search runs a hot first pass and then reheated cycles from the best
// schedule so far; cutting it later (more polls of out_of_time) follows the
// same deterministic path further, so the result (held weight, then breaks)
// never gets worse, and every cut result is feasible.
TEST(Schedule, LaterTimeCutsNeverGiveWorseSchedules) {
  std::mt19937 rng(99);
  const ScheduleProblem pr = random_problem(rng, 30, 110, 12);
  std::pair<long long, int> previous{0, 0};
  bool first = true, improved = false;
  for (int limit : {3, 12, 30, 60, 100000}) {
    ScheduleOptions o;
    o.seed = 5;
    o.effort = 0.02;
    int polls = 0;
    o.out_of_time = [&] { return ++polls > limit; };
    const Schedule s = schedule_meetings(pr, o);
    expect_consistent(pr, s);
    const std::pair<long long, int> now{-s.figures.weight_held, s.figures.breaks};
    if (!first) {
      EXPECT_LE(now, previous) << "limit " << limit;
      improved = improved || now < previous;
    }
    previous = now;
    first = false;
  }
  EXPECT_TRUE(improved);  // the cuts do matter on this problem
}

TEST(Schedule, LargerRandomProblemsAreFeasible) {
  std::mt19937 rng(11);
  for (int round = 0; round < 4; ++round) {
    ScheduleProblem pr = random_problem(rng, 60, 300, 20);
    pr.slots[10].day = 1;  // a second day
    for (int t = 11; t < 20; ++t) pr.slots[t].day = 1;
    for (int t = 10; t < 20; ++t) pr.slots[t].session = t < 15 ? SessionKind::morning : SessionKind::afternoon;
    for (int t = 0; t < 10; ++t) pr.slots[t].session = t < 5 ? SessionKind::morning : SessionKind::afternoon;
    pr.break_scope = round % 2 ? BreakScope::session : BreakScope::day;
    ScheduleOptions o;
    o.seed = round;
    o.effort = 0.01;
    const Schedule s = schedule_meetings(pr, o);
    expect_consistent(pr, s);
    EXPECT_GE(s.figures.breaks, s.figures.breaks_lower_bound);
  }
}

TEST(Schedule, HandlesEmptyProblems) {
  ScheduleProblem none;
  const Schedule a = schedule_meetings(none, quick());
  EXPECT_TRUE(a.meetings.empty());
  ScheduleProblem no_slots = one_day(0, 0, 0, 2);
  no_slots.meetings = {meet(0, 1)};
  const Schedule b = schedule_meetings(no_slots, quick());
  expect_consistent(no_slots, b);
  EXPECT_EQ(b.meetings[0].reason, UnscheduledReason::no_common_slot);
}

TEST(Schedule, RejectsInvalidProblems) {
  ScheduleProblem pr = one_day(2, 1, 1, 2);
  pr.meetings = {meet(0, 0)};
  EXPECT_EQ(validate(pr).at(0), "meeting 0: a participant cannot meet itself");
  EXPECT_THROW(schedule_meetings(pr), std::invalid_argument);
  pr.meetings = {meet(0, 1)};
  pr.meetings[0].location = LocationKind::booth;
  EXPECT_EQ(validate(pr).at(0), "meeting 0: booth meeting but participant 0 has no booth");
  pr.meetings[0].location = LocationKind::table;
  pr.slots[1].day = -1;
  EXPECT_EQ(validate(pr).at(0), "slot 1: day goes backwards");
}

}  // namespace
