#include "matching/taxonomy.hpp"

#include <stdexcept>

namespace fairmatch::matching {

namespace {

void check_category(std::size_t category) {
    if (category >= max_categories) throw std::out_of_range("Taxonomy: category index out of range");
}

}  // namespace

Taxonomy::Taxonomy() {
    for (std::size_t c = 0; c < max_categories; ++c) {
        group_[c] = -1;
        mates_[c] = std::uint64_t{1} << c;
    }
}

void Taxonomy::set_group(std::size_t category, std::uint32_t group) {
    check_category(category);
    group_[category] = group;
    for (std::size_t c = 0; c < max_categories; ++c) {
        std::uint64_t m = 0;
        for (std::size_t d = 0; d < max_categories; ++d)
            if (d == c || (group_[c] >= 0 && group_[d] == group_[c])) m |= std::uint64_t{1} << d;
        mates_[c] = m;
    }
}

std::optional<std::uint32_t> Taxonomy::group(std::size_t category) const {
    check_category(category);
    if (group_[category] < 0) return std::nullopt;
    return static_cast<std::uint32_t>(group_[category]);
}

Set64 Taxonomy::same_group(std::size_t category) const {
    check_category(category);
    return Set64::from_words({mates_[category]});
}

Set64 Taxonomy::expand(const Set64& categories) const {
    std::uint64_t m = 0;
    categories.for_each([&](std::size_t c) { m |= mates_[c]; });
    return Set64::from_words({m});
}

}  // namespace fairmatch::matching
