#include "matching/population.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "matching/random_population.hpp"

namespace fm = fairmatch::matching;

TEST(Taxonomy, GroupsAndExpand) {
    fm::Taxonomy t;
    EXPECT_EQ(t.same_group(5), (fm::Set64{5}));
    EXPECT_FALSE(t.group(5).has_value());
    t.set_group(1, 4602);
    t.set_group(2, 4602);
    t.set_group(7, 6913);
    EXPECT_EQ(t.group(1), 4602U);
    EXPECT_EQ(t.same_group(1), (fm::Set64{1, 2}));
    EXPECT_EQ(t.same_group(7), (fm::Set64{7}));
    EXPECT_EQ(t.expand(fm::Set64{2, 7, 9}), (fm::Set64{1, 2, 7, 9}));
    t.set_group(2, 6913);  // moving a category updates both groups
    EXPECT_EQ(t.same_group(1), (fm::Set64{1}));
    EXPECT_EQ(t.same_group(7), (fm::Set64{2, 7}));
    EXPECT_THROW(t.set_group(64, 1), std::out_of_range);
}

TEST(Population, RoundTripsProfiles) {
    fm::Rng rng(7);
    fm::Population pop(fm::synthetic_taxonomy());
    std::vector<fm::ExhibitorProfile> exh;
    std::vector<fm::ImporterProfile> imp;
    for (int i = 0; i < 50; ++i) {
        exh.push_back(fm::random_exhibitor(rng, 10 * i + 3));
        imp.push_back(fm::random_importer(rng, 7 * i + 1));
        EXPECT_EQ(pop.add_exhibitor(exh.back()), static_cast<std::uint32_t>(i));
        EXPECT_EQ(pop.add_importer(imp.back()), static_cast<std::uint32_t>(i));
    }
    ASSERT_EQ(pop.exhibitor_count(), 50U);
    ASSERT_EQ(pop.importer_count(), 50U);
    for (std::uint32_t i = 0; i < 50; ++i) {
        EXPECT_EQ(pop.exhibitor(i), exh[i]);
        EXPECT_EQ(pop.importer(i), imp[i]);
        EXPECT_EQ(pop.find_exhibitor(exh[i].id), i);
        EXPECT_EQ(pop.find_importer(imp[i].id), i);
        EXPECT_EQ(pop.exhibitor_columns().categories_hs[i], pop.taxonomy().expand(exh[i].categories).word(0));
    }
    EXPECT_FALSE(pop.find_exhibitor(4).has_value());
    EXPECT_FALSE(pop.find_importer(0).has_value());
}

TEST(Population, RejectsBadInputAndStaysUnchanged) {
    fm::Population pop;
    fm::ExhibitorProfile e;
    e.id = 5;
    pop.add_exhibitor(e);
    EXPECT_THROW(pop.add_exhibitor(e), std::invalid_argument);  // same id
    e.id = 4;
    EXPECT_THROW(pop.add_exhibitor(e), std::invalid_argument);  // decreasing
    e.id = 6;
    e.price_tier = 4;
    EXPECT_THROW(pop.add_exhibitor(e), std::invalid_argument);
    EXPECT_EQ(pop.exhibitor_count(), 1U);

    fm::ImporterProfile m;
    m.id = 1;
    m.buyer_type = 64;
    EXPECT_THROW(pop.add_importer(m), std::invalid_argument);
    m.buyer_type = 63;
    m.price_tier = 9;
    EXPECT_THROW(pop.add_importer(m), std::invalid_argument);
    EXPECT_EQ(pop.importer_count(), 0U);
}
