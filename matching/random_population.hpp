#pragma once
// A synthetic fair for tests and benchmarks: a handicraft taxonomy of 40
// categories in 14 HS groups, 12 certifications, 16 languages, 40 countries,
// 6 buyer types, and participants drawn with skewed, roughly realistic
// distributions (popular categories such as ceramics and basketry, craft
// producers with 1–3 related categories, buyers with 1–4, a minority of
// buyers requiring certifications, log-spread quantities).
//
// Deterministic: the same arguments give the same population on every
// platform (own generator and integer distributions, nothing from <random>).

#include <cstddef>
#include <cstdint>

#include "matching/population.hpp"
#include "matching/reason.hpp"
#include "matching/taxonomy.hpp"

namespace fairmatch::matching {

// The synthetic taxonomy (category index → HS group).
Taxonomy synthetic_taxonomy();

// Codes for rendering reasons about a synthetic population: category codes
// such as "ceramic_vase", HS-style certification codes ("BSCI", "FSC"…),
// ISO 639-1 languages, ISO 3166-1 countries, buyer types.
Vocabulary synthetic_vocabulary();

// n_exhibitors and n_importers with ids 1..n, on synthetic_taxonomy().
Population random_population(std::size_t n_exhibitors, std::size_t n_importers, std::uint64_t seed);

// A small deterministic random number generator (xoshiro256**, seeded by
// splitmix64), exposed so tests can draw their own variations.
class Rng {
public:
    explicit Rng(std::uint64_t seed);
    std::uint64_t next();
    // Uniform in [0, n). Precondition: n > 0.
    std::uint64_t below(std::uint64_t n);
    // True with probability percent/100.
    bool chance(unsigned percent) { return below(100) < percent; }

private:
    std::uint64_t s_[4];
};

ExhibitorProfile random_exhibitor(Rng& rng, std::int64_t id);
ImporterProfile random_importer(Rng& rng, std::int64_t id);

}  // namespace fairmatch::matching
