#pragma once
// The scoring kernel: one pair's two view sums from the columns of a
// Population, with table look-ups and no division on the common path.
// Internal to score.cpp and top_k.cpp; Scorer::explain is the readable
// reference and the tests hold the two equal.

#include <array>
#include <bit>
#include <cstdint>

#include "matching/population.hpp"
#include "matching/score_tables.hpp"

namespace fairmatch::matching::detail {

// The category sets of a pair: enough for the category part and for the
// pair's upper bound (Tables::key_bound_of).
struct CategoryFacts {
    std::uint64_t importer;
    std::uint64_t exhibitor;
    std::uint64_t exhibitor_hs;  // Taxonomy::expand(exhibitor)
    int wanted;                  // popcount(importer)

    int exact() const { return std::popcount(importer & exhibitor); }
    int partial() const { return std::popcount(importer & ~exhibitor & exhibitor_hs); }
};

// What the other parts need to know about a pair, gathered from both sides.
struct PairFacts {
    std::uint32_t order_quantity, moq, capacity;
    std::uint32_t max_lead_time, lead_time;
    int importer_price, exhibitor_price;
    bool language_shared, interpreter, exported_to, exports_any, target_market_ok, buyer_type_ok;
};

struct ViewSums {
    std::int32_t importer;   // Σ w·value over the importer's view
    std::int32_t exhibitor;  // Σ w·value over the exhibitor's view
};

// v_cat: the category part's value. Precondition: the pair is not excluded
// (the certification part is full).
inline ViewSums view_sums(const Tables& t, int v_cat, const PairFacts& f) {
    const int d = f.importer_price > f.exhibitor_price ? f.importer_price - f.exhibitor_price
                                                       : f.exhibitor_price - f.importer_price;
    const int v_price = t.price[static_cast<std::size_t>(d)];
    const int v_moq = moq_value(f.moq, f.order_quantity);
    const int v_lead = lead_time_value(f.lead_time, f.max_lead_time);
    const int v_cap = capacity_value(f.capacity, f.order_quantity);
    const int v_lang = f.language_shared ? value_scale : (f.interpreter ? t.interpreter_value : 0);
    const int v_exp = f.exported_to ? value_scale : (f.exports_any ? t.other_market_value : 0);
    const int v_tm = f.target_market_ok ? value_scale : 0;
    const int v_bt = f.buyer_type_ok ? value_scale : 0;

    const auto& w = t.w;
    const std::int32_t shared = w[static_cast<std::size_t>(Part::category)] * v_cat +
                                w[static_cast<std::size_t>(Part::moq)] * v_moq +
                                w[static_cast<std::size_t>(Part::capacity)] * v_cap +
                                w[static_cast<std::size_t>(Part::language)] * v_lang;
    ViewSums s;
    s.importer = shared + w[static_cast<std::size_t>(Part::certification)] * value_scale +
                 w[static_cast<std::size_t>(Part::price)] * v_price +
                 w[static_cast<std::size_t>(Part::lead_time)] * v_lead +
                 w[static_cast<std::size_t>(Part::export_experience)] * v_exp;
    s.exhibitor = shared + w[static_cast<std::size_t>(Part::target_market)] * v_tm +
                  w[static_cast<std::size_t>(Part::buyer_type)] * v_bt;
    return s;
}

// One importer's fields, loaded once and matched against many exhibitors.
struct ImporterQuery {
    std::uint64_t categories, categories_hs, required_certifications, languages;
    int wanted;
    std::uint32_t order_quantity, max_lead_time;
    int price;
    bool interpreter;
    std::size_t country_word;
    std::uint64_t country_bit;
    std::uint64_t buyer_type_bit;

    ImporterQuery(const ImporterColumns& c, std::uint32_t i)
        : categories(c.categories[i]),
          categories_hs(c.categories_hs[i]),
          required_certifications(c.required_certifications[i]),
          languages(c.languages[i]),
          wanted(std::popcount(c.categories[i])),
          order_quantity(c.order_quantity[i]),
          max_lead_time(c.max_lead_time_days[i]),
          price(c.price_tier[i]),
          interpreter(c.interpreter[i] != 0),
          country_word(c.country[i] / 64U),
          country_bit(std::uint64_t{1} << (c.country[i] % 64U)),
          buyer_type_bit(std::uint64_t{1} << c.buyer_type[i]) {}

    // Some category in common, exactly or through an HS group (symmetric).
    bool overlaps(const ExhibitorColumns& e, std::uint32_t j) const { return (categories & e.categories_hs[j]) != 0; }

    // For candidate bitmaps (top_k.cpp): an exhibitor making one of
    // exact_categories() matches exactly; one making only near_categories()
    // matches through an HS group; one lacking any of exclusion_certifications()
    // is excluded.
    std::uint64_t exact_categories() const { return categories; }
    std::uint64_t near_categories() const { return categories_hs & ~categories; }
    std::uint64_t exclusion_certifications() const { return required_certifications; }
    bool excluded_by(const ExhibitorColumns& e, std::uint32_t j) const {
        return (required_certifications & ~e.certifications[j]) != 0;
    }

    CategoryFacts category_facts(const ExhibitorColumns& e, std::uint32_t j) const {
        return {categories, e.categories[j], e.categories_hs[j], wanted};
    }

    PairFacts facts(const ExhibitorColumns& e, std::uint32_t j) const {
        const std::uint8_t flags = e.flags[j];
        const std::uint64_t bt = e.target_buyer_types[j];
        return PairFacts{
            order_quantity,
            e.moq[j],
            e.monthly_capacity[j],
            max_lead_time,
            e.lead_time_days[j],
            price,
            e.price_tier[j],
            (languages & e.languages[j]) != 0,
            interpreter || (flags & ExhibitorColumns::interpreter) != 0,
            (e.export_markets[country_word][j] & country_bit) != 0,
            (flags & ExhibitorColumns::exports_any) != 0,
            (flags & ExhibitorColumns::targets_any_market) != 0 || (e.target_markets[country_word][j] & country_bit) != 0,
            bt == 0 || (bt & buyer_type_bit) != 0,
        };
    }
};

// One exhibitor's fields, loaded once and matched against many importers.
struct ExhibitorQuery {
    std::uint64_t categories, categories_hs, certifications, languages, target_buyer_types;
    std::array<std::uint64_t, 4> export_markets, target_markets;
    std::uint32_t moq, capacity, lead_time;
    int price;
    bool interpreter, exports_any, targets_any;

    ExhibitorQuery(const ExhibitorColumns& c, std::uint32_t j)
        : categories(c.categories[j]),
          categories_hs(c.categories_hs[j]),
          certifications(c.certifications[j]),
          languages(c.languages[j]),
          target_buyer_types(c.target_buyer_types[j]),
          export_markets{c.export_markets[0][j], c.export_markets[1][j], c.export_markets[2][j], c.export_markets[3][j]},
          target_markets{c.target_markets[0][j], c.target_markets[1][j], c.target_markets[2][j], c.target_markets[3][j]},
          moq(c.moq[j]),
          capacity(c.monthly_capacity[j]),
          lead_time(c.lead_time_days[j]),
          price(c.price_tier[j]),
          interpreter((c.flags[j] & ExhibitorColumns::interpreter) != 0),
          exports_any((c.flags[j] & ExhibitorColumns::exports_any) != 0),
          targets_any((c.flags[j] & ExhibitorColumns::targets_any_market) != 0) {}

    bool overlaps(const ImporterColumns& m, std::uint32_t i) const { return (categories & m.categories_hs[i]) != 0; }

    // As in ImporterQuery: importers wanting one of exact_categories() match
    // exactly, those wanting only near_categories() through an HS group, and
    // those requiring one of exclusion_certifications() are excluded.
    std::uint64_t exact_categories() const { return categories; }
    std::uint64_t near_categories() const { return categories_hs & ~categories; }
    std::uint64_t exclusion_certifications() const { return ~certifications; }
    bool excluded_by(const ImporterColumns& m, std::uint32_t i) const {
        return (m.required_certifications[i] & ~certifications) != 0;
    }

    CategoryFacts category_facts(const ImporterColumns& m, std::uint32_t i) const {
        return {m.categories[i], categories, categories_hs, std::popcount(m.categories[i])};
    }

    PairFacts facts(const ImporterColumns& m, std::uint32_t i) const {
        const unsigned country = m.country[i];
        const std::uint64_t cbit = std::uint64_t{1} << (country % 64U);
        return PairFacts{
            m.order_quantity[i],
            moq,
            capacity,
            m.max_lead_time_days[i],
            lead_time,
            m.price_tier[i],
            price,
            (languages & m.languages[i]) != 0,
            interpreter || m.interpreter[i] != 0,
            (export_markets[country / 64U] & cbit) != 0,
            exports_any,
            targets_any || (target_markets[country / 64U] & cbit) != 0,
            target_buyer_types == 0 || ((target_buyer_types >> m.buyer_type[i]) & 1U) != 0,
        };
    }
};

}  // namespace fairmatch::matching::detail
