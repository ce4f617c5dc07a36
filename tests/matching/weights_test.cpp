#include "matching/weights.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "matching/score.hpp"

namespace fm = fairmatch::matching;
using Errors = std::vector<fm::FieldError>;

TEST(Weights, DefaultsAreValid) { EXPECT_TRUE(fm::Weights{}.validate().empty()); }

TEST(Weights, NegativeAndTooLarge) {
    fm::Weights w;
    w.price = -1;
    w.language = 101;
    EXPECT_EQ(w.validate(), (Errors{{"price", "must not be negative"}, {"language", "must be at most 100"}}));
}

TEST(Weights, CreditsArePercentages) {
    fm::Weights w;
    w.hs_group_credit = -5;
    w.interpreter_credit = 101;
    w.other_market_credit = 100;
    EXPECT_EQ(w.validate(), (Errors{{"hs_group_credit", "must be between 0 and 100"},
                                    {"interpreter_credit", "must be between 0 and 100"}}));
}

fm::Weights all_zero() {
    fm::Weights w;
    for (fm::Part p : fm::all_parts) w.weight(p) = 0;
    return w;
}

TEST(Weights, AllZeroIsNotNormalisable) {
    EXPECT_EQ(all_zero().validate(), (Errors{{"weights", "at least one weight must be positive"}}));
}

TEST(Weights, EachViewNeedsAPositiveWeight) {
    fm::Weights only_exhibitor_side = all_zero();
    only_exhibitor_side.target_market = 10;
    only_exhibitor_side.buyer_type = 5;
    EXPECT_EQ(only_exhibitor_side.validate(),
              (Errors{{"weights",
                       "the importer's view needs a positive weight for category, certification, price, moq, "
                       "lead_time, capacity, language or export_experience"}}));

    fm::Weights only_importer_side = all_zero();
    only_importer_side.price = 10;
    only_importer_side.export_experience = 10;
    EXPECT_EQ(only_importer_side.validate(),
              (Errors{{"weights",
                       "the exhibitor's view needs a positive weight for category, moq, capacity, language, "
                       "target_market or buyer_type"}}));

    fm::Weights shared_only = all_zero();
    shared_only.language = 1;  // a part in both views is enough
    EXPECT_TRUE(shared_only.validate().empty());
}

TEST(Weights, ErrorsComeInFieldOrder) {
    fm::Weights w = all_zero();
    w.buyer_type = -2;
    w.category = 500;
    w.other_market_credit = 200;
    EXPECT_EQ(w.validate(), (Errors{{"category", "must be at most 100"},
                                    {"buyer_type", "must not be negative"},
                                    {"other_market_credit", "must be between 0 and 100"},
                                    {"weights", "at least one weight must be positive"}}));
}

TEST(Weights, BoundaryValuesAreValid) {
    fm::Weights w;
    for (fm::Part p : fm::all_parts) w.weight(p) = fm::max_weight;
    w.hs_group_credit = 0;
    w.interpreter_credit = 100;
    EXPECT_TRUE(w.validate().empty());
}

TEST(Weights, PartNamesMatchFields) {
    fm::Weights w;
    w.weight(fm::Part::lead_time) = 42;
    EXPECT_EQ(w.lead_time, 42);
    EXPECT_EQ(fm::to_string(fm::Part::export_experience), "export_experience");
    EXPECT_EQ(fm::to_string(fm::Part::target_market), "target_market");
    EXPECT_TRUE(fm::in_importer_view(fm::Part::certification));
    EXPECT_FALSE(fm::in_exhibitor_view(fm::Part::certification));
    EXPECT_TRUE(fm::in_exhibitor_view(fm::Part::buyer_type));
    EXPECT_FALSE(fm::in_importer_view(fm::Part::buyer_type));
}

TEST(Weights, ScorerRejectsInvalidWeights) {
    fm::Weights w;
    w.price = -1;
    try {
        fm::Scorer s(w);
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "invalid weights: price: must not be negative");
    }
    EXPECT_THROW(fm::Scorer{all_zero()}, std::invalid_argument);
}
