#include "matching/random_population.hpp"

#include <array>
#include <bit>
#include <span>
#include <string_view>
#include <utility>

namespace fairmatch::matching {

namespace {

struct CategoryDef {
    std::string_view code;
    std::uint32_t group;   // index into hs_groups
    std::uint32_t weight;  // popularity
};

// Groups 0..13 stand for HS 4602 basketwork, 6913 ceramic ornaments, 6912
// ceramic tableware, 4420 wooden ornaments, 4419 wooden tableware, 9403
// furniture, 5007 silk fabrics, 6304 furnishing articles, 7117 imitation
// jewellery, 9701 paintings, 6802 worked stone, 9601 worked shell and horn,
// 9405 lamps and lanterns, 4414 frames.

constexpr std::array<CategoryDef, 40> categories{{
    {"rattan_basket", 0, 9},         {"bamboo_basket", 0, 7},      {"seagrass_basket", 0, 6},
    {"water_hyacinth_basket", 0, 5}, {"ceramic_vase", 1, 9},       {"ceramic_figurine", 1, 4},
    {"ceramic_planter", 1, 5},       {"ceramic_tableware", 2, 8},  {"ceramic_tea_set", 2, 4},
    {"wood_carving", 3, 5},          {"wooden_box", 3, 3},         {"wooden_statue", 3, 3},
    {"wooden_tableware", 4, 4},      {"coconut_shell_bowl", 4, 2}, {"rattan_furniture", 5, 5},
    {"bamboo_furniture", 5, 4},      {"wooden_furniture", 5, 5},   {"lacquer_furniture", 5, 3},
    {"silk_fabric", 6, 5},           {"silk_scarf", 6, 4},         {"brocade", 6, 2},
    {"embroidered_cushion", 7, 4},   {"table_linen", 7, 3},        {"wall_hanging", 7, 2},
    {"hand_embroidery", 7, 4},       {"horn_jewellery", 8, 2},     {"bead_jewellery", 8, 3},
    {"lacquer_jewellery", 8, 2},     {"dong_ho_painting", 9, 2},   {"lacquer_painting", 9, 4},
    {"silk_painting", 9, 2},         {"stone_carving", 10, 2},     {"marble_statue", 10, 1},
    {"mother_of_pearl_inlay", 11, 2}, {"horn_ware", 11, 2},        {"rattan_lamp", 12, 4},
    {"paper_lantern", 12, 3},        {"silk_lantern", 12, 3},      {"photo_frame", 13, 3},
    {"mirror_frame", 13, 2},
}};

constexpr std::array<std::string_view, 12> certifications{
    "BSCI", "FSC", "ISO9001", "SMETA", "FAIR_TRADE", "WFTO", "GOTS", "OEKO_TEX", "LFGB", "FDA", "ISO14001", "SA8000",
};
// Percent of exhibitors holding each certification.
constexpr std::array<unsigned, 12> certification_held_percent{30, 18, 22, 12, 8, 5, 4, 6, 7, 8, 6, 4};
// How often buyers require each one.
constexpr std::array<std::uint32_t, 12> certification_required_weight{35, 20, 15, 10, 6, 2, 2, 3, 6, 8, 2, 1};

constexpr std::array<std::string_view, 16> languages{
    "vi", "en", "fr", "de", "ja", "ko", "zh", "es", "it", "nl", "ru", "ar", "th", "pt", "sv", "pl",
};
enum : std::uint8_t { vi, en, fr, de, ja, ko, zh, es, it, nl, ru, ar, th, pt, sv, pl };

struct CountryDef {
    std::string_view code;
    std::uint8_t language;
    std::uint32_t weight;
};

constexpr std::array<CountryDef, 40> countries{{
    {"US", en, 14}, {"JP", ja, 9}, {"KR", ko, 6}, {"DE", de, 7}, {"FR", fr, 6}, {"GB", en, 5}, {"AU", en, 5},
    {"NL", nl, 4},  {"IT", it, 3}, {"ES", es, 3}, {"CN", zh, 5}, {"TW", zh, 3}, {"HK", zh, 2}, {"SG", en, 2},
    {"TH", th, 2},  {"MY", en, 2}, {"CA", en, 3}, {"BE", fr, 2}, {"SE", sv, 2}, {"DK", en, 1}, {"NO", en, 1},
    {"FI", en, 1},  {"PL", pl, 2}, {"CZ", en, 1}, {"AT", de, 1}, {"CH", de, 2}, {"RU", ru, 2}, {"AE", ar, 2},
    {"SA", ar, 1},  {"IN", en, 2}, {"ID", en, 1}, {"PH", en, 1}, {"NZ", en, 1}, {"BR", pt, 1}, {"MX", es, 1},
    {"CL", es, 1},  {"ZA", en, 1}, {"IL", en, 1}, {"TR", en, 1}, {"IE", en, 1},
}};

constexpr std::array<std::string_view, 6> buyer_types{
    "wholesaler", "retail_chain", "ecommerce", "interior_designer", "sourcing_agent", "importer_distributor",
};
constexpr std::array<std::uint32_t, 6> buyer_type_weight{30, 15, 20, 10, 15, 10};

constexpr std::array<std::uint32_t, 4> exhibitor_price_weight{30, 45, 20, 5};
constexpr std::array<std::uint32_t, 4> importer_price_weight{20, 45, 28, 7};

constexpr std::array<std::uint32_t, 8> moq_values{50, 100, 200, 300, 500, 1000, 2000, 5000};
constexpr std::array<std::uint32_t, 8> moq_weight{10, 15, 20, 15, 20, 10, 6, 4};
constexpr std::array<std::uint32_t, 13> order_values{100,  200,  300,  500,   800,   1000, 1500,
                                                     2000, 3000, 5000, 8000, 10000, 20000};
constexpr std::array<std::uint32_t, 13> order_weight{6, 8, 9, 12, 9, 12, 8, 10, 8, 8, 4, 4, 2};
constexpr std::array<std::uint32_t, 9> capacity_values{500, 1000, 2000, 3000, 5000, 10000, 20000, 50000, 100000};
constexpr std::array<std::uint32_t, 9> capacity_weight{6, 10, 14, 14, 18, 16, 12, 6, 4};

template <std::size_t N>
constexpr std::array<std::uint32_t, N> weights_of(const std::array<CategoryDef, N>& defs) {
    std::array<std::uint32_t, N> w{};
    for (std::size_t i = 0; i < N; ++i) w[i] = defs[i].weight;
    return w;
}
template <std::size_t N>
constexpr std::array<std::uint32_t, N> weights_of(const std::array<CountryDef, N>& defs) {
    std::array<std::uint32_t, N> w{};
    for (std::size_t i = 0; i < N; ++i) w[i] = defs[i].weight;
    return w;
}
constexpr auto category_weight = weights_of(categories);
constexpr auto country_weight = weights_of(countries);

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// An index drawn with probability proportional to its weight.
std::size_t pick(Rng& rng, std::span<const std::uint32_t> weights) {
    std::uint64_t total = 0;
    for (auto w : weights) total += w;
    std::uint64_t r = rng.below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (r < weights[i]) return i;
        r -= weights[i];
    }
    return weights.size() - 1;
}

// A category: with `related_percent` chance a group mate of `anchor` (when it
// has one), else by popularity.
std::size_t pick_category(Rng& rng, const Taxonomy& taxonomy, std::size_t anchor, unsigned related_percent) {
    if (rng.chance(related_percent)) {
        const Set64 mates = taxonomy.same_group(anchor);
        const auto n = mates.count();
        if (n > 1) {
            std::uint64_t r = rng.below(n);
            std::size_t chosen = anchor;
            mates.for_each([&](std::size_t c) {
                if (r-- == 0) chosen = c;
            });
            return chosen;
        }
    }
    return pick(rng, category_weight);
}

Set64 pick_categories(Rng& rng, std::size_t count, unsigned related_percent) {
    static const Taxonomy taxonomy = synthetic_taxonomy();
    Set64 s;
    const std::size_t first = pick(rng, category_weight);
    s.set(first);
    for (std::size_t tries = 0; s.count() < count && tries < 20; ++tries)
        s.set(pick_category(rng, taxonomy, first, related_percent));
    return s;
}

Set256 pick_countries(Rng& rng, std::size_t count) {
    Set256 s;
    for (std::size_t tries = 0; s.count() < count && tries < 40; ++tries) s.set(pick(rng, country_weight));
    return s;
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
    for (auto& w : s_) w = splitmix64(seed);
}

std::uint64_t Rng::next() {
    const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = std::rotl(s_[3], 45);
    return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Rejection sampling on the top bits: unbiased and platform-independent.
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
    for (;;) {
        const std::uint64_t r = next();
        if (r < limit) return r % n;
    }
}

Taxonomy synthetic_taxonomy() {
    Taxonomy t;
    for (std::size_t c = 0; c < categories.size(); ++c) t.set_group(c, categories[c].group);
    return t;
}

Vocabulary synthetic_vocabulary() {
    Vocabulary v;
    for (const auto& c : categories) v.categories.emplace_back(c.code);
    for (auto c : certifications) v.certifications.emplace_back(c);
    for (auto l : languages) v.languages.emplace_back(l);
    for (const auto& c : countries) v.countries.emplace_back(c.code);
    for (auto b : buyer_types) v.buyer_types.emplace_back(b);
    return v;
}

ExhibitorProfile random_exhibitor(Rng& rng, std::int64_t id) {
    ExhibitorProfile p;
    p.id = id;
    const std::size_t n_cat = 1 + pick(rng, std::array<std::uint32_t, 3>{50, 35, 15});
    p.categories = pick_categories(rng, n_cat, 60);
    for (std::size_t c = 0; c < certifications.size(); ++c)
        if (rng.chance(certification_held_percent[c])) p.certifications.set(c);
    p.languages.set(vi);
    if (rng.chance(65)) p.languages.set(en);
    constexpr std::array<std::pair<std::uint8_t, unsigned>, 7> extra{
        {{zh, 10}, {fr, 7}, {ja, 6}, {ko, 5}, {de, 3}, {es, 2}, {ru, 2}}};
    for (auto [lang, percent] : extra)
        if (rng.chance(percent)) p.languages.set(lang);
    if (!rng.chance(30)) p.export_markets = pick_countries(rng, 1 + rng.below(8));
    if (!rng.chance(40)) {
        p.target_markets = pick_countries(rng, 2 + rng.below(5));
        if (p.export_markets.any() && rng.chance(50)) p.target_markets |= p.export_markets;
    }
    if (!rng.chance(50)) {
        const std::size_t n = 1 + rng.below(3);
        for (std::size_t i = 0; i < n; ++i) p.target_buyer_types.set(pick(rng, buyer_type_weight));
    }
    p.price_tier = static_cast<std::uint8_t>(pick(rng, exhibitor_price_weight));
    p.moq = rng.chance(10) ? 0 : moq_values[pick(rng, moq_weight)];
    p.monthly_capacity = rng.chance(5) ? 0 : capacity_values[pick(rng, capacity_weight)];
    p.lead_time_days = static_cast<std::uint16_t>(15 + 5 * rng.below(22));
    p.interpreter = rng.chance(20);
    return p;
}

ImporterProfile random_importer(Rng& rng, std::int64_t id) {
    ImporterProfile p;
    p.id = id;
    const std::size_t country = pick(rng, country_weight);
    p.country = static_cast<std::uint8_t>(country);
    p.buyer_type = static_cast<std::uint8_t>(pick(rng, buyer_type_weight));
    const std::size_t n_cat = 1 + pick(rng, std::array<std::uint32_t, 4>{40, 30, 20, 10});
    p.categories = pick_categories(rng, n_cat, 50);
    const std::size_t n_req = pick(rng, std::array<std::uint32_t, 3>{60, 30, 10});
    for (std::size_t tries = 0; p.required_certifications.count() < n_req && tries < 10; ++tries)
        p.required_certifications.set(pick(rng, certification_required_weight));
    p.languages.set(countries[country].language);
    if (countries[country].language != en && rng.chance(75)) p.languages.set(en);
    p.price_tier = static_cast<std::uint8_t>(pick(rng, importer_price_weight));
    p.order_quantity = rng.chance(6) ? 0 : order_values[pick(rng, order_weight)];
    p.max_lead_time_days = rng.chance(6) ? 0 : static_cast<std::uint16_t>(30 + 10 * rng.below(13));
    p.interpreter = rng.chance(10);
    return p;
}

Population random_population(std::size_t n_exhibitors, std::size_t n_importers, std::uint64_t seed) {
    Population pop(synthetic_taxonomy());
    pop.reserve(n_exhibitors, n_importers);
    Rng rng(seed);
    for (std::size_t i = 0; i < n_exhibitors; ++i) pop.add_exhibitor(random_exhibitor(rng, static_cast<std::int64_t>(i + 1)));
    for (std::size_t i = 0; i < n_importers; ++i) pop.add_importer(random_importer(rng, static_cast<std::int64_t>(i + 1)));
    return pop;
}

}  // namespace fairmatch::matching
