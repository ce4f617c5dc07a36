#pragma once
// Fit scores of importer–exhibitor pairs, with their reasons.
//
// A pair gets three scores, 0..100:
//   importer_score   how well the exhibitor fits the buyer (the importer's view)
//   exhibitor_score  how well the buyer fits the exhibitor (the exhibitor's view)
//   score            the harmonic mean of the two, so a pair ranks high only
//                    when both sides fit; this is what recommendations rank by
// Which parts make up each view is listed in weights.hpp. A required
// certification the exhibitor lacks excludes the pair: it scores 0 and is
// never recommended.
//
// Explanations add up exactly: each part's points are whole numbers and sum
// to the score they belong to (largest-remainder rounding of the exact
// shares). The harmonic mean H of views I and E equals (E·I + I·E)/(I + E),
// i.e. each view counts in proportion to the *other* view's score, so a
// part's points in `score` are its view points weighted that way.
//
// Ranking uses the pair's score in hundredths of a point (`key`, 0..10000),
// then the lower id; the shown score is round(key / 100).

#include <cstdint>
#include <vector>

#include "matching/population.hpp"
#include "matching/reason.hpp"
#include "matching/score_tables.hpp"
#include "matching/weights.hpp"

namespace fairmatch::matching {

struct PairScore {
    bool excluded = false;       // a required certification is missing
    int score = 0;               // 0..100
    int importer_score = 0;      // 0..100
    int exhibitor_score = 0;     // 0..100
    std::int32_t key = 0;        // score in hundredths of a point; -1 if excluded
    std::int32_t importer_centi = 0;
    std::int32_t exhibitor_centi = 0;
    friend bool operator==(const PairScore&, const PairScore&) = default;
};

struct PartExplanation {
    Part part{};
    int weight = 0;
    int value = 0;            // 0..1000: how well this aspect fits
    int points = 0;           // share of `score`
    int importer_points = 0;  // share of `importer_score` (0 if not in that view)
    int exhibitor_points = 0; // share of `exhibitor_score` (0 if not in that view)
    std::vector<Reason> reasons;
    friend bool operator==(const PartExplanation&, const PartExplanation&) = default;
};

struct Explanation {
    bool excluded = false;
    std::vector<Reason> exclusions;  // certification_missing, when excluded
    int score = 0;
    int importer_score = 0;
    int exhibitor_score = 0;
    std::int32_t key = 0;  // as PairScore::key
    // One entry per part, in Part order; values and reasons are filled in
    // even when excluded (then every points field is 0).
    std::vector<PartExplanation> parts;
    friend bool operator==(const Explanation&, const Explanation&) = default;
};

// Immutable once built: const members may be called from many threads.
class Scorer {
public:
    // Throws std::invalid_argument (with the first error's field and
    // message) if weights.validate() is not empty.
    explicit Scorer(const Weights& weights = {});

    const Weights& weights() const { return weights_; }

    // The pair's scores, without reasons (fast path). Precondition: the
    // indices are in range.
    PairScore score(const Population& population, std::uint32_t importer, std::uint32_t exhibitor) const;

    // The pair's scores with every part's points and reasons.
    Explanation explain(const Population& population, std::uint32_t importer, std::uint32_t exhibitor) const;
    // Throws std::out_of_range if importer.buyer_type >= max_buyer_types.
    Explanation explain(const Taxonomy& taxonomy, const ImporterProfile& importer,
                        const ExhibitorProfile& exhibitor) const;

    // For the kernels in top_k.cpp.
    const detail::Tables& tables() const { return tables_; }

private:
    Weights weights_;
    detail::Tables tables_;
};

}  // namespace fairmatch::matching
