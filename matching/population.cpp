#include "matching/population.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace fairmatch::matching {

namespace {

std::optional<std::uint32_t> find_id(const std::vector<std::int64_t>& ids, std::int64_t id) {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - ids.begin());
}

void check_next_id(const std::vector<std::int64_t>& ids, std::int64_t id, const char* who) {
    if (!ids.empty() && id <= ids.back())
        throw std::invalid_argument(std::string(who) + " ids must be added in strictly increasing order");
    if (ids.size() >= std::numeric_limits<std::uint32_t>::max())
        throw std::invalid_argument(std::string("too many ") + who + "s");
}

void check_price_tier(std::uint8_t tier) {
    if (tier >= price_tier_count) throw std::invalid_argument("price tier out of range");
}

}  // namespace

Population::Population(Taxonomy taxonomy) : taxonomy_(taxonomy) {}

void Population::reserve(std::size_t exhibitors, std::size_t importers) {
    auto& e = exh_;
    for (auto* v : {&e.categories, &e.categories_hs, &e.certifications, &e.languages, &e.target_buyer_types})
        v->reserve(exhibitors);
    for (std::size_t w = 0; w < 4; ++w) {
        e.export_markets[w].reserve(exhibitors);
        e.target_markets[w].reserve(exhibitors);
    }
    e.id.reserve(exhibitors);
    e.moq.reserve(exhibitors);
    e.monthly_capacity.reserve(exhibitors);
    e.lead_time_days.reserve(exhibitors);
    e.price_tier.reserve(exhibitors);
    e.flags.reserve(exhibitors);

    auto& i = imp_;
    for (auto* v : {&i.categories, &i.categories_hs, &i.required_certifications, &i.languages})
        v->reserve(importers);
    i.id.reserve(importers);
    i.order_quantity.reserve(importers);
    i.max_lead_time_days.reserve(importers);
    i.country.reserve(importers);
    i.buyer_type.reserve(importers);
    i.price_tier.reserve(importers);
    i.interpreter.reserve(importers);
}

std::uint32_t Population::add_exhibitor(const ExhibitorProfile& p) {
    check_next_id(exh_.id, p.id, "exhibitor");
    check_price_tier(p.price_tier);
    auto& e = exh_;
    const auto index = static_cast<std::uint32_t>(e.id.size());
    e.id.push_back(p.id);
    e.categories.push_back(p.categories.word(0));
    e.categories_hs.push_back(taxonomy_.expand(p.categories).word(0));
    e.certifications.push_back(p.certifications.word(0));
    e.languages.push_back(p.languages.word(0));
    e.target_buyer_types.push_back(p.target_buyer_types.word(0));
    for (std::size_t w = 0; w < 4; ++w) {
        e.export_markets[w].push_back(p.export_markets.word(w));
        e.target_markets[w].push_back(p.target_markets.word(w));
    }
    e.moq.push_back(p.moq);
    e.monthly_capacity.push_back(p.monthly_capacity);
    e.lead_time_days.push_back(p.lead_time_days);
    e.price_tier.push_back(p.price_tier);
    std::uint8_t flags = 0;
    if (p.interpreter) flags |= ExhibitorColumns::interpreter;
    if (p.export_markets.any()) flags |= ExhibitorColumns::exports_any;
    if (p.target_markets.none()) flags |= ExhibitorColumns::targets_any_market;
    e.flags.push_back(flags);
    return index;
}

std::uint32_t Population::add_importer(const ImporterProfile& p) {
    check_next_id(imp_.id, p.id, "importer");
    check_price_tier(p.price_tier);
    if (p.buyer_type >= max_buyer_types) throw std::invalid_argument("buyer type out of range");
    auto& i = imp_;
    const auto index = static_cast<std::uint32_t>(i.id.size());
    i.id.push_back(p.id);
    i.categories.push_back(p.categories.word(0));
    i.categories_hs.push_back(taxonomy_.expand(p.categories).word(0));
    i.required_certifications.push_back(p.required_certifications.word(0));
    i.languages.push_back(p.languages.word(0));
    i.order_quantity.push_back(p.order_quantity);
    i.max_lead_time_days.push_back(p.max_lead_time_days);
    i.country.push_back(p.country);
    i.buyer_type.push_back(p.buyer_type);
    i.price_tier.push_back(p.price_tier);
    i.interpreter.push_back(p.interpreter ? 1 : 0);
    return index;
}

ExhibitorProfile Population::exhibitor(std::uint32_t index) const {
    const auto& e = exh_;
    ExhibitorProfile p;
    p.id = e.id[index];
    p.categories = Set64::from_words({e.categories[index]});
    p.certifications = Set64::from_words({e.certifications[index]});
    p.languages = Set64::from_words({e.languages[index]});
    p.target_buyer_types = Set64::from_words({e.target_buyer_types[index]});
    std::array<std::uint64_t, 4> exp{}, tgt{};
    for (std::size_t w = 0; w < 4; ++w) {
        exp[w] = e.export_markets[w][index];
        tgt[w] = e.target_markets[w][index];
    }
    p.export_markets = Set256::from_words(exp);
    p.target_markets = Set256::from_words(tgt);
    p.price_tier = e.price_tier[index];
    p.moq = e.moq[index];
    p.monthly_capacity = e.monthly_capacity[index];
    p.lead_time_days = e.lead_time_days[index];
    p.interpreter = (e.flags[index] & ExhibitorColumns::interpreter) != 0;
    return p;
}

ImporterProfile Population::importer(std::uint32_t index) const {
    const auto& i = imp_;
    ImporterProfile p;
    p.id = i.id[index];
    p.country = i.country[index];
    p.buyer_type = i.buyer_type[index];
    p.categories = Set64::from_words({i.categories[index]});
    p.required_certifications = Set64::from_words({i.required_certifications[index]});
    p.languages = Set64::from_words({i.languages[index]});
    p.price_tier = i.price_tier[index];
    p.order_quantity = i.order_quantity[index];
    p.max_lead_time_days = i.max_lead_time_days[index];
    p.interpreter = i.interpreter[index] != 0;
    return p;
}

std::optional<std::uint32_t> Population::find_exhibitor(std::int64_t id) const { return find_id(exh_.id, id); }
std::optional<std::uint32_t> Population::find_importer(std::int64_t id) const { return find_id(imp_.id, id); }

}  // namespace fairmatch::matching
