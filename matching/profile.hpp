#pragma once
// The engine's view of one exhibitor and one importer.
//
// The caller (server/api) converts a profile row into one of these: every
// code becomes a small dense index into a per-fair list it keeps (categories,
// certifications and languages 0..63, countries 0..255, buyer types 0..63),
// numbers are clamped into the field types, and 0 means "not stated" where
// the comment says so. The engine never sees a code string; reasons carry
// the indices back and the caller renders them (see reason.hpp).

#include <cstddef>
#include <cstdint>

#include "matching/bit_set.hpp"

namespace fairmatch::matching {

// Price tiers in increasing order: budget, mid, premium, luxury.
inline constexpr std::uint8_t price_tier_count = 4;
inline constexpr std::size_t max_buyer_types = 64;

struct ExhibitorProfile {
    std::int64_t id = 0;                // the caller's id; ties rank the lower id first
    Set64 categories;                   // what it makes
    Set64 certifications;               // what it holds
    Set64 languages;                    // what its staff at the booth speak
    Set256 export_markets;              // countries it has exported to before
    Set256 target_markets;              // countries it wants to sell to; empty = any
    Set64 target_buyer_types;           // buyer types it wants to meet; empty = any
    std::uint8_t price_tier = 1;        // 0..price_tier_count-1
    std::uint32_t moq = 0;              // minimum order quantity, units; 0 = no minimum
    std::uint32_t monthly_capacity = 0; // units per month; 0 = not stated
    std::uint16_t lead_time_days = 0;   // production lead time; 0 = from stock
    bool interpreter = false;           // an interpreter is at the booth

    friend bool operator==(const ExhibitorProfile&, const ExhibitorProfile&) = default;
};

struct ImporterProfile {
    std::int64_t id = 0;                  // the caller's id; ties rank the lower id first
    std::uint8_t country = 0;             // country index 0..255
    std::uint8_t buyer_type = 0;          // buyer type index 0..max_buyer_types-1
    Set64 categories;                     // what it wants to buy
    Set64 required_certifications;        // hard filter: a supplier must hold all of them
    Set64 languages;                      // what its delegates speak
    std::uint8_t price_tier = 1;          // 0..price_tier_count-1
    std::uint32_t order_quantity = 0;     // units per order; 0 = not stated
    std::uint16_t max_lead_time_days = 0; // 0 = not stated
    bool interpreter = false;             // brings its own interpreter

    friend bool operator==(const ImporterProfile&, const ImporterProfile&) = default;
};

}  // namespace fairmatch::matching
