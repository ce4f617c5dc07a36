#include "matching/score.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <stdexcept>
#include <string>

#include "matching/kernel.hpp"

namespace fairmatch::matching {

namespace {

const Weights& checked(const Weights& w) {
    const auto errors = w.validate();
    if (!errors.empty())
        throw std::invalid_argument("invalid weights: " + errors.front().field + ": " + errors.front().message);
    return w;
}

template <std::size_t Bits>
std::vector<Arg> args_of(const BitSet<Bits>& set, ArgKind kind) {
    std::vector<Arg> args;
    set.for_each([&](std::size_t b) { args.push_back({kind, static_cast<std::int64_t>(b)}); });
    return args;
}

Arg number(std::int64_t v) { return {ArgKind::number, v}; }

// Splits `target` whole points among parts whose exact shares are
// num[p] / den: each part gets the floor of its share, and the points still
// missing go one each to the largest remainders (ties: the earlier part).
// Every share ends as its floor or its ceiling when target lies between the
// sum of the floors and the sum of the ceilings, which the callers ensure.
std::array<int, part_count> apportion(const std::array<std::int64_t, part_count>& num, std::int64_t den, int target) {
    std::array<int, part_count> out{};
    std::array<std::int64_t, part_count> rem{};
    std::int64_t floors = 0;
    for (std::size_t p = 0; p < part_count; ++p) {
        out[p] = static_cast<int>(num[p] / den);
        rem[p] = num[p] % den;
        floors += out[p];
    }
    std::array<std::size_t, part_count> order{};
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
    std::int64_t missing = target - floors;
    for (std::size_t r = 0; missing > 0 && r < part_count; ++r, --missing) ++out[order[r]];
    return out;
}

}  // namespace

Scorer::Scorer(const Weights& weights) : weights_(checked(weights)), tables_(weights_) {}

PairScore Scorer::score(const Population& population, std::uint32_t importer, std::uint32_t exhibitor) const {
    const detail::ImporterQuery q(population.importer_columns(), importer);
    const auto& ec = population.exhibitor_columns();
    PairScore s;
    if (q.excluded_by(ec, exhibitor)) {
        s.excluded = true;
        s.key = -1;
        return s;
    }
    const auto cf = q.category_facts(ec, exhibitor);
    const auto sums = detail::view_sums(tables_, tables_.category_value_of(cf.wanted, cf.exact(), cf.partial()),
                                        q.facts(ec, exhibitor));
    s.importer_centi = tables_.importer_centi(sums.importer);
    s.exhibitor_centi = tables_.exhibitor_centi(sums.exhibitor);
    s.key = detail::reciprocal_centi(s.importer_centi, s.exhibitor_centi);
    s.score = detail::centi_to_points(s.key);
    s.importer_score = detail::centi_to_points(s.importer_centi);
    s.exhibitor_score = detail::centi_to_points(s.exhibitor_centi);
    return s;
}

Explanation Scorer::explain(const Population& population, std::uint32_t importer, std::uint32_t exhibitor) const {
    return explain(population.taxonomy(), population.importer(importer), population.exhibitor(exhibitor));
}

Explanation Scorer::explain(const Taxonomy& taxonomy, const ImporterProfile& imp, const ExhibitorProfile& exh) const {
    using detail::value_scale;
    Explanation out;
    out.parts.resize(part_count);
    for (Part p : all_parts) {
        auto& pe = out.parts[static_cast<std::size_t>(p)];
        pe.part = p;
        pe.weight = weights_.weight(p);
    }
    auto part = [&](Part p) -> PartExplanation& { return out.parts[static_cast<std::size_t>(p)]; };

    // category
    {
        auto& pe = part(Part::category);
        const Set64 exact = imp.categories & exh.categories;
        const Set64 partial = (imp.categories - exh.categories) & taxonomy.expand(exh.categories);
        pe.value = detail::category_value(static_cast<int>(imp.categories.count()), static_cast<int>(exact.count()),
                                          static_cast<int>(partial.count()), weights_.hs_group_credit);
        if (exact.any()) pe.reasons.push_back({ReasonCode::category_match, args_of(exact, ArgKind::category)});
        if (partial.any())
            pe.reasons.push_back({ReasonCode::category_hs_group_match, args_of(partial, ArgKind::category)});
        if (exact.none() && partial.none()) pe.reasons.push_back({ReasonCode::category_none, {}});
    }
    // certification (hard filter)
    {
        auto& pe = part(Part::certification);
        const Set64 missing = imp.required_certifications - exh.certifications;
        if (missing.any()) {
            out.excluded = true;
            out.exclusions.push_back({ReasonCode::certification_missing, args_of(missing, ArgKind::certification)});
            pe.value = 0;
            pe.reasons = out.exclusions;
        } else {
            pe.value = value_scale;
            if (imp.required_certifications.any())
                pe.reasons.push_back(
                    {ReasonCode::certification_held, args_of(imp.required_certifications, ArgKind::certification)});
            else
                pe.reasons.push_back({ReasonCode::certification_none_required, {}});
        }
    }
    // price
    {
        auto& pe = part(Part::price);
        pe.value = detail::price_value(imp.price_tier, exh.price_tier);
        if (imp.price_tier == exh.price_tier)
            pe.reasons.push_back({ReasonCode::price_tier_match, {{ArgKind::price_tier, imp.price_tier}}});
        else
            pe.reasons.push_back({ReasonCode::price_tier_differs,
                                  {{ArgKind::price_tier, imp.price_tier}, {ArgKind::price_tier, exh.price_tier}}});
    }
    // moq
    {
        auto& pe = part(Part::moq);
        pe.value = detail::moq_value(exh.moq, imp.order_quantity);
        if (exh.moq == 0)
            pe.reasons.push_back({ReasonCode::moq_none, {}});
        else if (imp.order_quantity == 0)
            pe.reasons.push_back({ReasonCode::order_quantity_unknown, {}});
        else if (exh.moq <= imp.order_quantity)
            pe.reasons.push_back({ReasonCode::moq_fits, {number(exh.moq), number(imp.order_quantity)}});
        else
            pe.reasons.push_back({ReasonCode::moq_above_order, {number(exh.moq), number(imp.order_quantity)}});
    }
    // lead time
    {
        auto& pe = part(Part::lead_time);
        pe.value = detail::lead_time_value(exh.lead_time_days, imp.max_lead_time_days);
        if (imp.max_lead_time_days == 0)
            pe.reasons.push_back({ReasonCode::lead_time_unknown, {number(exh.lead_time_days)}});
        else if (exh.lead_time_days <= imp.max_lead_time_days)
            pe.reasons.push_back(
                {ReasonCode::lead_time_fits, {number(exh.lead_time_days), number(imp.max_lead_time_days)}});
        else
            pe.reasons.push_back(
                {ReasonCode::lead_time_too_long, {number(exh.lead_time_days), number(imp.max_lead_time_days)}});
    }
    // capacity
    {
        auto& pe = part(Part::capacity);
        pe.value = detail::capacity_value(exh.monthly_capacity, imp.order_quantity);
        if (imp.order_quantity == 0)
            pe.reasons.push_back({ReasonCode::order_quantity_unknown, {}});
        else if (exh.monthly_capacity == 0)
            pe.reasons.push_back({ReasonCode::capacity_unknown, {}});
        else if (exh.monthly_capacity >= imp.order_quantity)
            pe.reasons.push_back(
                {ReasonCode::capacity_fits, {number(exh.monthly_capacity), number(imp.order_quantity)}});
        else
            pe.reasons.push_back(
                {ReasonCode::capacity_short, {number(exh.monthly_capacity), number(imp.order_quantity)}});
    }
    // language
    {
        auto& pe = part(Part::language);
        const Set64 shared = imp.languages & exh.languages;
        if (shared.any()) {
            pe.value = value_scale;
            pe.reasons.push_back({ReasonCode::language_shared, args_of(shared, ArgKind::language)});
        } else if (imp.interpreter || exh.interpreter) {
            pe.value = weights_.interpreter_credit * value_scale / 100;
            pe.reasons.push_back({ReasonCode::interpreter_available, {}});
        } else {
            pe.value = 0;
            pe.reasons.push_back({ReasonCode::language_none, {}});
        }
    }
    // export experience
    {
        auto& pe = part(Part::export_experience);
        if (exh.export_markets.test(imp.country)) {
            pe.value = value_scale;
            pe.reasons.push_back({ReasonCode::exported_to, {{ArgKind::country, imp.country}}});
        } else if (exh.export_markets.any()) {
            pe.value = weights_.other_market_credit * value_scale / 100;
            pe.reasons.push_back(
                {ReasonCode::exported_elsewhere, {number(static_cast<std::int64_t>(exh.export_markets.count()))}});
        } else {
            pe.value = 0;
            pe.reasons.push_back({ReasonCode::export_none, {}});
        }
    }
    // target market
    {
        auto& pe = part(Part::target_market);
        if (exh.target_markets.none()) {
            pe.value = value_scale;
            pe.reasons.push_back({ReasonCode::target_markets_any, {}});
        } else if (exh.target_markets.test(imp.country)) {
            pe.value = value_scale;
            pe.reasons.push_back({ReasonCode::target_market, {{ArgKind::country, imp.country}}});
        } else {
            pe.value = 0;
            pe.reasons.push_back({ReasonCode::target_market_other, {{ArgKind::country, imp.country}}});
        }
    }
    // buyer type
    {
        auto& pe = part(Part::buyer_type);
        if (exh.target_buyer_types.none()) {
            pe.value = value_scale;
            pe.reasons.push_back({ReasonCode::buyer_types_any, {}});
        } else if (exh.target_buyer_types.test(imp.buyer_type)) {
            pe.value = value_scale;
            pe.reasons.push_back({ReasonCode::buyer_type_targeted, {{ArgKind::buyer_type, imp.buyer_type}}});
        } else {
            pe.value = 0;
            pe.reasons.push_back({ReasonCode::buyer_type_other, {{ArgKind::buyer_type, imp.buyer_type}}});
        }
    }

    if (out.excluded) {
        out.key = -1;
        return out;
    }

    // The views: exact shares w·value / (10·W) points each.
    std::int64_t wi = 0, we = 0, si = 0, se = 0;
    std::array<std::int64_t, part_count> num_i{}, num_e{};
    for (Part p : all_parts) {
        const auto& pe = part(p);
        const std::int64_t wv = std::int64_t{pe.weight} * pe.value;
        const auto k = static_cast<std::size_t>(p);
        if (in_importer_view(p)) {
            wi += pe.weight;
            si += wv;
            num_i[k] = wv;
        }
        if (in_exhibitor_view(p)) {
            we += pe.weight;
            se += wv;
            num_e[k] = wv;
        }
    }
    const int ci = detail::view_centi(si, wi);
    const int ce = detail::view_centi(se, we);
    out.key = detail::reciprocal_centi(ci, ce);
    out.score = detail::centi_to_points(out.key);
    out.importer_score = detail::centi_to_points(ci);
    out.exhibitor_score = detail::centi_to_points(ce);

    const auto pts_i = apportion(num_i, 10 * wi, out.importer_score);
    const auto pts_e = apportion(num_e, 10 * we, out.exhibitor_score);
    // score = (ce·I + ci·E) / (ci + ce): part p's exact share is
    // w·value·(ce·we·[p∈I] + ci·wi·[p∈E]) / (10·(ci+ce)·wi·we) points.
    std::array<int, part_count> pts{};
    if (ci + ce > 0) {
        std::array<std::int64_t, part_count> num{};
        for (std::size_t k = 0; k < part_count; ++k) num[k] = num_i[k] * ce * we + num_e[k] * ci * wi;
        pts = apportion(num, 10 * std::int64_t{ci + ce} * wi * we, out.score);
    }
    for (std::size_t k = 0; k < part_count; ++k) {
        out.parts[k].points = pts[k];
        out.parts[k].importer_points = pts_i[k];
        out.parts[k].exhibitor_points = pts_e[k];
    }
    return out;
}

}  // namespace fairmatch::matching
