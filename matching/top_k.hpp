#pragma once
// Top-k recommendations: the best exhibitors for an importer, the best
// importers for an exhibitor, and both for every participant of a fair.
//
// Candidates rank by the pair's score (Match::key, hundredths of a point),
// then by the lower id; excluded pairs never appear. A list is shorter than k
// only when fewer candidates are eligible. Results are the same with or
// without pruning and for every thread count: the order is total, so the top
// k is one well-defined set.
//
// Pruning is exact: a candidate is skipped only when an upper bound on its
// score cannot beat the k-th best so far (ties counted by id). The bound
// comes from the category part alone (every other part taken as full):
//   - per candidate, from its exact and HS-group category overlap;
//   - per class: candidates matching only through an HS group score at most
//     Tables::hs_only_bound, those with no category in common at most
//     Tables::no_overlap_bound, so a whole class is skipped once the k-th
//     best beats its bound.
// top_k_all finds each class with per-category and per-certification
// bitmaps over the other side, so it touches only candidates that share a
// category and pass the certification filter (a few percent of all pairs at
// fair scale).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "matching/population.hpp"
#include "matching/score.hpp"

namespace fairmatch::matching {

struct Match {
    std::uint32_t index = 0;  // the other side's index in the Population
    std::int32_t key = 0;     // the pair's score in hundredths of a point, 0..10000

    int score() const { return detail::centi_to_points(key); }
    friend bool operator==(const Match&, const Match&) = default;
};

struct TopKOptions {
    std::size_t k = 20;
    unsigned threads = 1;  // for top_k_all; 0 = std::thread::hardware_concurrency()
    bool prune = true;     // false: score every pair (the reference for tests)
};

// One ranked list per participant, best first, stored back to back.
class MatchLists {
public:
    MatchLists() = default;
    MatchLists(std::vector<std::uint32_t> offsets, std::vector<Match> matches)
        : offsets_(std::move(offsets)), matches_(std::move(matches)) {}

    std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
    std::span<const Match> operator[](std::size_t participant) const {
        return {matches_.data() + offsets_[participant], matches_.data() + offsets_[participant + 1]};
    }
    std::size_t total() const { return matches_.size(); }

private:
    std::vector<std::uint32_t> offsets_;  // size() + 1 entries
    std::vector<Match> matches_;
};

enum class Direction { exhibitors_for_importers, importers_for_exhibitors, both };

struct AllMatches {
    MatchLists for_importers;   // importer i's best exhibitors (empty unless asked for)
    MatchLists for_exhibitors;  // exhibitor j's best importers (empty unless asked for)
    // Pairs whose view scores were worked out. The same for every thread
    // count on one side; with Direction::both it may differ a little between
    // thread counts (the lists never do).
    std::uint64_t pairs_scored = 0;
};

// The k best exhibitors for one importer: one linear pass over the
// exhibitors' columns (about 10 µs at Hanoi scale). Precondition:
// importer < count.
std::vector<Match> top_exhibitors_for(const Population& population, const Scorer& scorer, std::uint32_t importer,
                                      const TopKOptions& options = {});

// The k best importers for one exhibitor. Precondition: exhibitor < count.
std::vector<Match> top_importers_for(const Population& population, const Scorer& scorer, std::uint32_t exhibitor,
                                     const TopKOptions& options = {});

// The k best for every participant on one side or both, on options.threads
// threads. With Direction::both every pair with a category in common is
// scored at most once and feeds both lists. Memory: min(k, other side) slots
// of 8 bytes per participant (per thread too for the exhibitors' lists with
// Direction::both), plus two bitmaps per category and certification in use.
// Exceptions from a worker (e.g. std::bad_alloc) are rethrown here after all
// workers have stopped.
AllMatches top_k_all(const Population& population, const Scorer& scorer, Direction direction,
                     const TopKOptions& options = {});

}  // namespace fairmatch::matching
