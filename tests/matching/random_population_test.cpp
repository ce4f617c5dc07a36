#include "matching/random_population.hpp"

#include <gtest/gtest.h>

namespace fm = fairmatch::matching;

TEST(RandomPopulation, DeterministicForASeed) {
    const auto a = fm::random_population(60, 90, 42);
    const auto b = fm::random_population(60, 90, 42);
    const auto c = fm::random_population(60, 90, 43);
    bool differs = false;
    for (std::uint32_t i = 0; i < 60; ++i) {
        EXPECT_EQ(a.exhibitor(i), b.exhibitor(i));
        differs = differs || !(a.exhibitor(i) == c.exhibitor(i));
    }
    for (std::uint32_t i = 0; i < 90; ++i) EXPECT_EQ(a.importer(i), b.importer(i));
    EXPECT_TRUE(differs);
}

TEST(RandomPopulation, KnownFirstDraws) {
    // Pins the generator: a change here changes every benchmark population.
    fm::Rng rng(1);
    EXPECT_EQ(rng.next(), 0xb3f2af6d0fc710c5ULL);
}

TEST(RandomPopulation, ShapesAreAsDocumented) {
    const auto pop = fm::random_population(1250, 3200, 2024);
    ASSERT_EQ(pop.exhibitor_count(), 1250U);
    ASSERT_EQ(pop.importer_count(), 3200U);
    const auto vocab = fm::synthetic_vocabulary();
    ASSERT_EQ(vocab.categories.size(), 40U);
    ASSERT_EQ(vocab.countries.size(), 40U);
    std::size_t requiring = 0, multi_category = 0;
    for (std::uint32_t i = 0; i < pop.exhibitor_count(); ++i) {
        const auto e = pop.exhibitor(i);
        EXPECT_EQ(e.id, static_cast<std::int64_t>(i + 1));
        EXPECT_GE(e.categories.count(), 1U);
        EXPECT_LE(e.categories.count(), 3U);
        EXPECT_TRUE(e.languages.test(0));  // vi
        EXPECT_GE(e.lead_time_days, 15);
        EXPECT_LE(e.lead_time_days, 120);
        e.categories.for_each([](std::size_t c) { EXPECT_LT(c, 40U); });
        e.export_markets.for_each([](std::size_t c) { EXPECT_LT(c, 40U); });
    }
    for (std::uint32_t i = 0; i < pop.importer_count(); ++i) {
        const auto m = pop.importer(i);
        EXPECT_GE(m.categories.count(), 1U);
        EXPECT_LE(m.categories.count(), 4U);
        EXPECT_LT(m.country, 40);
        EXPECT_LT(m.buyer_type, 6);
        if (m.required_certifications.any()) ++requiring;
        if (m.categories.count() > 1) ++multi_category;
    }
    // About 40% require a certification, about 60% want several categories.
    EXPECT_GT(requiring, 3200U * 30 / 100);
    EXPECT_LT(requiring, 3200U * 50 / 100);
    EXPECT_GT(multi_category, 3200U * 45 / 100);
}
