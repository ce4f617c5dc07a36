#pragma once
// Reference data held in memory for validation: loaded once from the
// database at start-up (it changes only by migration).

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "server/domain/types.hpp"

namespace fairmatch::server {

struct ReferenceData {
    std::vector<Category> categories;
    std::vector<NamedCode> countries;
    std::vector<NamedCode> provinces;
    std::vector<NamedCode> certifications;

    bool is_category(std::string_view code) const { return category_index.count(std::string(code)) > 0; }
    bool is_country(std::string_view code) const { return country_set.count(std::string(code)) > 0; }
    bool is_province(std::string_view code) const { return province_set.count(std::string(code)) > 0; }
    bool is_certification(std::string_view code) const { return certification_set.count(std::string(code)) > 0; }
    // Builds the lookup sets from the vectors.
    void index();

    std::unordered_map<std::string, std::size_t> category_index;
    std::unordered_set<std::string> country_set, province_set, certification_set;
};

// ISO 639-1 two-letter language codes.
bool is_language_code(std::string_view code);
// Active ISO 4217 currency codes, and the number of minor digits.
bool is_currency_code(std::string_view code);
int currency_minor_digits(std::string_view code);

const std::vector<std::string_view>& price_tiers();   // budget, mid, premium, luxury
const std::vector<std::string_view>& buyer_types();   // wholesaler, retail_chain, ...
const std::vector<std::string_view>& fair_statuses(); // draft, open, live, closed

}  // namespace fairmatch::server
