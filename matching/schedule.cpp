#include "matching/schedule.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "matching/schedule_engine.hpp"

namespace fairmatch::matching {

namespace {

std::string idx(const char* what, std::size_t i) { return std::string(what) + " " + std::to_string(i); }

bool scope_adjacent(const ScheduleProblem& pr, int a, int b) {
  // b == a + 1 and both in the same break scope.
  if (b != a + 1) return false;
  const auto& x = pr.slots[a];
  const auto& y = pr.slots[b];
  if (x.day != y.day) return false;
  return pr.break_scope == BreakScope::day || x.session == y.session;
}

bool same_scope(const ScheduleProblem& pr, int a, int b) {
  const auto& x = pr.slots[a];
  const auto& y = pr.slots[b];
  if (x.day != y.day) return false;
  return pr.break_scope == BreakScope::day || x.session == y.session;
}

}  // namespace

std::vector<std::string> validate(const ScheduleProblem& pr) {
  std::vector<std::string> errs;
  const int T = static_cast<int>(pr.slots.size());
  const int P = static_cast<int>(pr.participants.size());
  const int M = static_cast<int>(pr.meetings.size());
  for (int t = 0; t < T; ++t) {
    if (t > 0 && pr.slots[t].day < pr.slots[t - 1].day) errs.push_back(idx("slot", t) + ": day goes backwards");
    if (t > 0 && pr.slots[t].day == pr.slots[t - 1].day && pr.slots[t].session == SessionKind::morning &&
        pr.slots[t - 1].session == SessionKind::afternoon)
      errs.push_back(idx("slot", t) + ": morning slot after an afternoon slot of the same day");
    if (pr.slots[t].tables < 0) errs.push_back(idx("slot", t) + ": negative table count");
  }
  for (int p = 0; p < P; ++p)
    for (int t : pr.participants[p].unavailable)
      if (t < 0 || t >= T) errs.push_back(idx("participant", p) + ": unavailable slot " + std::to_string(t) + " out of range");
  for (int m = 0; m < M; ++m) {
    const auto& r = pr.meetings[m];
    const std::string w = idx("meeting", m);
    if (r.first < 0 || r.first >= P || r.second < 0 || r.second >= P) {
      errs.push_back(w + ": participant out of range");
      continue;
    }
    if (r.first == r.second) errs.push_back(w + ": a participant cannot meet itself");
    if (r.weight < 1) errs.push_back(w + ": weight must be at least 1");
    if (r.fixed_slot < -1 || r.fixed_slot >= T) errs.push_back(w + ": fixed slot out of range");
    if (r.location == LocationKind::booth && !pr.participants[r.first].has_booth)
      errs.push_back(w + ": booth meeting but participant " + std::to_string(r.first) + " has no booth");
    for (int q : r.after)
      if (q < 0 || q >= M || q == m) errs.push_back(w + ": precedence on invalid meeting " + std::to_string(q));
  }
  for (std::size_t f = 0; f < pr.fill_ins.size(); ++f) {
    const auto& r = pr.fill_ins[f];
    const std::string w = idx("fill-in", f);
    if (r.first < 0 || r.first >= P || r.second < 0 || r.second >= P || r.first == r.second) {
      errs.push_back(w + ": invalid participants");
      continue;
    }
    if (r.score <= 0) errs.push_back(w + ": score must be positive");
    if (r.location == LocationKind::booth && !pr.participants[r.first].has_booth)
      errs.push_back(w + ": booth fill-in but participant " + std::to_string(r.first) + " has no booth");
  }
  return errs;
}

int count_breaks(const ScheduleProblem& pr, std::vector<int> slots) {
  std::sort(slots.begin(), slots.end());
  int breaks = 0;
  for (std::size_t i = 1; i < slots.size(); ++i)
    if (same_scope(pr, slots[i - 1], slots[i]) && !scope_adjacent(pr, slots[i - 1], slots[i])) ++breaks;
  return breaks;
}

ScheduleFigures evaluate(const ScheduleProblem& pr, const Schedule& s) {
  ScheduleFigures f;
  f.breaks_lower_bound = s.figures.breaks_lower_bound;
  const int P = static_cast<int>(pr.participants.size());
  std::vector<std::vector<int>> by_p(P);
  std::vector<int> shortfall(P, 0);
  for (std::size_t m = 0; m < pr.meetings.size(); ++m) {
    const auto& r = pr.meetings[m];
    if (r.cancelled) continue;
    f.weight_requested += r.weight;
    ++f.meetings_requested;
    if (m < s.meetings.size() && s.meetings[m].held()) {
      f.weight_held += r.weight;
      ++f.meetings_held;
      by_p[r.first].push_back(s.meetings[m].slot);
      by_p[r.second].push_back(s.meetings[m].slot);
    } else {
      ++shortfall[r.first];
      ++shortfall[r.second];
    }
  }
  for (std::size_t i = 0; i < pr.fill_ins.size() && i < s.fill_ins.size(); ++i) {
    if (!s.fill_ins[i].held()) continue;
    ++f.fill_ins_held;
    f.fill_in_score += pr.fill_ins[i].score;
    by_p[pr.fill_ins[i].first].push_back(s.fill_ins[i].slot);
    by_p[pr.fill_ins[i].second].push_back(s.fill_ins[i].slot);
  }
  for (int p = 0; p < P; ++p) {
    f.breaks += count_breaks(pr, by_p[p]);
    if (pr.participants[p].importer) {
      f.importer_shortfall_squares += static_cast<std::int64_t>(shortfall[p]) * shortfall[p];
      f.max_importer_shortfall = std::max(f.max_importer_shortfall, shortfall[p]);
    }
  }
  return f;
}

std::vector<std::string> check_feasibility(const ScheduleProblem& pr, const Schedule& s) {
  std::vector<std::string> v;
  const int T = static_cast<int>(pr.slots.size());
  std::map<std::pair<int, int>, int> busy, table_use, booth_use;
  auto check = [&](const std::string& w, const Placement& pl, int a, int b, SessionWish wish, int fixed,
                   LocationKind kind) {
    if (!pl.held()) return;
    const int t = pl.slot;
    if (t >= T) {
      v.push_back(w + ": slot out of range");
      return;
    }
    const auto sess = pr.slots[t].session;
    if (wish == SessionWish::morning && sess != SessionKind::morning) v.push_back(w + ": must be in the morning");
    if (wish == SessionWish::afternoon && sess != SessionKind::afternoon) v.push_back(w + ": must be in the afternoon");
    if (fixed >= 0 && fixed != t) v.push_back(w + ": must be at slot " + std::to_string(fixed));
    for (int p : {a, b}) {
      const auto& un = pr.participants[p].unavailable;
      if (std::find(un.begin(), un.end(), t) != un.end())
        v.push_back(w + ": participant " + std::to_string(p) + " unavailable at slot " + std::to_string(t));
      if (++busy[{p, t}] == 2)
        v.push_back("participant " + std::to_string(p) + " double-booked at slot " + std::to_string(t));
    }
    if (kind != pl.location) v.push_back(w + ": wrong location kind");
    if (kind == LocationKind::booth) {
      if (pl.location_index != a) v.push_back(w + ": not at its owner's booth");
      if (++booth_use[{pl.location_index, t}] == 2) v.push_back(w + ": booth double-booked");
    } else {
      if (pl.location_index < 0 || pl.location_index >= pr.slots[t].tables)
        v.push_back(w + ": table out of range");
      else if (++table_use[{pl.location_index, t}] == 2)
        v.push_back("table " + std::to_string(pl.location_index) + " double-booked at slot " + std::to_string(t));
    }
  };
  for (std::size_t m = 0; m < pr.meetings.size() && m < s.meetings.size(); ++m) {
    const auto& r = pr.meetings[m];
    if (r.cancelled && s.meetings[m].held()) v.push_back(idx("meeting", m) + ": cancelled but held");
    check(idx("meeting", m), s.meetings[m], r.first, r.second, r.session, r.fixed_slot, r.location);
    if (!s.meetings[m].held()) continue;
    for (int q : r.after)
      if (s.meetings[q].held() && s.meetings[q].slot >= s.meetings[m].slot)
        v.push_back(idx("meeting", q) + " must precede meeting " + std::to_string(m));
  }
  for (std::size_t f = 0; f < pr.fill_ins.size() && f < s.fill_ins.size(); ++f) {
    const auto& r = pr.fill_ins[f];
    check(idx("fill-in", f), s.fill_ins[f], r.first, r.second, SessionWish::any, -1, r.location);
  }
  return v;
}

namespace detail {

// Gives held table meetings distinct table numbers per slot, keeping numbers
// already set when they are valid and unique, and booth meetings their booth.
void assign_locations(const ScheduleProblem& pr, std::vector<Placement>& meetings, std::vector<Placement>& fill_ins) {
  const int T = static_cast<int>(pr.slots.size());
  std::vector<std::vector<char>> used(T);
  for (int t = 0; t < T; ++t) used[t].assign(std::max(0, pr.slots[t].tables), 0);
  auto visit = [&](auto&& fn) {
    for (std::size_t m = 0; m < meetings.size(); ++m) fn(meetings[m], pr.meetings[m].location, pr.meetings[m].first);
    for (std::size_t f = 0; f < fill_ins.size(); ++f) fn(fill_ins[f], pr.fill_ins[f].location, pr.fill_ins[f].first);
  };
  // Keep valid existing table numbers first (stable across repairs).
  visit([&](Placement& pl, LocationKind kind, int owner) {
    if (!pl.held()) return;
    pl.location = kind;
    if (kind == LocationKind::booth) {
      pl.location_index = owner;
      return;
    }
    auto& u = used[pl.slot];
    if (pl.location_index >= 0 && pl.location_index < static_cast<int>(u.size()) && !u[pl.location_index])
      u[pl.location_index] = 1;
    else
      pl.location_index = -2;  // needs a number
  });
  std::vector<int> next(T, 0);
  visit([&](Placement& pl, LocationKind kind, int) {
    if (!pl.held() || kind != LocationKind::table || pl.location_index != -2) return;
    auto& u = used[pl.slot];
    int& n = next[pl.slot];
    while (n < static_cast<int>(u.size()) && u[n]) ++n;
    // The scheduler never exceeds capacity; guard anyway.
    pl.location_index = n < static_cast<int>(u.size()) ? n : -1;
    if (n < static_cast<int>(u.size())) u[n] = 1;
  });
}


// Problems up to this many meetings get a hot first annealing pass and then
// short reheated cycles.
constexpr int kSmallProblem = 2000;
// Small problems: a first, hot pass (temperature 6 down to 0.5, in cost
// units where a gap costs 4 to 8) takes this share of the iterations
// (percent); then cycles of kCycleShare percent each restart from the best
// schedule so far at 1.5 and cool to 0.3. Every cycle ends cold, so when the
// time budget cuts the search (a loaded machine, a short budget) the best
// schedule comes from a finished cycle rather than from a still-hot pass.
constexpr int kFirstPassShare = 20;
constexpr int kCycleShare = 10;
constexpr double kFirstPassTemperature = 6.0;
constexpr double kFirstPassEndTemperature = 0.5;
constexpr double kCycleTemperature = 1.5;
// Guided local search between cycles: every participant with breaks at the
// end of a cycle gets this much more annealing cost per break (a gap costs 4
// to 8), up to the cap.
constexpr std::int64_t kBreakPenaltyStep = 2;
constexpr std::int64_t kBreakPenaltyCap = 8;

// True when some participant has a meeting that must be held before a change
// of session and another that must be held after it, inside one break scope:
// then the slots on both sides of the change fill up and displaced meetings
// often find no free slot, which is where ejection chains pay for their cost.
bool has_session_bridges(const ScheduleProblem& pr, const EngineModel& md) {
  for (int L = 0; L + 1 < md.slots; ++L) {
    if (!md.continues[L + 1] || pr.slots[L].session == pr.slots[L + 1].session) continue;
    const int sb = md.scope_begin[L], se = md.scope_end[L];
    for (int p = 0; p < md.participants; ++p) {
      bool before = false, after = false;
      for (int i = md.pm_begin[p]; i < md.pm_begin[p + 1]; ++i) {
        const int m = md.pm[i];
        const int lo = md.allowed_slots[md.allowed_begin[m]];
        const int hi = md.allowed_slots[md.allowed_begin[m + 1] - 1];
        if (lo < sb || hi >= se) continue;
        before = before || hi <= L;
        after = after || lo > L;
      }
      if (before && after) return true;
    }
  }
  return false;
}

// Budget in move attempts for a problem with `active` schedulable meetings.
std::int64_t default_iterations(int active, double effort) {
  const double base = active <= kSmallProblem ? std::min(13.0e6, 100000.0 * active) + 2000.0 * active
                                              : 2.0e6 + 100.0 * active;
  return static_cast<std::int64_t>(std::max(0.0, base * effort));
}

// Moves unheld meetings in where a held meeting of the same weight from an
// importer with a smaller shortfall can give way without adding breaks.
void improve_fairness(const ScheduleProblem& pr, EngineState& st, SearchRng& rng) {
  const auto& md = st.model();
  const int P = md.participants;
  std::vector<int> shortfall(P, 0);
  for (int m = 0; m < md.meetings; ++m)
    if (!pr.meetings[m].cancelled && st.slot(m) < 0) {
      ++shortfall[md.first[m]];
      ++shortfall[md.second[m]];
    }
  auto importer_short = [&](int m) {
    int s = 0;
    for (int p : {md.first[m], md.second[m]})
      if (pr.participants[p].importer) s = std::max(s, shortfall[p]);
    return s;
  };
  auto fairness_gain = [&](int in, int out) {
    // Change of the sum of squares when `in` becomes held and `out` unheld.
    std::map<int, int> d;
    for (int p : {md.first[in], md.second[in]})
      if (pr.participants[p].importer) --d[p];
    for (int p : {md.first[out], md.second[out]})
      if (pr.participants[p].importer) ++d[p];
    std::int64_t delta = 0;
    for (auto [p, dd] : d) {
      const std::int64_t a = shortfall[p], b = a + dd;
      delta += b * b - a * a;
    }
    return delta;
  };
  std::vector<int> unheld;
  for (int m = 0; m < md.meetings; ++m)
    if (md.active[m] && st.slot(m) < 0) unheld.push_back(m);
  std::sort(unheld.begin(), unheld.end(), [&](int a, int b) {
    const int sa = importer_short(a), sb = importer_short(b);
    return sa != sb ? sa > sb : a < b;
  });
  std::vector<int> ejected;
  for (int u : unheld) {
    if (st.slot(u) >= 0 || importer_short(u) < 2) continue;
    bool done = false;
    for (int j = md.allowed_begin[u]; j < md.allowed_begin[u + 1] && !done; ++j) {
      const int t = md.allowed_slots[j];
      const auto mark = st.log_mark();
      const auto breaks = st.breaks();
      ejected.clear();
      if (!st.place_ejecting(u, t, ejected, rng) || ejected.size() != 1 ||
          md.weight[ejected[0]] != md.weight[u] || fairness_gain(u, ejected[0]) >= 0 || st.breaks() > breaks) {
        st.undo_to(mark);
        continue;
      }
      const int out = ejected[0];
      // The displaced meeting may still fit elsewhere.
      const auto mark2 = st.log_mark();
      if (st.place_best_free(out, rng) && st.breaks() > breaks) st.undo_to(mark2);
      for (int p : {md.first[u], md.second[u]}) --shortfall[p];
      if (st.slot(out) < 0)
        for (int p : {md.first[out], md.second[out]}) ++shortfall[p];
      st.commit();
      done = true;
    }
  }
  st.commit();
}

// Places fill-ins by descending score where both participants accept them
// and the slot keeps or lowers their breaks.
void place_fill_ins(const ScheduleProblem& pr, const std::vector<int>& meeting_slots, std::vector<Placement>& out,
                    SearchRng& rng) {
  const int M = static_cast<int>(pr.meetings.size());
  const int F = static_cast<int>(pr.fill_ins.size());
  out.assign(F, Placement{});
  for (auto& pl : out) pl.reason = UnscheduledReason::not_selected;
  if (F == 0) return;
  ScheduleProblem ext;
  ext.slots = pr.slots;
  ext.participants = pr.participants;
  ext.break_scope = pr.break_scope;
  ext.meetings.reserve(M + F);
  std::set<std::pair<int, int>> held_pairs;
  for (int m = 0; m < M; ++m) {
    ScheduleMeeting r = pr.meetings[m];
    r.after.clear();
    r.cancelled = meeting_slots[m] < 0;
    if (meeting_slots[m] >= 0) held_pairs.insert(std::minmax(r.first, r.second));
    ext.meetings.push_back(std::move(r));
  }
  for (const auto& f : pr.fill_ins) {
    ScheduleMeeting r;
    r.first = f.first;
    r.second = f.second;
    r.location = f.location;
    r.cancelled = !pr.participants[f.first].accepts_fill_ins || !pr.participants[f.second].accepts_fill_ins ||
                  held_pairs.count(std::minmax(f.first, f.second)) > 0;
    ext.meetings.push_back(std::move(r));
  }
  std::vector<int> pinned(M + F, -1);
  for (int m = 0; m < M; ++m) pinned[m] = meeting_slots[m];
  const EngineModel md = build_model(ext, {}, 0, pinned);
  EngineState st(md);
  for (int m = 0; m < M; ++m)
    if (meeting_slots[m] >= 0) st.set_slot(m, meeting_slots[m]);
  st.commit();
  std::vector<int> order(F);
  for (int f = 0; f < F; ++f) order[f] = f;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return pr.fill_ins[a].score > pr.fill_ins[b].score; });
  for (int f : order) {
    const int m = M + f;
    if (!md.active[m]) continue;
    if (held_pairs.count(std::minmax(pr.fill_ins[f].first, pr.fill_ins[f].second))) continue;
    int best = -1, best_d = 1;
    for (int j = md.allowed_begin[m]; j < md.allowed_begin[m + 1]; ++j) {
      const int t = md.allowed_slots[j];
      if (!st.can_place(m, t)) continue;
      const int d = st.delta_place(m, t);
      if (d < best_d) {
        best_d = d;
        best = t;
      }
    }
    (void)rng;
    if (best < 0) continue;
    st.set_slot(m, best);
    held_pairs.insert(std::minmax(pr.fill_ins[f].first, pr.fill_ins[f].second));
    out[f].slot = best;
    out[f].reason = UnscheduledReason::none;
  }
}

}  // namespace detail

Schedule schedule_meetings(const ScheduleProblem& pr, const ScheduleOptions& options) {
  if (auto errs = validate(pr); !errs.empty()) throw std::invalid_argument("invalid schedule problem: " + errs.front());
  using namespace detail;
  const EngineModel md = build_model(pr);
  SearchRng rng(options.seed);
  EngineState st(md);
  int active = 0;
  for (int m = 0; m < md.meetings; ++m) active += md.active[m];
  const int lb = breaks_lower_bound(md);
  // Annealing from the greedy start (hot for small, hard problems; near the
  // greedy schedule for large ones), then a cooler second pass from the best.
  const bool small = active <= kSmallProblem;
  SearchLimits lim;
  const std::int64_t total = default_iterations(active, options.effort);
  lim.out_of_time = options.out_of_time ? &options.out_of_time : nullptr;
  // The breaks bound assumes every meeting held; otherwise only 0 is safe.
  const std::int64_t unheld_floor = st.unheld_weight() - held_weight_upper_bound(md);
  lim.target_unheld_weight = unheld_floor;
  lim.target_breaks = unheld_floor == 0 ? lb : 0;
  construct_greedy(st, rng);
  lim.iterations = small ? total * kFirstPassShare / 100 : total;
  lim.start_temperature = small ? kFirstPassTemperature : 1.5;
  lim.end_temperature = small ? kFirstPassEndTemperature : 0.3;
  const bool chains = small && has_session_bridges(pr, md);
  lim.ejection_chains = chains;
  SearchResult r = improve(st, rng, lim);
  const auto done = [&] {
    return r.stopped_by_time || (r.unheld_weight <= lim.target_unheld_weight && r.breaks <= lim.target_breaks);
  };
  std::int64_t used = lim.iterations;
  std::vector<std::int64_t> penalty(md.participants, 0);
  while (small && !done() && used < total) {
    st.load_assignment(r.slots);
    lim.iterations = std::min(total - used, std::max<std::int64_t>(1, total * kCycleShare / 100));
    used += lim.iterations;
    lim.start_temperature = kCycleTemperature;
    lim.end_temperature = 0.3;
    lim.ejection_chains = chains;
    st.set_break_penalties(penalty);
    SearchResult r2 = improve(st, rng, lim);
    // Guided local search: participants still broken at the end of a cycle
    // weigh more in the following cycles' annealing cost (the best schedule
    // is still judged by the true breaks).
    st.load_assignment(r2.slots);
    for (int p : st.broken_participants())
      penalty[p] = std::min<std::int64_t>(kBreakPenaltyCap, penalty[p] + kBreakPenaltyStep);
    const bool stopped = r2.stopped_by_time;
    if (std::tuple(r2.unheld_weight, r2.breaks) < std::tuple(r.unheld_weight, r.breaks)) r = std::move(r2);
    if (stopped) r.stopped_by_time = true;
  }
  st.load_assignment(r.slots);
  // Anything still placeable is placed (held weight comes first).
  for (int m = 0; m < md.meetings; ++m)
    if (md.active[m] && st.slot(m) < 0) st.place_best_free(m, rng);
  st.commit();
  improve_fairness(pr, st, rng);

  Schedule out;
  const int M = md.meetings;
  out.meetings.assign(M, Placement{});
  std::vector<int> slots(M, -1);
  for (int m = 0; m < M; ++m) {
    auto& pl = out.meetings[m];
    pl.location = pr.meetings[m].location;
    slots[m] = st.slot(m);
    if (st.slot(m) >= 0) {
      pl.slot = st.slot(m);
      continue;
    }
    if (pr.meetings[m].cancelled) {
      pl.reason = UnscheduledReason::cancelled;
    } else if (!md.active[m]) {
      // Would a slot exist if tables were not needed?
      bool table_only = false;
      const auto& r = pr.meetings[m];
      if (r.location == LocationKind::table) {
        for (int t = 0; t < static_cast<int>(pr.slots.size()) && !table_only; ++t) {
          const auto& s = pr.slots[t];
          if (s.tables > 0) continue;
          if (r.session == SessionWish::morning && s.session != SessionKind::morning) continue;
          if (r.session == SessionWish::afternoon && s.session != SessionKind::afternoon) continue;
          if (r.fixed_slot >= 0 && r.fixed_slot != t) continue;
          auto busy = [&](int p) {
            const auto& un = pr.participants[p].unavailable;
            return std::find(un.begin(), un.end(), t) != un.end();
          };
          table_only = !busy(r.first) && !busy(r.second);
        }
      }
      pl.reason = table_only ? UnscheduledReason::no_table : UnscheduledReason::no_common_slot;
    } else {
      bool by_precedence = false;
      for (int j = md.allowed_begin[m]; j < md.allowed_begin[m + 1] && !by_precedence; ++j) {
        const int t = md.allowed_slots[j];
        const bool free = st.who(md.first[m], t) < 0 && st.who(md.second[m], t) < 0 &&
                          (!md.uses_table[m] || st.load(t) < md.capacity[t]);
        if (free) by_precedence = true;  // free yet not placeable: a precedence blocks it
      }
      pl.reason = by_precedence ? UnscheduledReason::precedence : UnscheduledReason::capacity;
    }
  }
  if (options.place_fill_ins)
    place_fill_ins(pr, slots, out.fill_ins, rng);
  else
    out.fill_ins.assign(pr.fill_ins.size(), Placement{-1, LocationKind::table, -1, UnscheduledReason::not_selected});
  for (std::size_t f = 0; f < out.fill_ins.size(); ++f) out.fill_ins[f].location = pr.fill_ins[f].location;
  detail::assign_locations(pr, out.meetings, out.fill_ins);
  out.figures.breaks_lower_bound = lim.target_breaks;
  out.figures = evaluate(pr, out);
  return out;
}

}  // namespace fairmatch::matching
