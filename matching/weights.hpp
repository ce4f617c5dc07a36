#pragma once
// The parts of a fit score and the per-fair weights an organizer sets.
//
// Every part rates one aspect of an importer–exhibitor pair from 0 to 1000
// (per mille). Each side has a view made of some of the parts:
//
//   part               importer's view  exhibitor's view
//   category                 x                 x
//   certification            x                        (also a hard filter)
//   price                    x
//   moq                      x                 x
//   lead_time                x
//   capacity                 x                 x
//   language                 x                 x
//   export_experience        x
//   target_market                              x
//   buyer_type                                 x
//
// A view's score is round(100 * Σ w·value / (1000 * Σ w)) over its parts, and
// the pair's score is the harmonic mean of the two views (see score.hpp).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::matching {

enum class Part : std::uint8_t {
    category,
    certification,
    price,
    moq,
    lead_time,
    capacity,
    language,
    export_experience,
    target_market,
    buyer_type,
};

inline constexpr std::size_t part_count = 10;

inline constexpr std::array<Part, part_count> all_parts{
    Part::category, Part::certification,     Part::price,         Part::moq,        Part::lead_time,
    Part::capacity, Part::language,          Part::export_experience, Part::target_market, Part::buyer_type,
};

// "category", "certification", … (the field name in Weights).
std::string_view to_string(Part part);

constexpr bool in_importer_view(Part p) { return p != Part::target_market && p != Part::buyer_type; }
constexpr bool in_exhibitor_view(Part p) {
    return p == Part::category || p == Part::moq || p == Part::capacity || p == Part::language ||
           p == Part::target_market || p == Part::buyer_type;
}

// A field-level validation error: `field` is the Weights member's name (or
// "weights" for a rule about several of them), `message` is English text for
// the organizer.
struct FieldError {
    std::string field;
    std::string message;
    friend bool operator==(const FieldError&, const FieldError&) = default;
};

inline constexpr int max_weight = 100;

// One fair's weights. Integers so that scores are exact and reproducible.
struct Weights {
    // Weight of each part, 0..max_weight.
    int category = 35;
    int certification = 10;
    int price = 10;
    int moq = 10;
    int lead_time = 5;
    int capacity = 5;
    int language = 10;
    int export_experience = 5;
    int target_market = 10;
    int buyer_type = 10;

    // Percent (0..100) of an exact category match earned when the exhibitor
    // makes another category of the same HS group.
    int hs_group_credit = 50;
    // Percent (0..100) of a shared language earned when there is none but
    // either side has an interpreter.
    int interpreter_credit = 70;
    // Percent (0..100) of "exported to the buyer's country" earned when the
    // exhibitor has exported, but elsewhere.
    int other_market_credit = 30;

    int weight(Part p) const;
    int& weight(Part p);

    // Every problem, in field order; empty when the weights are usable:
    // each weight in 0..max_weight, each credit in 0..100, and each view with
    // at least one positive weight (else its score would be 0/0).
    std::vector<FieldError> validate() const;

    friend bool operator==(const Weights&, const Weights&) = default;
};

}  // namespace fairmatch::matching
