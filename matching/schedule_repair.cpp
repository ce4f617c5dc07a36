#include "matching/schedule_repair.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "matching/schedule_engine.hpp"

namespace fairmatch::matching {

namespace {

using detail::EngineModel;
using detail::EngineState;

// A way to hold one meeting: how many other meetings it moves, how much
// weight it drops, and the breaks afterwards. Smaller is better.
struct Cost {
  std::int64_t lost_weight = 0;
  int moved = 0;
  std::int64_t breaks = 0;
  int slot = 0;
  auto key() const { return std::tuple(lost_weight, moved, breaks, slot); }
};

class Repairer {
 public:
  Repairer(const EngineModel& md, EngineState& st, const std::vector<std::uint8_t>& pinned, int max_chain)
      : md_(md), st_(st), pinned_(pinned), max_chain_(max_chain) {}

  // Holds meeting x (unplaced) with the fewest changes; may bump lighter
  // meetings when nothing else works. Returns false if x stays unplaced.
  bool hold(int x, bool allow_bump = true) {
    if (place_free(x)) return true;
    for (int depth = 1; depth <= max_chain_; ++depth)
      if (place_by_chain(x, depth, /*allow_bump=*/false)) return true;
    return allow_bump && place_by_chain(x, 1, /*allow_bump=*/true);
  }

 private:
  // Best free slot: fewest added breaks, then earliest. No other meeting moves.
  int best_free_slot(int m) const {
    int best = -1, best_d = 0;
    for (int j = md_.allowed_begin[m]; j < md_.allowed_begin[m + 1]; ++j) {
      const int t = md_.allowed_slots[j];
      if (!st_.can_place(m, t)) continue;
      const int d = st_.delta_place(m, t);
      if (best < 0 || d < best_d) {
        best = t;
        best_d = d;
      }
    }
    return best;
  }

  bool place_free(int m) {
    const int t = best_free_slot(m);
    if (t < 0) return false;
    st_.set_slot(m, t);
    return true;
  }

  // The meetings standing in the way of m at slot t (participants' meetings,
  // precedence conflicts); `table_victims` lists candidates of which one must
  // leave when the table pool is full. Returns false if a pinned meeting is
  // in the way.
  bool blockers(int m, int t, std::vector<int>& out, std::vector<int>& table_victims) const {
    out.clear();
    table_victims.clear();
    for (int p : {md_.first[m], md_.second[m]}) {
      const int o = st_.who(p, t);
      if (o >= 0 && o != m && std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
    }
    for (int i = md_.pred_begin[m]; i < md_.pred_begin[m + 1]; ++i)
      if (st_.slot(md_.preds[i]) >= t) out.push_back(md_.preds[i]);
    for (int i = md_.succ_begin[m]; i < md_.succ_begin[m + 1]; ++i) {
      const int s = st_.slot(md_.succs[i]);
      if (s >= 0 && s <= t) out.push_back(md_.succs[i]);
    }
    for (int o : out)
      if (pinned_[o]) return false;
    if (md_.uses_table[m]) {
      int freed = 0;
      for (int o : out) freed += (md_.uses_table[o] && st_.slot(o) == t) ? 1 : 0;
      if (st_.load(t) - freed >= md_.capacity[t]) {
        for (int o : st_.table_meetings(t))
          if (!pinned_[o] && std::find(out.begin(), out.end(), o) == out.end()) table_victims.push_back(o);
        std::sort(table_victims.begin(), table_victims.end());
        if (table_victims.size() > kMaxVictims) table_victims.resize(kMaxVictims);
        if (table_victims.empty()) return false;
      }
    }
    return true;
  }

  // Moves meeting o (currently placed) elsewhere with at most `depth - 1`
  // further displacements; returns the number of meetings moved, or -1.
  int relocate(int o, int depth, std::int64_t& lost) {
    const int from = st_.slot(o);
    st_.set_slot(o, -1);
    // Keep it off its old slot: that is what the caller is freeing.
    const int t = best_free_slot_except(o, from);
    if (t >= 0) {
      st_.set_slot(o, t);
      return 1;
    }
    if (depth <= 1) return -1;
    const auto mark = st_.log_mark();
    Cost best;
    bool found = false;
    int moved_best = 0;
    for (int j = md_.allowed_begin[o]; j < md_.allowed_begin[o + 1]; ++j) {
      const int s = md_.allowed_slots[j];
      if (s == from) continue;
      std::int64_t l = 0;
      const int moved = try_slot(o, s, depth - 1, false, l);
      if (moved >= 0) {
        Cost c{l, moved, st_.breaks(), s};
        if (!found || c.key() < best.key()) {
          best = c;
          found = true;
          moved_best = moved;
        }
      }
      st_.undo_to(mark);
    }
    if (!found) return -1;
    std::int64_t l = 0;
    try_slot(o, best.slot, depth - 1, false, l);
    lost += l;
    return 1 + moved_best;
  }

  int best_free_slot_except(int m, int avoid) const {
    int best = -1, best_d = 0;
    for (int j = md_.allowed_begin[m]; j < md_.allowed_begin[m + 1]; ++j) {
      const int t = md_.allowed_slots[j];
      if (t == avoid || !st_.can_place(m, t)) continue;
      const int d = st_.delta_place(m, t);
      if (best < 0 || d < best_d) {
        best = t;
        best_d = d;
      }
    }
    return best;
  }

  // Places m at t after moving the meetings in the way (each with chains of
  // at most `depth`); with `allow_bump`, those that cannot move are dropped
  // if lighter than m. Returns the number of other meetings changed, or -1.
  // Leaves the state changed; the caller undoes.
  int try_slot(int m, int t, int depth, bool allow_bump, std::int64_t& lost) {
    std::vector<int> in_way, victims;
    if (!blockers(m, t, in_way, victims)) return -1;
    int moved = 0;
    // Free the participants' slot first.
    for (int o : in_way) {
      if (st_.slot(o) < 0) continue;
      const int r = relocate(o, depth, lost);
      if (r < 0) {
        if (!allow_bump || md_.weight[o] >= md_.weight[m]) return -1;
        st_.set_slot(o, -1);
        lost += md_.weight[o];
        r_dropped_.push_back(o);
        ++moved;
      } else {
        moved += r;
      }
    }
    if (!victims.empty() && st_.load(t) >= md_.capacity[t]) {
      // The victim that moves with the fewest changes (then lowest id).
      const auto mark = st_.log_mark();
      int best_v = -1, best_moved = 0;
      std::int64_t best_b = 0;
      for (int v : victims) {
        std::int64_t l = 0;
        const int r = relocate(v, 1, l);
        if (r >= 0 && (best_v < 0 || std::tuple(r, st_.breaks()) < std::tuple(best_moved, best_b))) {
          best_v = v;
          best_moved = r;
          best_b = st_.breaks();
        }
        st_.undo_to(mark);
      }
      if (best_v >= 0) {
        std::int64_t l = 0;
        moved += relocate(best_v, 1, l);
      } else {
        if (!allow_bump) return -1;
        int light = -1;
        for (int v : victims)
          if (md_.weight[v] < md_.weight[m] && (light < 0 || md_.weight[v] < md_.weight[light])) light = v;
        if (light < 0) return -1;
        st_.set_slot(light, -1);
        lost += md_.weight[light];
        r_dropped_.push_back(light);
        ++moved;
      }
    }
    if (!st_.can_place(m, t)) return -1;
    st_.set_slot(m, t);
    return moved;
  }

  bool place_by_chain(int m, int depth, bool allow_bump) {
    const auto mark = st_.log_mark();
    Cost best;
    bool found = false;
    for (int j = md_.allowed_begin[m]; j < md_.allowed_begin[m + 1]; ++j) {
      const int t = md_.allowed_slots[j];
      std::int64_t lost = 0;
      r_dropped_.clear();
      const int moved = try_slot(m, t, depth, allow_bump, lost);
      if (moved >= 0) {
        Cost c{lost, moved, st_.breaks(), t};
        if (!found || c.key() < best.key()) {
          best = c;
          found = true;
        }
      }
      st_.undo_to(mark);
    }
    if (!found) return false;
    std::int64_t lost = 0;
    r_dropped_.clear();
    try_slot(m, best.slot, depth, allow_bump, lost);
    dropped_.insert(dropped_.end(), r_dropped_.begin(), r_dropped_.end());
    return true;
  }

 public:
  std::vector<int> dropped_;  // meetings bumped to make room

 private:
  static constexpr std::size_t kMaxVictims = 24;
  const EngineModel& md_;
  EngineState& st_;
  const std::vector<std::uint8_t>& pinned_;
  int max_chain_;
  std::vector<int> r_dropped_;
};

void check_change(const ScheduleProblem& pr, const Schedule& s, int now, const ScheduleChange& c) {
  const int T = static_cast<int>(pr.slots.size());
  const int P = static_cast<int>(pr.participants.size());
  const int M = static_cast<int>(pr.meetings.size());
  if (s.meetings.size() != pr.meetings.size()) throw std::invalid_argument("schedule does not match the problem");
  if (now < 0 || now > T) throw std::invalid_argument("current slot " + std::to_string(now) + " is out of range");
  switch (c.kind) {
    case ChangeKind::cancellation:
      if (c.meeting < 0 || c.meeting >= M) throw std::invalid_argument("unknown meeting " + std::to_string(c.meeting));
      if (pr.meetings[c.meeting].cancelled)
        throw std::invalid_argument("meeting " + std::to_string(c.meeting) + " is already cancelled");
      if (s.meetings[c.meeting].held() && s.meetings[c.meeting].slot < now)
        throw std::invalid_argument("meeting " + std::to_string(c.meeting) + " is already past");
      break;
    case ChangeKind::absence:
    case ChangeKind::late_arrival:
      if (c.participant < 0 || c.participant >= P)
        throw std::invalid_argument("unknown participant " + std::to_string(c.participant));
      if (c.from_slot < 0 || c.from_slot > T) throw std::invalid_argument("slot " + std::to_string(c.from_slot) + " is out of range");
      if (c.kind == ChangeKind::absence && c.until_slot != -1 && (c.until_slot < c.from_slot || c.until_slot > T))
        throw std::invalid_argument("absence ends before it starts or after the last slot");
      break;
    case ChangeKind::urgent_meeting: {
      const auto& r = c.meeting_request;
      if (r.first < 0 || r.first >= P || r.second < 0 || r.second >= P || r.first == r.second)
        throw std::invalid_argument("urgent meeting has invalid participants");
      if (r.weight < 1) throw std::invalid_argument("urgent meeting weight must be at least 1");
      if (r.location == LocationKind::booth && !pr.participants[r.first].has_booth)
        throw std::invalid_argument("urgent booth meeting but participant " + std::to_string(r.first) + " has no booth");
      if (r.fixed_slot != -1 && (r.fixed_slot < now || r.fixed_slot >= T))
        throw std::invalid_argument("urgent meeting fixed to a past or invalid slot");
      for (int q : r.after)
        if (q < 0 || q >= M) throw std::invalid_argument("urgent meeting has an invalid precedence");
      break;
    }
  }
}

}  // namespace

RepairResult repair_schedule(const ScheduleProblem& problem, const Schedule& schedule, int now,
                             const ScheduleChange& change, const RepairOptions& options) {
  check_change(problem, schedule, now, change);
  const int T = static_cast<int>(problem.slots.size());
  RepairResult out;
  out.problem = problem;
  auto& pr = out.problem;

  // 1. The changed problem.
  std::vector<int> displaced;  // meetings that must leave their slot
  int urgent = -1;
  switch (change.kind) {
    case ChangeKind::cancellation:
      pr.meetings[change.meeting].cancelled = true;
      break;
    case ChangeKind::absence:
    case ChangeKind::late_arrival: {
      const int from = change.kind == ChangeKind::absence ? std::max(change.from_slot, now) : now;
      const int until = change.kind == ChangeKind::absence ? (change.until_slot < 0 ? T : change.until_slot)
                                                           : change.from_slot;
      auto& un = pr.participants[change.participant].unavailable;
      for (int t = from; t < until; ++t) un.push_back(t);
      std::sort(un.begin(), un.end());
      un.erase(std::unique(un.begin(), un.end()), un.end());
      for (std::size_t m = 0; m < pr.meetings.size(); ++m) {
        const auto& r = pr.meetings[m];
        const int s = schedule.meetings[m].slot;
        if ((r.first == change.participant || r.second == change.participant) && s >= from && s < until)
          displaced.push_back(static_cast<int>(m));
      }
      break;
    }
    case ChangeKind::urgent_meeting:
      urgent = static_cast<int>(pr.meetings.size());
      pr.meetings.push_back(change.meeting_request);
      pr.meetings.back().cancelled = false;
      break;
  }

  // 2. Index the schedule: the past is pinned, the future may move.
  const int M = static_cast<int>(pr.meetings.size());
  std::vector<int> pin(M, -1);
  std::vector<std::uint8_t> pinned(M, 0);
  for (int m = 0; m < static_cast<int>(schedule.meetings.size()); ++m) {
    const int s = schedule.meetings[m].slot;
    if (s >= 0 && s < now) {
      pin[m] = s;
      pinned[m] = 1;
    }
  }
  const EngineModel md = detail::build_model(pr, {}, now, pin);
  EngineState st(md);
  std::vector<std::uint8_t> is_displaced(M, 0);
  for (int m : displaced) is_displaced[m] = 1;
  for (int m = 0; m < static_cast<int>(schedule.meetings.size()); ++m) {
    const int s = schedule.meetings[m].slot;
    if (s < 0 || pr.meetings[m].cancelled || is_displaced[m]) continue;
    if (!md.allowed(m, s)) {  // no longer possible (e.g. a rule changed): re-place it
      is_displaced[m] = 1;
      displaced.push_back(m);
      continue;
    }
    st.set_slot(m, s);
  }
  st.commit();

  // 3. Re-place what the change displaced (heaviest first), or the urgent meeting.
  Repairer rep(md, st, pinned, std::max(1, options.max_chain));
  std::sort(displaced.begin(), displaced.end(), [&](int a, int b) {
    return std::tuple(-md.weight[a], a) < std::tuple(-md.weight[b], b);
  });
  std::vector<int> lost;  // meetings that could not be held (informative)
  for (int m : displaced) {
    if (!md.active[m] || !rep.hold(m)) lost.push_back(m);
    st.commit();
  }
  if (urgent >= 0) {
    if (!md.active[urgent] || !rep.hold(urgent)) lost.push_back(urgent);
    st.commit();
  }
  // Bumped meetings try once more to find a place without bumping.
  for (std::size_t i = 0; i < rep.dropped_.size(); ++i) {
    const int m = rep.dropped_[i];
    if (st.slot(m) < 0 && !rep.hold(m, /*allow_bump=*/false)) lost.push_back(m);
    st.commit();
  }
  if (options.use_freed_slot && change.kind == ChangeKind::cancellation) {
    const auto& c = pr.meetings[change.meeting];
    std::vector<int> waiting;
    for (int m = 0; m < static_cast<int>(schedule.meetings.size()); ++m) {
      const auto& r = pr.meetings[m];
      if (st.slot(m) >= 0 || !md.active[m] || pinned[m]) continue;
      if (r.first == c.first || r.first == c.second || r.second == c.first || r.second == c.second) waiting.push_back(m);
    }
    std::sort(waiting.begin(), waiting.end(), [&](int a, int b) {
      return std::tuple(-md.weight[a], a) < std::tuple(-md.weight[b], b);
    });
    const int freed = schedule.meetings[change.meeting].slot;
    for (int m : waiting)
      if (freed >= 0 && st.can_place(m, freed)) st.set_slot(m, freed);
    st.commit();
  }

  // 4. The new schedule: unchanged meetings keep their tables.
  Schedule& ns = out.schedule;
  ns.meetings.assign(M, Placement{});
  for (int m = 0; m < M; ++m) {
    auto& pl = ns.meetings[m];
    pl.location = pr.meetings[m].location;
    const Placement old = m < static_cast<int>(schedule.meetings.size()) ? schedule.meetings[m] : Placement{};
    const int s = st.slot(m);
    if (s >= 0) {
      pl.slot = s;
      pl.location_index = (old.slot == s) ? old.location_index : -1;
    } else if (pr.meetings[m].cancelled) {
      pl.reason = UnscheduledReason::cancelled;
    } else if (m < static_cast<int>(schedule.meetings.size()) && !old.held() && !is_displaced[m]) {
      pl.reason = old.reason;
    } else if (!md.active[m]) {
      pl.reason = change.kind == ChangeKind::urgent_meeting && m == urgent ? UnscheduledReason::no_common_slot
                                                                           : UnscheduledReason::absent;
    } else {
      pl.reason = is_displaced[m] && change.kind != ChangeKind::urgent_meeting ? UnscheduledReason::absent
                                                                               : UnscheduledReason::capacity;
    }
  }
  ns.fill_ins = schedule.fill_ins;
  // Fill-ins of a participant who became absent are dropped.
  for (std::size_t f = 0; f < ns.fill_ins.size(); ++f) {
    auto& pl = ns.fill_ins[f];
    if (!pl.held() || pl.slot < now) continue;
    const auto& fi = pr.fill_ins[f];
    bool clash = false;
    for (int p : {fi.first, fi.second}) {
      const auto& un = pr.participants[p].unavailable;
      clash |= std::binary_search(un.begin(), un.end(), pl.slot) || st.who(p, pl.slot) >= 0;
    }
    if (clash) pl = Placement{-1, fi.location, -1, UnscheduledReason::not_selected};
  }
  detail::assign_locations(pr, ns.meetings, ns.fill_ins);
  ns.figures.breaks_lower_bound = schedule.figures.breaks_lower_bound;
  ns.figures = evaluate(pr, ns);

  // 5. The difference.
  std::vector<std::uint8_t> affected(pr.participants.size(), 0);
  for (int m = 0; m < M; ++m) {
    const Placement before = m < static_cast<int>(schedule.meetings.size()) ? schedule.meetings[m] : Placement{};
    const Placement& after = ns.meetings[m];
    const bool same = before.slot == after.slot &&
                      (!after.held() || (before.location == after.location && before.location_index == after.location_index));
    // A new urgent request is listed even when it could not be held.
    if (same && m != urgent) continue;
    out.changes.push_back({m, before, after});
    out.changed_meetings.push_back(m);
    affected[pr.meetings[m].first] = 1;
    affected[pr.meetings[m].second] = 1;
    if (!after.held() && before.held() && !pr.meetings[m].cancelled)
      out.notes.push_back("meeting " + std::to_string(m) + " could not be kept");
    if (m == urgent && !after.held()) out.notes.push_back("the urgent meeting could not be placed");
  }
  for (std::size_t f = 0; f < ns.fill_ins.size() && f < schedule.fill_ins.size(); ++f)
    if (ns.fill_ins[f].slot != schedule.fill_ins[f].slot) {
      affected[pr.fill_ins[f].first] = 1;
      affected[pr.fill_ins[f].second] = 1;
      out.notes.push_back("fill-in " + std::to_string(f) + " dropped");
    }
  for (std::size_t p = 0; p < affected.size(); ++p)
    if (affected[p]) out.affected_participants.push_back(static_cast<int>(p));
  return out;
}

}  // namespace fairmatch::matching
