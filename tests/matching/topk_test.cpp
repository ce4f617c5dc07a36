#include "matching/top_k.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "matching/random_population.hpp"

namespace fm = fairmatch::matching;

namespace {

// The reference: score every pair with Scorer::score, sort, cut.
std::vector<fm::Match> naive_for_importer(const fm::Population& pop, const fm::Scorer& s, std::uint32_t i,
                                          std::size_t k) {
    std::vector<fm::Match> all;
    for (std::uint32_t e = 0; e < pop.exhibitor_count(); ++e) {
        const auto ps = s.score(pop, i, e);
        if (!ps.excluded) all.push_back({e, ps.key});
    }
    std::sort(all.begin(), all.end(), [](const fm::Match& a, const fm::Match& b) {
        return a.key > b.key || (a.key == b.key && a.index < b.index);
    });
    if (all.size() > k) all.resize(k);
    return all;
}

std::vector<fm::Match> naive_for_exhibitor(const fm::Population& pop, const fm::Scorer& s, std::uint32_t e,
                                           std::size_t k) {
    std::vector<fm::Match> all;
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i) {
        const auto ps = s.score(pop, i, e);
        if (!ps.excluded) all.push_back({i, ps.key});
    }
    std::sort(all.begin(), all.end(), [](const fm::Match& a, const fm::Match& b) {
        return a.key > b.key || (a.key == b.key && a.index < b.index);
    });
    if (all.size() > k) all.resize(k);
    return all;
}

std::vector<fm::Match> to_vector(std::span<const fm::Match> s) { return {s.begin(), s.end()}; }

void expect_same_lists(const fm::MatchLists& a, const fm::MatchLists& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t p = 0; p < a.size(); ++p) ASSERT_EQ(to_vector(a[p]), to_vector(b[p])) << "participant " << p;
}

std::vector<fm::Weights> weight_sets() {
    std::vector<fm::Weights> sets{fm::Weights{}};
    fm::Weights no_category;  // pruning by category cannot help: every pair goes through pass 2
    no_category.category = 0;
    sets.push_back(no_category);
    fm::Weights light_category;  // the no-overlap bound is often beaten only narrowly
    light_category.category = 8;
    light_category.hs_group_credit = 100;
    sets.push_back(light_category);
    fm::Weights heavy;
    heavy.category = 100;
    heavy.hs_group_credit = 0;
    heavy.interpreter_credit = 0;
    sets.push_back(heavy);
    fm::Weights coarse;  // few distinct scores: many ties
    for (fm::Part p : fm::all_parts) coarse.weight(p) = 0;
    coarse.category = 1;
    coarse.buyer_type = 1;
    sets.push_back(coarse);
    return sets;
}

}  // namespace

class TopKProperties : public ::testing::TestWithParam<int> {
protected:
    fm::Scorer scorer() const { return fm::Scorer(weight_sets()[static_cast<std::size_t>(GetParam())]); }
};

TEST_P(TopKProperties, PrunedEqualsExhaustiveForOneImporter) {
    const auto pop = fm::random_population(400, 300, 100 + static_cast<std::uint64_t>(GetParam()));
    const auto s = scorer();
    for (std::size_t k : {1U, 7U, 20U, 150U}) {
        for (std::uint32_t i = 0; i < pop.importer_count(); ++i) {
            const auto pruned = fm::top_exhibitors_for(pop, s, i, {.k = k});
            const auto exhaustive = fm::top_exhibitors_for(pop, s, i, {.k = k, .prune = false});
            ASSERT_EQ(pruned, exhaustive) << "importer " << i << " k " << k;
            ASSERT_EQ(pruned, naive_for_importer(pop, s, i, k)) << "importer " << i << " k " << k;
        }
    }
}

TEST_P(TopKProperties, PrunedEqualsExhaustiveForOneExhibitor) {
    const auto pop = fm::random_population(200, 600, 200 + static_cast<std::uint64_t>(GetParam()));
    const auto s = scorer();
    for (std::size_t k : {1U, 20U, 300U}) {
        for (std::uint32_t e = 0; e < pop.exhibitor_count(); ++e) {
            const auto pruned = fm::top_importers_for(pop, s, e, {.k = k});
            ASSERT_EQ(pruned, fm::top_importers_for(pop, s, e, {.k = k, .prune = false})) << e;
            ASSERT_EQ(pruned, naive_for_exhibitor(pop, s, e, k)) << e;
        }
    }
}

TEST_P(TopKProperties, AllParticipantsBothDirectionsEqualExhaustive) {
    const auto pop = fm::random_population(300, 700, 300 + static_cast<std::uint64_t>(GetParam()));
    const auto s = scorer();
    const auto exhaustive = fm::top_k_all(pop, s, fm::Direction::both, {.k = 20, .prune = false});
    for (unsigned threads : {1U, 2U, 3U, 8U}) {
        const auto both = fm::top_k_all(pop, s, fm::Direction::both, {.k = 20, .threads = threads});
        expect_same_lists(both.for_importers, exhaustive.for_importers);
        expect_same_lists(both.for_exhibitors, exhaustive.for_exhibitors);
        const auto imp = fm::top_k_all(pop, s, fm::Direction::exhibitors_for_importers, {.k = 20, .threads = threads});
        expect_same_lists(imp.for_importers, exhaustive.for_importers);
        EXPECT_EQ(imp.for_exhibitors.size(), 0U);
        const auto exh = fm::top_k_all(pop, s, fm::Direction::importers_for_exhibitors, {.k = 20, .threads = threads});
        expect_same_lists(exh.for_exhibitors, exhaustive.for_exhibitors);
        EXPECT_EQ(exh.for_importers.size(), 0U);
    }
    for (std::uint32_t i = 0; i < pop.importer_count(); i += 37)
        EXPECT_EQ(to_vector(exhaustive.for_importers[i]), naive_for_importer(pop, s, i, 20));
    for (std::uint32_t e = 0; e < pop.exhibitor_count(); e += 23)
        EXPECT_EQ(to_vector(exhaustive.for_exhibitors[e]), naive_for_exhibitor(pop, s, e, 20));
}

INSTANTIATE_TEST_SUITE_P(WeightSets, TopKProperties, ::testing::Range(0, 5));

TEST(TopK, ManyRandomImportersAcrossSeeds) {
    const fm::Scorer s;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const auto pop = fm::random_population(1250, 400, seed);
        for (std::uint32_t i = 0; i < pop.importer_count(); ++i)
            ASSERT_EQ(fm::top_exhibitors_for(pop, s, i), fm::top_exhibitors_for(pop, s, i, {.prune = false}))
                << "seed " << seed << " importer " << i;
    }
}

TEST(TopK, ThreadCountDoesNotChangeResults) {
    const auto pop = fm::random_population(700, 1500, 77);
    const fm::Scorer s;
    const auto one = fm::top_k_all(pop, s, fm::Direction::both, {.k = 10, .threads = 1});
    for (unsigned threads : {2U, 4U, 7U, 0U}) {
        const auto many = fm::top_k_all(pop, s, fm::Direction::both, {.k = 10, .threads = threads});
        expect_same_lists(many.for_importers, one.for_importers);
        expect_same_lists(many.for_exhibitors, one.for_exhibitors);
    }
    const auto imp1 = fm::top_k_all(pop, s, fm::Direction::exhibitors_for_importers, {.k = 10, .threads = 1});
    const auto imp3 = fm::top_k_all(pop, s, fm::Direction::exhibitors_for_importers, {.k = 10, .threads = 3});
    EXPECT_EQ(imp1.pairs_scored, imp3.pairs_scored);  // one side: even the work done is the same
}

TEST(TopK, PruningSkipsWork) {
    const auto pop = fm::random_population(1250, 3200, 2024);
    const fm::Scorer s;
    const auto pruned = fm::top_k_all(pop, s, fm::Direction::exhibitors_for_importers, {.k = 20});
    const auto exhaustive = fm::top_k_all(pop, s, fm::Direction::exhibitors_for_importers, {.k = 20, .prune = false});
    expect_same_lists(pruned.for_importers, exhaustive.for_importers);
    EXPECT_LT(pruned.pairs_scored * 4, exhaustive.pairs_scored);
}

TEST(TopK, ListsAreSortedAndNeverHoldExcludedPairs) {
    const auto pop = fm::random_population(200, 200, 5);
    const fm::Scorer s;
    const auto all = fm::top_k_all(pop, s, fm::Direction::both, {.k = 15, .threads = 2});
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i) {
        const auto list = all.for_importers[i];
        for (std::size_t r = 0; r < list.size(); ++r) {
            EXPECT_FALSE(s.score(pop, i, list[r].index).excluded);
            EXPECT_EQ(s.score(pop, i, list[r].index).key, list[r].key);
            if (r > 0) {
                EXPECT_TRUE(list[r - 1].key > list[r].key ||
                            (list[r - 1].key == list[r].key && list[r - 1].index < list[r].index));
            }
        }
    }
}

TEST(TopK, TiesGoToTheLowerId) {
    fm::Population pop;
    fm::ImporterProfile m;
    m.id = 1;
    m.categories = {3};
    pop.add_importer(m);
    fm::ImporterProfile stranger;  // shares no category with anyone: all in pass 2
    stranger.id = 2;
    stranger.categories = {9};
    pop.add_importer(stranger);
    for (int i = 0; i < 30; ++i) {
        fm::ExhibitorProfile e;
        e.id = 100 + i;
        e.categories = {3};
        pop.add_exhibitor(e);
    }
    const fm::Scorer s;
    for (bool prune : {true, false}) {
        for (std::uint32_t i : {0U, 1U}) {
            const auto top = fm::top_exhibitors_for(pop, s, i, {.k = 5, .prune = prune});
            ASSERT_EQ(top.size(), 5U);
            for (std::uint32_t r = 0; r < 5; ++r) EXPECT_EQ(top[r].index, r);
        }
        const auto top = fm::top_importers_for(pop, s, 17, {.k = 5, .prune = prune});
        ASSERT_EQ(top.size(), 2U);
        EXPECT_EQ(top[0].index, 0U);  // the one sharing the category
        EXPECT_GT(top[0].key, top[1].key);
    }
}

TEST(TopK, ShortListsAndEdgeCases) {
    fm::Population pop;
    const fm::Scorer s;
    EXPECT_EQ(fm::top_k_all(pop, s, fm::Direction::both).for_importers.size(), 0U);

    fm::ImporterProfile m;
    m.id = 1;
    m.categories = {1};
    m.required_certifications = {2};
    pop.add_importer(m);
    for (int i = 0; i < 6; ++i) {
        fm::ExhibitorProfile e;
        e.id = i + 1;
        e.categories = {static_cast<std::size_t>(i % 2 == 0 ? 1 : 5)};
        if (i != 3) e.certifications = {2};  // exhibitor 3 is excluded
        pop.add_exhibitor(e);
    }
    const auto all = fm::top_k_all(pop, s, fm::Direction::both, {.k = 20, .threads = 4});
    ASSERT_EQ(all.for_importers.size(), 1U);
    ASSERT_EQ(all.for_exhibitors.size(), 6U);
    EXPECT_EQ(all.for_importers[0].size(), 5U);  // 6 exhibitors, one excluded
    EXPECT_EQ(all.for_exhibitors[3].size(), 0U);
    EXPECT_EQ(all.for_exhibitors[0].size(), 1U);
    EXPECT_TRUE(fm::top_exhibitors_for(pop, s, 0, {.k = 0}).empty());
    EXPECT_EQ(fm::top_k_all(pop, s, fm::Direction::both, {.k = 0}).for_importers[0].size(), 0U);
    const auto top = fm::top_exhibitors_for(pop, s, 0, {.k = 20});
    ASSERT_EQ(top.size(), 5U);
    EXPECT_EQ(top[0].index, 0U);  // same category first, in id order
    EXPECT_EQ(top[1].index, 2U);
    EXPECT_EQ(top[2].index, 4U);
    EXPECT_EQ(top[0].score(), s.score(pop, 0, 0).score);
}

TEST(TopK, TiesAtTheHsGroupBoundGoToTheLowerId) {
    // With full credit for an HS group match, exhibitors making a sibling
    // category score exactly like those making the wanted one; the lower ids
    // (the siblings here) must win even though they are looked at last.
    fm::Taxonomy tax;
    tax.set_group(1, 7);
    tax.set_group(2, 7);
    fm::Population pop(tax);
    for (int i = 0; i < 10; ++i) {
        fm::ExhibitorProfile e;  // every other part full, so the scores sit at the bounds
        e.id = i + 1;
        e.categories = {static_cast<std::size_t>(i < 5 ? 2 : 1)};
        e.languages = {1};
        e.export_markets = {0};
        e.monthly_capacity = 1000;
        e.lead_time_days = 30;
        pop.add_exhibitor(e);
    }
    for (int i = 0; i < 10; ++i) {
        fm::ImporterProfile m;
        m.id = i + 1;
        m.categories = {static_cast<std::size_t>(i < 5 ? 2 : 1)};
        m.languages = {1};
        m.order_quantity = 100;
        m.max_lead_time_days = 60;
        pop.add_importer(m);
    }
    fm::Weights w;
    w.hs_group_credit = 100;
    const fm::Scorer s(w);
    const std::vector<std::uint32_t> first_five{0, 1, 2, 3, 4};
    auto indices = [](std::span<const fm::Match> list) {
        std::vector<std::uint32_t> out;
        for (const auto& m : list) out.push_back(m.index);
        return out;
    };
    for (auto direction : {fm::Direction::exhibitors_for_importers, fm::Direction::importers_for_exhibitors,
                           fm::Direction::both}) {
        const auto all = fm::top_k_all(pop, s, direction, {.k = 5});
        if (direction != fm::Direction::importers_for_exhibitors) {
            EXPECT_EQ(indices(all.for_importers[9]), first_five);  // wants 1: 5..9 exact, 0..4 through the group
        }
        if (direction != fm::Direction::exhibitors_for_importers) {
            EXPECT_EQ(indices(all.for_exhibitors[9]), first_five);
        }
    }
    EXPECT_EQ(indices(fm::top_exhibitors_for(pop, s, 9, {.k = 5})), first_five);
    EXPECT_EQ(s.score(pop, 9, 0).key, 10000);
    EXPECT_EQ(s.score(pop, 9, 9).key, 10000);
}

TEST(TopK, BuyersWithManyCategoriesUseTheSameRules) {
    // More than 8 wanted categories leaves the kernel's look-up table.
    fm::Rng rng(8);
    fm::Population pop(fm::synthetic_taxonomy());
    for (int j = 0; j < 300; ++j) pop.add_exhibitor(fm::random_exhibitor(rng, j + 1));
    for (int i = 0; i < 120; ++i) {
        auto m = fm::random_importer(rng, i + 1);
        const std::size_t extra = 6 + rng.below(20);
        for (std::size_t c = 0; c < extra; ++c) m.categories.set(rng.below(40));
        pop.add_importer(m);
    }
    for (const fm::Weights& w : weight_sets()) {
        const fm::Scorer s(w);
        for (std::uint32_t i = 0; i < pop.importer_count(); ++i) {
            for (std::uint32_t e = 0; e < pop.exhibitor_count(); e += 7) {
                ASSERT_EQ(s.score(pop, i, e).key, s.explain(pop, i, e).key);
            }
            ASSERT_EQ(fm::top_exhibitors_for(pop, s, i), naive_for_importer(pop, s, i, 20));
        }
        const auto all = fm::top_k_all(pop, s, fm::Direction::both, {.k = 20, .threads = 2});
        const auto ref = fm::top_k_all(pop, s, fm::Direction::both, {.k = 20, .prune = false});
        expect_same_lists(all.for_importers, ref.for_importers);
        expect_same_lists(all.for_exhibitors, ref.for_exhibitors);
    }
}
