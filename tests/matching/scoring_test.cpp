#include "matching/score.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "matching/random_population.hpp"

namespace fm = fairmatch::matching;
namespace detail = fairmatch::matching::detail;
using fm::ArgKind;
using fm::Part;
using fm::ReasonCode;

namespace {

// Indices in the synthetic vocabulary.
constexpr std::size_t ceramic_vase = 4, ceramic_planter = 6, rattan_basket = 0;
constexpr std::size_t bsci = 0, fsc = 1;
constexpr std::size_t vi = 0, en = 1, fr = 2;
constexpr std::uint8_t us = 0, de = 3;

fm::ImporterProfile french_speaking_german_buyer() {
    fm::ImporterProfile m;
    m.id = 1;
    m.country = de;
    m.buyer_type = 0;
    m.categories = {ceramic_vase};
    m.required_certifications = {bsci};
    m.languages = {en, fr};
    m.price_tier = 1;
    m.order_quantity = 2000;
    m.max_lead_time_days = 60;
    return m;
}

fm::ExhibitorProfile bat_trang_workshop() {
    fm::ExhibitorProfile e;
    e.id = 1;
    e.categories = {ceramic_vase};
    e.certifications = {bsci};
    e.languages = {vi, fr};
    e.export_markets = {de};
    e.target_markets = {de};
    e.price_tier = 1;
    e.moq = 500;
    e.monthly_capacity = 5000;
    e.lead_time_days = 45;
    return e;
}

const fm::PartExplanation& part(const fm::Explanation& x, Part p) { return x.parts[static_cast<std::size_t>(p)]; }

std::vector<int> points(const fm::Explanation& x, int fm::PartExplanation::*field) {
    std::vector<int> out;
    for (const auto& p : x.parts) out.push_back(p.*field);
    return out;
}

int sum(const std::vector<int>& v) {
    int s = 0;
    for (int x : v) s += x;
    return s;
}

// Checks that the reasons add up and that each part's points are within one
// point of its exact share.
void expect_adds_up(const fm::Explanation& x, const fm::Weights& w) {
    ASSERT_EQ(x.parts.size(), fm::part_count);
    if (x.excluded) {
        EXPECT_EQ(x.score, 0);
        EXPECT_EQ(x.key, -1);
        for (const auto& p : x.parts) {
            EXPECT_EQ(p.points, 0);
            EXPECT_EQ(p.importer_points, 0);
            EXPECT_EQ(p.exhibitor_points, 0);
        }
        return;
    }
    EXPECT_EQ(sum(points(x, &fm::PartExplanation::points)), x.score);
    EXPECT_EQ(sum(points(x, &fm::PartExplanation::importer_points)), x.importer_score);
    EXPECT_EQ(sum(points(x, &fm::PartExplanation::exhibitor_points)), x.exhibitor_score);
    EXPECT_EQ(x.score, detail::centi_to_points(x.key));

    double wi = 0, we = 0, si = 0, se = 0;
    for (Part p : fm::all_parts) {
        const auto& pe = part(x, p);
        EXPECT_GE(pe.value, 0);
        EXPECT_LE(pe.value, 1000);
        EXPECT_EQ(pe.weight, w.weight(p));
        if (fm::in_importer_view(p)) wi += pe.weight, si += double(pe.weight) * pe.value;
        if (fm::in_exhibitor_view(p)) we += pe.weight, se += double(pe.weight) * pe.value;
    }
    const double ci = std::round(10 * si / wi), ce = std::round(10 * se / we);
    for (Part p : fm::all_parts) {
        const auto& pe = part(x, p);
        const double wv = double(pe.weight) * pe.value;
        const double share_i = fm::in_importer_view(p) ? wv / (10 * wi) : 0;
        const double share_e = fm::in_exhibitor_view(p) ? wv / (10 * we) : 0;
        const double share = ci + ce > 0 ? (ce * share_i + ci * share_e) / (ci + ce) : 0;
        EXPECT_LT(std::abs(pe.importer_points - share_i), 1.0) << fm::to_string(p);
        EXPECT_LT(std::abs(pe.exhibitor_points - share_e), 1.0) << fm::to_string(p);
        EXPECT_LT(std::abs(pe.points - share), 1.0) << fm::to_string(p);
        if (!fm::in_importer_view(p)) {
            EXPECT_EQ(pe.importer_points, 0);
        }
        if (!fm::in_exhibitor_view(p)) {
            EXPECT_EQ(pe.exhibitor_points, 0);
        }
        EXPECT_FALSE(pe.reasons.empty()) << fm::to_string(p);
    }
}

void expect_not_lower(const fm::Explanation& before, const fm::Explanation& after) {
    EXPECT_EQ(before.excluded, after.excluded);
    EXPECT_GE(after.key, before.key);
    EXPECT_GE(after.score, before.score);
    EXPECT_GE(after.importer_score, before.importer_score);
    EXPECT_GE(after.exhibitor_score, before.exhibitor_score);
}

// Valid weights with some zeros, for property tests.
fm::Weights random_weights(fm::Rng& rng) {
    for (;;) {
        fm::Weights w;
        for (Part p : fm::all_parts) w.weight(p) = rng.chance(20) ? 0 : static_cast<int>(rng.below(101));
        w.hs_group_credit = static_cast<int>(rng.below(101));
        w.interpreter_credit = static_cast<int>(rng.below(101));
        w.other_market_credit = static_cast<int>(rng.below(101));
        if (w.validate().empty()) return w;
    }
}

std::vector<fm::Weights> weight_sets() {
    std::vector<fm::Weights> sets{fm::Weights{}};
    fm::Weights category_heavy;
    category_heavy.category = 100;
    category_heavy.hs_group_credit = 100;
    sets.push_back(category_heavy);
    fm::Weights no_category;
    no_category.category = 0;
    sets.push_back(no_category);
    fm::Rng rng(99);
    for (int i = 0; i < 5; ++i) sets.push_back(random_weights(rng));
    return sets;
}

}  // namespace

// ---- the arithmetic -------------------------------------------------------

TEST(PartValues, Category) {
    EXPECT_EQ(detail::category_value(1, 1, 0, 50), 1000);
    EXPECT_EQ(detail::category_value(2, 1, 0, 50), 750);   // best 1, coverage 1/2
    EXPECT_EQ(detail::category_value(4, 1, 0, 50), 625);   // best 1, coverage 1/4
    EXPECT_EQ(detail::category_value(1, 0, 1, 50), 500);   // HS group only
    EXPECT_EQ(detail::category_value(3, 1, 1, 50), 750);   // (1 + (1 + .5)/3) / 2
    EXPECT_EQ(detail::category_value(2, 0, 1, 0), 0);
    EXPECT_EQ(detail::category_value(3, 0, 0, 50), 0);
    EXPECT_EQ(detail::category_value(0, 0, 0, 50), 0);
}

TEST(PartValues, PriceMoqLeadTimeCapacity) {
    EXPECT_EQ(detail::price_value(1, 1), 1000);
    EXPECT_EQ(detail::price_value(1, 2), 667);
    EXPECT_EQ(detail::price_value(3, 1), 333);
    EXPECT_EQ(detail::price_value(0, 3), 0);

    EXPECT_EQ(detail::moq_value(500, 2000), 1000);
    EXPECT_EQ(detail::moq_value(2000, 2000), 1000);
    EXPECT_EQ(detail::moq_value(0, 0), 1000);      // no minimum
    EXPECT_EQ(detail::moq_value(500, 0), 500);     // order not stated
    EXPECT_EQ(detail::moq_value(2000, 500), 250);  // the ratio

    EXPECT_EQ(detail::lead_time_value(45, 60), 1000);
    EXPECT_EQ(detail::lead_time_value(90, 60), 666);
    EXPECT_EQ(detail::lead_time_value(45, 0), 500);

    EXPECT_EQ(detail::capacity_value(5000, 2000), 1000);
    EXPECT_EQ(detail::capacity_value(1000, 2000), 500);
    EXPECT_EQ(detail::capacity_value(0, 2000), 500);
    EXPECT_EQ(detail::capacity_value(1000, 0), 500);
}

TEST(Arithmetic, RoundingHalfUp) {
    EXPECT_EQ(detail::view_centi(86670, 90), 9630);
    EXPECT_EQ(detail::view_centi(70000, 80), 8750);
    EXPECT_EQ(detail::reciprocal_centi(9630, 8750), 9169);
    EXPECT_EQ(detail::reciprocal_centi(0, 0), 0);
    EXPECT_EQ(detail::reciprocal_centi(10000, 0), 0);
    EXPECT_EQ(detail::reciprocal_centi(10000, 10000), 10000);
    EXPECT_EQ(detail::centi_to_points(8750), 88);
    EXPECT_EQ(detail::centi_to_points(8749), 87);
}

TEST(Arithmetic, ThresholdTestAgreesWithTheDivision) {
    auto check = [](std::int64_t i, std::int64_t e) {
        const int key = detail::reciprocal_centi(i, e);
        for (int t = key - 2; t <= key + 2; ++t)
            ASSERT_EQ(detail::reciprocal_at_least(i, e, t), key >= t) << i << " " << e << " " << t;
    };
    for (int i = 0; i <= 10000; i += 7)
        for (int e = 0; e <= 10000; e += 11) check(i, e);
    for (int i = 0; i <= 10000; ++i)
        for (int e : {0, 1, 2, 3, 4999, 5000, 5001, 9999, 10000}) {
            check(i, e);
            check(e, i);
        }
    // On the rounding boundary: 4·1·3 + 4 = 2·4·2, so the key is exactly 2.
    EXPECT_EQ(detail::reciprocal_centi(1, 3), 2);
    EXPECT_TRUE(detail::reciprocal_at_least(1, 3, 2));
    EXPECT_FALSE(detail::reciprocal_at_least(1, 3, 3));
    EXPECT_TRUE(detail::reciprocal_at_least(0, 0, 0));
    EXPECT_FALSE(detail::reciprocal_at_least(0, 0, 1));
}

TEST(Arithmetic, DividerIsExact) {
    fm::Rng rng(5);
    std::vector<std::uint32_t> divisors;
    for (std::uint32_t d = 1; d <= 4096; ++d) divisors.push_back(d);
    for (std::uint32_t d : {65535U, 65536U, 65537U, 1000003U, 1U << 30, (1U << 31) - 1}) divisors.push_back(d);
    for (std::uint32_t d : divisors) {
        const detail::Divider div(d);
        const std::uint32_t top = (1U << 31) - 1;
        for (std::uint32_t x : {0U, 1U, d - 1, d, d + 1, 2 * d - 1, 2 * d, top, top - 1, top - top % d, top - top % d - 1})
            if (x <= top) {
                ASSERT_EQ(div.divide(x), x / d) << x << " / " << d;
            }
        for (int r = 0; r < 64; ++r) {
            const auto x = static_cast<std::uint32_t>(rng.below(std::uint64_t{top} + 1));
            ASSERT_EQ(div.divide(x), x / d) << x << " / " << d;
        }
    }
}

// ---- hand-checked pairs -----------------------------------------------------

TEST(Explain, PerfectPairScoresHundredWithItsReasons) {
    const fm::Scorer scorer;
    const auto x = scorer.explain(fm::synthetic_taxonomy(), french_speaking_german_buyer(), bat_trang_workshop());
    EXPECT_FALSE(x.excluded);
    EXPECT_EQ(x.score, 100);
    EXPECT_EQ(x.importer_score, 100);
    EXPECT_EQ(x.exhibitor_score, 100);
    EXPECT_EQ(x.key, 10000);

    using R = fm::Reason;
    EXPECT_EQ(part(x, Part::category).reasons, (std::vector<R>{{ReasonCode::category_match, {{ArgKind::category, 4}}}}));
    EXPECT_EQ(part(x, Part::certification).reasons,
              (std::vector<R>{{ReasonCode::certification_held, {{ArgKind::certification, 0}}}}));
    EXPECT_EQ(part(x, Part::price).reasons, (std::vector<R>{{ReasonCode::price_tier_match, {{ArgKind::price_tier, 1}}}}));
    EXPECT_EQ(part(x, Part::moq).reasons,
              (std::vector<R>{{ReasonCode::moq_fits, {{ArgKind::number, 500}, {ArgKind::number, 2000}}}}));
    EXPECT_EQ(part(x, Part::lead_time).reasons,
              (std::vector<R>{{ReasonCode::lead_time_fits, {{ArgKind::number, 45}, {ArgKind::number, 60}}}}));
    EXPECT_EQ(part(x, Part::capacity).reasons,
              (std::vector<R>{{ReasonCode::capacity_fits, {{ArgKind::number, 5000}, {ArgKind::number, 2000}}}}));
    EXPECT_EQ(part(x, Part::language).reasons, (std::vector<R>{{ReasonCode::language_shared, {{ArgKind::language, 2}}}}));
    EXPECT_EQ(part(x, Part::export_experience).reasons,
              (std::vector<R>{{ReasonCode::exported_to, {{ArgKind::country, 3}}}}));
    EXPECT_EQ(part(x, Part::target_market).reasons, (std::vector<R>{{ReasonCode::target_market, {{ArgKind::country, 3}}}}));
    EXPECT_EQ(part(x, Part::buyer_type).reasons, (std::vector<R>{{ReasonCode::buyer_types_any, {}}}));

    // Largest remainders, worked out by hand (weights 35 10 10 10 5 5 10 5 | 10 10).
    EXPECT_EQ(points(x, &fm::PartExplanation::importer_points), (std::vector<int>{39, 11, 11, 11, 6, 6, 11, 5, 0, 0}));
    EXPECT_EQ(points(x, &fm::PartExplanation::exhibitor_points), (std::vector<int>{44, 0, 0, 13, 0, 6, 13, 0, 12, 12}));
    EXPECT_EQ(points(x, &fm::PartExplanation::points), (std::vector<int>{41, 6, 5, 12, 3, 6, 12, 3, 6, 6}));
    expect_adds_up(x, scorer.weights());

    const auto v = fm::synthetic_vocabulary();
    EXPECT_EQ(fm::render_args(part(x, Part::category).reasons[0], v), (std::vector<std::string>{"ceramic_vase"}));
    EXPECT_EQ(fm::render_args(part(x, Part::export_experience).reasons[0], v), (std::vector<std::string>{"DE"}));
}

TEST(Explain, ImperfectPairByHand) {
    auto e = bat_trang_workshop();
    e.price_tier = 2;
    e.target_markets = {us};
    const fm::Scorer scorer;
    const auto x = scorer.explain(fm::synthetic_taxonomy(), french_speaking_german_buyer(), e);
    // importer: (90000 - 10·333) / 90 → 96.30; exhibitor: 70000 / 80 → 87.50;
    // harmonic mean 2·9630·8750 / 18380 = 9169.1.
    EXPECT_EQ(x.importer_score, 96);
    EXPECT_EQ(x.exhibitor_score, 88);
    EXPECT_EQ(x.key, 9169);
    EXPECT_EQ(x.score, 92);
    EXPECT_EQ(part(x, Part::price).value, 667);
    EXPECT_EQ(part(x, Part::price).reasons[0],
              (fm::Reason{ReasonCode::price_tier_differs, {{ArgKind::price_tier, 1}, {ArgKind::price_tier, 2}}}));
    EXPECT_EQ(part(x, Part::target_market).reasons[0],
              (fm::Reason{ReasonCode::target_market_other, {{ArgKind::country, 3}}}));
    EXPECT_EQ(part(x, Part::target_market).points, 0);
    expect_adds_up(x, scorer.weights());
}

TEST(Explain, PartialAndMissingFacts) {
    auto m = french_speaking_german_buyer();
    m.categories = {ceramic_planter, rattan_basket};  // planter: same HS group as vase
    m.order_quantity = 0;
    m.max_lead_time_days = 0;
    m.languages = {en};
    auto e = bat_trang_workshop();
    e.languages = {vi};
    e.interpreter = true;
    e.export_markets = {us, 10};
    e.monthly_capacity = 0;
    const fm::Scorer scorer;
    const auto x = scorer.explain(fm::synthetic_taxonomy(), m, e);
    using R = fm::Reason;
    EXPECT_EQ(part(x, Part::category).value, 375);  // (50 + 25) / 2 %
    EXPECT_EQ(part(x, Part::category).reasons,
              (std::vector<R>{{ReasonCode::category_hs_group_match, {{ArgKind::category, ceramic_planter}}}}));
    EXPECT_EQ(part(x, Part::moq).reasons, (std::vector<R>{{ReasonCode::order_quantity_unknown, {}}}));
    EXPECT_EQ(part(x, Part::moq).value, 500);
    EXPECT_EQ(part(x, Part::capacity).reasons, (std::vector<R>{{ReasonCode::order_quantity_unknown, {}}}));
    EXPECT_EQ(part(x, Part::lead_time).reasons, (std::vector<R>{{ReasonCode::lead_time_unknown, {{ArgKind::number, 45}}}}));
    EXPECT_EQ(part(x, Part::language).reasons, (std::vector<R>{{ReasonCode::interpreter_available, {}}}));
    EXPECT_EQ(part(x, Part::language).value, 700);
    EXPECT_EQ(part(x, Part::export_experience).reasons,
              (std::vector<R>{{ReasonCode::exported_elsewhere, {{ArgKind::number, 2}}}}));
    EXPECT_EQ(part(x, Part::export_experience).value, 300);
    expect_adds_up(x, scorer.weights());

    e.interpreter = false;
    e.export_markets = {};
    e.categories = {rattan_basket + 1};  // bamboo basket: HS group of the wanted rattan basket
    e.target_buyer_types = {3};
    const auto y = scorer.explain(fm::synthetic_taxonomy(), m, e);
    EXPECT_EQ(part(y, Part::language).reasons, (std::vector<R>{{ReasonCode::language_none, {}}}));
    EXPECT_EQ(part(y, Part::export_experience).reasons, (std::vector<R>{{ReasonCode::export_none, {}}}));
    EXPECT_EQ(part(y, Part::buyer_type).reasons, (std::vector<R>{{ReasonCode::buyer_type_other, {{ArgKind::buyer_type, 0}}}}));
    EXPECT_EQ(part(y, Part::category).reasons,
              (std::vector<R>{{ReasonCode::category_hs_group_match, {{ArgKind::category, rattan_basket}}}}));
    expect_adds_up(y, scorer.weights());
}

TEST(Explain, MissingRequiredCertificationExcludes) {
    auto m = french_speaking_german_buyer();
    m.required_certifications = {bsci, fsc};
    const fm::Scorer scorer;
    const auto x = scorer.explain(fm::synthetic_taxonomy(), m, bat_trang_workshop());
    EXPECT_TRUE(x.excluded);
    EXPECT_EQ(x.exclusions, (std::vector<fm::Reason>{{ReasonCode::certification_missing, {{ArgKind::certification, 1}}}}));
    EXPECT_EQ(x.score, 0);
    EXPECT_EQ(x.key, -1);
    EXPECT_EQ(part(x, Part::certification).reasons, x.exclusions);
    expect_adds_up(x, scorer.weights());
    // The other parts are still explained, for the organizer.
    EXPECT_EQ(part(x, Part::category).value, 1000);
}

TEST(Explain, NothingRequiredIsAReasonToo) {
    auto m = french_speaking_german_buyer();
    m.required_certifications = {};
    const auto x = fm::Scorer{}.explain(fm::synthetic_taxonomy(), m, bat_trang_workshop());
    EXPECT_EQ(part(x, Part::certification).reasons,
              (std::vector<fm::Reason>{{ReasonCode::certification_none_required, {}}}));
}

// ---- properties on a seeded random population ----------------------------------

class ScoringProperties : public ::testing::TestWithParam<int> {
protected:
    fm::Weights weights() const { return weight_sets()[static_cast<std::size_t>(GetParam())]; }
};

TEST_P(ScoringProperties, ReasonsAddUpToTheScore) {
    const auto pop = fm::random_population(60, 80, 11 + static_cast<std::uint64_t>(GetParam()));
    const fm::Scorer scorer(weights());
    int excluded = 0;
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i)
        for (std::uint32_t e = 0; e < pop.exhibitor_count(); ++e) {
            const auto x = scorer.explain(pop, i, e);
            excluded += x.excluded;
            expect_adds_up(x, scorer.weights());
            if (HasFailure()) return;
        }
    EXPECT_GT(excluded, 0);
}

TEST_P(ScoringProperties, FastScoreEqualsExplanation) {
    const auto pop = fm::random_population(120, 150, 21 + static_cast<std::uint64_t>(GetParam()));
    const fm::Scorer scorer(weights());
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i)
        for (std::uint32_t e = 0; e < pop.exhibitor_count(); ++e) {
            const auto s = scorer.score(pop, i, e);
            const auto x = scorer.explain(pop, i, e);
            ASSERT_EQ(s.excluded, x.excluded) << i << "," << e;
            ASSERT_EQ(s.key, x.key) << i << "," << e;
            ASSERT_EQ(s.score, x.score);
            ASSERT_EQ(s.importer_score, x.importer_score);
            ASSERT_EQ(s.exhibitor_score, x.exhibitor_score);
        }
}

TEST_P(ScoringProperties, AddingAMatchingCategoryNeverLowersAScore) {
    const auto pop = fm::random_population(80, 120, 31 + static_cast<std::uint64_t>(GetParam()));
    const fm::Scorer scorer(weights());
    const auto& tax = pop.taxonomy();
    int tried = 0;
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i)
        for (std::uint32_t e = 0; e < pop.exhibitor_count(); e += 3) {
            const auto m = pop.importer(i);
            const auto x = pop.exhibitor(e);
            const auto before = scorer.explain(tax, m, x);
            // The exhibitor starts making a category the buyer wants…
            (m.categories - x.categories).for_each([&](std::size_t c) {
                auto x2 = x;
                x2.categories.set(c);
                expect_not_lower(before, scorer.explain(tax, m, x2));
                ++tried;
            });
            // …or one of the same HS group as a wanted one.
            (tax.expand(m.categories) - x.categories).for_each([&](std::size_t c) {
                auto x2 = x;
                x2.categories.set(c);
                expect_not_lower(before, scorer.explain(tax, m, x2));
            });
            // The buyer starts wanting a category the exhibitor makes.
            (x.categories - m.categories).for_each([&](std::size_t c) {
                auto m2 = m;
                m2.categories.set(c);
                expect_not_lower(before, scorer.explain(tax, m2, x));
            });
            if (HasFailure()) return;
        }
    EXPECT_GT(tried, 1000);
}

TEST_P(ScoringProperties, AMissingRequiredCertificationExcludes) {
    const auto pop = fm::random_population(50, 50, 41 + static_cast<std::uint64_t>(GetParam()));
    const fm::Scorer scorer(weights());
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i)
        for (std::uint32_t e = 0; e < pop.exhibitor_count(); ++e) {
            auto m = pop.importer(i);
            auto x = pop.exhibitor(e);
            const bool holds_all = m.required_certifications.is_subset_of(x.certifications);
            ASSERT_EQ(scorer.score(pop, i, e).excluded, !holds_all);
            // Require one more certification that the exhibitor lacks.
            for (std::size_t c = 0; c < 12; ++c) {
                if (x.certifications.test(c)) continue;
                auto m2 = m;
                m2.required_certifications.set(c);
                const auto r = scorer.explain(pop.taxonomy(), m2, x);
                ASSERT_TRUE(r.excluded);
                ASSERT_EQ(r.exclusions.size(), 1U);
                EXPECT_EQ(r.exclusions[0].code, ReasonCode::certification_missing);
                EXPECT_NE(std::find(r.exclusions[0].args.begin(), r.exclusions[0].args.end(),
                                    fm::Arg{ArgKind::certification, static_cast<std::int64_t>(c)}),
                          r.exclusions[0].args.end());
                break;
            }
            // Giving the exhibitor every required certification lifts the exclusion.
            x.certifications |= m.required_certifications;
            EXPECT_FALSE(scorer.explain(pop.taxonomy(), m, x).excluded);
        }
}

INSTANTIATE_TEST_SUITE_P(WeightSets, ScoringProperties, ::testing::Range(0, 8));

TEST(Scoring, Deterministic) {
    const auto pop = fm::random_population(30, 30, 3);
    const fm::Scorer a, b;
    for (std::uint32_t i = 0; i < 30; ++i)
        for (std::uint32_t e = 0; e < 30; ++e) EXPECT_EQ(a.explain(pop, i, e), b.explain(pop, i, e));
}
