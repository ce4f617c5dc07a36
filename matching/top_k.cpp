#include "matching/top_k.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include "matching/kernel.hpp"

namespace fairmatch::matching {

namespace {

using detail::CategoryFacts;
using detail::ExhibitorQuery;
using detail::ImporterQuery;
using detail::Tables;

// The ranking order: higher key first, then lower index (= lower id).
inline bool better(const Match& a, const Match& b) {
    return a.key > b.key || (a.key == b.key && a.index < b.index);
}

// Would a candidate at `index` with a key of at most `bound` fail to beat `m`?
inline bool cannot_beat(std::int32_t bound, std::uint32_t index, const Match& m) {
    return bound < m.key || (bound == m.key && index > m.index);
}

// The k best matches offered so far, kept in caller-owned storage (k slots
// and a size), so a heap can be put down and picked up again. The worst kept
// match is on top: a newcomer is compared with it in O(1).
class Heap {
public:
    Heap(Match* data, std::uint32_t& size, std::uint32_t k) : data_(data), size_(&size), k_(k) {}

    std::uint32_t size() const { return *size_; }

    // False when the heap is full and a candidate at `index` whose key is at
    // most `bound` cannot beat the k-th best (or when k is 0).
    bool may_admit(std::int32_t bound, std::uint32_t index) const {
        if (*size_ < k_) return true;
        return k_ > 0 && !cannot_beat(bound, index, data_[0]);
    }
    // The lowest key that might still enter: -1 while not full.
    std::int32_t threshold() const { return *size_ < k_ ? -1 : data_[0].key; }

    void offer(const Match& m) {
        std::uint32_t& size = *size_;
        if (size < k_) {
            std::uint32_t i = size++;
            data_[i] = m;
            while (i > 0) {
                const std::uint32_t parent = (i - 1) / 2;
                if (!better(data_[parent], data_[i])) break;
                std::swap(data_[parent], data_[i]);
                i = parent;
            }
        } else if (k_ > 0 && better(m, data_[0])) {
            data_[0] = m;
            std::uint32_t i = 0;
            for (;;) {
                const std::uint32_t l = 2 * i + 1;
                if (l >= size) break;
                std::uint32_t worse = l;
                if (l + 1 < size && better(data_[l], data_[l + 1])) worse = l + 1;
                if (!better(data_[i], data_[worse])) break;
                std::swap(data_[i], data_[worse]);
                i = worse;
            }
        }
    }

    // Sorts best first (the heap is done with after this).
    void finish() { std::sort(data_, data_ + *size_, better); }

private:
    Match* data_;
    std::uint32_t* size_;
    std::uint32_t k_;
};

using detail::reciprocal_at_least;

struct Centis {
    std::int32_t importer;
    std::int32_t exhibitor;
};

template <class Query, class Columns>
inline Centis centis(const Tables& t, const Query& q, const Columns& cols, std::uint32_t j, int v_cat) {
    const auto sums = detail::view_sums(t, v_cat, q.facts(cols, j));
    return {t.importer_centi(sums.importer), t.exhibitor_centi(sums.exhibitor)};
}

inline int category_value(const Tables& t, const CategoryFacts& cf, int x, int p) {
    return t.category_value_of(cf.wanted, x, p);
}

// Ranks the `count` participants of the other side for one query into
// `heap`; returns the number of pairs scored. Candidates come in increasing
// index order in each pass, which the early exits rely on.
template <class Query, class Columns>
std::uint64_t rank_one(const Tables& t, const Query& q, const Columns& cols, std::uint32_t count, Heap& heap,
                       bool prune) {
    std::uint64_t scored = 0;
    auto consider = [&](std::uint32_t j, int v_cat) {
        const Centis c = centis(t, q, cols, j, v_cat);
        ++scored;
        if (reciprocal_at_least(c.importer, c.exhibitor, heap.threshold()))
            heap.offer({j, detail::reciprocal_centi(c.importer, c.exhibitor)});
    };

    if (!prune) {
        for (std::uint32_t j = 0; j < count; ++j) {
            if (q.excluded_by(cols, j)) continue;
            const CategoryFacts cf = q.category_facts(cols, j);
            consider(j, category_value(t, cf, cf.exact(), cf.partial()));
        }
        return scored;
    }

    // Pass 1: candidates with a category in common, each checked against its
    // bound from the category part alone.
    for (std::uint32_t j = 0; j < count; ++j) {
        if (!q.overlaps(cols, j) || q.excluded_by(cols, j)) continue;
        const CategoryFacts cf = q.category_facts(cols, j);
        const int x = cf.exact();
        const int p = cf.partial();
        if (!heap.may_admit(t.key_bound_of(cf.wanted, x, p), j)) continue;
        consider(j, category_value(t, cf, x, p));
    }
    // Pass 2: the rest score at most no_overlap_bound; look at them only
    // while that could still beat the k-th best.
    for (std::uint32_t j = 0; j < count; ++j) {
        if (!heap.may_admit(t.no_overlap_bound, j)) break;  // the k-th best only improves, j only grows
        if (q.overlaps(cols, j) || q.excluded_by(cols, j)) continue;
        consider(j, 0);
    }
    return scored;
}

std::size_t effective_k(std::size_t k, std::size_t other_side) { return std::min(k, other_side); }

// ---- candidate bitmaps for the all-participants runs -------------------------

// Bitmaps over one side's participants, one per category and one per
// certification; built once per top_k_all call (a few bit operations per
// participant). A bitmap no participant is in stays empty.
struct SideBitmaps {
    std::size_t count = 0;
    std::size_t words = 0;
    std::uint64_t categories_present = 0;
    std::uint64_t certifications_present = 0;
    std::array<std::vector<std::uint64_t>, 64> category;
    std::array<std::vector<std::uint64_t>, 64> certification;

    explicit SideBitmaps(std::size_t n) : count(n), words((n + 63) / 64) {}

    void add(std::array<std::vector<std::uint64_t>, 64>& maps, std::uint64_t& present, std::uint64_t bits,
             std::size_t participant) {
        while (bits != 0) {
            const auto c = static_cast<std::size_t>(std::countr_zero(bits));
            bits &= bits - 1;
            if (maps[c].empty()) {
                maps[c].assign(words, 0);
                present |= std::uint64_t{1} << c;
            }
            maps[c][participant / 64] |= std::uint64_t{1} << (participant % 64);
        }
    }
    // Word w of the bitmap of participants that exist (the last word is partial).
    std::uint64_t valid(std::size_t w) const {
        const std::size_t left = count - w * 64;
        return left >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << left) - 1;
    }
};

// Over exhibitors: category[c] = makes c; certification[c] = lacks c, for
// each c that some importer requires.
SideBitmaps exhibitor_bitmaps(const Population& pop) {
    const auto& ec = pop.exhibitor_columns();
    std::uint64_t required = 0;
    for (auto r : pop.importer_columns().required_certifications) required |= r;
    SideBitmaps b(pop.exhibitor_count());
    for (std::size_t j = 0; j < b.count; ++j) {
        b.add(b.category, b.categories_present, ec.categories[j], j);
        b.add(b.certification, b.certifications_present, required & ~ec.certifications[j], j);
    }
    return b;
}

// Over importers: category[c] = wants c; certification[c] = requires c.
SideBitmaps importer_bitmaps(const Population& pop) {
    const auto& ic = pop.importer_columns();
    SideBitmaps b(pop.importer_count());
    for (std::size_t i = 0; i < b.count; ++i) {
        b.add(b.category, b.categories_present, ic.categories[i], i);
        b.add(b.certification, b.certifications_present, ic.required_certifications[i], i);
    }
    return b;
}

// One query's candidates on the other side, as bitmaps: `exact` share a
// category, `near` make or want a category of the same HS group as one of
// the query's, `excluded` fail the certification filter.
struct Classes {
    std::vector<std::uint64_t> exact, near, excluded;

    template <class Query>
    void classify(const Query& q, const SideBitmaps& b) {
        fill(exact, b.category, q.exact_categories() & b.categories_present, b.words);
        fill(near, b.category, q.near_categories() & b.categories_present, b.words);
        fill(excluded, b.certification, q.exclusion_certifications() & b.certifications_present, b.words);
    }

    // Exactly matching, not excluded.
    std::uint64_t first(std::size_t w) const { return exact[w] & ~excluded[w]; }
    // Matching only through an HS group, not excluded.
    std::uint64_t second(std::size_t w) const { return near[w] & ~exact[w] & ~excluded[w]; }
    // No category in common, not excluded.
    std::uint64_t rest(const SideBitmaps& b, std::size_t w) const {
        return ~(exact[w] | near[w] | excluded[w]) & b.valid(w);
    }

private:
    static void fill(std::vector<std::uint64_t>& dst, const std::array<std::vector<std::uint64_t>, 64>& maps,
                     std::uint64_t which, std::size_t words) {
        dst.assign(words, 0);
        while (which != 0) {
            const auto& src = maps[static_cast<std::size_t>(std::countr_zero(which))];
            which &= which - 1;
            for (std::size_t w = 0; w < words; ++w) dst[w] |= src[w];
        }
    }
};

// Calls f(index) for the set bits of bits_of(w), w = 0, 1, …, in increasing
// order, until f returns false.
template <class Bits, class F>
void for_each_candidate(std::size_t words, Bits&& bits_of, F&& f) {
    for (std::size_t w = 0; w < words; ++w) {
        std::uint64_t bits = bits_of(w);
        while (bits != 0) {
            const auto j = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
            bits &= bits - 1;
            if (!f(j)) return;
        }
    }
}

// rank_one with candidate bitmaps: exact matches first, then HS-group-only
// matches (skipped as a class when their bound cannot beat the k-th best),
// then the rest (while no_overlap_bound still can).
template <class Query, class Columns>
std::uint64_t rank_indexed(const Tables& t, const Query& q, const Columns& cols, const SideBitmaps& b,
                           Classes& cls, Heap& heap) {
    cls.classify(q, b);
    std::uint64_t scored = 0;
    auto consider = [&](std::uint32_t j, int v_cat) {
        const Centis c = centis(t, q, cols, j, v_cat);
        ++scored;
        if (reciprocal_at_least(c.importer, c.exhibitor, heap.threshold()))
            heap.offer({j, detail::reciprocal_centi(c.importer, c.exhibitor)});
    };
    auto candidate = [&](std::uint32_t j) {
        const CategoryFacts cf = q.category_facts(cols, j);
        const int x = cf.exact();
        const int p = cf.partial();
        if (heap.may_admit(t.key_bound_of(cf.wanted, x, p), j)) consider(j, category_value(t, cf, x, p));
        return true;
    };
    for_each_candidate(b.words, [&](std::size_t w) { return cls.first(w); }, candidate);
    if (heap.may_admit(t.hs_only_bound, 0))
        for_each_candidate(b.words, [&](std::size_t w) { return cls.second(w); }, candidate);
    if (heap.may_admit(t.no_overlap_bound, 0))
        for_each_candidate(b.words, [&](std::size_t w) { return cls.rest(b, w); }, [&](std::uint32_t j) {
            if (!heap.may_admit(t.no_overlap_bound, j)) return false;  // the k-th best only improves, j only grows
            consider(j, 0);
            return true;
        });
    return scored;
}

// Runs body(worker, begin, end) over [0, n) in chunks on `threads` threads.
// Rethrows the first exception once every thread has stopped.
template <class Body>
void parallel_chunks(std::size_t n, std::size_t chunk, unsigned threads, Body&& body) {
    if (threads <= 1 || n <= chunk) {
        for (std::size_t b = 0; b < n; b += chunk) body(0U, b, std::min(n, b + chunk));
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&](unsigned worker) {
        try {
            for (;;) {
                if (failed.load(std::memory_order_relaxed)) return;
                const std::size_t b = next.fetch_add(chunk, std::memory_order_relaxed);
                if (b >= n) return;
                body(worker, b, std::min(n, b + chunk));
            }
        } catch (...) {
            std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
            failed = true;
        }
    };
    {
        std::vector<std::jthread> pool;
        pool.reserve(threads - 1);
        for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work, w);
        work(0);
    }  // joins
    if (error) std::rethrow_exception(error);
}

unsigned thread_count(unsigned requested) {
    if (requested != 0) return requested;
    return std::max(1U, std::thread::hardware_concurrency());
}

// k slots per participant, filled by heaps, then packed into MatchLists.
struct Slots {
    std::size_t k = 0;
    std::vector<Match> slots;
    std::vector<std::uint32_t> sizes;

    Slots(std::size_t participants, std::size_t k_) : k(k_), slots(participants * k_), sizes(participants, 0) {}

    Heap heap(std::size_t participant) {
        return Heap(slots.data() + participant * k, sizes[participant], static_cast<std::uint32_t>(k));
    }

    MatchLists pack() const {
        std::vector<std::uint32_t> offsets(sizes.size() + 1, 0);
        for (std::size_t i = 0; i < sizes.size(); ++i) offsets[i + 1] = offsets[i] + sizes[i];
        std::vector<Match> matches(offsets.back());
        for (std::size_t i = 0; i < sizes.size(); ++i)
            std::copy_n(slots.data() + i * k, sizes[i], matches.data() + offsets[i]);
        return MatchLists(std::move(offsets), std::move(matches));
    }
};

constexpr std::size_t chunk_size = 16;

std::uint64_t sum(const std::vector<std::uint64_t>& v) {
    std::uint64_t total = 0;
    for (auto x : v) total += x;
    return total;
}

// One side only: every query is independent, so each thread fills its own
// participants' slots.
template <class Query, class QueryColumns, class OtherColumns>
std::uint64_t rank_side(const Tables& t, const QueryColumns& qc, std::size_t queries, const OtherColumns& oc,
                        const SideBitmaps* other, Slots& out, unsigned threads, bool prune) {
    std::vector<std::uint64_t> scored(threads, 0);
    std::vector<Classes> scratch(threads);
    parallel_chunks(queries, chunk_size, threads, [&](unsigned worker, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const Query q(qc, static_cast<std::uint32_t>(i));
            Heap h = out.heap(i);
            scored[worker] += prune ? rank_indexed(t, q, oc, *other, scratch[worker], h)
                                    : rank_one(t, q, oc, static_cast<std::uint32_t>(other->count), h, false);
            h.finish();
        }
    });
    return sum(scored);
}

// Both sides at once: each pair with a category in common is scored once and
// offered to the importer's heap and to a per-thread heap of the exhibitor;
// the per-thread heaps are merged, then each exhibitor whose k-th best does
// not beat no_overlap_bound also looks at the importers without one.
std::uint64_t rank_both(const Tables& t, const Population& pop, Slots& imp_out, Slots& exh_out, unsigned threads,
                        bool prune) {
    const auto& ic = pop.importer_columns();
    const auto& ec = pop.exhibitor_columns();
    const std::size_t m = pop.importer_count();
    const std::size_t n = pop.exhibitor_count();
    const SideBitmaps exh_maps = exhibitor_bitmaps(pop);
    const SideBitmaps imp_maps = importer_bitmaps(pop);

    if (!prune) {
        std::uint64_t s = rank_side<ImporterQuery>(t, ic, m, ec, &exh_maps, imp_out, threads, false);
        s += rank_side<ExhibitorQuery>(t, ec, n, ic, &imp_maps, exh_out, threads, false);
        return s;
    }

    const std::size_t ke = exh_out.k;
    std::vector<Slots> local;
    local.reserve(threads);
    for (unsigned w = 0; w < threads; ++w) local.emplace_back(n, ke);
    std::vector<std::uint64_t> scored(threads, 0);
    std::vector<Classes> scratch(threads);

    parallel_chunks(m, chunk_size, threads, [&](unsigned worker, std::size_t begin, std::size_t end) {
        Slots& mine = local[worker];
        Classes& cls = scratch[worker];
        std::uint64_t count = 0;
        for (std::size_t ii = begin; ii < end; ++ii) {
            const auto i = static_cast<std::uint32_t>(ii);
            const ImporterQuery q(ic, i);
            Heap hi = imp_out.heap(i);
            cls.classify(q, exh_maps);
            auto candidate = [&](std::uint32_t j) {
                const CategoryFacts cf = q.category_facts(ec, j);
                const int x = cf.exact();
                const int p = cf.partial();
                const std::int32_t bound = t.key_bound_of(cf.wanted, x, p);
                Heap he = mine.heap(j);
                const bool to_i = hi.may_admit(bound, j);
                const bool to_e = he.may_admit(bound, i);
                if (!to_i && !to_e) return true;
                const Centis c = centis(t, q, ec, j, category_value(t, cf, x, p));
                ++count;
                const bool reach_i = to_i && reciprocal_at_least(c.importer, c.exhibitor, hi.threshold());
                const bool reach_e = to_e && reciprocal_at_least(c.importer, c.exhibitor, he.threshold());
                if (!reach_i && !reach_e) return true;
                const std::int32_t key = detail::reciprocal_centi(c.importer, c.exhibitor);
                if (reach_i) hi.offer({j, key});
                if (reach_e) he.offer({i, key});
                return true;
            };
            for_each_candidate(exh_maps.words, [&](std::size_t w) { return cls.first(w); }, candidate);
            for_each_candidate(exh_maps.words, [&](std::size_t w) { return cls.second(w); }, candidate);
            if (hi.may_admit(t.no_overlap_bound, 0))
                for_each_candidate(exh_maps.words, [&](std::size_t w) { return cls.rest(exh_maps, w); },
                                   [&](std::uint32_t j) {
                                       if (!hi.may_admit(t.no_overlap_bound, j)) return false;
                                       const Centis c = centis(t, q, ec, j, 0);
                                       ++count;
                                       if (reciprocal_at_least(c.importer, c.exhibitor, hi.threshold()))
                                           hi.offer({j, detail::reciprocal_centi(c.importer, c.exhibitor)});
                                       return true;
                                   });
            hi.finish();
        }
        scored[worker] += count;
    });

    // Merge the per-thread exhibitor heaps, then pass 2 for the exhibitors.
    parallel_chunks(n, chunk_size, threads, [&](unsigned worker, std::size_t begin, std::size_t end) {
        Classes& cls = scratch[worker];
        std::uint64_t count = 0;
        for (std::size_t jj = begin; jj < end; ++jj) {
            const auto j = static_cast<std::uint32_t>(jj);
            Heap he = exh_out.heap(j);
            for (const Slots& l : local)
                for (std::uint32_t s = 0; s < l.sizes[j]; ++s) he.offer(l.slots[j * ke + s]);
            if (he.may_admit(t.no_overlap_bound, 0)) {
                const ExhibitorQuery q(ec, j);
                cls.classify(q, imp_maps);
                for_each_candidate(imp_maps.words, [&](std::size_t w) { return cls.rest(imp_maps, w); },
                                   [&](std::uint32_t i) {
                                       if (!he.may_admit(t.no_overlap_bound, i)) return false;
                                       const Centis c = centis(t, q, ic, i, 0);
                                       ++count;
                                       if (reciprocal_at_least(c.importer, c.exhibitor, he.threshold()))
                                           he.offer({i, detail::reciprocal_centi(c.importer, c.exhibitor)});
                                       return true;
                                   });
            }
            he.finish();
        }
        scored[worker] += count;
    });
    return sum(scored);
}

}  // namespace

std::vector<Match> top_exhibitors_for(const Population& population, const Scorer& scorer, std::uint32_t importer,
                                      const TopKOptions& options) {
    const std::size_t k = effective_k(options.k, population.exhibitor_count());
    std::vector<Match> out(k);
    std::uint32_t size = 0;
    Heap h(out.data(), size, static_cast<std::uint32_t>(k));
    const ImporterQuery q(population.importer_columns(), importer);
    rank_one(scorer.tables(), q, population.exhibitor_columns(),
             static_cast<std::uint32_t>(population.exhibitor_count()), h, options.prune);
    h.finish();
    out.resize(size);
    return out;
}

std::vector<Match> top_importers_for(const Population& population, const Scorer& scorer, std::uint32_t exhibitor,
                                     const TopKOptions& options) {
    const std::size_t k = effective_k(options.k, population.importer_count());
    std::vector<Match> out(k);
    std::uint32_t size = 0;
    Heap h(out.data(), size, static_cast<std::uint32_t>(k));
    const ExhibitorQuery q(population.exhibitor_columns(), exhibitor);
    rank_one(scorer.tables(), q, population.importer_columns(),
             static_cast<std::uint32_t>(population.importer_count()), h, options.prune);
    h.finish();
    out.resize(size);
    return out;
}

AllMatches top_k_all(const Population& population, const Scorer& scorer, Direction direction,
                     const TopKOptions& options) {
    const unsigned threads = thread_count(options.threads);
    const std::size_t m = population.importer_count();
    const std::size_t n = population.exhibitor_count();
    const auto& t = scorer.tables();
    AllMatches out;
    switch (direction) {
        case Direction::exhibitors_for_importers: {
            Slots s(m, effective_k(options.k, n));
            const SideBitmaps maps = exhibitor_bitmaps(population);
            out.pairs_scored = rank_side<ImporterQuery>(t, population.importer_columns(), m,
                                                        population.exhibitor_columns(), &maps, s, threads,
                                                        options.prune);
            out.for_importers = s.pack();
            break;
        }
        case Direction::importers_for_exhibitors: {
            Slots s(n, effective_k(options.k, m));
            const SideBitmaps maps = importer_bitmaps(population);
            out.pairs_scored = rank_side<ExhibitorQuery>(t, population.exhibitor_columns(), n,
                                                         population.importer_columns(), &maps, s, threads,
                                                         options.prune);
            out.for_exhibitors = s.pack();
            break;
        }
        case Direction::both: {
            Slots si(m, effective_k(options.k, n));
            Slots se(n, effective_k(options.k, m));
            out.pairs_scored = rank_both(t, population, si, se, threads, options.prune);
            out.for_importers = si.pack();
            out.for_exhibitors = se.pack();
            break;
        }
    }
    return out;
}

}  // namespace fairmatch::matching
