#include "matching/schedule_engine.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

namespace fairmatch::matching::detail {

// ---------------------------------------------------------------- SearchRng

namespace {
std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

SearchRng::SearchRng(std::uint64_t seed) {
  for (auto& s : s_) s = splitmix64(seed);
}

std::uint64_t SearchRng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

// ---------------------------------------------------------------- model

EngineModel build_model(const ScheduleProblem& problem, const std::vector<std::uint8_t>& extra_unavailable,
                        int first_free_slot, const std::vector<int>& pinned) {
  EngineModel md;
  const int T = static_cast<int>(problem.slots.size());
  const int P = static_cast<int>(problem.participants.size());
  const int M = static_cast<int>(problem.meetings.size());
  md.participants = P;
  md.meetings = M;
  md.slots = T;

  md.scope.resize(T);
  md.continues.assign(T, 0);
  md.capacity.resize(T);
  int scope_id = -1;
  for (int t = 0; t < T; ++t) {
    const auto& s = problem.slots[t];
    bool same = t > 0 && s.day == problem.slots[t - 1].day &&
                (problem.break_scope == BreakScope::day || s.session == problem.slots[t - 1].session);
    if (!same) ++scope_id;
    md.scope[t] = scope_id;
    md.continues[t] = same ? 1 : 0;
    md.capacity[t] = std::max(0, s.tables);
  }
  md.scopes = scope_id + 1;
  md.scope_mask.assign(T, 0);
  md.scope_begin.resize(T);
  md.scope_end.resize(T);
  for (int t = 0; t < T;) {
    int e = t + 1;
    while (e < T && md.scope[e] == md.scope[t]) ++e;
    std::uint64_t bits = 0;
    for (int k = t; k < e && k < 64; ++k) bits |= std::uint64_t{1} << k;
    for (int k = t; k < e; ++k) {
      md.scope_begin[k] = t;
      md.scope_end[k] = e;
      md.scope_mask[k] = bits;
    }
    t = e;
  }

  std::vector<std::uint8_t> unavailable(static_cast<std::size_t>(P) * T, 0);
  for (int p = 0; p < P; ++p)
    for (int t : problem.participants[p].unavailable)
      if (t >= 0 && t < T) unavailable[static_cast<std::size_t>(p) * T + t] = 1;
  if (!extra_unavailable.empty())
    for (std::size_t i = 0; i < unavailable.size(); ++i) unavailable[i] |= extra_unavailable[i];

  md.first.resize(M);
  md.second.resize(M);
  md.weight.resize(M);
  md.uses_table.resize(M);
  md.active.assign(M, 0);
  md.fixed.assign(M, -1);
  md.allowed_begin.assign(M + 1, 0);
  md.allowed_bit.assign(static_cast<std::size_t>(M) * T, 0);
  md.allowed_slots.reserve(static_cast<std::size_t>(M) * 4);
  for (int m = 0; m < M; ++m) {
    const auto& r = problem.meetings[m];
    md.first[m] = r.first;
    md.second[m] = r.second;
    md.weight[m] = std::max(1, r.weight);
    md.uses_table[m] = r.location == LocationKind::table ? 1 : 0;
    md.allowed_begin[m] = static_cast<int>(md.allowed_slots.size());
    const int pin = pinned.empty() ? -1 : pinned[m];
    if (pin >= 0) {
      md.active[m] = 1;
      md.fixed[m] = pin;
      md.allowed_slots.push_back(pin);
      md.allowed_bit[static_cast<std::size_t>(m) * T + pin] = 1;
      continue;
    }
    if (r.cancelled) continue;
    // data() + offset, not &v[offset]: with no slots (T == 0) the vector is
    // empty and v[0] would bind a reference to null (UBSan).
    const auto* ua = unavailable.data() + static_cast<std::size_t>(r.first) * T;
    const auto* ub = unavailable.data() + static_cast<std::size_t>(r.second) * T;
    for (int t = std::max(0, first_free_slot); t < T; ++t) {
      if (ua[t] || ub[t]) continue;
      if (r.session == SessionWish::morning && problem.slots[t].session != SessionKind::morning) continue;
      if (r.session == SessionWish::afternoon && problem.slots[t].session != SessionKind::afternoon) continue;
      if (r.fixed_slot >= 0 && r.fixed_slot != t) continue;
      if (md.uses_table[m] && md.capacity[t] <= 0) continue;
      md.allowed_slots.push_back(t);
      md.allowed_bit[static_cast<std::size_t>(m) * T + t] = 1;
    }
    md.active[m] = md.allowed_begin[m] != static_cast<int>(md.allowed_slots.size()) ? 1 : 0;
  }
  md.allowed_begin[M] = static_cast<int>(md.allowed_slots.size());

  // Precedences among active meetings.
  std::vector<std::pair<int, int>> edges;  // (earlier, later)
  for (int m = 0; m < M; ++m) {
    if (!md.active[m]) continue;
    for (int q : problem.meetings[m].after)
      if (q >= 0 && q < M && q != m && md.active[q]) edges.emplace_back(q, m);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  md.pred_begin.assign(M + 1, 0);
  md.succ_begin.assign(M + 1, 0);
  for (auto [e, l] : edges) {
    ++md.pred_begin[l + 1];
    ++md.succ_begin[e + 1];
  }
  for (int m = 0; m < M; ++m) {
    md.pred_begin[m + 1] += md.pred_begin[m];
    md.succ_begin[m + 1] += md.succ_begin[m];
  }
  md.preds.resize(edges.size());
  md.succs.resize(edges.size());
  {
    std::vector<int> pf(md.pred_begin.begin(), md.pred_begin.end() - 1);
    std::vector<int> sf(md.succ_begin.begin(), md.succ_begin.end() - 1);
    for (auto [e, l] : edges) {
      md.preds[pf[l]++] = e;
      md.succs[sf[e]++] = l;
    }
  }

  md.pm_begin.assign(P + 1, 0);
  for (int m = 0; m < M; ++m)
    if (md.active[m]) {
      ++md.pm_begin[md.first[m] + 1];
      ++md.pm_begin[md.second[m] + 1];
    }
  for (int p = 0; p < P; ++p) md.pm_begin[p + 1] += md.pm_begin[p];
  md.pm.resize(md.pm_begin[P]);
  {
    std::vector<int> fill(md.pm_begin.begin(), md.pm_begin.end() - 1);
    for (int m = 0; m < M; ++m)
      if (md.active[m]) {
        md.pm[fill[md.first[m]]++] = m;
        md.pm[fill[md.second[m]]++] = m;
      }
  }
  return md;
}

int breaks_lower_bound(const EngineModel& md) {
  const int T = md.slots;
  int total = 0;
  std::vector<std::uint8_t> ok(T);
  std::vector<int> free_runs, paid_runs;
  std::vector<int> best_in_scope(md.scopes);
  for (int p = 0; p < md.participants; ++p) {
    const int k = md.degree(p);
    if (k <= 1) continue;
    std::fill(ok.begin(), ok.end(), 0);
    for (int i = md.pm_begin[p]; i < md.pm_begin[p + 1]; ++i) {
      const int m = md.pm[i];
      for (int j = md.allowed_begin[m]; j < md.allowed_begin[m + 1]; ++j) ok[md.allowed_slots[j]] = 1;
    }
    // Maximal runs of usable, mutually adjacent slots; per scope the longest
    // run is free, every further run costs one break.
    std::vector<std::vector<int>> runs(md.scopes);
    for (int t = 0; t < T;) {
      if (!ok[t]) {
        ++t;
        continue;
      }
      int e = t + 1;
      while (e < T && ok[e] && md.continues[e]) ++e;
      runs[md.scope[t]].push_back(e - t);
      t = e;
    }
    int covered = 0;
    paid_runs.clear();
    for (auto& r : runs) {
      if (r.empty()) continue;
      std::sort(r.rbegin(), r.rend());
      covered += r[0];
      paid_runs.insert(paid_runs.end(), r.begin() + 1, r.end());
    }
    std::sort(paid_runs.rbegin(), paid_runs.rend());
    int need = 0;
    std::size_t i = 0;
    while (covered < k && i < paid_runs.size()) {
      covered += paid_runs[i++];
      ++need;
    }
    if (covered >= k) total += need;
  }
  return total;
}

std::int64_t held_weight_upper_bound(const EngineModel& md) {
  // Every participant holds at most as many meetings as it has usable slots,
  // so it loses at least its lightest excess meetings. Losses of participants
  // that share no meeting add up; choose such a set greedily.
  std::int64_t total = 0;
  for (int m = 0; m < md.meetings; ++m)
    if (md.active[m]) total += md.weight[m];
  std::vector<std::pair<std::int64_t, int>> forced;  // (loss, participant)
  std::vector<std::uint8_t> usable(md.slots);
  std::vector<int> w;
  for (int p = 0; p < md.participants; ++p) {
    std::fill(usable.begin(), usable.end(), 0);
    w.clear();
    for (int i = md.pm_begin[p]; i < md.pm_begin[p + 1]; ++i) {
      const int m = md.pm[i];
      w.push_back(md.weight[m]);
      for (int j = md.allowed_begin[m]; j < md.allowed_begin[m + 1]; ++j) usable[md.allowed_slots[j]] = 1;
    }
    const int cap = static_cast<int>(std::count(usable.begin(), usable.end(), 1));
    if (static_cast<int>(w.size()) <= cap) continue;
    std::sort(w.begin(), w.end());
    std::int64_t loss = 0;
    for (int i = 0; i < static_cast<int>(w.size()) - cap; ++i) loss += w[i];
    forced.emplace_back(loss, p);
  }
  std::sort(forced.begin(), forced.end(), [](auto a, auto b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::uint8_t> taken(md.meetings, 0);
  std::int64_t lost = 0;
  for (auto [loss, p] : forced) {
    bool shares = false;
    for (int i = md.pm_begin[p]; i < md.pm_begin[p + 1] && !shares; ++i) shares = taken[md.pm[i]] != 0;
    if (shares) continue;
    for (int i = md.pm_begin[p]; i < md.pm_begin[p + 1]; ++i) taken[md.pm[i]] = 1;
    lost += loss;
  }
  return total - lost;
}

// ---------------------------------------------------------------- state

EngineState::EngineState(const EngineModel& model) : md_(&model) {
  const auto& md = *md_;
  slot_.assign(md.meetings, -1);
  who_.assign(static_cast<std::size_t>(md.participants) * md.slots, -1);
  load_.assign(md.slots, 0);
  scope_count_.assign(static_cast<std::size_t>(md.participants) * md.scopes, 0);
  pbreaks_.assign(md.participants, 0);
  if (md.slots <= 64) mask_.assign(md.participants, 0);
  broken_pos_.assign(md.participants, -1);
  pool_.assign(md.slots, {});
  pool_pos_.assign(md.meetings, -1);
  for (int m = 0; m < md.meetings; ++m)
    if (md.active[m]) {
      unheld_w_ += md.weight[m];
      ++unheld_n_;
    }
}

void EngineState::set_break_penalties(std::vector<std::int64_t> penalties) {
  penalty_ = std::move(penalties);
  penalty_total_ = 0;
  if (penalty_.empty()) return;
  for (int p = 0; p < md_->participants; ++p) penalty_total_ += penalty_[p] * pbreaks_[p];
}

void EngineState::set_pbreaks(int p, int value) {
  const int old = pbreaks_[p];
  pbreaks_[p] = value;
  if (!penalty_.empty()) penalty_total_ += penalty_[p] * (value - old);
  if (old == 0 && value > 0) {
    broken_pos_[p] = static_cast<int>(broken_.size());
    broken_.push_back(p);
  } else if (old > 0 && value == 0) {
    const int pos = broken_pos_[p];
    const int last = broken_.back();
    broken_[pos] = last;
    broken_pos_[last] = pos;
    broken_.pop_back();
    broken_pos_[p] = -1;
  }
}

// Nearest occupied slots of participant p left and right of t within t's
// scope (-1 when none), skipping t itself. O(1) with the occupancy bitmask
// (up to 64 slots), else a scan of the scope.
inline void EngineState::neighbours(int p, int t, int& l, int& r) const {
  const auto& md = *md_;
  if (!mask_.empty()) {
    const std::uint64_t m = mask_[p] & md.scope_mask[t];
    const std::uint64_t below = m & ((std::uint64_t{1} << t) - 1);
    const std::uint64_t above = t == 63 ? 0 : m & ~((std::uint64_t{2} << t) - 1);
    l = below ? 63 - std::countl_zero(below) : -1;
    r = above ? std::countr_zero(above) : -1;
    return;
  }
  const std::size_t base = static_cast<std::size_t>(p) * md.slots;
  const int lo = md.scope_begin[t], hi = md.scope_end[t];
  l = t - 1;
  while (l >= lo && who_[base + l] < 0) --l;
  if (l < lo) l = -1;
  r = t + 1;
  while (r < hi && who_[base + r] < 0) ++r;
  if (r >= hi) r = -1;
}

void EngineState::add_occ(int p, int t, int m) {
  const auto& md = *md_;
  const std::size_t base = static_cast<std::size_t>(p) * md.slots;
  int l, r;
  neighbours(p, t, l, r);
  const int delta = (l == t - 1 && l >= 0 ? 0 : 1) - (r == t + 1 ? 1 : 0) - (l < 0 && r < 0 ? 1 : 0);
  if (!gap_cost_.empty()) {
    if (l >= 0 && r >= 0) gapcost_ -= gap_cost_[r - l - 1];
    if (l >= 0) gapcost_ += gap_cost_[t - l - 1];
    if (r >= 0) gapcost_ += gap_cost_[r - t - 1];
  }
  ++scope_count_[static_cast<std::size_t>(p) * md.scopes + md.scope[t]];
  who_[base + t] = m;
  if (!mask_.empty()) mask_[p] |= std::uint64_t{1} << t;
  breaks_ += delta;
  if (delta != 0) set_pbreaks(p, pbreaks_[p] + delta);
}

void EngineState::remove_occ(int p, int t) {
  const auto& md = *md_;
  const std::size_t base = static_cast<std::size_t>(p) * md.slots;
  who_[base + t] = -1;
  if (!mask_.empty()) mask_[p] &= ~(std::uint64_t{1} << t);
  --scope_count_[static_cast<std::size_t>(p) * md.scopes + md.scope[t]];
  int l, r;
  neighbours(p, t, l, r);
  const int delta = -((l == t - 1 && l >= 0 ? 0 : 1) - (r == t + 1 ? 1 : 0) - (l < 0 && r < 0 ? 1 : 0));
  if (!gap_cost_.empty()) {
    if (l >= 0 && r >= 0) gapcost_ += gap_cost_[r - l - 1];
    if (l >= 0) gapcost_ -= gap_cost_[t - l - 1];
    if (r >= 0) gapcost_ -= gap_cost_[r - t - 1];
  }
  breaks_ += delta;
  if (delta != 0) set_pbreaks(p, pbreaks_[p] + delta);
}

void EngineState::set_gap_costs(std::vector<std::int64_t> costs) {
  const auto& md = *md_;
  gap_cost_ = std::move(costs);
  gapcost_ = 0;
  for (int p = 0; p < md.participants; ++p) {
    const std::size_t base = static_cast<std::size_t>(p) * md.slots;
    int last = -1;
    for (int t = 0; t < md.slots; ++t) {
      if (t > 0 && md.scope[t] != md.scope[t - 1]) last = -1;
      if (who_[base + t] < 0) continue;
      if (last >= 0 && t - last - 1 > 0) gapcost_ += gap_cost_[t - last - 1];
      last = t;
    }
  }
}

bool EngineState::can_place(int m, int t) const {
  const auto& md = *md_;
  if (!md.allowed(m, t)) return false;
  if (who(md.first[m], t) >= 0 || who(md.second[m], t) >= 0) return false;
  if (md.uses_table[m] && load_[t] >= md.capacity[t]) return false;
  for (int i = md.pred_begin[m]; i < md.pred_begin[m + 1]; ++i) {
    const int s = slot_[md.preds[i]];
    if (s >= t) return false;
  }
  for (int i = md.succ_begin[m]; i < md.succ_begin[m + 1]; ++i) {
    const int s = slot_[md.succs[i]];
    if (s >= 0 && s <= t) return false;
  }
  return true;
}

int EngineState::delta_place(int m, int t) const {
  const auto& md = *md_;
  int d = 0;
  for (int p : {md.first[m], md.second[m]}) {
    const std::size_t base = static_cast<std::size_t>(p) * md.slots;
    const bool left = md.continues[t] && who_[base + t - 1] >= 0;
    const bool right = t + 1 < md.slots && md.continues[t + 1] && who_[base + t + 1] >= 0;
    const int sc = scope_count_[static_cast<std::size_t>(p) * md.scopes + md.scope[t]];
    d += (left ? 0 : 1) - (right ? 1 : 0) - (sc == 0 ? 1 : 0);
  }
  return d;
}

void EngineState::set_slot(int m, int t) {
  const int old = slot_[m];
  if (old == t) return;
  log_.emplace_back(m, old);
  const auto& md = *md_;
  if (old >= 0) {
    remove_occ(md.first[m], old);
    remove_occ(md.second[m], old);
    if (md.uses_table[m]) {
      --load_[old];
      auto& pool = pool_[old];
      const int pos = pool_pos_[m];
      pool[pos] = pool.back();
      pool_pos_[pool[pos]] = pos;
      pool.pop_back();
      pool_pos_[m] = -1;
    }
    unheld_w_ += md.weight[m];
    ++unheld_n_;
  }
  slot_[m] = t;
  if (t >= 0) {
    add_occ(md.first[m], t, m);
    add_occ(md.second[m], t, m);
    if (md.uses_table[m]) {
      ++load_[t];
      pool_pos_[m] = static_cast<int>(pool_[t].size());
      pool_[t].push_back(m);
    }
    unheld_w_ -= md.weight[m];
    --unheld_n_;
  }
}

void EngineState::undo_to(std::size_t mark) {
  while (log_.size() > mark) {
    auto [m, old] = log_.back();
    set_slot(m, old);  // pushes one entry
    log_.pop_back();   // the entry just pushed
    log_.pop_back();   // the entry undone
  }
}

void EngineState::load_assignment(const std::vector<int>& slots) {
  for (int m = 0; m < md_->meetings; ++m)
    if (slot_[m] >= 0 && slot_[m] != slots[m]) set_slot(m, -1);
  for (int m = 0; m < md_->meetings; ++m)
    if (slots[m] >= 0 && slot_[m] != slots[m]) set_slot(m, slots[m]);
  log_.clear();
}

bool EngineState::place_ejecting(int m, int t, std::vector<int>& ejected, SearchRng& rng) {
  const auto& md = *md_;
  if (!md.allowed(m, t)) return false;
  if (slot_[m] == t) return true;
  auto locked = [&](int x) { return md.fixed[x] >= 0 && md.fixed[x] == slot_[x] && md.allowed_begin[x + 1] - md.allowed_begin[x] == 1; };
  const int x = who(md.first[m], t);
  const int y = who(md.second[m], t);
  if (x >= 0 && locked(x)) return false;
  if (y >= 0 && locked(y)) return false;
  if (slot_[m] >= 0) set_slot(m, -1);
  if (x >= 0) {
    set_slot(x, -1);
    ejected.push_back(x);
  }
  if (y >= 0 && y != x) {
    set_slot(y, -1);
    ejected.push_back(y);
  }
  for (int i = md.pred_begin[m]; i < md.pred_begin[m + 1]; ++i) {
    const int q = md.preds[i];
    if (slot_[q] >= t) {
      if (locked(q)) return false;
      set_slot(q, -1);
      ejected.push_back(q);
    }
  }
  for (int i = md.succ_begin[m]; i < md.succ_begin[m + 1]; ++i) {
    const int q = md.succs[i];
    if (slot_[q] >= 0 && slot_[q] <= t) {
      if (locked(q)) return false;
      set_slot(q, -1);
      ejected.push_back(q);
    }
  }
  if (md.uses_table[m] && load_[t] >= md.capacity[t]) {
    const auto& pool = pool_[t];
    if (pool.empty()) return false;
    const int n = static_cast<int>(pool.size());
    const int start = rng.below(n);
    int victim = -1;
    for (int k = 0; k < n; ++k) {
      const int c = pool[(start + k) % n];
      if (!locked(c)) {
        victim = c;
        break;
      }
    }
    if (victim < 0) return false;
    set_slot(victim, -1);
    ejected.push_back(victim);
  }
  set_slot(m, t);
  return true;
}

bool EngineState::place_best_free(int m, SearchRng& rng) {
  const auto& md = *md_;
  int best = -1, best_d = 0, ties = 0;
  for (int j = md.allowed_begin[m]; j < md.allowed_begin[m + 1]; ++j) {
    const int t = md.allowed_slots[j];
    if (!can_place(m, t)) continue;
    const int d = delta_place(m, t);
    if (best < 0 || d < best_d) {
      best = t;
      best_d = d;
      ties = 1;
    } else if (d == best_d && rng.below(++ties) == 0) {
      best = t;
    }
  }
  if (best < 0) return false;
  set_slot(m, best);
  return true;
}

// ---------------------------------------------------------------- construction

void construct_greedy(EngineState& st, SearchRng& rng) {
  const auto& md = st.model();
  std::vector<int> order;
  for (int m = 0; m < md.meetings; ++m)
    if (md.active[m] && st.slot(m) < 0) order.push_back(m);
  std::vector<std::uint64_t> tie(md.meetings);
  for (auto& v : tie) v = rng.next();
  auto key = [&](int m) {
    const int dom = md.allowed_begin[m + 1] - md.allowed_begin[m];
    const int deg = md.degree(md.first[m]) + md.degree(md.second[m]);
    return std::tuple(md.fixed[m] >= 0 ? 0 : 1, -md.weight[m], dom, -deg, tie[m]);
  };
  std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
  for (int m : order) st.place_best_free(m, rng);
  st.commit();
}

// ---------------------------------------------------------------- local search

namespace {

class Annealer {
 public:
  Annealer(EngineState& st, SearchRng& rng) : st_(st), md_(st.model()), rng_(rng) {}

  SearchResult run(const SearchLimits& limits);

 private:
  std::int64_t cost() const {
    return st_.unheld_weight() * kUnheldPenalty + st_.gap_cost_total() + st_.break_penalty_total();
  }
  void reinsert_ejected();
  bool move_relocate(int m, int t);
  bool move_swap(int m1, int m2);
  bool move_kempe(int m, int t);
  bool move_run(int m);
  bool move_compact(int m);

  int pick_meeting();
  int pick_target(int m);

  // Annealing cost: every unheld unit of weight costs kUnheldPenalty, every
  // gap kGapCost plus one per idle slot beyond the first, up to kIdleCap:
  // idle time guides gaps shut, capped so that it never pays to split one
  // long gap into several short ones.
  static constexpr std::int64_t kUnheldPenalty = 12;
  static constexpr std::int64_t kGapCost = 4;
  static constexpr int kIdleCap = 4;
  // Move mix in percent: relocations, swaps within a participant, run moves,
  // compactions of a participant; the rest are Kempe-chain exchanges.
  static constexpr int kRelocate = 50, kSwap = 25, kRun = 10, kCompact = 5;
  // An ejected meeting with no free slot tries this many of its slots
  // (from a random one) for a short ejection chain.
  static constexpr int kChainTries = 6;

  EngineState& st_;
  const EngineModel& md_;
  SearchRng& rng_;
  std::vector<int> ejected_;
  std::vector<int> chain_, chain_mark_, chain_from_;
  std::vector<int> run_, used_;
  std::vector<int> chain2_;
  bool chains_ = false;  // SearchLimits::ejection_chains

  int chain_stamp_ = 0;
};

void Annealer::reinsert_ejected() {
  for (std::size_t i = 0; i < ejected_.size(); ++i) {
    const int e = ejected_[i];
    if (st_.slot(e) >= 0) continue;
    if (st_.place_best_free(e, rng_) || !chains_) continue;
    // No free slot: take a slot by ejecting one meeting that has a free slot
    // of its own (an ejection chain of length two); of a few slots tried from
    // a random one, the cheapest outcome wins. Without one, e stays unheld.
    const int dom = md_.allowed_begin[e + 1] - md_.allowed_begin[e];
    const int start = rng_.below(dom);
    std::int64_t best_cost = 0;
    int best_t = -1, best_victim = -1;
    for (int k = 0; k < std::min(dom, kChainTries); ++k) {
      const int t = md_.allowed_slots[md_.allowed_begin[e] + (start + k) % dom];
      const std::size_t mark = st_.log_mark();
      chain2_.clear();
      const bool ok =
          st_.place_ejecting(e, t, chain2_, rng_) && chain2_.size() == 1 && st_.place_best_free(chain2_[0], rng_);
      if (ok && (best_t < 0 || cost() < best_cost)) {
        best_cost = cost();
        best_t = t;
        best_victim = chain2_[0];
      }
      st_.undo_to(mark);
    }
    if (best_t < 0) continue;
    // The victim was the only obstacle at best_t.
    st_.set_slot(best_victim, -1);
    st_.set_slot(e, best_t);
    st_.place_best_free(best_victim, rng_);
  }
  ejected_.clear();
}

bool Annealer::move_relocate(int m, int t) {
  ejected_.clear();
  if (!st_.place_ejecting(m, t, ejected_, rng_)) return false;
  reinsert_ejected();
  return true;
}

bool Annealer::move_swap(int m1, int m2) {
  const int s1 = st_.slot(m1), s2 = st_.slot(m2);
  if (s1 < 0 || s2 < 0 || s1 == s2) return false;
  if (!md_.allowed(m1, s2) || !md_.allowed(m2, s1)) return false;
  ejected_.clear();
  st_.set_slot(m1, -1);
  st_.set_slot(m2, -1);
  if (!st_.place_ejecting(m1, s2, ejected_, rng_)) return false;
  if (!st_.place_ejecting(m2, s1, ejected_, rng_)) return false;
  reinsert_ejected();
  return true;
}

// Exchanges slots s = slot(m) and t for the connected set of meetings that
// share participants across the two slots (a Kempe chain): nobody is
// double-booked afterwards. Fails when a chain member may not take the other
// slot, or when table capacity or a precedence would break.
bool Annealer::move_kempe(int m, int t) {
  const int s = st_.slot(m);
  if (s < 0 || s == t) return false;
  if (++chain_stamp_ == 0) {
    std::fill(chain_mark_.begin(), chain_mark_.end(), 0);
    chain_stamp_ = 1;
  }
  if (chain_mark_.size() != static_cast<std::size_t>(md_.meetings)) chain_mark_.assign(md_.meetings, 0);
  chain_.clear();
  chain_.push_back(m);
  chain_mark_[m] = chain_stamp_;
  int table_delta = 0;  // table meetings moving s -> t minus t -> s
  for (std::size_t i = 0; i < chain_.size(); ++i) {
    const int c = chain_[i];
    const int from = st_.slot(c);
    const int to = from == s ? t : s;
    if (!md_.allowed(c, to)) return false;
    if (md_.fixed[c] >= 0) return false;
    if (md_.uses_table[c]) table_delta += from == s ? 1 : -1;
    for (int p : {md_.first[c], md_.second[c]}) {
      const int o = st_.who(p, to);
      if (o >= 0 && chain_mark_[o] != chain_stamp_) {
        chain_mark_[o] = chain_stamp_;
        chain_.push_back(o);
      }
    }
    if (chain_.size() > 64) return false;
  }
  if (table_delta > 0 && st_.load(t) + table_delta > md_.capacity[t]) return false;
  if (table_delta < 0 && st_.load(s) - table_delta > md_.capacity[s]) return false;
  chain_from_.clear();
  for (int c : chain_) chain_from_.push_back(st_.slot(c));
  for (int c : chain_) st_.set_slot(c, -1);
  for (std::size_t i = 0; i < chain_.size(); ++i) st_.set_slot(chain_[i], chain_from_[i] == s ? t : s);
  for (int c : chain_) {
    const int at = st_.slot(c);
    for (int i = md_.pred_begin[c]; i < md_.pred_begin[c + 1]; ++i)
      if (st_.slot(md_.preds[i]) >= at) return false;
    for (int i = md_.succ_begin[c]; i < md_.succ_begin[c + 1]; ++i) {
      const int o = st_.slot(md_.succs[i]);
      if (o >= 0 && o <= at) return false;
    }
  }
  return true;
}

// Moves the run (maximal block of adjacent slots) of one participant that
// contains meeting m next to a neighbouring run of theirs, closing the gap,
// or shifts it by one or two slots when the participant has no gap there.
// Counterparts' clashes and table overflow are ejected and re-inserted.
bool Annealer::move_run(int m) {
  const int s = st_.slot(m);
  if (s < 0) return false;
  int p = md_.first[m];
  if (st_.participant_breaks(p) == 0 || (st_.participant_breaks(md_.second[m]) > 0 && rng_.below(2)))
    p = md_.second[m];
  const int T = md_.slots;
  int a = s, b = s;
  while (md_.continues[a] && st_.who(p, a - 1) >= 0) --a;
  while (b + 1 < T && md_.continues[b + 1] && st_.who(p, b + 1) >= 0) ++b;
  const int len = b - a + 1;
  if (len > 24) return false;
  // Neighbouring runs in the same scope.
  int prev_end = -1, next_start = -1;
  for (int t = a - 1; t >= 0 && md_.scope[t] == md_.scope[a]; --t)
    if (st_.who(p, t) >= 0) {
      prev_end = t;
      break;
    }
  for (int t = b + 1; t < T && md_.scope[t] == md_.scope[a]; ++t)
    if (st_.who(p, t) >= 0) {
      next_start = t;
      break;
    }
  int start;
  if (prev_end >= 0 && (next_start < 0 || rng_.below(2))) start = prev_end + 1;
  else if (next_start >= 0) start = next_start - len;
  else start = a + (rng_.below(2) ? 1 : -1) * (1 + rng_.below(2));
  if (start == a || start < 0 || start + len > T) return false;
  for (int t = start + 1; t < start + len; ++t)
    if (!md_.continues[t]) return false;
  run_.clear();
  for (int t = a; t <= b; ++t) run_.push_back(st_.who(p, t));
  ejected_.clear();
  for (int c : run_) st_.set_slot(c, -1);
  // Keep the order when allowed, else take the first allowed free position.
  used_.assign(len, 0);
  for (int i = 0; i < len; ++i) {
    const int c = run_[i];
    int pos = -1;
    if (md_.allowed(c, start + i) && !used_[i]) pos = i;
    for (int j = 0; j < len && pos < 0; ++j)
      if (!used_[j] && md_.allowed(c, start + j)) pos = j;
    if (pos < 0) return false;
    used_[pos] = 1;
    if (!st_.place_ejecting(c, start + pos, ejected_, rng_)) return false;
  }
  reinsert_ejected();
  return true;
}

// Gathers all meetings of one participant (preferably one with breaks) into
// one block of adjacent slots overlapping their current span: each meeting,
// most constrained first, takes a block slot where its counterpart is free
// if there is one, else any block slot it may take; whatever stands in the
// way is ejected and re-inserted.
bool Annealer::move_compact(int m) {
  if (st_.slot(m) < 0) return false;
  int p = md_.first[m];
  if (st_.participant_breaks(p) == 0 || (st_.participant_breaks(md_.second[m]) > 0 && rng_.below(2)))
    p = md_.second[m];
  run_.clear();
  int lo = md_.slots, hi = -1;
  for (int i = md_.pm_begin[p]; i < md_.pm_begin[p + 1]; ++i) {
    const int c = md_.pm[i];
    const int t = st_.slot(c);
    if (t < 0) continue;
    if (md_.fixed[c] >= 0) return false;
    if (md_.scope[t] != md_.scope[st_.slot(m)]) continue;
    run_.push_back(c);
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  const int k = static_cast<int>(run_.size());
  if (k < 2 || k > 32) return false;
  const int sb = md_.scope_begin[lo], se = md_.scope_end[lo];
  // Block [start, start + k) inside the scope, overlapping [lo, hi].
  const int first = std::max(sb, lo - k + 1), last = std::min(se - k, hi);
  if (first > last) return false;
  const int start = first + rng_.below(last - first + 1);
  for (int c : run_) st_.set_slot(c, -1);
  // Most constrained first (fewest allowed block slots).
  used_.assign(k, 0);
  auto options = [&](int c) {
    int n = 0;
    for (int j = 0; j < k; ++j) n += md_.allowed(c, start + j) ? 1 : 0;
    return n;
  };
  std::sort(run_.begin(), run_.end(), [&](int a, int b) {
    const int oa = options(a), ob = options(b);
    return oa != ob ? oa < ob : a < b;
  });
  ejected_.clear();
  for (int c : run_) {
    const int q = md_.first[c] == p ? md_.second[c] : md_.first[c];
    int best = -1, best_free = -1, ties = 0;
    for (int j = 0; j < k; ++j) {
      const int t = start + j;
      if (used_[j] || !md_.allowed(c, t)) continue;
      const int free = st_.who(q, t) < 0 && (!md_.uses_table[c] || st_.load(t) < md_.capacity[t]) ? 1 : 0;
      if (free > best_free) {
        best = j;
        best_free = free;
        ties = 1;
      } else if (free == best_free && rng_.below(++ties) == 0) {
        best = j;
      }
    }
    if (best < 0) return false;
    used_[best] = 1;
    if (!st_.place_ejecting(c, start + best, ejected_, rng_)) return false;
  }
  reinsert_ejected();
  return true;
}

int Annealer::pick_meeting() {
  const auto& broken = st_.broken_participants();
  if (!broken.empty() && rng_.below(10) < 8) {
    const int p = broken[rng_.below(static_cast<int>(broken.size()))];
    const int k = md_.degree(p);
    return md_.pm[md_.pm_begin[p] + rng_.below(k)];
  }
  for (;;) {
    const int m = rng_.below(md_.meetings);
    if (md_.active[m]) return m;
  }
}

int Annealer::pick_target(int m) {
  const int dom = md_.allowed_begin[m + 1] - md_.allowed_begin[m];
  if (rng_.below(4) != 0) {
    const int p = rng_.below(2) ? md_.first[m] : md_.second[m];
    const int k = md_.degree(p);
    const int o = md_.pm[md_.pm_begin[p] + rng_.below(k)];
    const int so = st_.slot(o);
    if (o != m && so >= 0) {
      const int t = so + (rng_.below(2) ? 1 : -1);
      if (t >= 0 && t < md_.slots && md_.allowed(m, t) && t != st_.slot(m)) return t;
    }
  }
  return md_.allowed_slots[md_.allowed_begin[m] + rng_.below(dom)];
}

SearchResult Annealer::run(const SearchLimits& limits) {
  SearchResult res;
  chains_ = limits.ejection_chains;
  res.slots = st_.slots();
  res.unheld_weight = st_.unheld_weight();
  res.breaks = st_.breaks();
  std::vector<std::int64_t> gap(md_.slots + 1, 0);
  for (int k = 1; k <= md_.slots; ++k) gap[k] = kGapCost + std::min(k - 1, kIdleCap);
  st_.set_gap_costs(std::move(gap));
  bool movable = false;
  for (int m = 0; m < md_.meetings && !movable; ++m)
    movable = md_.active[m] && md_.allowed_begin[m + 1] - md_.allowed_begin[m] > 1;
  if (!movable || limits.iterations <= 0) return res;

  // Geometric cooling over the whole budget.
  const double t0 = limits.start_temperature, t1 = limits.end_temperature;
  double temp = t0;
  const std::int64_t n = limits.iterations;
  constexpr int kTable = 64;
  double accept_prob[kTable + 1];
  std::int64_t it = 0;
  for (; it < n; ++it) {
    if ((it & 1023) == 0) {
      if (limits.out_of_time && *limits.out_of_time && (*limits.out_of_time)()) {
        res.stopped_by_time = true;
        break;
      }
      temp = t0 * std::pow(t1 / t0, static_cast<double>(it) / static_cast<double>(n));
      for (int d = 0; d <= kTable; ++d) accept_prob[d] = std::exp(-d / temp);
    }
    if (res.unheld_weight <= limits.target_unheld_weight && res.breaks <= limits.target_breaks) break;

    const std::int64_t before = cost();
    const std::size_t mark = st_.log_mark();
    bool ok = false;
    const int kind = rng_.below(100);
    const int m = pick_meeting();
    if (kind < kRelocate) {
      ok = move_relocate(m, pick_target(m));
    } else if (kind < kRelocate + kSwap) {
      const int p = rng_.below(2) ? md_.first[m] : md_.second[m];
      const int o = md_.pm[md_.pm_begin[p] + rng_.below(md_.degree(p))];
      ok = o != m && move_swap(m, o);
    } else if (kind < kRelocate + kSwap + kRun) {
      ok = move_run(m);
    } else if (kind < kRelocate + kSwap + kRun + kCompact) {
      ok = move_compact(m);
    } else {
      ok = move_kempe(m, pick_target(m));
    }
    if (!ok) {
      st_.undo_to(mark);
      continue;
    }
    const std::int64_t delta = cost() - before;
    const bool accept = delta <= 0 || (delta <= kTable && rng_.real() < accept_prob[delta]);
    if (!accept) {
      st_.undo_to(mark);
      continue;
    }
    st_.commit();
    if (st_.unheld_weight() < res.unheld_weight ||
        (st_.unheld_weight() == res.unheld_weight && st_.breaks() < res.breaks)) {
      res.slots = st_.slots();
      res.unheld_weight = st_.unheld_weight();
      res.breaks = st_.breaks();
    }
  }
  res.iterations = it;
  return res;
}

}  // namespace

SearchResult improve(EngineState& state, SearchRng& rng, const SearchLimits& limits) {
  Annealer a(state, rng);
  return a.run(limits);
}

}  // namespace fairmatch::matching::detail
