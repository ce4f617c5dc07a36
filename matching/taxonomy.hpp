#pragma once
// Which product categories share an HS code group.
//
// The caller numbers a fair's taxonomy categories 0..63 (dense indices into
// its own list of category codes) and tells the Taxonomy which of them share
// an HS heading, e.g. rattan, bamboo and seagrass baskets all under HS 4602.
// A buyer looking for one of them gives a supplier of another partial credit
// (Weights::hs_group_credit).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "matching/bit_set.hpp"

namespace fairmatch::matching {

inline constexpr std::size_t max_categories = 64;

class Taxonomy {
public:
    // Every category starts alone in a group of its own.
    Taxonomy();

    // Puts `category` into HS group `group` (any number the caller chooses,
    // e.g. the index of the HS heading in its own list). Throws
    // std::out_of_range if category >= max_categories.
    void set_group(std::size_t category, std::uint32_t group);

    // The group set by set_group, or nullopt if the category is alone.
    // Throws std::out_of_range if category >= max_categories.
    std::optional<std::uint32_t> group(std::size_t category) const;

    // The categories in the same group as `category`, itself included.
    Set64 same_group(std::size_t category) const;

    // The union of same_group(c) over every c in `categories`.
    Set64 expand(const Set64& categories) const;

    friend bool operator==(const Taxonomy&, const Taxonomy&) = default;

private:
    std::array<std::int64_t, max_categories> group_;   // < 0: alone
    std::array<std::uint64_t, max_categories> mates_;  // same_group as a word
};

}  // namespace fairmatch::matching
