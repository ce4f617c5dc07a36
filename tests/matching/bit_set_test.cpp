#include "matching/bit_set.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace fm = fairmatch::matching;

TEST(BitSet, SetTestResetCount) {
    fm::Set256 s;
    EXPECT_TRUE(s.none());
    s.set(0).set(63).set(64).set(255);
    EXPECT_TRUE(s.test(0));
    EXPECT_TRUE(s.test(63));
    EXPECT_TRUE(s.test(64));
    EXPECT_TRUE(s.test(255));
    EXPECT_FALSE(s.test(1));
    EXPECT_EQ(s.count(), 4U);
    s.reset(63);
    EXPECT_FALSE(s.test(63));
    EXPECT_EQ(s.count(), 3U);
    EXPECT_EQ(s.word(1), 1U);
}

TEST(BitSet, OutOfRangeThrows) {
    fm::Set64 s;
    EXPECT_THROW(s.set(64), std::out_of_range);
    EXPECT_THROW((void)s.test(64), std::out_of_range);
    EXPECT_THROW((fm::Set64{1, 64}), std::out_of_range);
}

TEST(BitSet, Algebra) {
    const fm::Set64 a{1, 2, 3};
    const fm::Set64 b{3, 4};
    EXPECT_EQ((a & b), (fm::Set64{3}));
    EXPECT_EQ((a | b), (fm::Set64{1, 2, 3, 4}));
    EXPECT_EQ((a - b), (fm::Set64{1, 2}));
    EXPECT_TRUE(a.intersects(b));
    EXPECT_FALSE((fm::Set64{1}).intersects(fm::Set64{2}));
    EXPECT_TRUE((fm::Set64{1, 2}).is_subset_of(a));
    EXPECT_FALSE(b.is_subset_of(a));
    EXPECT_TRUE(fm::Set64{}.is_subset_of(a));
}

TEST(BitSet, ForEachVisitsInOrder) {
    const fm::Set256 s{200, 3, 64, 70};
    std::vector<std::size_t> seen;
    s.for_each([&](std::size_t b) { seen.push_back(b); });
    EXPECT_EQ(seen, (std::vector<std::size_t>{3, 64, 70, 200}));
}
