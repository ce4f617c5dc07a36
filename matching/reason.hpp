#pragma once
// Why a part scored what it did, as a code plus typed arguments.
//
// The engine knows only indices, so an argument is a kind plus an integer:
// a number (a quantity or a day count) or an index into one of the caller's
// per-fair lists (categories, certifications, languages, countries, buyer
// types, price tiers). render_args() turns them into strings given those
// lists; the caller then words the reason in the reader's language, e.g.
// {code "moq_fits", args {"500", "2000"}} → "MOQ 500 ≤ your order of 2000".
//
// Codes and their arguments:
//   category_match            category…       exact categories the buyer wants and the exhibitor makes
//   category_hs_group_match   category…       wanted categories met only by another category of the same HS group
//   category_none             —               nothing in common
//   certification_held        certification…  every required certification is held
//   certification_none_required —
//   certification_missing     certification…  required but not held: the pair is excluded
//   price_tier_match          price_tier
//   price_tier_differs        price_tier(buyer) price_tier(exhibitor)
//   moq_none                  —               the exhibitor has no minimum order
//   moq_fits                  number(moq) number(order quantity)
//   moq_above_order           number(moq) number(order quantity)
//   order_quantity_unknown    —               the buyer did not state an order quantity
//   lead_time_fits            number(lead time) number(max lead time)
//   lead_time_too_long        number(lead time) number(max lead time)
//   lead_time_unknown         number(lead time) the buyer did not state a maximum
//   capacity_fits             number(monthly capacity) number(order quantity)
//   capacity_short            number(monthly capacity) number(order quantity)
//   capacity_unknown          —               the exhibitor did not state a capacity
//   language_shared           language…
//   interpreter_available     —               no shared language, but an interpreter
//   language_none             —
//   exported_to               country         has exported to the buyer's country
//   exported_elsewhere        number(count of export markets)
//   export_none               —
//   target_market             country         the exhibitor targets the buyer's country
//   target_markets_any        —               the exhibitor targets no country in particular
//   target_market_other       country         the buyer's country is not among its targets
//   buyer_type_targeted       buyer_type
//   buyer_types_any           —
//   buyer_type_other          buyer_type

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fairmatch::matching {

enum class ReasonCode : std::uint8_t {
    category_match,
    category_hs_group_match,
    category_none,
    certification_held,
    certification_none_required,
    certification_missing,
    price_tier_match,
    price_tier_differs,
    moq_none,
    moq_fits,
    moq_above_order,
    order_quantity_unknown,
    lead_time_fits,
    lead_time_too_long,
    lead_time_unknown,
    capacity_fits,
    capacity_short,
    capacity_unknown,
    language_shared,
    interpreter_available,
    language_none,
    exported_to,
    exported_elsewhere,
    export_none,
    target_market,
    target_markets_any,
    target_market_other,
    buyer_type_targeted,
    buyer_types_any,
    buyer_type_other,
};

// "category_match", "moq_fits", … (stable: the API and the UI strings use them).
std::string_view to_string(ReasonCode code);

enum class ArgKind : std::uint8_t { number, category, certification, language, country, buyer_type, price_tier };

std::string_view to_string(ArgKind kind);

struct Arg {
    ArgKind kind = ArgKind::number;
    std::int64_t value = 0;
    friend bool operator==(const Arg&, const Arg&) = default;
};

struct Reason {
    ReasonCode code{};
    std::vector<Arg> args;
    friend bool operator==(const Reason&, const Reason&) = default;
};

// The caller's per-fair lists, indexed as in the profiles: categories[i] is
// the code of category index i, and so on.
struct Vocabulary {
    std::vector<std::string> categories;
    std::vector<std::string> certifications;
    std::vector<std::string> languages;
    std::vector<std::string> countries;
    std::vector<std::string> buyer_types;
    std::vector<std::string> price_tiers{"budget", "mid", "premium", "luxury"};
};

// A number in decimal; an index as the vocabulary's string, or "#<index>"
// if the list has no such entry.
std::string render_arg(const Arg& arg, const Vocabulary& vocabulary);
std::vector<std::string> render_args(const Reason& reason, const Vocabulary& vocabulary);

}  // namespace fairmatch::matching
