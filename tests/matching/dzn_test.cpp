#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "matching/dzn.hpp"

namespace fairmatch::matching::testing {
// Defined in schedule_checker_test.cpp.
std::vector<std::string> independent_violations(const ScheduleProblem& pr, const Schedule& s);
}  // namespace fairmatch::matching::testing

namespace {

using namespace fairmatch::matching;

// A small instance in the layout of the JAIR files (comments, trailing
// commas in rows, the {0} "no forbidden slot" marker, a range, a duplicate pair).
const char* const kGood = R"(% a tiny B2B event
nBusiness = 5;
nMeetings = 6;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;

requested = [|1, 2,3,
|1, 3,1,
|2, 3,3,
|4, 1,2,
|4, 5,3,
|4, 5,3,
|];

meetingsxBusiness = [{1,2,3,5},
{1,2,4},
{1,3,4},
{1,5,6,7},
{1,6,7}];

nMeetingsBusiness = [3,2,2,3,2];

forbidden = [{0},
{4},
{0},
{1..1},
{0}];

fixed = [0,0,0,0,2,0];

precedences = [{},
{},
{},
{},
{},
{5}];
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

std::string error_of(const std::string& text) {
  try {
    parse_dzn(text);
  } catch (const DznError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Dzn, ParsesAGoodInstance) {
  const B2bInstance inst = parse_dzn(kGood);
  EXPECT_EQ(inst.businesses, 5);
  EXPECT_EQ(inst.tables, 2);
  EXPECT_EQ(inst.total_slots, 4);
  EXPECT_EQ(inst.morning_slots, 2);
  ASSERT_EQ(inst.meetings.size(), 6u);
  EXPECT_EQ(inst.meetings[1], (B2bMeeting{1, 3, 1}));
  EXPECT_EQ(inst.meetings[3], (B2bMeeting{4, 1, 2}));
  EXPECT_EQ(inst.forbidden, (std::vector<std::vector<int>>{{}, {4}, {}, {1}, {}}));
  EXPECT_EQ(inst.fixed, (std::vector<int>{0, 0, 0, 0, 2, 0}));
  EXPECT_EQ(inst.precedences[5], (std::vector<int>{5}));
  EXPECT_TRUE(inst.precedences[0].empty());
}

TEST(Dzn, OptionalParametersMayBeAbsent) {
  const std::string text =
      "nBusiness = 2; nMeetings = 1; nTables = 1; nTotalSlots = 2; nMorningSlots = 1; requested = [| 1, 2, 3 |];";
  const B2bInstance inst = parse_dzn(text);
  EXPECT_EQ(inst.meetings.size(), 1u);
  EXPECT_EQ(inst.forbidden.size(), 2u);
  EXPECT_EQ(inst.fixed, (std::vector<int>{0}));
  EXPECT_EQ(inst.precedences.size(), 1u);
}

TEST(Dzn, ConvertsToAScheduleProblem) {
  const ScheduleProblem pr = to_schedule_problem(parse_dzn(kGood));
  ASSERT_EQ(pr.slots.size(), 4u);
  EXPECT_EQ(pr.slots[1].session, SessionKind::morning);
  EXPECT_EQ(pr.slots[2].session, SessionKind::afternoon);
  EXPECT_EQ(pr.slots[3].tables, 2);
  EXPECT_EQ(pr.participants[1].unavailable, (std::vector<int>{3}));
  EXPECT_EQ(pr.meetings[1].session, SessionWish::morning);
  EXPECT_EQ(pr.meetings[4].fixed_slot, 1);
  EXPECT_EQ(pr.meetings[5].after, (std::vector<int>{4}));
  EXPECT_EQ(pr.meetings[0].first, 0);
  EXPECT_EQ(pr.meetings[0].second, 1);
}

TEST(Dzn, SolvesAnInstanceAsTheCliPrintsIt) {
  const B2bInstance inst = parse_dzn(kGood);
  B2bSolveOptions o;
  o.effort = 0.1;
  const B2bSolution s = solve_b2b(inst, o);
  EXPECT_TRUE(s.unscheduled.empty());
  ASSERT_EQ(s.meetings.size(), 6u);
  std::set<std::pair<int, int>> tables;
  for (std::size_t i = 0; i < s.meetings.size(); ++i) {
    const auto& a = s.meetings[i];
    EXPECT_EQ(a.meeting, static_cast<int>(i) + 1);
    EXPECT_GE(a.slot, 1);
    EXPECT_LE(a.slot, 4);
    EXPECT_GE(a.table, 1);
    EXPECT_LE(a.table, 2);
    EXPECT_TRUE(tables.insert({a.slot, a.table}).second);
  }
  EXPECT_EQ(s.meetings[4].slot, 2);  // fixed
  EXPECT_LT(s.meetings[4].slot, s.meetings[5].slot);  // precedence
  // Back into the general model for the independent checker.
  const ScheduleProblem pr = to_schedule_problem(inst);
  Schedule sch;
  sch.meetings.assign(pr.meetings.size(), Placement{});
  for (const auto& a : s.meetings) sch.meetings[a.meeting - 1] = {a.slot - 1, LocationKind::table, a.table - 1};
  const auto v = fairmatch::matching::testing::independent_violations(pr, sch);
  EXPECT_TRUE(v.empty()) << v.front();
  EXPECT_EQ(solve_b2b(inst, o), s);  // deterministic
}

TEST(Dzn, ReportsSyntaxErrorsWithLineNumbers) {
  const std::string good = kGood;
  EXPECT_EQ(error_of(replace(good, "nTables = 2;", "nTables = 2")), "line 5: expected ';' after the value of 'nTables', found 'nTotalSlots'");
  EXPECT_EQ(error_of(replace(good, "nTables = 2;", "nTables 2;")), "line 4: expected '=' after 'nTables', found '2'");
  EXPECT_EQ(error_of(replace(good, "|2, 3,3,", "|2, 3 3,")), "line 10: expected ',' or '|' in the value of 'requested', found '3'");
  EXPECT_EQ(error_of(replace(good, "{1,3,4},", "{1,3,,4},")), "line 18: expected an integer or '}' in the value of 'meetingsxBusiness', found ','");
  EXPECT_EQ(error_of(replace(good, "nTables = 2;", "nTables = #;")), "line 4: unexpected character '#'");
  EXPECT_EQ(error_of(good.substr(0, good.find("precedences") + 20)),
            "line 33: unexpected end of input in the value of 'precedences'");
  EXPECT_EQ(error_of(replace(good, "nTables = 2;", "nTables = 99999999999;")), "line 4: integer 99999999999 is out of range");
}

TEST(Dzn, ReportsSemanticErrorsWithLineNumbers) {
  const std::string good = kGood;
  EXPECT_EQ(error_of(replace(good, "nTables", "nTabels")), "line 4: unknown parameter 'nTabels'");
  EXPECT_EQ(error_of(good + "nTables = 3;\n"), "line 38: 'nTables' is given twice (first on line 4)");
  EXPECT_EQ(error_of(replace(good, "nMeetings = 6;\n", "")), "missing parameter 'nMeetings'");
  EXPECT_EQ(error_of(replace(good, "nMeetings = 6;", "nMeetings = 7;")), "line 8: 'requested' has 6 rows but nMeetings = 7");
  EXPECT_EQ(error_of(replace(good, "|1, 3,1,", "|1, 9,1,")), "line 9: 'requested' row 2: participant 9 is out of range 1..5");
  EXPECT_EQ(error_of(replace(good, "|1, 3,1,", "|1, 3,4,")), "line 9: 'requested' row 2: session 4 is not 1, 2 or 3");
  EXPECT_EQ(error_of(replace(good, "|1, 3,1,", "|1, 3,")), "line 9: 'requested' row 2: expected 3 values (p1, p2, session), found 2");
  EXPECT_EQ(error_of(replace(good, "|1, 3,1,", "|3, 3,1,")), "line 9: 'requested' row 2: participant 3 cannot meet itself");
  EXPECT_EQ(error_of(replace(good, "{4},", "{5},")), "line 25: 'forbidden' entry 2: slot 5 is out of range 1..4");
  EXPECT_EQ(error_of(replace(good, "{1..1},", "{0},\n{0},")), "line 24: 'forbidden' has 6 entries but nBusiness = 5");
  EXPECT_EQ(error_of(replace(good, "fixed = [0,0,0,0,2,0];", "fixed = [0,0,0,0,7,0];")),
            "line 30: 'fixed' entry 5: slot 7 is out of range 0..4");
  EXPECT_EQ(error_of(replace(good, "{5}];", "{6}];")), "line 37: 'precedences' entry 6: a meeting cannot precede itself");
  EXPECT_EQ(error_of(replace(good, "{5}];", "{8}];")), "line 37: 'precedences' entry 6: meeting 8 is out of range 1..6");
  EXPECT_EQ(error_of(replace(good, "[3,2,2,3,2]", "[3,2,2,3,1]")),
            "line 22: 'nMeetingsBusiness' entry 5 is 1 but 'requested' gives participant 5 2 meetings");
  EXPECT_EQ(error_of(replace(good, "{1,6,7}];", "{1,6}];")),
            "line 20: 'meetingsxBusiness' entry 5 does not list exactly participant 5's meetings (plus the dummy 1)");
  EXPECT_EQ(error_of(replace(good, "nMorningSlots = 2;", "nMorningSlots = 5;")), "line 6: nMorningSlots = 5 exceeds nTotalSlots = 4");
  EXPECT_EQ(error_of(replace(good, "fixed = [0,0,0,0,2,0];", "fixed = [{0}];")),
            "line 30: 'fixed' must be an array of integers, not of sets");
  EXPECT_EQ(error_of(replace(good, "nTables = 2;", "nTables = {2};")), "line 4: 'nTables' must be an integer, not a set");
}

TEST(Dzn, ErrorCarriesTheLine) {
  try {
    parse_dzn("nBusiness = 2;\nnMeetings = x;");
    FAIL();
  } catch (const DznError& e) {
    EXPECT_EQ(e.line(), 2);
  }
}

TEST(Dzn, ReadsLargeInstancesQuickly) {
  // 40,000 meetings among 4,000 participants, 48 slots.
  std::string text = "nBusiness = 4000;\nnMeetings = 40000;\nnTables = 1000;\nnTotalSlots = 48;\nnMorningSlots = 24;\nrequested = [|";
  for (int m = 0; m < 40000; ++m) {
    const int a = m % 4000 + 1, b = (m * 7 + 13) % 4000 + 1;
    text += std::to_string(a) + ", " + std::to_string(a == b ? b % 4000 + 1 : b) + ",3,\n|";
  }
  text += "];\n";
  const B2bInstance inst = parse_dzn(text);
  EXPECT_EQ(inst.meetings.size(), 40000u);
}

}  // namespace
