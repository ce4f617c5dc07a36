#pragma once
// N exhibitors and M importers of one fair, stored column by column.
//
// Each participant gets an index (0..N-1 or 0..M-1) in the order it was
// added. Ids must be added in strictly increasing order (load them ORDER BY
// id), so "lower index" and "lower id" agree and ties rank the lower id first.
// The columns are read-only outside this class; the scoring kernels stream
// them. Per exhibitor the hot columns take about 100 bytes, per importer
// about 50. Once filled, a Population is only read: const members may be
// called from many threads.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "matching/profile.hpp"
#include "matching/taxonomy.hpp"

namespace fairmatch::matching {

struct ExhibitorColumns {
    enum Flag : std::uint8_t { interpreter = 1, exports_any = 2, targets_any_market = 4 };

    std::vector<std::int64_t> id;
    std::vector<std::uint64_t> categories;
    std::vector<std::uint64_t> categories_hs;  // Taxonomy::expand(categories)
    std::vector<std::uint64_t> certifications;
    std::vector<std::uint64_t> languages;
    std::vector<std::uint64_t> target_buyer_types;         // 0 = any
    std::array<std::vector<std::uint64_t>, 4> export_markets;  // word w of exhibitor e: [w][e]
    std::array<std::vector<std::uint64_t>, 4> target_markets;
    std::vector<std::uint32_t> moq;
    std::vector<std::uint32_t> monthly_capacity;
    std::vector<std::uint16_t> lead_time_days;
    std::vector<std::uint8_t> price_tier;
    std::vector<std::uint8_t> flags;
};

struct ImporterColumns {
    std::vector<std::int64_t> id;
    std::vector<std::uint64_t> categories;
    std::vector<std::uint64_t> categories_hs;  // Taxonomy::expand(categories)
    std::vector<std::uint64_t> required_certifications;
    std::vector<std::uint64_t> languages;
    std::vector<std::uint32_t> order_quantity;
    std::vector<std::uint16_t> max_lead_time_days;
    std::vector<std::uint8_t> country;
    std::vector<std::uint8_t> buyer_type;
    std::vector<std::uint8_t> price_tier;
    std::vector<std::uint8_t> interpreter;
};

class Population {
public:
    explicit Population(Taxonomy taxonomy = {});

    void reserve(std::size_t exhibitors, std::size_t importers);

    // Appends a participant and returns its index. Throws
    // std::invalid_argument if the id is not greater than the last one added,
    // if the price tier is >= price_tier_count, or if the buyer type is
    // >= max_buyer_types; the population is unchanged then.
    std::uint32_t add_exhibitor(const ExhibitorProfile& p);
    std::uint32_t add_importer(const ImporterProfile& p);

    std::size_t exhibitor_count() const { return exh_.id.size(); }
    std::size_t importer_count() const { return imp_.id.size(); }

    // The profile as added. Precondition: index < count.
    ExhibitorProfile exhibitor(std::uint32_t index) const;
    ImporterProfile importer(std::uint32_t index) const;

    std::int64_t exhibitor_id(std::uint32_t index) const { return exh_.id[index]; }
    std::int64_t importer_id(std::uint32_t index) const { return imp_.id[index]; }

    // The index of the participant with that id (binary search), or nullopt.
    std::optional<std::uint32_t> find_exhibitor(std::int64_t id) const;
    std::optional<std::uint32_t> find_importer(std::int64_t id) const;

    const Taxonomy& taxonomy() const { return taxonomy_; }
    const ExhibitorColumns& exhibitor_columns() const { return exh_; }
    const ImporterColumns& importer_columns() const { return imp_; }

private:
    Taxonomy taxonomy_;
    ExhibitorColumns exh_;
    ImporterColumns imp_;
};

}  // namespace fairmatch::matching
