#include "server/domain/reference_data.hpp"

#include <algorithm>
#include <array>

namespace fairmatch::server {

void ReferenceData::index() {
    category_index.clear();
    for (std::size_t i = 0; i < categories.size(); ++i) category_index.emplace(categories[i].code, i);
    country_set.clear();
    for (const auto& c : countries) country_set.insert(c.code);
    province_set.clear();
    for (const auto& p : provinces) province_set.insert(p.code);
    certification_set.clear();
    for (const auto& c : certifications) certification_set.insert(c.code);
}

namespace {
// ISO 639-1 (183 codes).
constexpr std::array<std::string_view, 183> kLanguages = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm", "bn", "bo",
    "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo",
    "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi",
    "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka",
    "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng",
    "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn",
    "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
    "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur",
    "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};

struct CurrencyInfo {
    std::string_view code;
    int minor;
};
// Active ISO 4217 currencies likely at a trade fair, with minor digits.
constexpr std::array<CurrencyInfo, 48> kCurrencies = {{
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BDT", 2}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0},
    {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2},
    {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"JPY", 0}, {"KHR", 2}, {"KRW", 0}, {"KWD", 3},
    {"LAK", 2}, {"LKR", 2}, {"MMK", 2}, {"MXN", 2}, {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"PEN", 2},
    {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"QAR", 2}, {"RON", 2}, {"RUB", 2}, {"SAR", 2}, {"SEK", 2},
    {"SGD", 2}, {"THB", 2}, {"TRY", 2}, {"TWD", 2}, {"UAH", 2}, {"USD", 2}, {"VND", 0}, {"ZAR", 2},
}};
}  // namespace

bool is_language_code(std::string_view code) {
    return std::binary_search(kLanguages.begin(), kLanguages.end(), code);
}

bool is_currency_code(std::string_view code) {
    return std::any_of(kCurrencies.begin(), kCurrencies.end(), [&](const CurrencyInfo& c) { return c.code == code; });
}

int currency_minor_digits(std::string_view code) {
    for (const auto& c : kCurrencies)
        if (c.code == code) return c.minor;
    return 2;
}

const std::vector<std::string_view>& price_tiers() {
    static const std::vector<std::string_view> v = {"budget", "mid", "premium", "luxury"};
    return v;
}
const std::vector<std::string_view>& buyer_types() {
    static const std::vector<std::string_view> v = {"wholesaler",        "retail_chain",    "e_commerce",
                                                    "interior_designer", "sourcing_agent",  "department_store",
                                                    "gift_shop"};
    return v;
}
const std::vector<std::string_view>& fair_statuses() {
    static const std::vector<std::string_view> v = {"draft", "open", "live", "closed"};
    return v;
}

}  // namespace fairmatch::server
