// Scheduler benchmark.
//
//   b2b_bench [DIR] [--seconds S] [--seed N] [--effort E] [--only NAME]
//             [--write-json OUTDIR] [--no-dzn] [--no-hanoi]
//
// For every *.dzn file in DIR (default ../shared/benchmarks/b2b-jair), reads
// the published optimum from DIR/README.md, schedules the instance with a
// time budget of S seconds (default 10) and prints: instance, meetings,
// placed, breaks, optimum, lower bound, seconds. Then the Hanoi-scale
// synthetic fair (1,250 exhibitors, 3,200 importers, ~25,000 requests,
// 3 days x 16 slots, booths plus 200 tables): time to schedule, share of the
// priority weight held, breaks; and the time to repair after one
// cancellation, one absence and one urgent meeting.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "matching/dzn.hpp"
#include "matching/schedule.hpp"
#include "matching/schedule_repair.hpp"

namespace fs = std::filesystem;
using namespace fairmatch::matching;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "| forum-13 | 70 | 154 | 21 | 14 | 0 |" -> forum-13 -> 0
std::map<std::string, int> read_optima(const fs::path& readme) {
  std::map<std::string, int> out;
  std::istringstream in(read_text(readme));
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 2 || line[0] != '|') continue;
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line.substr(1));
    while (std::getline(ls, cell, '|')) {
      const auto a = cell.find_first_not_of(' ');
      const auto b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    if (cells.size() < 6) continue;
    char* end = nullptr;
    const long v = std::strtol(cells[5].c_str(), &end, 10);
    if (end && *end == '\0' && !cells[5].empty()) out[cells[0]] = static_cast<int>(v);
  }
  return out;
}

std::string to_json(const B2bSolution& s) {
  std::string j = "{\"meetings\":[";
  for (std::size_t i = 0; i < s.meetings.size(); ++i) {
    const auto& a = s.meetings[i];
    if (i) j += ",";
    j += "{\"meeting\":" + std::to_string(a.meeting) + ",\"slot\":" + std::to_string(a.slot) +
         ",\"table\":" + std::to_string(a.table) + "}";
  }
  j += "],\"breaks\":" + std::to_string(s.breaks) + ",\"unscheduled\":[";
  for (std::size_t i = 0; i < s.unscheduled.size(); ++i) j += (i ? "," : "") + std::to_string(s.unscheduled[i]);
  return j + "]}\n";
}

// Upper bound on the priority weight any schedule can hold: per participant,
// at most as many meetings as it has available slots, and at best its
// heaviest ones; the smaller of the two sides' sums (each meeting counted
// once on each side) bounds the total.
long long holdable_weight_bound(const ScheduleProblem& pr) {
  const int T = static_cast<int>(pr.slots.size());
  std::vector<std::vector<int>> w_ex(pr.participants.size()), w_im(pr.participants.size());
  for (const auto& m : pr.meetings) {
    w_ex[m.first].push_back(m.weight);
    w_im[m.second].push_back(m.weight);
  }
  auto side = [&](std::vector<std::vector<int>>& w) {
    long long total = 0;
    for (std::size_t p = 0; p < w.size(); ++p) {
      auto& v = w[p];
      std::sort(v.rbegin(), v.rend());
      const std::size_t cap = static_cast<std::size_t>(T) - pr.participants[p].unavailable.size();
      for (std::size_t i = 0; i < v.size() && i < cap; ++i) total += v[i];
    }
    return total;
  };
  return std::min(side(w_ex), side(w_im));
}

// The Hanoi-scale synthetic fair. Deterministic for a seed.
ScheduleProblem hanoi_problem(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const int exhibitors = 1250, importers = 3200, days = 3, per_day = 16, tables = 200;
  ScheduleProblem pr;
  for (int d = 0; d < days; ++d)
    for (int s = 0; s < per_day; ++s)
      pr.slots.push_back({d, s < 8 ? SessionKind::morning : SessionKind::afternoon, tables});
  pr.participants.resize(exhibitors + importers);
  for (int e = 0; e < exhibitors; ++e) pr.participants[e].has_booth = true;
  for (int i = 0; i < importers; ++i) pr.participants[exhibitors + i].importer = true;
  const int T = static_cast<int>(pr.slots.size());
  // Some participants are away for half a day.
  for (auto& p : pr.participants)
    if (rng() % 5 == 0) {
      const int d = static_cast<int>(rng() % days), half = static_cast<int>(rng() % 2);
      for (int s = 0; s < 8; ++s) p.unavailable.push_back(d * per_day + half * 8 + s);
    }
  // Popular exhibitors get more requests (skewed), importers ask 5-11 each.
  std::vector<double> pop(exhibitors);
  for (int e = 0; e < exhibitors; ++e) pop[e] = 1.0 / std::pow(1.0 + e, 0.35);
  std::discrete_distribution<int> pick(pop.begin(), pop.end());
  std::vector<int> load(exhibitors, 0);
  std::map<std::pair<int, int>, bool> seen;
  const int target = 25000;
  int made = 0;
  for (int i = 0; made < target; i = (i + 1) % importers) {
    const int imp = exhibitors + i;
    int e = pick(rng);
    if (load[e] >= T + 12 || seen.count({e, imp})) continue;  // popular booths are oversubscribed
    seen[{e, imp}] = true;
    ++load[e];
    ScheduleMeeting m;
    m.first = e;
    m.second = imp;
    m.weight = rng() % 4 == 0 ? 10 : 1;
    const int w = static_cast<int>(rng() % 10);
    m.session = w == 0 ? SessionWish::morning : w == 1 ? SessionWish::afternoon : SessionWish::any;
    m.location = rng() % 3 == 0 ? LocationKind::table : LocationKind::booth;
    pr.meetings.push_back(m);
    ++made;
  }
  return pr;
}

void run_hanoi(double seconds, std::uint64_t seed, double effort) {
  const ScheduleProblem pr = hanoi_problem(seed);
  std::printf("\nHanoi-scale synthetic fair: %zu participants, %zu requested meetings, %zu slots, 200 tables\n",
              pr.participants.size(), pr.meetings.size(), pr.slots.size());
  ScheduleOptions opt;
  opt.seed = seed;
  opt.effort = effort;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  opt.out_of_time = [deadline] { return Clock::now() >= deadline; };
  const auto t0 = Clock::now();
  const Schedule s = schedule_meetings(pr, opt);
  const double secs = seconds_since(t0);
  const auto& f = s.figures;
  const auto feas = check_feasibility(pr, s);
  const long long bound = holdable_weight_bound(pr);
  std::printf("  schedule: %.2f s, held %d/%d meetings, weight %lld of %lld requested, %.3f%% of the bound %lld on "
              "what can be held; breaks %d (lower bound %d), max importer shortfall %d, violations %zu\n",
              secs, f.meetings_held, f.meetings_requested, static_cast<long long>(f.weight_held),
              static_cast<long long>(f.weight_requested), 100.0 * f.weight_held / bound, bound, f.breaks,
              f.breaks_lower_bound, f.max_importer_shortfall, feas.size());

  const int now = 20;  // day 2, slot 5
  auto time_repair = [&](const char* what, const ScheduleChange& change) {
    const auto r0 = Clock::now();
    const RepairResult r = repair_schedule(pr, s, now, change);
    const double ms = 1000.0 * seconds_since(r0);
    std::printf("  repair after %s: %.2f ms, %zu meetings changed, %zu participants affected\n", what, ms,
                r.changed_meetings.size(), r.affected_participants.size());
  };
  int victim = -1;
  for (std::size_t m = 0; m < s.meetings.size(); ++m)
    if (s.meetings[m].slot >= now + 2) {
      victim = static_cast<int>(m);
      break;
    }
  ScheduleChange c;
  c.kind = ChangeKind::cancellation;
  c.meeting = victim;
  time_repair("one cancellation", c);
  ScheduleChange a;
  a.kind = ChangeKind::absence;
  a.participant = pr.meetings[victim].first;
  a.from_slot = now;
  a.until_slot = now + 4;
  time_repair("an exhibitor absent for 4 slots", a);
  ScheduleChange u;
  u.kind = ChangeKind::urgent_meeting;
  u.meeting_request.first = 3;
  u.meeting_request.second = 1250 + 7;
  u.meeting_request.weight = 10;
  u.meeting_request.location = LocationKind::booth;
  time_repair("one urgent meeting", u);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = "../shared/benchmarks/b2b-jair";
  double seconds = 10.0, effort = 1.0;
  std::uint64_t seed = 1;
  std::string only, json_dir;
  bool dzn = true, hanoi = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--seconds") seconds = std::stod(next());
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--effort") effort = std::stod(next());
    else if (a == "--only") only = next();
    else if (a == "--write-json") json_dir = next();
    else if (a == "--no-dzn") dzn = false;
    else if (a == "--no-hanoi") hanoi = false;
    else if (!a.empty() && a[0] != '-') dir = a;
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (dzn) {
    const auto optima = read_optima(dir / "README.md");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".dzn") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::printf("%-16s %8s %7s %7s %8s %6s %8s\n", "instance", "meetings", "placed", "breaks", "optimum", "lb", "seconds");
    int at_or_below = 0, within3 = 0, total = 0;
    double total_secs = 0;
    for (const auto& f : files) {
      std::string name = f.filename().string();
      name = name.substr(0, name.find('.'));
      if (!only.empty() && name.find(only) == std::string::npos) continue;
      const B2bInstance inst = parse_dzn(read_text(f));
      B2bSolveOptions o;
      o.seed = seed;
      o.effort = effort;
      const auto deadline =
          Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
      o.out_of_time = [deadline] { return Clock::now() >= deadline; };
      const auto t0 = Clock::now();
      const B2bSolution s = solve_b2b(inst, o);
      const double secs = seconds_since(t0);
      total_secs += secs;
      const auto it = optima.find(name);
      const int opt = it == optima.end() ? -1 : it->second;
      ++total;
      if (opt >= 0 && s.unscheduled.empty() && s.breaks <= opt) ++at_or_below;
      else if (opt >= 0 && s.unscheduled.empty() && s.breaks <= opt + 3) ++within3;
      std::printf("%-16s %8zu %7zu %7d %8s %6d %8.2f\n", name.c_str(), inst.meetings.size(), s.meetings.size(),
                  s.breaks, opt >= 0 ? std::to_string(opt).c_str() : "?", s.breaks_lower_bound, secs);
      std::fflush(stdout);
      if (!json_dir.empty()) {
        std::ofstream out(fs::path(json_dir) / (name + ".json"));
        out << to_json(s);
      }
    }
    std::printf("at or below the optimum: %d/%d, within +3: %d, total %.1f s\n", at_or_below, total, within3,
                total_secs);
  }
  if (hanoi) run_hanoi(seconds, seed, effort);
  return 0;
}
