#include "matching/reason.hpp"

namespace fairmatch::matching {

std::string_view to_string(ReasonCode code) {
    switch (code) {
        case ReasonCode::category_match: return "category_match";
        case ReasonCode::category_hs_group_match: return "category_hs_group_match";
        case ReasonCode::category_none: return "category_none";
        case ReasonCode::certification_held: return "certification_held";
        case ReasonCode::certification_none_required: return "certification_none_required";
        case ReasonCode::certification_missing: return "certification_missing";
        case ReasonCode::price_tier_match: return "price_tier_match";
        case ReasonCode::price_tier_differs: return "price_tier_differs";
        case ReasonCode::moq_none: return "moq_none";
        case ReasonCode::moq_fits: return "moq_fits";
        case ReasonCode::moq_above_order: return "moq_above_order";
        case ReasonCode::order_quantity_unknown: return "order_quantity_unknown";
        case ReasonCode::lead_time_fits: return "lead_time_fits";
        case ReasonCode::lead_time_too_long: return "lead_time_too_long";
        case ReasonCode::lead_time_unknown: return "lead_time_unknown";
        case ReasonCode::capacity_fits: return "capacity_fits";
        case ReasonCode::capacity_short: return "capacity_short";
        case ReasonCode::capacity_unknown: return "capacity_unknown";
        case ReasonCode::language_shared: return "language_shared";
        case ReasonCode::interpreter_available: return "interpreter_available";
        case ReasonCode::language_none: return "language_none";
        case ReasonCode::exported_to: return "exported_to";
        case ReasonCode::exported_elsewhere: return "exported_elsewhere";
        case ReasonCode::export_none: return "export_none";
        case ReasonCode::target_market: return "target_market";
        case ReasonCode::target_markets_any: return "target_markets_any";
        case ReasonCode::target_market_other: return "target_market_other";
        case ReasonCode::buyer_type_targeted: return "buyer_type_targeted";
        case ReasonCode::buyer_types_any: return "buyer_types_any";
        case ReasonCode::buyer_type_other: return "buyer_type_other";
    }
    return "unknown";
}

std::string_view to_string(ArgKind kind) {
    switch (kind) {
        case ArgKind::number: return "number";
        case ArgKind::category: return "category";
        case ArgKind::certification: return "certification";
        case ArgKind::language: return "language";
        case ArgKind::country: return "country";
        case ArgKind::buyer_type: return "buyer_type";
        case ArgKind::price_tier: return "price_tier";
    }
    return "unknown";
}

std::string render_arg(const Arg& arg, const Vocabulary& v) {
    const std::vector<std::string>* list = nullptr;
    switch (arg.kind) {
        case ArgKind::number: return std::to_string(arg.value);
        case ArgKind::category: list = &v.categories; break;
        case ArgKind::certification: list = &v.certifications; break;
        case ArgKind::language: list = &v.languages; break;
        case ArgKind::country: list = &v.countries; break;
        case ArgKind::buyer_type: list = &v.buyer_types; break;
        case ArgKind::price_tier: list = &v.price_tiers; break;
    }
    if (list != nullptr && arg.value >= 0 && static_cast<std::uint64_t>(arg.value) < list->size())
        return (*list)[static_cast<std::size_t>(arg.value)];
    std::string unknown = "#";  // (not "#" + …: GCC 12 raises a false -Wrestrict on it)
    unknown += std::to_string(arg.value);
    return unknown;
}

std::vector<std::string> render_args(const Reason& reason, const Vocabulary& vocabulary) {
    std::vector<std::string> out;
    out.reserve(reason.args.size());
    for (const Arg& a : reason.args) out.push_back(render_arg(a, vocabulary));
    return out;
}

}  // namespace fairmatch::matching
