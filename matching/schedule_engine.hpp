#pragma once

// Internal search machinery of the scheduler (not part of the public API).
//
// EngineModel is a compiled, index-based view of a problem: per meeting its
// two participants, weight, whether it uses the shared table pool, the slots
// it may take, its precedences. EngineState holds a feasible partial schedule
// (every placed meeting respects every hard constraint) with the incremental
// counters the local search needs, and an undo log so a compound move can be
// tried and taken back in time proportional to its size.

#include <cstdint>
#include <functional>
#include <vector>

#include "matching/schedule.hpp"

namespace fairmatch::matching::detail {

// Small, fast, deterministic generator (splitmix64 seeding, xoshiro256**).
class SearchRng {
 public:
  explicit SearchRng(std::uint64_t seed);
  std::uint64_t next();
  // Uniform in [0, n), n > 0.
  int below(int n) { return static_cast<int>((next() >> 33) % static_cast<std::uint64_t>(n)); }
  // Uniform in [0, 1).
  double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t s_[4];
};

struct EngineModel {
  int participants = 0;
  int meetings = 0;
  int slots = 0;
  int scopes = 0;

  // Per meeting.
  std::vector<int> first, second, weight;
  std::vector<std::uint8_t> uses_table;
  std::vector<std::uint8_t> active;  // may be scheduled at all
  std::vector<int> fixed;            // -1 or the slot it is pinned to (never moved)
  std::vector<int> allowed_begin;    // CSR into allowed_slots
  std::vector<int> allowed_slots;
  std::vector<std::uint8_t> allowed_bit;  // meetings * slots
  std::vector<int> pred_begin, preds;     // meetings that must come earlier
  std::vector<int> succ_begin, succs;     // meetings that must come later

  // Per participant: meetings (active ones), CSR.
  std::vector<int> pm_begin, pm;

  // Per slot.
  std::vector<int> scope;               // break scope id
  std::vector<std::uint8_t> continues;  // slot t-1 is adjacent to t (same scope)
  std::vector<int> capacity;            // table pool capacity
  std::vector<int> scope_begin, scope_end;  // slots [begin, end) of t's scope
  std::vector<std::uint64_t> scope_mask;    // bits of t's scope (slots < 64)

  bool allowed(int m, int t) const { return allowed_bit[static_cast<std::size_t>(m) * slots + t] != 0; }
  int degree(int p) const { return pm_begin[p + 1] - pm_begin[p]; }
};

// Builds the model. `extra_unavailable` (participants x slots, may be empty)
// adds unavailability; slots before `first_free_slot` are closed to every
// meeting that is not pinned by `pinned` (meeting -> slot, -1 = not pinned;
// may be empty). Pinned meetings keep their slot even if it breaks a rule.
EngineModel build_model(const ScheduleProblem& problem, const std::vector<std::uint8_t>& extra_unavailable = {},
                        int first_free_slot = 0, const std::vector<int>& pinned = {});

// Lower bound on the breaks of any schedule holding all active meetings of
// each participant (sum of per-participant bounds).
int breaks_lower_bound(const EngineModel& model);

// Upper bound on the total weight of active meetings any schedule can hold.
std::int64_t held_weight_upper_bound(const EngineModel& model);

class EngineState {
 public:
  explicit EngineState(const EngineModel& model);

  const EngineModel& model() const { return *md_; }
  int slot(int m) const { return slot_[m]; }
  const std::vector<int>& slots() const { return slot_; }
  int who(int p, int t) const { return who_[static_cast<std::size_t>(p) * md_->slots + t]; }
  int load(int t) const { return load_[t]; }
  std::int64_t breaks() const { return breaks_; }
  std::int64_t unheld_weight() const { return unheld_w_; }
  // Sum over participants' gaps of gap_costs[length] (see set_gap_costs).
  std::int64_t gap_cost_total() const { return gapcost_; }
  // Starts tracking gap costs (index: gap length in slots, 1..slots) and
  // recomputes the total from the current assignment.
  void set_gap_costs(std::vector<std::int64_t> costs);
  // Sum over participants of penalties[p] * breaks of p (0 until set).
  std::int64_t break_penalty_total() const { return penalty_total_; }
  // Per-participant weights on breaks, added to the annealing cost (guided
  // local search); recomputes the total from the current assignment.
  void set_break_penalties(std::vector<std::int64_t> penalties);
  int unheld_count() const { return unheld_n_; }
  int participant_breaks(int p) const { return pbreaks_[p]; }

  // Placement rules only (the slot must be allowed for m; m must be unplaced).
  bool can_place(int m, int t) const;
  // Change in total breaks if m (unplaced) were placed at t; t free for both.
  int delta_place(int m, int t) const;

  // Logged primitive: moves m to slot t (-1 = unplace). No rule checks.
  void set_slot(int m, int t);
  // Places m at t, first unplacing whatever stands in the way (the meetings
  // of its participants at t, one table meeting if the pool is full, meetings
  // whose precedence with m would break). Unplaced meetings are appended to
  // `ejected`. Returns false if t is not allowed for m or a pinned meeting
  // stands in the way; the state may then be partly changed, so callers undo
  // to a mark taken before.
  bool place_ejecting(int m, int t, std::vector<int>& ejected, SearchRng& rng);
  // Places m (unplaced) in its best free slot (fewest added breaks, ties by
  // random). Returns false if no slot is free.
  bool place_best_free(int m, SearchRng& rng);

  std::size_t log_mark() const { return log_.size(); }
  void undo_to(std::size_t mark);
  void commit() { log_.clear(); }

  // Replaces the whole assignment (meeting -> slot or -1) without logging.
  void load_assignment(const std::vector<int>& slots);

  // Participants with at least one break, for move targeting.
  const std::vector<int>& broken_participants() const { return broken_; }

  // Meetings using tables in slot t.
  const std::vector<int>& table_meetings(int t) const { return pool_[t]; }

 private:
  void neighbours(int p, int t, int& l, int& r) const;
  void add_occ(int p, int t, int m);
  void remove_occ(int p, int t);
  void set_pbreaks(int p, int value);

  const EngineModel* md_;
  std::vector<int> slot_;
  std::vector<int> who_;
  std::vector<int> load_;
  std::vector<int> scope_count_;
  std::vector<std::uint64_t> mask_;  // per participant occupied slots, when slots <= 64
  std::vector<std::int64_t> gap_cost_;  // by gap length; empty: not tracked
  std::int64_t gapcost_ = 0;
  std::vector<std::int64_t> penalty_;  // per participant; empty: none
  std::int64_t penalty_total_ = 0;
  std::vector<int> pbreaks_;
  std::vector<int> broken_, broken_pos_;
  std::vector<std::vector<int>> pool_;
  std::vector<int> pool_pos_;
  std::int64_t breaks_ = 0;
  std::int64_t unheld_w_ = 0;
  int unheld_n_ = 0;
  std::vector<std::pair<int, int>> log_;  // (meeting, previous slot)
};

struct SearchLimits {
  std::int64_t iterations = 0;             // total move attempts
  const std::function<bool()>* out_of_time = nullptr;
  // Stop once the unheld weight is at most this and the breaks at most target_breaks.
  std::int64_t target_unheld_weight = 0;
  int target_breaks = 0;
  double start_temperature = 8.0;  // in cost units (a gap costs 4 to 8)
  double end_temperature = 0.3;
  // A displaced meeting with no free slot may take one by displacing a
  // meeting that has a free slot (costlier moves; for the later cycles).
  bool ejection_chains = false;
};

struct SearchResult {
  std::vector<int> slots;  // best assignment found
  std::int64_t unheld_weight = 0;
  std::int64_t breaks = 0;
  std::int64_t iterations = 0;
  bool stopped_by_time = false;
};

// Greedy construction: places active meetings, heaviest and most constrained
// first, each in its free slot adding the fewest breaks. Pinned meetings
// (model.fixed) first.
void construct_greedy(EngineState& state, SearchRng& rng);

// Local search from the state's current assignment: simulated annealing over
// compound moves (relocate with ejection and re-insertion of what it
// displaces, swaps of two meetings of one participant, moving a participant's
// run of meetings next to another run of theirs, gathering all of a
// participant's meetings into one block of adjacent slots, Kempe-chain
// exchanges between two slots). The annealing cost is 12 per unheld unit of
// weight plus, per gap in someone's day, 4 and one per idle slot beyond the
// first (up to 4 more), plus the state's break penalties (set_break_penalties);
// the best state is kept by the true objective (unheld weight, then
// breaks). With limits.ejection_chains, a displaced meeting with no free slot
// may displace one meeting that has a free slot. Deterministic for the state and the generator; stops after
// `limits.iterations`, on out_of_time, or at the targets.
SearchResult improve(EngineState& state, SearchRng& rng, const SearchLimits& limits);

// Gives held table meetings distinct table numbers per slot (keeping numbers
// already set when valid and unique) and booth meetings their owner's booth.
void assign_locations(const ScheduleProblem& problem, std::vector<Placement>& meetings,
                      std::vector<Placement>& fill_ins);

}  // namespace fairmatch::matching::detail
