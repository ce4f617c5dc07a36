#pragma once
// The arithmetic of a fit score, shared by Scorer::explain (plain, readable)
// and the top-k kernels (tables, no divisions on the common path). Internal:
// the API is score.hpp.
//
// All of it is integer arithmetic, so every platform and thread count gives
// the same scores:
//   part value      0..value_scale (per mille)
//   view score      centi = round(10 * Σ w·value / Σ w)    (0..10000, hundredths of a point)
//   pair score      centi = round(2·I·E / (I + E))          (harmonic mean of the views, 0 if both 0)
//   shown score     round(centi / 100)                      (0..100)

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <stdexcept>

#include "matching/weights.hpp"

namespace fairmatch::matching::detail {

inline constexpr int value_scale = 1000;

// Division by a run-time constant as a multiply and a shift (Granlund and
// Montgomery 1994, theorem 4.2): exact for every numerator below 2^31.
class Divider {
public:
    constexpr Divider() = default;
    // Precondition: 1 <= d < 2^31.
    explicit constexpr Divider(std::uint32_t d) {
        const int l = std::bit_width(d - 1);  // ceil(log2 d)
        shift_ = 31 + l;
        multiplier_ = ((std::uint64_t{1} << shift_) / d) + 1;
    }
    // floor(x / d). Precondition: x < 2^31.
    constexpr std::uint32_t divide(std::uint32_t x) const {
        return static_cast<std::uint32_t>((static_cast<std::uint64_t>(x) * multiplier_) >> shift_);
    }

private:
    std::uint64_t multiplier_ = std::uint64_t{1} << 31;
    int shift_ = 31;
};

// ---- part values ----------------------------------------------------------

// n wanted categories, x of them made exactly, p more met only through their
// HS group; h = Weights::hs_group_credit. The mean of the best single match
// (1, h% or 0) and the coverage of the wanted categories, so one exact match
// already earns half and covering them all earns the rest.
constexpr int category_value(int n, int x, int p, int h) {
    if (n <= 0) return 0;
    const int best = x > 0 ? 100 : (p > 0 ? h : 0);
    const std::int64_t num = std::int64_t{value_scale} * (std::int64_t{n} * best + 100 * x + std::int64_t{h} * p);
    const std::int64_t den = 200 * std::int64_t{n};
    return static_cast<int>((2 * num + den) / (2 * den));
}

// Linear in the tier distance: 1000, 667, 333, 0.
constexpr int price_value(int buyer_tier, int exhibitor_tier) {
    const int d = buyer_tier > exhibitor_tier ? buyer_tier - exhibitor_tier : exhibitor_tier - buyer_tier;
    const int steps = 3;
    if (d >= steps) return 0;
    return (2 * value_scale * (steps - d) + steps) / (2 * steps);
}

// A missing fact (0 = not stated) earns half; a shortfall earns the ratio.
constexpr int moq_value(std::uint32_t moq, std::uint32_t order_quantity) {
    if (moq == 0) return value_scale;
    if (order_quantity == 0) return value_scale / 2;
    if (moq <= order_quantity) return value_scale;
    return static_cast<int>(std::uint64_t{value_scale} * order_quantity / moq);
}

constexpr int lead_time_value(std::uint32_t lead_time, std::uint32_t max_lead_time) {
    if (max_lead_time == 0) return value_scale / 2;
    if (lead_time <= max_lead_time) return value_scale;
    return static_cast<int>(std::uint64_t{value_scale} * max_lead_time / lead_time);
}

constexpr int capacity_value(std::uint32_t monthly_capacity, std::uint32_t order_quantity) {
    if (order_quantity == 0 || monthly_capacity == 0) return value_scale / 2;
    if (monthly_capacity >= order_quantity) return value_scale;
    return static_cast<int>(std::uint64_t{value_scale} * monthly_capacity / order_quantity);
}

// ---- scores ---------------------------------------------------------------

// round(10 * weighted_sum / view_weight), half up. Precondition: view_weight > 0.
constexpr int view_centi(std::int64_t weighted_sum, std::int64_t view_weight) {
    return static_cast<int>((20 * weighted_sum + view_weight) / (2 * view_weight));
}

// round(2·i·e / (i + e)), half up; 0 when both are 0.
constexpr int reciprocal_centi(std::int64_t i, std::int64_t e) {
    const std::int64_t s = i + e;
    if (s == 0) return 0;
    return static_cast<int>((4 * i * e + s) / (2 * s));
}

// reciprocal_centi(i, e) >= t, without a division:
// floor((4ie + s) / 2s) >= t  <=>  4ie + s >= 2st, with s = i + e > 0.
constexpr bool reciprocal_at_least(std::int64_t i, std::int64_t e, std::int32_t t) {
    const std::int64_t s = i + e;
    if (s == 0) return t <= 0;
    return 4 * i * e + s >= 2 * s * t;
}

constexpr int centi_to_points(int centi) { return (centi + 50) / 100; }

// ---- per-fair tables --------------------------------------------------------

struct Tables {
    static constexpr int small_n = 8;  // category table covers buyers with <= 8 categories

    std::array<std::int32_t, part_count> w{};
    std::int32_t importer_weight = 0;   // Σ w over the importer's view
    std::int32_t exhibitor_weight = 0;  // Σ w over the exhibitor's view
    std::int32_t hs_credit = 0;
    std::int32_t interpreter_value = 0;
    std::int32_t other_market_value = 0;
    std::array<std::int32_t, 4> price{};  // by tier distance
    std::array<std::int16_t, (small_n + 1) * (small_n + 1) * (small_n + 1)> category{};  // [n][x][p]
    // The highest pair centi possible given the category part alone (every
    // other part full), by [n][x][p] as in `category`.
    std::array<std::int32_t, (small_n + 1) * (small_n + 1) * (small_n + 1)> key_bound{};
    Divider importer_div;   // by 2 * importer_weight
    Divider exhibitor_div;  // by 2 * exhibitor_weight
    std::int32_t no_overlap_bound = 0;  // the highest pair centi without any category in common
    std::int32_t hs_only_bound = 0;     // … with categories in common only through HS groups

    // Precondition: weights.validate() is empty.
    explicit Tables(const Weights& weights) {
        for (Part p : all_parts) {
            const int wp = weights.weight(p);
            w[static_cast<std::size_t>(p)] = wp;
            if (in_importer_view(p)) importer_weight += wp;
            if (in_exhibitor_view(p)) exhibitor_weight += wp;
        }
        hs_credit = weights.hs_group_credit;
        interpreter_value = weights.interpreter_credit * value_scale / 100;
        other_market_value = weights.other_market_credit * value_scale / 100;
        for (int d = 0; d < 4; ++d) price[static_cast<std::size_t>(d)] = price_value(0, d);
        for (int n = 0; n <= small_n; ++n)
            for (int x = 0; x <= small_n; ++x)
                for (int p = 0; p <= small_n; ++p)
                    category[index(n, x, p)] =
                        static_cast<std::int16_t>(x + p <= n ? category_value(n, x, p, hs_credit) : 0);
        importer_div = Divider(static_cast<std::uint32_t>(2 * importer_weight));
        exhibitor_div = Divider(static_cast<std::uint32_t>(2 * exhibitor_weight));
        for (int n = 0; n <= small_n; ++n)
            for (int x = 0; x <= small_n; ++x)
                for (int p = 0; p <= small_n; ++p)
                    key_bound[index(n, x, p)] = x + p <= n ? bound_for_value(category[index(n, x, p)]) : 0;
        no_overlap_bound = bound_for_value(0);
        hs_only_bound = bound_for_value(10 * hs_credit);  // category_value(n, 0, p, h) <= 10·h
    }

    std::int32_t bound_for_value(int v_cat) const {
        const std::int64_t wc = w[static_cast<std::size_t>(Part::category)];
        const std::int64_t full = value_scale;
        return reciprocal_centi(view_centi(wc * v_cat + full * (importer_weight - wc), importer_weight),
                                view_centi(wc * v_cat + full * (exhibitor_weight - wc), exhibitor_weight));
    }

    std::int32_t key_bound_of(int n, int x, int p) const {
        if (n <= small_n) return key_bound[index(n, x, p)];
        return bound_for_value(detail::category_value(n, x, p, hs_credit));
    }

    static constexpr std::size_t index(int n, int x, int p) {
        return static_cast<std::size_t>((n * (small_n + 1) + x) * (small_n + 1) + p);
    }

    int category_value_of(int n, int x, int p) const {
        if (n <= small_n) return category[index(n, x, p)];
        return detail::category_value(n, x, p, hs_credit);
    }

    std::int32_t weight(Part p) const { return w[static_cast<std::size_t>(p)]; }

    // view_centi without a division. Precondition: 0 <= sum <= 100 * 1000 * part_count.
    int importer_centi(std::int32_t sum) const {
        return static_cast<int>(importer_div.divide(static_cast<std::uint32_t>(20 * sum + importer_weight)));
    }
    int exhibitor_centi(std::int32_t sum) const {
        return static_cast<int>(exhibitor_div.divide(static_cast<std::uint32_t>(20 * sum + exhibitor_weight)));
    }
};

}  // namespace fairmatch::matching::detail
