#pragma once
// Reasons of the matching engine worded for people, in Vietnamese or
// English, with codes turned into names (categories, countries, ...).

#include <string>
#include <string_view>

#include "matching/reason.hpp"
#include "server/domain/reference_data.hpp"

namespace fairmatch::server::recommend {

// `lang` is "vi" or "en" (anything else: English).
std::string reason_text(const matching::Reason& reason, const matching::Vocabulary& vocabulary,
                        const ReferenceData& reference, std::string_view lang);

}  // namespace fairmatch::server::recommend
