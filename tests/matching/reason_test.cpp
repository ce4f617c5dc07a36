#include "matching/reason.hpp"

#include <gtest/gtest.h>

#include "matching/random_population.hpp"

namespace fm = fairmatch::matching;

TEST(Reason, CodesHaveStableNames) {
    EXPECT_EQ(fm::to_string(fm::ReasonCode::category_match), "category_match");
    EXPECT_EQ(fm::to_string(fm::ReasonCode::certification_missing), "certification_missing");
    EXPECT_EQ(fm::to_string(fm::ReasonCode::moq_fits), "moq_fits");
    EXPECT_EQ(fm::to_string(fm::ReasonCode::language_shared), "language_shared");
    EXPECT_EQ(fm::to_string(fm::ReasonCode::exported_to), "exported_to");
    EXPECT_EQ(fm::to_string(fm::ReasonCode::buyer_type_other), "buyer_type_other");
    EXPECT_EQ(fm::to_string(fm::ArgKind::country), "country");
}

TEST(Reason, RendersArgsThroughTheVocabulary) {
    const auto v = fm::synthetic_vocabulary();
    using K = fm::ArgKind;
    EXPECT_EQ(fm::render_args({fm::ReasonCode::moq_fits, {{K::number, 500}, {K::number, 2000}}}, v),
              (std::vector<std::string>{"500", "2000"}));
    EXPECT_EQ(fm::render_args({fm::ReasonCode::category_match, {{K::category, 4}}}, v),
              (std::vector<std::string>{"ceramic_vase"}));
    EXPECT_EQ(fm::render_args({fm::ReasonCode::certification_held, {{K::certification, 0}}}, v),
              (std::vector<std::string>{"BSCI"}));
    EXPECT_EQ(fm::render_args({fm::ReasonCode::language_shared, {{K::language, 2}}}, v),
              (std::vector<std::string>{"fr"}));
    EXPECT_EQ(fm::render_args({fm::ReasonCode::exported_to, {{K::country, 3}}}, v),
              (std::vector<std::string>{"DE"}));
    EXPECT_EQ(fm::render_args({fm::ReasonCode::price_tier_differs, {{K::price_tier, 0}, {K::price_tier, 3}}}, v),
              (std::vector<std::string>{"budget", "luxury"}));
}

TEST(Reason, UnknownIndexRendersAsHashIndex) {
    const fm::Vocabulary empty;
    EXPECT_EQ(fm::render_arg({fm::ArgKind::certification, 17}, empty), "#17");
    EXPECT_EQ(fm::render_arg({fm::ArgKind::country, -1}, empty), "#-1");
    EXPECT_EQ(fm::render_arg({fm::ArgKind::number, -1}, empty), "-1");
}
