// Demo fair generator. See demo_fair.hpp for the contract.
//
// Layout of this file:
//   1. PRNG and integer choice helpers
//   2. text helpers (ASCII folding, number formatting, lists)
//   3. reference data: provinces, materials, the product catalogue per
//      category, craft villages, Vietnamese person names, importer countries
//   4. the exhibitor and importer factories
//   5. the public functions

#include "server/demo/demo_fair.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace fairmatch::server::demo {
namespace {

using sv = std::string_view;

// ---------------------------------------------------------------------------
// 1. PRNG
// ---------------------------------------------------------------------------

constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Combines two values into a well-mixed 64-bit seed (for independent streams).
constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t s = a ^ (b * 0xD1B54A32D192ED03ULL);
    splitmix64(s);
    return splitmix64(s);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// xoshiro256** seeded through splitmix64; all choices are integer-only.
// Never draw twice within one expression (f(rng.a(), rng.b()), x() + y()):
// C++ leaves that order unspecified and GCC and Clang differ.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : s_) word = splitmix64(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n); n > 0. Rejection sampling, no modulo bias.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }

    // Uniform in [lo, hi]; lo <= hi.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // True with probability percent/100.
    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

    // True with probability permille/1000.
    bool chance_permille(int permille) { return static_cast<int>(below(1000)) < permille; }

    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(below(items.size()))];
    }

    // Index drawn with probability proportional to weights[i] (weights >= 0,
    // at least one positive).
    std::size_t weighted(const std::vector<int>& weights) {
        std::uint64_t total = 0;
        for (int w : weights) total += static_cast<std::uint64_t>(w);
        std::uint64_t r = below(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const auto w = static_cast<std::uint64_t>(weights[i]);
            if (r < w) return i;
            r -= w;
        }
        return weights.size() - 1;
    }

private:
    std::array<std::uint64_t, 4> s_{};
};

// Draws up to `count` distinct indices by weight (without replacement).
std::vector<std::size_t> weighted_distinct(Rng& rng, std::vector<int> weights, std::size_t count) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < count; ++k) {
        bool any = false;
        for (int w : weights) any = any || w > 0;
        if (!any) break;
        const std::size_t i = rng.weighted(weights);
        out.push_back(i);
        weights[i] = 0;
    }
    return out;
}

// ---------------------------------------------------------------------------
// 2. Text helpers
// ---------------------------------------------------------------------------

std::string to_lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Uppercases the first character when it is an ASCII letter.
std::string capitalize(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// 12345 -> "12.345" (sep '.') or "12,345" (sep ',').
std::string group_digits(std::int64_t n, char sep) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

// "a", "a và b", "a, b và c" (conjunction "và" / "and").
std::string join_list(const std::vector<std::string>& items, sv conjunction) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            if (i + 1 == items.size()) {
                out += ' ';
                out += conjunction;
                out += ' ';
            } else {
                out += ", ";
            }
        }
        out += items[i];
    }
    return out;
}

std::vector<sv> split(sv s, char sep) {
    std::vector<sv> out;
    while (!s.empty()) {
        const std::size_t p = s.find(sep);
        const sv part = s.substr(0, p);
        if (!part.empty()) out.push_back(part);
        if (p == sv::npos) break;
        s.remove_prefix(p + 1);
    }
    return out;
}

bool has_word(sv words, sv word) {
    for (sv w : split(words, ' '))
        if (w == word) return true;
    return false;
}

std::int64_t round_to(std::int64_t value, std::int64_t step) {
    if (step <= 1) return value;
    return (value + step / 2) / step * step;
}

}  // namespace


namespace {
// ---------------------------------------------------------------------------
// 3. Reference data
// ---------------------------------------------------------------------------

struct Province {
    sv code;
    sv name_vi;
    sv name_en;
};

// The 34 provincial-level units in force since 1 July 2025 (as in 0002).
constexpr Province kProvinces[] = {
    {"ha-noi", "Hà Nội", "Hanoi"},
    {"hue", "Huế", "Hue"},
    {"hai-phong", "Hải Phòng", "Hai Phong"},
    {"da-nang", "Đà Nẵng", "Da Nang"},
    {"ho-chi-minh", "Thành phố Hồ Chí Minh", "Ho Chi Minh City"},
    {"can-tho", "Cần Thơ", "Can Tho"},
    {"tuyen-quang", "Tuyên Quang", "Tuyen Quang"},
    {"lao-cai", "Lào Cai", "Lao Cai"},
    {"thai-nguyen", "Thái Nguyên", "Thai Nguyen"},
    {"phu-tho", "Phú Thọ", "Phu Tho"},
    {"bac-ninh", "Bắc Ninh", "Bac Ninh"},
    {"hung-yen", "Hưng Yên", "Hung Yen"},
    {"ninh-binh", "Ninh Bình", "Ninh Binh"},
    {"quang-tri", "Quảng Trị", "Quang Tri"},
    {"quang-ngai", "Quảng Ngãi", "Quang Ngai"},
    {"gia-lai", "Gia Lai", "Gia Lai"},
    {"khanh-hoa", "Khánh Hòa", "Khanh Hoa"},
    {"lam-dong", "Lâm Đồng", "Lam Dong"},
    {"dak-lak", "Đắk Lắk", "Dak Lak"},
    {"dong-nai", "Đồng Nai", "Dong Nai"},
    {"tay-ninh", "Tây Ninh", "Tay Ninh"},
    {"vinh-long", "Vĩnh Long", "Vinh Long"},
    {"dong-thap", "Đồng Tháp", "Dong Thap"},
    {"ca-mau", "Cà Mau", "Ca Mau"},
    {"an-giang", "An Giang", "An Giang"},
    {"cao-bang", "Cao Bằng", "Cao Bang"},
    {"dien-bien", "Điện Biên", "Dien Bien"},
    {"ha-tinh", "Hà Tĩnh", "Ha Tinh"},
    {"lai-chau", "Lai Châu", "Lai Chau"},
    {"lang-son", "Lạng Sơn", "Lang Son"},
    {"nghe-an", "Nghệ An", "Nghe An"},
    {"quang-ninh", "Quảng Ninh", "Quang Ninh"},
    {"thanh-hoa", "Thanh Hóa", "Thanh Hoa"},
    {"son-la", "Sơn La", "Son La"},
};

const Province& province(sv code) {
    for (const Province& p : kProvinces)
        if (p.code == code) return p;
    throw std::logic_error("demo: unknown province " + std::string(code));
}

// Certification codes, in the order they are listed on a profile.
constexpr sv kCertifications[] = {"OCOP3",  "OCOP4", "OCOP5",     "FSC",     "BSCI",     "SMETA", "SEDEX",
                                  "SA8000", "WFTO",  "FAIRTRADE", "ISO9001", "ISO14001", "GOTS",  "OEKO_TEX"};

int cert_rank(sv code) {
    for (std::size_t i = 0; i < std::size(kCertifications); ++i)
        if (kCertifications[i] == code) return static_cast<int>(i);
    throw std::logic_error("demo: unknown certification " + std::string(code));
}

// Material words (English, lowercase, as stored) with their Vietnamese names
// for descriptions.
struct Material {
    sv en;
    sv vi;
};
constexpr Material kMaterials[] = {
    {"clay", "đất sét"},
    {"porcelain", "sứ"},
    {"terracotta", "đất nung"},
    {"rattan", "mây"},
    {"synthetic rattan", "mây nhựa"},
    {"bamboo", "tre"},
    {"sedge", "cói"},
    {"water hyacinth", "lục bình"},
    {"palm leaf", "lá nón"},
    {"silk", "tơ tằm"},
    {"natural dyes", "thuốc nhuộm tự nhiên"},
    {"indigo", "chàm"},
    {"cotton", "vải bông"},
    {"linen", "vải lanh"},
    {"hemp", "sợi gai dầu (lanh)"},
    {"lacquer", "sơn ta"},
    {"eggshell", "vỏ trứng"},
    {"gold leaf", "vàng quỳ"},
    {"silver leaf", "bạc quỳ"},
    {"mother-of-pearl", "xà cừ"},
    {"wood", "gỗ"},
    {"jackfruit wood", "gỗ mít"},
    {"mango wood", "gỗ xoài"},
    {"padauk wood", "gỗ hương"},
    {"rosewood", "gỗ trắc"},
    {"ironwood", "gỗ lim"},
    {"teak", "gỗ tếch"},
    {"acacia wood", "gỗ keo"},
    {"longan wood", "gỗ nhãn"},
    {"coconut wood", "gỗ dừa"},
    {"fig wood", "gỗ sung"},
    {"buffalo horn", "sừng trâu"},
    {"coconut shell", "gáo dừa"},
    {"marble", "đá cẩm thạch"},
    {"granite", "đá hoa cương"},
    {"bluestone", "đá xanh"},
    {"bronze", "đồng"},
    {"brass", "đồng thau"},
    {"copper", "đồng đỏ"},
    {"silver", "bạc"},
    {"mulberry paper", "giấy dó"},
    {"paper", "giấy"},
    {"seashell powder", "bột điệp"},
    {"natural pigments", "màu tự nhiên"},
    {"agarwood", "trầm hương"},
    {"cinnamon", "quế"},
    {"herbs", "thảo mộc"},
    {"lemongrass", "sả"},
    {"soy wax", "sáp đậu nành"},
    {"beeswax", "sáp ong"},
    {"glass", "thủy tinh"},
    {"leather", "da bò"},
    {"iron", "sắt"},
};

sv material_vi(sv en) {
    for (const Material& m : kMaterials)
        if (m.en == en) return m.vi;
    throw std::logic_error("demo: unknown material " + std::string(en));
}

// --- Product catalogue -----------------------------------------------------
//
// A product name is  noun.vi + " " + modifier.vi [+ " " + suffix.vi]
//                    Modifier.en + " " + noun.en [+ " " + suffix.en]
// e.g. "Bình hoa men lam" + "vẽ sen"  /  "Blue-and-white vase with lotus motif".
// Items with a tag are only used by villages carrying that tag (their local
// speciality); untagged items are used by anyone.

struct Noun {
    sv vi;
    sv en;
    int min_cents;  // FOB price range at the "mid" tier, USD cents
    int max_cents;
    sv tag{};
};

struct Modifier {
    sv vi;
    sv en;
    sv materials;  // comma-separated material words
    sv tag{};
};

struct Suffix {
    sv vi;
    sv en;
    sv materials{};
    int price_pct = 100;  // sets and sizes change the price
};

struct CategoryDef {
    sv code;
    sv phrase_vi;  // lowercase, for running text
    sv phrase_en;
    int demand;  // relative share of importer interest
    sv flags;    // g: gift item, i: interior, w: wood/fibre (FSC), t: textile, f: furniture-sized
    std::vector<Noun> nouns;
    std::vector<Modifier> mods;
    std::vector<Suffix> suffixes;
};

bool has_flag(const CategoryDef& c, char flag) { return c.flags.find(flag) != sv::npos; }

// Hand-laid data table: keep clang-format away.
// clang-format off
const std::vector<CategoryDef>& catalogue() {
    static const std::vector<CategoryDef> defs = [] {
        const std::vector<Suffix> ceramic_motifs = {
            {"vẽ sen", "with lotus motif"},
            {"vẽ tre trúc", "with bamboo motif"},
            {"vẽ chim hạc", "with crane motif"},
            {"hoa văn cổ", "with classic pattern"},
            {"vẽ hoa cúc", "with chrysanthemum motif"},
            {"vẽ cá chép", "with carp motif"},
            {"vẽ phong cảnh làng quê", "with village landscape"},
        };
        const std::vector<Modifier> glazes = {
            {"men lam", "blue-and-white", "porcelain"},
            {"men rạn", "crackle-glazed", "clay"},
            {"men ngọc", "celadon", "porcelain"},
            {"men nâu", "brown-glazed", "clay"},
            {"men hỏa biến", "flambé-glazed", "clay"},
            {"men trắng", "white-glazed", "porcelain"},
            {"men xanh rêu", "moss-green glazed", "clay"},
            {"vẽ tay", "hand-painted", "porcelain"},
            {"men lam Chu Đậu", "Chu Dau blue-and-white", "clay", "chu_dau"},
            {"men trắng vẽ lam", "underglaze blue", "clay", "chu_dau"},
            {"men rạn cổ", "antique crackle-glazed", "clay", "bat_trang"},
            {"men lam Bát Tràng", "Bat Trang blue-and-white", "porcelain", "bat_trang"},
            {"đất nung", "terracotta", "terracotta", "terracotta"},
            {"gốm Chăm nung lộ thiên", "open-fired Cham", "terracotta", "cham"},
            {"men da lươn", "eel-skin glazed", "clay", "phu_lang"},
            {"men tro", "ash-glazed", "clay", "phu_lang"},
        };
        const std::vector<Suffix> basket_suffixes = {
            {"có nắp", "with lid"},
            {"có quai", "with handles"},
            {"bộ 3 chiếc", "(set of 3)", "", 250},
            {"lót vải", "with cotton lining", "cotton"},
            {"khung sắt", "with iron frame", "iron"},
        };
        const std::vector<Suffix> style_suffixes = {
            {"kiểu Đông Dương", "in Indochine style"},
            {"khảm trai", "with mother-of-pearl inlay", "mother-of-pearl"},
            {"chạm khắc tay", "with hand carving"},
            {"thiết kế tối giản", "in minimalist design"},
        };
        const std::vector<Suffix> set_suffixes = {
            {"bộ 3 chiếc", "(set of 3)", "", 250},
            {"bộ 6 chiếc", "(set of 6)", "", 450},
            {"kèm hộp quà", "in gift box"},
        };
        const std::vector<Modifier> painting_themes = {
            {"phong cảnh", "landscape", ""},
            {"phố cổ Hà Nội", "Hanoi Old Quarter", ""},
            {"hoa sen", "lotus", ""},
            {"thiếu nữ áo dài", "ao dai lady", ""},
            {"làng quê", "village scene", ""},
            {"cá chép", "koi", ""},
            {"chùa Một Cột", "One Pillar Pagoda", ""},
            {"Vịnh Hạ Long", "Ha Long Bay", ""},
        };
        auto with_materials = [](std::vector<Modifier> mods, sv materials) {
            for (Modifier& m : mods) m.materials = materials;
            return mods;
        };

        std::vector<CategoryDef> c;
        c.push_back({"ceramics.tableware", "gốm sứ gia dụng", "ceramic tableware", 9, "gi",
                     {{"Bộ ấm chén", "tea set", 1500, 5000},
                      {"Bát", "bowl", 150, 600},
                      {"Đĩa", "plate", 200, 900},
                      {"Cốc", "mug", 180, 700},
                      {"Bộ bát đĩa", "dinnerware set", 3000, 9500},
                      {"Ấm trà", "teapot", 500, 2000},
                      {"Hũ gia vị", "spice jar", 200, 700}},
                     glazes,
                     ceramic_motifs});
        {
            std::vector<Suffix> s = ceramic_motifs;
            s.push_back({"đắp nổi rồng", "with raised dragon"});
            c.push_back({"ceramics.ornaments", "gốm sứ trang trí", "decorative ceramics", 8, "gi",
                         {{"Bình hoa", "vase", 800, 4000},
                          {"Lọ lục bình", "baluster vase", 3000, 18000},
                          {"Đĩa trang trí", "decorative plate", 600, 3500},
                          {"Tượng gốm", "figurine", 500, 3500},
                          {"Chân nến", "candle holder", 250, 1200},
                          {"Hũ có nắp", "lidded jar", 900, 4500},
                          {"Bình Chăm", "water jar", 900, 4000, "cham"}},
                         glazes,
                         s});
        }
        c.push_back({"ceramics.garden", "gốm sân vườn", "garden pottery", 6, "i",
                     {{"Chậu cây", "planter", 400, 3000},
                      {"Chậu bonsai", "bonsai pot", 300, 2500},
                      {"Đôn sân vườn", "garden stool", 2500, 8000},
                      {"Lu", "garden jar", 2000, 9000},
                      {"Chậu treo", "hanging planter", 200, 900}},
                     {{"đất nung", "terracotta", "terracotta"},
                      {"men xanh ngọc", "turquoise-glazed", "clay"},
                      {"men nâu", "brown-glazed", "clay"},
                      {"men rạn", "crackle-glazed", "clay"},
                      {"giả đá", "stone-effect", "clay"},
                      {"men tro", "ash-glazed", "clay"},
                      {"đất nung Chăm", "Cham terracotta", "terracotta", "cham"},
                      {"đất nung mộc", "unglazed terracotta", "terracotta", "terracotta"},
                      {"đất nung giả cổ", "antique terracotta", "terracotta", "terracotta"},
                      {"gốm đỏ Mang Thít", "Mang Thit red clay", "terracotta", "mang_thit"},
                      {"men da lươn", "eel-skin glazed", "clay", "phu_lang"}},
                     {{"khắc hoa sen", "with carved lotus"},
                      {"hoa văn trống đồng", "with Dong Son drum pattern"},
                      {"cỡ lớn", "(large)", "", 180},
                      {"bộ 3 chiếc", "(set of 3)", "", 250}}});
        c.push_back({"basketry.rattan", "đồ mây đan", "rattan basketware", 9, "giw",
                     {{"Giỏ", "basket", 300, 1500},
                      {"Khay", "tray", 400, 1800},
                      {"Hộp đựng đồ", "storage box", 500, 2200},
                      {"Giỏ đựng đồ giặt", "laundry hamper", 900, 3200},
                      {"Giỏ dã ngoại", "picnic basket", 1200, 4000},
                      {"Bộ lót ly", "coaster set", 150, 600},
                      {"Làn", "shopping basket", 400, 1400}},
                     {{"mây đan", "woven rattan", "rattan"},
                      {"mây tự nhiên", "natural rattan", "rattan"},
                      {"mây nhuộm màu", "dyed rattan", "rattan"},
                      {"mây đan mắt cáo", "open-weave rattan", "rattan"},
                      {"mây lõi", "rattan core", "rattan"}},
                     basket_suffixes});
        c.push_back({"basketry.bamboo", "đồ tre đan", "bamboo basketware", 7, "giw",
                     {{"Giỏ", "basket", 250, 1200},
                      {"Khay", "tray", 300, 1400},
                      {"Rổ", "round basket", 150, 700},
                      {"Làn", "market basket", 300, 1200},
                      {"Hộp", "box", 300, 1500},
                      {"Đĩa đựng trái cây", "fruit bowl", 250, 1000},
                      {"Mành", "roller blind", 1500, 6000}},
                     {{"tre đan", "woven bamboo", "bamboo"},
                      {"tre hun khói", "smoked bamboo", "bamboo"},
                      {"giang đan", "woven giang bamboo", "bamboo"},
                      {"tre sơn mài", "lacquered bamboo", "bamboo,lacquer"},
                      {"tre tự nhiên", "natural bamboo", "bamboo"},
                      {"trúc", "slim bamboo", "bamboo", "xuan_lai"}},
                     {{"có nắp", "with lid"},
                      {"có quai", "with handles"},
                      {"bộ 3 chiếc", "(set of 3)", "", 250},
                      {"viền mây", "with rattan rim", "rattan"}}});
        c.push_back({"basketry.sedge", "đồ cói đan", "sedge basketware", 7, "gi",
                     {{"Giỏ", "basket", 250, 1200},
                      {"Hộp đựng đồ", "storage box", 400, 1600},
                      {"Giỏ đựng chậu cây", "plant basket", 300, 1300},
                      {"Giỏ đựng đồ giặt", "laundry hamper", 700, 2500},
                      {"Khay", "tray", 300, 1200}},
                     {{"cói đan", "woven sedge", "sedge"},
                      {"cói tự nhiên", "natural sedge", "sedge"},
                      {"cói nhuộm màu", "dyed sedge", "sedge"},
                      {"cói bện thừng", "rope-braided sedge", "sedge"},
                      {"cói Kim Sơn", "Kim Son sedge", "sedge", "kim_son"},
                      {"cói Nga Sơn", "Nga Son sedge", "sedge", "nga_son"}},
                     basket_suffixes});
        c.push_back({"basketry.water_hyacinth", "đồ lục bình đan", "water hyacinth basketware", 7, "gi",
                     {{"Giỏ", "basket", 300, 1300},
                      {"Hộp đựng đồ", "storage box", 400, 1700},
                      {"Giỏ đựng đồ giặt", "laundry hamper", 800, 2800},
                      {"Khay", "tray", 300, 1200},
                      {"Rương", "storage chest", 2500, 7000}},
                     {{"lục bình đan", "woven water hyacinth", "water hyacinth"},
                      {"lục bình bện", "braided water hyacinth", "water hyacinth"},
                      {"lục bình tự nhiên", "natural water hyacinth", "water hyacinth"}},
                     basket_suffixes});
        c.push_back({"mats.woven", "chiếu cói", "sedge mats", 5, "i",
                     {{"Chiếu", "mat", 500, 2500},
                      {"Thảm trải sàn", "floor rug", 1500, 8000},
                      {"Tấm lót bàn ăn", "placemat", 100, 400},
                      {"Thảm tròn", "round rug", 1200, 5000}},
                     {{"cói in hoa", "printed sedge", "sedge"},
                      {"cói dệt", "woven sedge", "sedge"},
                      {"cói nhuộm màu", "dyed sedge", "sedge"},
                      {"cói tự nhiên", "natural sedge", "sedge"},
                      {"cói Định Yên dệt hoa", "Dinh Yen patterned sedge", "sedge", "dinh_yen"}},
                     {{"viền vải", "with fabric border", "cotton"},
                      {"cỡ lớn", "(large)", "", 180},
                      {"bộ 6 chiếc", "(set of 6)", "", 450}}});
        c.push_back(
            {"bamboo.articles",
             "đồ tre mỹ nghệ",
             "bamboo articles",
             5,
             "gw",
             {{"Quạt", "hand fan", 80, 500},
              {"Bộ đũa", "chopstick set", 100, 500},
              {"Bộ ống hút", "drinking straw set", 80, 300},
              {"Cốc", "cup", 150, 500},
              {"Hộp bút", "pen holder", 150, 600},
              {"Quạt giấy", "paper fan", 80, 400, "fans"},
              {"Quạt lụa", "silk fan", 150, 700, "fans"}},
             {{"tre", "bamboo", "bamboo"},
              {"tre hun khói", "smoked bamboo", "bamboo"},
              {"tre khắc laser", "laser-engraved bamboo", "bamboo"},
              {"tre sơn mài", "lacquered bamboo", "bamboo,lacquer"},
              {"nan tre vẽ tay", "hand-painted bamboo-rib", "bamboo,paper", "fans"}},
             {{"cá nhân hóa theo yêu cầu", "(personalised on request)"}, {"kèm hộp quà", "in gift box"}}});
        c.push_back({"wood.carving", "tượng gỗ chạm khắc", "wood carvings", 6, "giw",
                     {{"Tượng Phật", "Buddha statue", 3000, 30000},
                      {"Tượng Di Lặc", "laughing Buddha statue", 2000, 15000},
                      {"Tượng cá chép", "carp sculpture", 1500, 8000},
                      {"Tranh chạm", "carved panel", 3000, 20000},
                      {"Tượng voi", "elephant figurine", 800, 5000},
                      {"Tượng Quan Âm", "Guanyin statue", 3000, 25000}},
                     {{"gỗ mít", "jackfruit wood", "jackfruit wood"},
                      {"gỗ xoài", "mango wood", "mango wood"},
                      {"gỗ hương", "padauk", "padauk wood"},
                      {"gỗ trắc", "rosewood", "rosewood"},
                      {"sơn son thếp vàng", "red-lacquered and gilded", "jackfruit wood,lacquer,gold leaf", "son_dong"},
                      {"gỗ mít sơn thếp", "gilded jackfruit wood", "jackfruit wood,gold leaf", "son_dong"}},
                     {{"chạm lộng", "with openwork carving"},
                      {"cỡ nhỏ", "(small)", "", 50},
                      {"cao 60 cm", "(60 cm tall)"},
                      {"cao 1,2 m", "(1.2 m tall)", "", 250}}});
        c.push_back({"wood.lacquerware", "đồ sơn mài", "lacquerware", 7, "giw",
                     {{"Bát", "bowl", 500, 2500},
                      {"Khay", "tray", 800, 4000},
                      {"Hộp", "box", 600, 3500},
                      {"Bình", "vase", 1500, 8000},
                      {"Đĩa", "plate", 500, 3000},
                      {"Bộ lót ly", "coaster set", 300, 1200}},
                     {{"sơn mài", "lacquer", "lacquer,wood"},
                      {"sơn mài khảm trứng", "eggshell-inlaid lacquer", "lacquer,eggshell,wood"},
                      {"sơn mài dát vàng", "gold-leaf lacquer", "lacquer,gold leaf,wood"},
                      {"sơn mài dát bạc", "silver-leaf lacquer", "lacquer,silver leaf,wood"},
                      {"sơn mài tre", "bamboo lacquer", "lacquer,bamboo"},
                      {"sơn mài khảm trai", "mother-of-pearl lacquer", "lacquer,mother-of-pearl,wood"}},
                     {{"màu đỏ son", "in vermilion"},
                      {"màu đen", "in black"},
                      {"bộ 3 chiếc", "(set of 3)", "", 250},
                      {"vẽ hoa sen", "with lotus motif"}}});
        c.push_back({"wood.tableware", "đồ gỗ nhà bếp", "wooden kitchenware", 5, "gw",
                     {{"Thớt", "cutting board", 400, 1500},
                      {"Bát", "bowl", 250, 1200},
                      {"Khay", "serving tray", 500, 2000},
                      {"Bộ thìa dĩa", "utensil set", 200, 800},
                      {"Hộp gia vị", "spice box", 300, 1200}},
                     {{"gỗ xoài", "mango wood", "mango wood"},
                      {"gỗ keo", "acacia wood", "acacia wood"},
                      {"gỗ dừa", "coconut wood", "coconut wood", "coconut"},
                      {"gỗ nhãn", "longan wood", "longan wood"},
                      {"tre ép", "pressed bamboo", "bamboo"}},
                     {{"tiện tay", "hand-turned"},
                      {"phủ dầu tự nhiên", "with natural oil finish"},
                      {"bộ 4 chiếc", "(set of 4)", "", 330}}});
        c.push_back({"wood.frames", "khung tranh gỗ", "wooden frames", 3, "giw",
                     {{"Khung ảnh", "photo frame", 200, 900},
                      {"Khung gương", "mirror frame", 1000, 5000},
                      {"Gương treo tường", "wall mirror", 1500, 6000}},
                     {{"gỗ mít", "jackfruit wood", "jackfruit wood"},
                      {"gỗ xoài", "mango wood", "mango wood"},
                      {"sơn mài", "lacquered", "lacquer,wood"},
                      {"gỗ chạm hoa", "flower-carved", "jackfruit wood"},
                      {"bọc mây", "rattan-wrapped", "rattan,wood"}},
                     {{"khảm trai", "with mother-of-pearl inlay", "mother-of-pearl"},
                      {"cỡ A4", "(A4)"},
                      {"bộ 3 chiếc", "(set of 3)", "", 250}}});
        c.push_back({"furniture.wood", "nội thất gỗ", "wooden furniture", 7, "iwf",
                     {{"Bàn trà", "coffee table", 6000, 30000},
                      {"Tủ", "cabinet", 15000, 80000},
                      {"Bộ bàn ghế", "table and chair set", 20000, 90000},
                      {"Kệ sách", "bookshelf", 8000, 35000},
                      {"Bàn ăn", "dining table", 15000, 60000},
                      {"Tủ chè", "tea cabinet", 20000, 100000},
                      {"Bình phong", "folding screen", 8000, 40000}},
                     {{"gỗ hương", "padauk", "padauk wood"},
                      {"gỗ trắc", "rosewood", "rosewood"},
                      {"gỗ lim", "ironwood", "ironwood"},
                      {"gỗ tếch", "teak", "teak"},
                      {"gỗ keo", "acacia wood", "acacia wood"},
                      {"gỗ mít", "jackfruit wood", "jackfruit wood"}},
                     style_suffixes});
        c.push_back({"furniture.rattan", "nội thất mây tre", "rattan furniture", 7, "iwf",
                     {{"Bàn trà", "coffee table", 4000, 15000},
                      {"Kệ", "shelf", 3000, 12000},
                      {"Tủ đầu giường", "bedside table", 3000, 10000},
                      {"Bàn ăn", "dining table", 8000, 25000},
                      {"Giường", "bed frame", 15000, 50000}},
                     {{"mây", "rattan", "rattan"},
                      {"tre", "bamboo", "bamboo"},
                      {"mây tre", "rattan and bamboo", "rattan,bamboo"},
                      {"mây nhựa", "synthetic rattan", "synthetic rattan,iron"}},
                     {{"khung sắt", "with iron frame", "iron"},
                      {"đan mắt cáo", "(open-weave)"},
                      {"kiểu Đông Dương", "in Indochine style"},
                      {"thiết kế tối giản", "in minimalist design"}}});
        c.push_back({"furniture.seating", "ghế thủ công", "handmade chairs", 6, "iwf",
                     {{"Ghế bành", "armchair", 5000, 20000},
                      {"Ghế đẩu", "stool", 1500, 5000},
                      {"Ghế thư giãn", "lounge chair", 8000, 30000},
                      {"Ghế ăn", "dining chair", 3000, 12000},
                      {"Ghế treo", "hanging chair", 8000, 28000},
                      {"Ghế sofa", "sofa", 20000, 80000}},
                     {{"mây", "rattan", "rattan"},
                      {"tre", "bamboo", "bamboo"},
                      {"gỗ tếch", "teak", "teak"},
                      {"mây nhựa", "synthetic rattan", "synthetic rattan,iron"},
                      {"gỗ keo", "acacia wood", "acacia wood"}},
                     {{"kèm nệm", "with cushion", "cotton"},
                      {"ngoài trời", "for outdoor use"},
                      {"kiểu Đông Dương", "in Indochine style"}}});
        c.push_back({"textiles.silk", "lụa tơ tằm", "silk fabrics", 6, "t",
                     {{"Lụa tơ tằm", "silk", 900, 3000},
                      {"Gấm", "silk brocade", 1500, 4500},
                      {"Đũi", "raw silk", 700, 2000},
                      {"Voan lụa", "silk chiffon", 1000, 3000},
                      {"Lãnh Mỹ A", "My A glossy black silk", 2000, 5000, "tan_chau"}},
                     {{"dệt tay", "hand-woven", "silk"},
                      {"nhuộm tự nhiên", "naturally dyed", "silk,natural dyes"},
                      {"hoa văn chìm", "jacquard-figured", "silk"},
                      {"trơn", "plain", "silk"},
                      {"in hoa", "printed", "silk"},
                      {"nhuộm trái mặc nưa", "ebony-fruit dyed", "silk,natural dyes", "tan_chau"}},
                     {{"khổ 90 cm", "(90 cm wide, per metre)"},
                      {"khổ 1,1 m", "(1.1 m wide, per metre)"},
                      {"bán theo mét", "(per metre)"}}});
        c.push_back({"textiles.scarves", "khăn choàng lụa", "silk scarves", 6, "gt",
                     {{"Khăn", "scarf", 600, 3000},
                      {"Khăn choàng", "shawl", 1200, 5000},
                      {"Khăn vuông", "square scarf", 500, 2000},
                      {"Khăn quàng cổ", "neck scarf", 500, 2200}},
                     {{"lụa tơ tằm", "silk", "silk"},
                      {"lụa vẽ tay", "hand-painted silk", "silk"},
                      {"lụa nhuộm chàm", "indigo-dyed silk", "silk,indigo"},
                      {"đũi", "raw silk", "silk"},
                      {"thổ cẩm", "brocade", "cotton"},
                      {"sợi lanh", "hemp", "hemp,indigo", "hmong"}},
                     {{"họa tiết hoa sen", "with lotus pattern"},
                      {"hoa văn trống đồng", "with bronze-drum pattern"},
                      {"kèm hộp quà", "in gift box"}}});
        c.push_back({"textiles.embroidery", "đồ thêu tay", "hand embroidery", 5, "git",
                     {{"Tranh", "picture", 2000, 20000},
                      {"Vỏ gối", "cushion cover", 400, 1500},
                      {"Khăn mùi soa", "handkerchief", 150, 600},
                      {"Túi thơm", "scented sachet", 150, 500}},
                     {{"thêu tay", "hand-embroidered", "cotton"},
                      {"thêu chỉ tơ", "silk-thread embroidered", "silk"},
                      {"thêu hai mặt", "double-sided embroidered", "silk"},
                      {"thêu chữ thập", "cross-stitch", "cotton"},
                      {"thêu Dao đỏ", "Red Dao embroidered", "cotton,indigo", "dao"},
                      {"thêu H'Mông", "Hmong embroidered", "hemp,indigo", "hmong"}},
                     {{"phong cảnh làng quê", "with village landscape"},
                      {"hoa sen", "with lotus design"},
                      {"phố cổ Hà Nội", "with Hanoi Old Quarter scene"},
                      {"hoa văn dân tộc", "with ethnic pattern"}}});
        c.push_back({"textiles.brocade", "thổ cẩm dệt tay", "hand-woven brocade", 5, "git",
                     {{"Tấm", "panel", 800, 4000},
                      {"Khăn trải bàn", "table runner", 800, 3000},
                      {"Vỏ gối", "cushion cover", 400, 1500},
                      {"Thảm treo tường", "wall hanging", 1500, 6000},
                      {"Vải", "cloth", 500, 1800}},
                     {{"thổ cẩm dệt tay", "hand-woven brocade", "cotton"},
                      {"thổ cẩm nhuộm tự nhiên", "naturally dyed brocade", "cotton,natural dyes"},
                      {"thổ cẩm H'Mông", "Hmong batik", "hemp,indigo", "hmong"},
                      {"thổ cẩm Thái", "Tai brocade", "cotton", "tai"},
                      {"thổ cẩm Chăm", "Cham brocade", "cotton", "cham"},
                      {"thổ cẩm Ê Đê", "Ede brocade", "cotton", "ede"},
                      {"thổ cẩm Ba Na", "Bahnar brocade", "cotton", "bahnar"},
                      {"thổ cẩm Dao", "Dao brocade", "cotton,indigo", "dao"},
                      {"vải lanh nhuộm chàm", "indigo hemp", "hemp,indigo", "hmong"}},
                     {{"họa tiết hình thoi", "with diamond pattern"},
                      {"màu chàm", "in indigo"},
                      {"khổ 40 x 150 cm", "(40 × 150 cm)"}}});
        c.push_back({"textiles.home", "đồ dệt trang trí nội thất", "furnishing textiles", 5, "it",
                     {{"Vỏ gối", "cushion cover", 300, 1500},
                      {"Rèm cửa", "curtain", 1500, 6000},
                      {"Chăn phủ", "throw", 2000, 7000},
                      {"Thảm treo tường", "wall hanging", 1500, 6000},
                      {"Khăn phủ giường", "bedspread", 3000, 9000}},
                     {{"lụa", "silk", "silk"},
                      {"vải lanh", "linen", "linen"},
                      {"vải bông", "cotton", "cotton"},
                      {"thêu tay", "hand-embroidered", "cotton"},
                      {"nhuộm chàm", "indigo-dyed", "cotton,indigo"},
                      {"đũi", "raw silk", "silk"}},
                     {{"họa tiết hoa sen", "with lotus pattern"},
                      {"kẻ sọc", "in stripes"},
                      {"bộ 2 chiếc", "(set of 2)", "", 180}}});
        c.push_back({"textiles.linen", "đồ vải gia dụng", "household linen", 4, "it",
                     {{"Khăn trải bàn", "tablecloth", 1500, 6000},
                      {"Bộ khăn ăn", "napkin set", 400, 1500},
                      {"Bộ ga gối", "bed linen set", 3000, 12000},
                      {"Khăn trải bàn dài", "table runner", 600, 2500}},
                     {{"vải lanh", "linen", "linen"},
                      {"vải bông", "cotton", "cotton"},
                      {"thêu tay", "hand-embroidered", "cotton"},
                      {"ren móc", "crocheted lace", "cotton"},
                      {"lụa", "silk", "silk"}},
                     {{"thêu hoa", "with floral embroidery"},
                      {"bộ 6 chiếc", "(set of 6)", "", 450},
                      {"viền ren", "with lace trim"}}});
        c.push_back({"bags.handbags", "túi xách thủ công", "handcrafted bags", 6, "gt",
                     {{"Túi xách", "handbag", 600, 3000},
                      {"Túi tote", "tote bag", 500, 2000},
                      {"Ví cầm tay", "clutch", 400, 1800},
                      {"Túi đeo chéo", "crossbody bag", 600, 2500}},
                     {{"cói", "sedge", "sedge", "sedge"},
                      {"cói đan", "woven sedge", "sedge", "sedge"},
                      {"mây", "rattan", "rattan", "rattan"},
                      {"thổ cẩm", "brocade", "cotton", "brocade"},
                      {"lục bình", "water hyacinth", "water hyacinth", "hyacinth"},
                      {"lụa", "silk", "silk", "silk"},
                      {"da bò", "leather", "leather", "leather"},
                      {"thổ cẩm H'Mông", "Hmong brocade", "hemp,indigo", "hmong"},
                      {"thổ cẩm Thái", "Tai brocade", "cotton", "tai"},
                      {"thổ cẩm Chăm", "Cham brocade", "cotton", "cham"},
                      {"thổ cẩm Dao", "Dao brocade", "cotton,indigo", "dao"},
                      {"thổ cẩm Ba Na", "Bahnar brocade", "cotton", "bahnar"},
                      {"thổ cẩm Ê Đê", "Ede brocade", "cotton", "ede"}},
                     {{"có khóa kéo", "with zip"},
                      {"quai da", "with leather handles", "leather"},
                      {"lót vải", "with cotton lining", "cotton"}}});
        c.push_back(
            {"leather.goods",
             "đồ da thủ công",
             "handmade leather goods",
             3,
             "g",
             {{"Ví", "wallet", 800, 3000},
              {"Thắt lưng", "belt", 800, 3000},
              {"Túi xách", "handbag", 3000, 12000},
              {"Bao hộ chiếu", "passport cover", 500, 1800},
              {"Cặp tài liệu", "briefcase", 5000, 15000}},
             {{"da bò", "cowhide", "leather"},
              {"da thuộc thảo mộc", "vegetable-tanned leather", "leather"},
              {"da khâu tay", "hand-stitched leather", "leather"}},
             {{"khắc tên theo yêu cầu", "with custom engraving"}, {"màu nâu bò", "in tan"}, {"màu đen", "in black"}}});
        c.push_back({"jewellery.imitation", "trang sức mỹ ký", "imitation jewellery", 4, "g",
                     {{"Vòng tay", "bracelet", 150, 800},
                      {"Vòng cổ", "necklace", 250, 1500},
                      {"Hoa tai", "earrings", 120, 700},
                      {"Nhẫn", "ring", 100, 500},
                      {"Trâm cài tóc", "hairpin", 150, 800}},
                     {{"đồng", "brass", "brass", "brass"},
                      {"hạt gỗ", "wooden bead", "mango wood", "wood"},
                      {"sơn mài", "lacquer", "lacquer,wood", "lacquer"},
                      {"hạt thủy tinh", "glass bead", "glass", "glass"},
                      {"sừng", "horn", "buffalo horn", "horn"},
                      {"gáo dừa", "coconut shell", "coconut shell", "coconut"},
                      {"đá cẩm thạch", "marble", "marble", "stone"}},
                     {{"mạ vàng", "(gold-plated)"},
                      {"khảm trai", "with mother-of-pearl", "mother-of-pearl"},
                      {"kèm hộp quà", "in gift box"}}});
        c.push_back({"jewellery.silver", "trang sức bạc", "silver jewellery", 3, "g",
                     {{"Vòng tay", "bracelet", 1500, 8000},
                      {"Nhẫn", "ring", 800, 4000},
                      {"Hoa tai", "earrings", 800, 4000},
                      {"Mặt dây chuyền", "pendant", 1000, 5000},
                      {"Vòng cổ", "necklace", 2000, 10000}},
                     {{"bạc", "silver", "silver"},
                      {"bạc chạm", "chased silver", "silver"},
                      {"bạc đính đá", "stone-set silver", "silver"},
                      {"bạc H'Mông", "Hmong silver", "silver", "hmong"}},
                     {{"hoa văn rồng", "with dragon motif"},
                      {"hoa sen", "with lotus motif"},
                      {"kèm hộp quà", "in gift box"}}});
        c.push_back(
            {"metal.silverware",
             "đồ bạc chạm khắc",
             "chased silverware",
             2,
             "gi",
             {{"Bộ ấm chén", "tea set", 20000, 90000},
              {"Khay", "tray", 8000, 40000},
              {"Bát", "bowl", 5000, 25000},
              {"Hộp trầu", "betel box", 5000, 20000},
              {"Bình", "vase", 10000, 50000}},
             {{"bạc chạm", "chased silver", "silver"},
              {"bạc chạm nổi", "repoussé silver", "silver"},
              {"đồng mạ bạc", "silver-plated copper", "copper,silver"}},
             {{"hoa văn rồng phượng", "with dragon and phoenix"}, {"hoa văn trống đồng", "with bronze-drum pattern"}}});
        c.push_back({"metal.bronze", "đồ đồng mỹ nghệ", "bronze ornaments", 4, "gi",
                     {{"Tượng Phật", "Buddha statue", 3000, 40000},
                      {"Lư hương", "incense burner", 2000, 15000},
                      {"Tranh", "relief picture", 2000, 12000},
                      {"Chân nến", "candlestick", 800, 3500},
                      {"Chuông", "bell", 1500, 20000},
                      {"Tượng ngựa", "horse statue", 2000, 12000},
                      {"Bình", "vase", 1500, 9000}},
                     {{"đồng", "bronze", "bronze"},
                      {"đồng thau", "brass", "brass"},
                      {"đồng đỏ", "copper", "copper"},
                      {"đồng giả cổ", "antique bronze", "bronze"},
                      {"đồng hun", "patinated bronze", "bronze"}},
                     {{"chạm hoa văn", "with engraved pattern"},
                      {"khảm bạc", "with silver inlay", "silver"},
                      {"cỡ lớn", "(large)", "", 180}}});
        c.push_back({"inlay.mother_of_pearl", "đồ khảm trai", "mother-of-pearl inlay", 4, "giw",
                     {{"Tranh", "picture", 3000, 30000},
                      {"Hộp trang sức", "jewellery box", 1500, 8000},
                      {"Khay", "tray", 1500, 6000},
                      {"Bình phong", "folding screen", 20000, 100000},
                      {"Hộp đựng trà", "tea caddy", 1000, 4000},
                      {"Bộ lót ly", "coaster set", 600, 2000}},
                     {{"khảm trai", "mother-of-pearl inlaid", "mother-of-pearl,wood"},
                      {"sơn mài khảm trai", "lacquer and mother-of-pearl", "lacquer,mother-of-pearl,wood"},
                      {"gỗ trắc khảm trai", "pearl-inlaid rosewood", "rosewood,mother-of-pearl"},
                      {"khảm ốc xà cừ", "abalone-inlaid", "mother-of-pearl,wood"}},
                     {{"phong cảnh", "with landscape"},
                      {"tùng hạc", "with pine and crane"},
                      {"tứ quý", "with four-seasons motif"},
                      {"hoa sen", "with lotus"}}});
        c.push_back({"horn.buffalo", "đồ sừng mỹ nghệ", "buffalo horn articles", 3, "g",
                     {{"Lược", "comb", 150, 600},
                      {"Bát", "bowl", 600, 2500},
                      {"Bộ thìa", "spoon set", 300, 1200},
                      {"Móc khóa", "key ring", 80, 300},
                      {"Hộp", "box", 800, 3000},
                      {"Tượng chim", "bird figurine", 800, 4000}},
                     {{"sừng", "horn", "buffalo horn"},
                      {"sừng đánh bóng", "polished horn", "buffalo horn"},
                      {"sừng vân đá", "marbled horn", "buffalo horn"},
                      {"sừng khắc", "carved horn", "buffalo horn"}},
                     {{"bộ 6 chiếc", "(set of 6)", "", 450},
                      {"kèm hộp quà", "in gift box"},
                      {"khảm trai", "with mother-of-pearl inlay", "mother-of-pearl"}}});
        c.push_back({"coconut.shell", "đồ thủ công từ dừa", "coconut crafts", 4, "g",
                     {{"Bát", "bowl", 150, 600},
                      {"Bộ thìa", "spoon set", 150, 500},
                      {"Cốc", "cup", 150, 500},
                      {"Đèn ngủ", "night lamp", 600, 2500},
                      {"Hộp", "box", 250, 1000}},
                     {{"gáo dừa", "coconut shell", "coconut shell"},
                      {"gáo dừa sơn mài", "lacquered coconut shell", "coconut shell,lacquer"},
                      {"gáo dừa khảm", "inlaid coconut shell", "coconut shell,mother-of-pearl"},
                      {"gỗ dừa", "coconut wood", "coconut wood"}},
                     {{"bộ 4 chiếc", "(set of 4)", "", 330},
                      {"kèm hộp quà", "in gift box"},
                      {"khắc hoa văn", "with carved pattern"}}});
        c.push_back(
            {"stone.carving",
             "đá mỹ nghệ",
             "carved stone",
             4,
             "i",
             {{"Tượng Phật", "Buddha statue", 5000, 60000},
              {"Tượng Quan Âm", "Guanyin statue", 5000, 60000},
              {"Đèn sân vườn", "garden lantern", 8000, 40000},
              {"Chậu", "planter", 3000, 20000},
              {"Tượng sư tử", "lion statue", 4000, 30000},
              {"Bình", "vase", 2000, 10000},
              {"Chặn giấy", "paperweight", 300, 1200}},
             {{"đá cẩm thạch", "marble", "marble"},
              {"đá hoa cương", "granite", "granite"},
              {"đá xanh", "bluestone", "bluestone"},
              {"đá cẩm thạch Non Nước", "Non Nuoc marble", "marble", "non_nuoc"},
              {"đá xanh Nhồi", "Nhoi bluestone", "bluestone", "nhoi"}},
             {{"chạm tay", "(hand-carved)"}, {"chạm rồng", "with dragon relief"}, {"cỡ nhỏ", "(small)", "", 50}}});
        c.push_back({"paper.do", "giấy dó", "dó paper", 3, "gw",
                     {{"Tập giấy", "paper pack (50 sheets)", 800, 3000},
                      {"Sổ tay", "notebook", 300, 1200},
                      {"Bộ thiệp", "greeting card set", 200, 800},
                      {"Bộ phong bì", "envelope set", 200, 700}},
                     {{"giấy dó", "dó paper", "mulberry paper"},
                      {"giấy dó in hoa", "printed dó paper", "mulberry paper"},
                      {"giấy điệp", "scallop-coated dó paper", "mulberry paper,seashell powder"},
                      {"giấy dó nhuộm màu", "dyed dó paper", "mulberry paper,natural dyes"}},
                     {{"bìa vải", "with fabric cover", "cotton"},
                      {"đóng gáy chỉ", "(thread-bound)"},
                      {"kèm hộp quà", "in gift box"}}});
        c.push_back({"art.dong_ho_prints", "tranh dân gian Đông Hồ", "Dong Ho folk prints", 3, "gi",
                     {{"Tranh Đám cưới chuột", "Mouse Wedding print", 300, 2000},
                      {"Tranh Lợn đàn", "Sow and Piglets print", 300, 2000},
                      {"Tranh Gà mái", "Hen and Chicks print", 300, 2000},
                      {"Tranh Vinh hoa", "Prosperity print", 300, 2000},
                      {"Tranh Hứng dừa", "Catching Coconuts print", 300, 2000},
                      {"Tranh Chăn trâu thổi sáo", "Buffalo Boy with Flute print", 300, 2000}},
                     {{"in tay", "hand-printed", "mulberry paper,seashell powder,natural pigments"},
                      {"trên giấy điệp", "scallop-paper", "mulberry paper,seashell powder,natural pigments"},
                      {"đóng khung", "framed", "mulberry paper,natural pigments,wood"},
                      {"khổ lớn", "large-format", "mulberry paper,seashell powder,natural pigments"}},
                     {{"bộ 4 tờ", "(set of 4)", "", 330}, {"khổ 30 x 40 cm", "(30 × 40 cm)"}}});
        c.push_back({"art.lacquer_paintings", "tranh sơn mài", "lacquer paintings", 4, "i",
                     {{"Tranh sơn mài", "lacquer painting", 3000, 40000}},
                     with_materials(painting_themes, "lacquer,wood"),
                     {{"khảm trứng", "with eggshell inlay", "eggshell"},
                      {"dát vàng", "with gold leaf", "gold leaf"},
                      {"bộ tứ bình", "(set of four panels)", "", 350},
                      {"khổ 60 x 90 cm", "(60 × 90 cm)"},
                      {"khổ 80 x 120 cm", "(80 × 120 cm)", "", 160}}});
        c.push_back(
            {"art.silk_paintings",
             "tranh lụa",
             "silk paintings",
             3,
             "i",
             {{"Tranh lụa", "silk painting", 2000, 20000}},
             with_materials(painting_themes, "silk,natural pigments"),
             {{"khổ 40 x 60 cm", "(40 × 60 cm)"}, {"đóng khung", "(framed)", "wood"}, {"vẽ tay", "(hand-painted)"}}});
        c.push_back({"lighting.lanterns", "đèn lồng", "lanterns", 5, "gi",
                     {{"Đèn lồng", "lantern", 300, 2000},
                      {"Đèn lồng treo", "hanging lantern", 400, 2500},
                      {"Đèn ông sao", "star lantern", 200, 800}},
                     {{"lụa", "silk", "silk,bamboo"},
                      {"vải gấm", "brocade", "silk,bamboo"},
                      {"tre", "bamboo", "bamboo"},
                      {"giấy dó", "dó paper", "mulberry paper,bamboo"},
                      {"lụa Hội An", "Hoi An silk", "silk,bamboo", "hoi_an"}},
                     {{"gấp gọn", "(collapsible)"},
                      {"hình quả bí", "(pumpkin-shaped)"},
                      {"bộ 5 chiếc", "(set of 5)", "", 400},
                      {"có đèn LED", "with LED light"}}});
        c.push_back({"lighting.lamps", "đèn trang trí", "decorative lamps", 5, "iw",
                     {{"Đèn thả trần", "pendant lamp", 1500, 6000},
                      {"Đèn bàn", "table lamp", 1200, 5000},
                      {"Chụp đèn", "lampshade", 500, 2500},
                      {"Đèn cây", "floor lamp", 3000, 12000},
                      {"Đèn ngủ", "night lamp", 600, 2500}},
                     {{"mây", "rattan", "rattan", "rattan"},
                      {"tre", "bamboo", "bamboo", "bamboo"},
                      {"gốm", "ceramic", "clay", "ceramic"},
                      {"cói", "sedge", "sedge", "sedge"},
                      {"giấy dó", "dó paper", "mulberry paper,bamboo", "paper"}},
                     {{"kiểu lồng đèn", "(lantern style)"},
                      {"chân gỗ", "with wooden base", "wood"},
                      {"đui E27", "(E27 socket)"}}});
        c.push_back({"fragrance.incense", "hương nhang", "incense", 4, "g",
                     {{"Hương nén", "incense sticks", 100, 500},
                      {"Hương vòng", "incense coils", 150, 600},
                      {"Nụ hương", "incense cones", 150, 700},
                      {"Hương không tăm", "stickless incense", 150, 600}},
                     {{"trầm", "agarwood", "agarwood,bamboo"},
                      {"quế", "cinnamon", "cinnamon,bamboo"},
                      {"thảo mộc", "herbal", "herbs,bamboo"},
                      {"sả", "lemongrass", "lemongrass,bamboo"}},
                     {{"hộp 100 nén", "(box of 100)"},
                      {"không hóa chất", "(chemical-free)"},
                      {"bó 500 g", "(500 g bundle)"}}});
        c.push_back({"fragrance.candles", "nến thơm", "candles", 3, "g",
                     {{"Nến", "candle", 150, 900},
                      {"Nến cốc", "jar candle", 300, 1200},
                      {"Nến trụ", "pillar candle", 200, 900},
                      {"Nến gáo dừa", "coconut-shell candle", 300, 1000}},
                     {{"sáp đậu nành", "soy wax", "soy wax"},
                      {"sáp ong", "beeswax", "beeswax"},
                      {"hương sả", "lemongrass-scented", "soy wax,lemongrass"},
                      {"hương quế", "cinnamon-scented", "soy wax,cinnamon"}},
                     {{"cốc gốm", "in ceramic cup", "clay"},
                      {"kèm hộp quà", "in gift box"},
                      {"bộ 3 chiếc", "(set of 3)", "", 250}}});
        c.push_back({"decor.artificial_flowers", "hoa trang trí thủ công", "artificial flowers", 3, "gi",
                     {{"Hoa sen", "lotus", 150, 800},
                      {"Hoa hồng", "rose", 100, 500},
                      {"Cành đào", "peach blossom branch", 500, 2500},
                      {"Bó hoa", "bouquet", 400, 2000},
                      {"Cành mai", "apricot blossom branch", 500, 2500}},
                     {{"lụa", "silk", "silk"},
                      {"giấy", "paper", "paper"},
                      {"giấy dó", "dó paper", "mulberry paper"},
                      {"giấy Thanh Tiên", "Thanh Tien paper", "paper,bamboo", "thanh_tien"}},
                     {{"bó 10 bông", "(bunch of 10)", "", 600}, {"cỡ lớn", "(large)", "", 180}}});
        c.push_back({"decor.festive", "đồ trang trí lễ hội", "festive decorations", 5, "g",
                     {{"Ngôi sao", "star ornament", 100, 500},
                      {"Quả châu", "bauble", 60, 300},
                      {"Vòng nguyệt quế", "wreath", 500, 2500},
                      {"Tuần lộc", "reindeer figure", 500, 3000},
                      {"Cây thông", "Christmas tree", 1500, 6000},
                      {"Thiên thần", "angel ornament", 150, 700}},
                     {{"mây", "rattan", "rattan", "rattan"},
                      {"cói", "sedge", "sedge", "sedge"},
                      {"tre", "bamboo", "bamboo", "bamboo"},
                      {"gỗ", "wooden", "mango wood", "wood"},
                      {"giấy", "paper", "paper", "paper"},
                      {"lục bình", "water hyacinth", "water hyacinth", "hyacinth"}},
                     {{"treo cây thông", "for hanging"},
                      {"bộ 6 chiếc", "(set of 6)", "", 450},
                      {"có đèn LED", "with LED lights"}}});
        c.push_back({"hats.conical", "nón lá", "conical hats", 3, "g",
                     {{"Nón lá", "conical hat", 150, 800},
                      {"Nón bài thơ", "poem conical hat", 300, 1200, "hue"},
                      {"Nón ngựa", "horseman's conical hat", 800, 3000, "phu_gia"}},
                     {{"truyền thống", "traditional", "palm leaf,bamboo"},
                      {"vẽ tay", "hand-painted", "palm leaf,bamboo"},
                      {"thêu hoa", "embroidered", "palm leaf,bamboo,silk"},
                      {"sơn mài", "lacquered", "palm leaf,bamboo,lacquer"},
                      {"nhuộm màu", "dyed", "palm leaf,bamboo,natural dyes"},
                      {"Huế", "Hue", "palm leaf,bamboo", "hue"}},
                     {{"quai lụa", "with silk strap", "silk"},
                      {"cỡ trẻ em", "(children's size)", "", 70},
                      {"mini", "(miniature)", "", 40}}});
        c.push_back({"toys.folk", "đồ chơi gỗ dân gian", "wooden folk toys", 3, "gw",
                     {{"Xếp hình", "puzzle", 300, 1200},
                      {"Ô tô", "toy car", 300, 1500},
                      {"Con quay", "spinning top", 80, 300},
                      {"Thú kéo", "pull-along animal", 400, 1500},
                      {"Bộ đồ chơi nấu ăn", "play kitchen set", 1500, 5000},
                      {"Con rối nước", "water puppet", 1500, 8000, "puppet"}},
                     {{"gỗ", "wooden", "wood"},
                      {"gỗ sơn màu", "painted wooden", "wood"},
                      {"tre", "bamboo", "bamboo"},
                      {"gỗ tự nhiên", "natural wood", "wood"},
                      {"gỗ sung sơn son", "lacquered fig-wood", "fig wood,lacquer", "puppet"}},
                     {{"bộ 5 chiếc", "(set of 5)", "", 400}, {"kèm hộp quà", "in gift box"}}});
        c.push_back({"glass.ware", "đồ thủy tinh thủ công", "handmade glassware", 2, "gi",
                     {{"Bình hoa", "vase", 600, 3000},
                      {"Cốc", "tumbler", 150, 600},
                      {"Đĩa", "plate", 300, 1200},
                      {"Chân nến", "candle holder", 250, 1000},
                      {"Lọ", "jar", 300, 1200}},
                     {{"thủy tinh thổi", "hand-blown glass", "glass"},
                      {"thủy tinh tái chế", "recycled glass", "glass"},
                      {"thủy tinh màu", "coloured glass", "glass"},
                      {"thủy tinh vẽ tay", "hand-painted glass", "glass"}},
                     set_suffixes});
        return c;
    }();
    return defs;
}
// clang-format on

// --- Craft villages ----------------------------------------------------------

struct VillageDef {
    sv name;         // craft village; empty for export houses that source from villages
    sv province;     // province code after the 2025 merger
    int tax_prefix;  // first two digits of tax codes (pre-merger issuing province)
    int weight;      // relative share of exhibitors
    sv trade_vi;     // trade as used in company names
    sv trade_en;
    std::vector<std::pair<sv, int>> categories;  // category code, weight
    sv tags;          // local specialities (see Noun/Modifier::tag); "strict" = only local styles
    int artisan_pct;  // share of exhibitors led by a recognised artisan
    int tier_bias;    // -1 cheaper .. +1 dearer than average
};

// Hand-laid data table: keep clang-format away.
// clang-format off
const std::vector<VillageDef>& villages() {
    static const std::vector<VillageDef> v = {
        // Hà Nội: the host city, the largest share.
        {"Bát Tràng", "ha-noi", 1, 140, "Gốm sứ", "Ceramics", {{"ceramics.tableware", 5}, {"ceramics.ornaments", 5},
         {"ceramics.garden", 1}, {"lighting.lamps", 1}}, "bat_trang ceramic", 30, 0},
        {"Vạn Phúc", "ha-noi", 1, 70, "Lụa tơ tằm", "Silk", {{"textiles.silk", 6}, {"textiles.scarves", 4},
         {"textiles.home", 2}, {"textiles.linen", 1}, {"art.silk_paintings", 1}}, "", 15, 0},
        {"Phú Vinh", "ha-noi", 1, 70, "Mây tre đan", "Rattan & Bamboo", {{"basketry.rattan", 6},
         {"basketry.bamboo", 3}, {"furniture.rattan", 2}, {"lighting.lamps", 2}, {"decor.festive", 1}},
         "rattan bamboo", 20, 0},
        {"Chuyên Mỹ", "ha-noi", 1, 50, "Khảm trai", "Mother-of-Pearl Inlay", {{"inlay.mother_of_pearl", 6},
         {"art.lacquer_paintings", 2}, {"wood.frames", 1}, {"furniture.wood", 1}}, "", 45, 1},
        {"Sơn Đồng", "ha-noi", 1, 30, "Tượng gỗ", "Wood Carving", {{"wood.carving", 6}, {"wood.lacquerware", 1},
         {"toys.folk", 1}}, "son_dong", 50, 1},
        {"Hạ Thái", "ha-noi", 1, 50, "Sơn mài", "Lacquerware", {{"wood.lacquerware", 6}, {"art.lacquer_paintings", 3},
         {"jewellery.imitation", 1}}, "lacquer", 35, 1},
        {"Chàng Sơn", "ha-noi", 1, 20, "Quạt", "Hand Fans", {{"bamboo.articles", 6}}, "fans", 20, 0},
        {"Thụy Ứng", "ha-noi", 1, 20, "Sừng mỹ nghệ", "Horn Craft", {{"horn.buffalo", 6}, {"jewellery.imitation", 2}},
         "horn", 25, 0},
        {"Quảng Phú Cầu", "ha-noi", 1, 20, "Hương", "Incense", {{"fragrance.incense", 6}, {"bamboo.articles", 1}}, "",
         5, -1},
        {"Quất Động", "ha-noi", 1, 20, "Thêu ren", "Embroidery", {{"textiles.embroidery", 6}, {"textiles.home", 2},
         {"textiles.linen", 2}}, "", 30, 0},
        {"Phương Trung", "ha-noi", 1, 10, "Nón lá", "Conical Hats", {{"hats.conical", 6}}, "", 15, -1},
        {"Phú Túc", "ha-noi", 1, 20, "Thủ công mỹ nghệ", "Handicrafts", {{"basketry.water_hyacinth", 5},
         {"basketry.sedge", 3}, {"bags.handbags", 1}, {"decor.festive", 1}}, "hyacinth sedge", 10, -1},
        {"Nhị Khê", "ha-noi", 1, 10, "Tiện gỗ", "Wood Turning", {{"wood.tableware", 4}, {"toys.folk", 3},
         {"wood.carving", 1}}, "", 15, 0},
        {"Kiêu Kỵ", "ha-noi", 1, 15, "Đồ da", "Leather Goods", {{"leather.goods", 6}, {"bags.handbags", 2}},
         "leather", 10, 0},
        {"Đào Thục", "ha-noi", 1, 5, "Rối nước", "Water Puppets", {{"toys.folk", 6}, {"wood.carving", 1}}, "puppet",
         50, 1},
        {"", "ha-noi", 1, 60, "Thủ công mỹ nghệ", "Handicrafts", {{"basketry.rattan", 4}, {"basketry.bamboo", 3},
         {"basketry.sedge", 3}, {"basketry.water_hyacinth", 3}, {"ceramics.tableware", 3}, {"ceramics.ornaments", 3},
         {"wood.lacquerware", 3}, {"textiles.home", 2}, {"decor.festive", 3}, {"lighting.lamps", 2},
         {"lighting.lanterns", 1}, {"furniture.rattan", 2}, {"bags.handbags", 2}, {"textiles.embroidery", 1},
         {"inlay.mother_of_pearl", 1}, {"decor.artificial_flowers", 1}, {"fragrance.candles", 1},
         {"jewellery.imitation", 1}, {"mats.woven", 1}}, "", 5, 0},

        // Bắc Ninh (with former Bắc Giang).
        {"Đồng Kỵ", "bac-ninh", 23, 50, "Đồ gỗ mỹ nghệ", "Fine Wood Furniture", {{"furniture.wood", 6},
         {"wood.carving", 2}, {"furniture.seating", 2}}, "", 30, 1},
        {"Phù Lãng", "bac-ninh", 23, 20, "Gốm", "Pottery", {{"ceramics.ornaments", 4}, {"ceramics.garden", 4},
         {"ceramics.tableware", 1}}, "phu_lang", 30, 0},
        {"Đông Hồ", "bac-ninh", 23, 15, "Tranh dân gian", "Folk Paintings", {{"art.dong_ho_prints", 6},
         {"paper.do", 1}}, "", 60, 0},
        {"Đại Bái", "bac-ninh", 23, 20, "Đồ đồng", "Bronze Casting", {{"metal.bronze", 6}}, "", 30, 0},
        {"Xuân Lai", "bac-ninh", 23, 20, "Tre trúc", "Bamboo", {{"basketry.bamboo", 3}, {"furniture.rattan", 3},
         {"bamboo.articles", 2}}, "xuan_lai bamboo", 10, 0},
        {"Thổ Hà", "bac-ninh", 24, 10, "Gốm", "Pottery", {{"ceramics.garden", 3}, {"ceramics.ornaments", 3}},
         "terracotta", 20, 0},
        {"Tăng Tiến", "bac-ninh", 24, 10, "Mây tre đan", "Rattan & Bamboo", {{"basketry.bamboo", 4},
         {"basketry.rattan", 2}}, "bamboo rattan", 5, -1},

        // Hải Phòng (with former Hải Dương).
        {"Chu Đậu", "hai-phong", 8, 30, "Gốm", "Ceramics", {{"ceramics.ornaments", 5}, {"ceramics.tableware", 4}},
         "chu_dau", 40, 1},
        {"Đông Giao", "hai-phong", 8, 15, "Điêu khắc gỗ", "Wood Carving", {{"wood.carving", 4},
         {"furniture.wood", 3}}, "", 30, 0},
        {"Bảo Hà", "hai-phong", 2, 10, "Tạc tượng", "Statue Carving", {{"wood.carving", 5}, {"toys.folk", 1}},
         "puppet", 40, 0},
        {"", "hai-phong", 2, 4, "Thủ công mỹ nghệ", "Handicrafts", {{"ceramics.ornaments", 2}, {"wood.carving", 2},
         {"furniture.wood", 2}, {"basketry.sedge", 2}, {"basketry.rattan", 2}}, "", 5, 0},

        // Ninh Bình (with former Nam Định and Hà Nam).
        {"Kim Sơn", "ninh-binh", 27, 50, "Cói", "Sedge Craft", {{"basketry.sedge", 6}, {"mats.woven", 3},
         {"bags.handbags", 2}, {"basketry.water_hyacinth", 2}}, "kim_son sedge hyacinth", 5, -1},
        {"Văn Lâm", "ninh-binh", 27, 20, "Thêu ren", "Embroidery", {{"textiles.embroidery", 6}, {"textiles.linen", 2},
         {"textiles.home", 1}}, "", 25, 0},
        {"Cát Đằng", "ninh-binh", 6, 15, "Sơn mài", "Lacquerware", {{"wood.lacquerware", 6},
         {"art.lacquer_paintings", 1}}, "", 30, 0},
        {"La Xuyên", "ninh-binh", 6, 15, "Đồ gỗ mỹ nghệ", "Fine Woodwork", {{"wood.carving", 4},
         {"furniture.wood", 4}}, "", 30, 0},
        {"Ngọc Động", "ninh-binh", 7, 15, "Mây giang đan", "Rattan & Bamboo", {{"basketry.rattan", 3},
         {"basketry.bamboo", 3}, {"lighting.lamps", 1}}, "rattan bamboo", 5, -1},
        {"Nha Xá", "ninh-binh", 7, 10, "Lụa", "Silk", {{"textiles.silk", 5}, {"textiles.scarves", 3}}, "", 10, 0},

        // Hưng Yên (with former Thái Bình).
        {"Đồng Xâm", "hung-yen", 10, 15, "Chạm bạc", "Silver Chasing", {{"metal.silverware", 5},
         {"jewellery.silver", 4}, {"metal.bronze", 1}}, "", 40, 1},

        // Huế.
        {"Phước Tích", "hue", 33, 8, "Gốm", "Pottery", {{"ceramics.ornaments", 3}, {"ceramics.garden", 3}},
         "terracotta", 20, 0},
        {"Bao La", "hue", 33, 10, "Mây tre đan", "Rattan & Bamboo", {{"basketry.bamboo", 4}, {"basketry.rattan", 3},
         {"lighting.lamps", 1}}, "rattan bamboo", 10, -1},
        {"Phú Cam", "hue", 33, 12, "Nón lá", "Conical Hats", {{"hats.conical", 6}}, "hue", 15, 0},
        {"Thanh Tiên", "hue", 33, 6, "Hoa giấy", "Paper Flowers", {{"decor.artificial_flowers", 6},
         {"decor.festive", 1}}, "thanh_tien paper", 20, 0},

        // Đà Nẵng (with former Quảng Nam).
        {"Non Nước", "da-nang", 4, 30, "Đá mỹ nghệ", "Stone Carving", {{"stone.carving", 7},
         {"jewellery.imitation", 1}}, "non_nuoc stone", 35, 0},
        {"Kim Bồng", "da-nang", 40, 15, "Mộc", "Woodcraft", {{"wood.carving", 4}, {"furniture.wood", 2},
         {"toys.folk", 1}}, "", 30, 0},
        {"Thanh Hà", "da-nang", 40, 15, "Gốm", "Pottery", {{"ceramics.garden", 3}, {"ceramics.ornaments", 3},
         {"ceramics.tableware", 1}}, "terracotta strict", 25, 0},
        {"Mã Châu", "da-nang", 40, 10, "Lụa", "Silk", {{"textiles.silk", 5}, {"textiles.scarves", 3}}, "", 10, 0},
        {"Hội An", "da-nang", 40, 30, "Đèn lồng", "Lanterns", {{"lighting.lanterns", 7}, {"textiles.home", 1}},
         "hoi_an", 15, 0},
        {"Phước Kiều", "da-nang", 40, 10, "Đúc đồng", "Bronze Casting", {{"metal.bronze", 6}}, "", 35, 0},
        {"", "da-nang", 4, 8, "Thủ công mỹ nghệ", "Handicrafts", {{"stone.carving", 3}, {"lighting.lanterns", 3},
         {"wood.carving", 2}, {"ceramics.garden", 2}, {"textiles.silk", 1}, {"metal.bronze", 1}}, "", 5, 0},

        // Khánh Hòa (with former Ninh Thuận).
        {"Bàu Trúc", "khanh-hoa", 45, 15, "Gốm Chăm", "Cham Pottery", {{"ceramics.ornaments", 4},
         {"ceramics.garden", 3}, {"ceramics.tableware", 1}}, "cham terracotta strict", 40, 0},
        {"Mỹ Nghiệp", "khanh-hoa", 45, 10, "Dệt thổ cẩm Chăm", "Cham Weaving", {{"textiles.brocade", 6},
         {"bags.handbags", 2}, {"textiles.scarves", 1}}, "cham strict", 30, 0},

        // Northern uplands.
        {"Cát Cát", "lao-cai", 53, 15, "Thổ cẩm H'Mông", "Hmong Textiles", {{"textiles.brocade", 5},
         {"bags.handbags", 3}, {"textiles.embroidery", 2}, {"jewellery.silver", 1}}, "hmong strict", 20, 0},
        {"Tả Phìn", "lao-cai", 53, 10, "Thêu thổ cẩm Dao", "Dao Embroidery", {{"textiles.embroidery", 4},
         {"textiles.brocade", 3}, {"bags.handbags", 2}}, "dao strict", 20, 0},
        {"Lùng Tám", "tuyen-quang", 51, 10, "Dệt vải lanh", "Hemp Weaving", {{"textiles.brocade", 6},
         {"textiles.scarves", 2}, {"bags.handbags", 2}}, "hmong strict", 25, 0},
        {"Hương Canh", "phu-tho", 25, 10, "Gốm", "Pottery", {{"ceramics.garden", 5}, {"ceramics.tableware", 2}},
         "terracotta", 10, -1},
        {"Sai Nga", "phu-tho", 26, 7, "Nón lá", "Conical Hats", {{"hats.conical", 6}}, "", 5, -1},
        {"Bản Lác", "phu-tho", 54, 12, "Dệt thổ cẩm Thái", "Tai Weaving", {{"textiles.brocade", 6},
         {"bags.handbags", 2}, {"textiles.home", 2}}, "tai strict", 15, 0},
        {"Phja Thắp", "cao-bang", 48, 5, "Hương", "Incense", {{"fragrance.incense", 4}, {"paper.do", 3}}, "", 15, -1},
        {"Đông Triều", "quang-ninh", 57, 10, "Gốm", "Ceramics", {{"ceramics.garden", 3}, {"ceramics.tableware", 3},
         {"ceramics.ornaments", 2}}, "", 15, 0},

        // North Central.
        {"Nga Sơn", "thanh-hoa", 28, 20, "Cói", "Sedge Craft", {{"mats.woven", 5}, {"basketry.sedge", 4},
         {"bags.handbags", 1}}, "nga_son sedge", 5, -1},
        {"Núi Nhồi", "thanh-hoa", 28, 8, "Đá mỹ nghệ", "Stone Carving", {{"stone.carving", 6}}, "nhoi", 25, 0},
        {"Hoa Tiến", "nghe-an", 29, 6, "Dệt thổ cẩm Thái", "Tai Weaving", {{"textiles.brocade", 6},
         {"bags.handbags", 1}}, "tai strict", 15, -1},
        {"Thái Yên", "ha-tinh", 30, 7, "Mộc", "Woodwork", {{"furniture.wood", 4}, {"wood.carving", 3}}, "", 20, 0},

        // South Central and Central Highlands.
        {"Mỹ Thiện", "quang-ngai", 43, 5, "Gốm", "Pottery", {{"ceramics.garden", 3}, {"ceramics.ornaments", 2}},
         "terracotta", 15, -1},
        {"Kon K'Tu", "quang-ngai", 61, 5, "Dệt thổ cẩm Ba Na", "Bahnar Weaving", {{"textiles.brocade", 6},
         {"bags.handbags", 1}}, "bahnar strict", 15, 0},
        {"Phú Gia", "gia-lai", 41, 5, "Nón ngựa", "Horseman's Hats", {{"hats.conical", 6}}, "phu_gia", 30, 0},
        {"", "gia-lai", 41, 8, "Đồ gỗ nội thất", "Furniture", {{"furniture.wood", 5}, {"furniture.seating", 5},
         {"furniture.rattan", 2}}, "", 5, 0},
        {"Buôn Akô Dhông", "dak-lak", 60, 5, "Dệt thổ cẩm Ê Đê", "Ede Weaving", {{"textiles.brocade", 6},
         {"bags.handbags", 1}}, "ede strict", 15, 0},
        {"Bảo Lộc", "lam-dong", 58, 10, "Lụa tơ tằm", "Silk", {{"textiles.silk", 6}, {"textiles.scarves", 3}}, "", 10,
         0},

        // Southeast.
        {"Tân Vạn", "dong-nai", 36, 15, "Gốm", "Ceramics", {{"ceramics.garden", 5}, {"ceramics.ornaments", 3}}, "",
         15, 0},
        {"Tương Bình Hiệp", "ho-chi-minh", 37, 15, "Sơn mài", "Lacquerware", {{"wood.lacquerware", 5},
         {"art.lacquer_paintings", 3}, {"furniture.wood", 1}}, "", 25, 1},
        {"Lái Thiêu", "ho-chi-minh", 37, 12, "Gốm sứ", "Ceramics", {{"ceramics.tableware", 4},
         {"ceramics.garden", 3}}, "", 10, 0},
        {"", "ho-chi-minh", 3, 30, "Thủ công mỹ nghệ", "Handicrafts", {{"furniture.wood", 3},
         {"furniture.seating", 3}, {"furniture.rattan", 3}, {"wood.lacquerware", 3}, {"ceramics.garden", 3},
         {"basketry.water_hyacinth", 3}, {"basketry.sedge", 2}, {"wood.tableware", 2}, {"coconut.shell", 1},
         {"fragrance.candles", 1}, {"decor.festive", 2}, {"lighting.lamps", 2}, {"wood.frames", 1}}, "", 5, 0},

        // Mekong Delta.
        {"Mỏ Cày", "vinh-long", 13, 15, "Thủ công từ dừa", "Coconut Crafts", {{"coconut.shell", 6},
         {"wood.tableware", 2}, {"fragrance.candles", 1}, {"jewellery.imitation", 1}}, "coconut", 10, -1},
        {"Mang Thít", "vinh-long", 15, 8, "Gốm đỏ", "Red Pottery", {{"ceramics.garden", 6}},
         "mang_thit terracotta strict", 10, -1},
        {"Định Yên", "dong-thap", 14, 10, "Chiếu", "Sedge Mats", {{"mats.woven", 6}, {"bags.handbags", 1}},
         "dinh_yen sedge", 10, -1},
        {"Phong Điền", "can-tho", 18, 10, "Lục bình đan", "Water Hyacinth", {{"basketry.water_hyacinth", 6},
         {"bags.handbags", 1}, {"decor.festive", 1}}, "hyacinth", 5, -1},
        {"Tân Châu", "an-giang", 16, 12, "Lụa", "Silk", {{"textiles.silk", 6}, {"textiles.scarves", 2}}, "tan_chau",
         15, 1},
        {"Châu Giang", "an-giang", 16, 6, "Dệt thổ cẩm Chăm", "Cham Weaving", {{"textiles.brocade", 5},
         {"textiles.scarves", 2}}, "cham strict", 15, 0},
    };
    return v;
}
// clang-format on

// --- Vietnamese person names ---------------------------------------------

struct WeightedName {
    sv name;
    int weight;
};

constexpr WeightedName kSurnames[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95},   {"Phạm", 70}, {"Hoàng", 50}, {"Huỳnh", 20}, {"Phan", 45},
    {"Vũ", 40},      {"Võ", 20},    {"Đặng", 20}, {"Bùi", 20},  {"Đỗ", 14},    {"Hồ", 13},    {"Ngô", 13},
    {"Dương", 10},   {"Lý", 5},     {"Đinh", 8},  {"Trịnh", 6}, {"Đào", 6},    {"Lương", 4},  {"Tạ", 3},
};
constexpr sv kMaleMiddle[] = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Đình"};
constexpr sv kFemaleMiddle[] = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Thúy"};
constexpr sv kMaleGiven[] = {"Hùng",  "Dũng", "Tuấn",  "Minh",  "Nam",  "Thắng", "Hải",   "Long", "Sơn",
                             "Quang", "Bình", "Cường", "Trung", "Phúc", "Khánh", "Toàn",  "Hiếu", "Đạt",
                             "Thành", "Tùng", "Huy",   "Lâm",   "Tiến", "Vinh",  "Thịnh", "Khải", "Nghĩa"};
constexpr sv kFemaleGiven[] = {"Lan",   "Hương", "Hoa",  "Mai",  "Hằng",   "Thảo",  "Nga",   "Hạnh", "Linh",
                               "Ngọc",  "Thủy",  "Yến",  "Loan", "Phương", "Trang", "Huyền", "Dung", "Oanh",
                               "Nhung", "Vân",   "Liên", "Tâm",  "Quyên",  "Hiền",  "Thoa"};

// Syllables for trade names ("Minh Long", "Hưng Thịnh", "Phúc An" ...).
constexpr sv kBrandSyllables[] = {"Minh",   "Hưng", "Phúc",   "Thành", "Hoàng", "Việt",  "An",   "Kim",  "Tân",
                                  "Hồng",   "Đại",  "Trường", "Quang", "Phú",   "Ngọc",  "Bảo",  "Gia",  "Thiên",
                                  "Hải",    "Đức",  "Tâm",    "Thuận", "Hòa",   "Lộc",   "Phát", "Long", "Sơn",
                                  "Thịnh",  "Vĩnh", "Xuân",   "Nam",   "Hà",    "Đông",  "Tiến", "Thái", "Khang",
                                  "Nguyên", "Anh",  "Mỹ",     "Hiền",  "Trung", "Vượng", "Lợi",  "Đạt"};

template <class T, std::size_t N>
const T& pick_from(Rng& rng, const T (&items)[N]) {
    return items[static_cast<std::size_t>(rng.below(N))];
}

std::string person_name(Rng& rng) {
    std::vector<int> w;
    for (const auto& s : kSurnames) w.push_back(s.weight);
    const sv surname = kSurnames[rng.weighted(w)].name;
    const bool female = rng.chance(45);
    std::string out(surname);
    out += ' ';
    out += female ? pick_from(rng, kFemaleMiddle) : pick_from(rng, kMaleMiddle);
    out += ' ';
    out += female ? pick_from(rng, kFemaleGiven) : pick_from(rng, kMaleGiven);
    return out;
}

std::string brand_name(Rng& rng) {
    const sv a = pick_from(rng, kBrandSyllables);
    sv b = pick_from(rng, kBrandSyllables);
    while (b == a) b = pick_from(rng, kBrandSyllables);
    return std::string(a) + " " + std::string(b);
}

// --- Importer countries ------------------------------------------------------
//
// Name patterns: S stem, N noun, L legal form, C city, E English compound
// stem ("Oakridge"), G German compound stem ("Lindenhof"). Parts are joined
// with spaces.

struct CountryDef {
    sv code;
    int weight;       // relative share of importers
    sv languages;     // primary language choices (ISO 639-1), space-separated
    int english_pct;  // chance of adding "en" when the primary is not English
    sv currency;      // budget currency used by 70% (others use USD)
    bool strict;      // buyers commonly audit suppliers (BSCI/FSC/SMETA)
    sv pattern;
    std::vector<sv> stems;
    std::vector<sv> nouns;
    std::vector<sv> legals;
    std::vector<sv> cities;
    sv favourites;  // category code prefixes this market buys more of
};

constexpr sv kEnglishA[] = {"Blue",  "Silver", "Golden", "Green",  "North", "South", "East", "West",
                            "Oak",   "Pine",   "Stone",  "River",  "Bay",   "Sun",   "Wild", "Red",
                            "Maple", "Willow", "Cedar",  "Harbor", "Elm",   "Fox",   "Lake", "Rose"};
constexpr sv kEnglishB[] = {"wood",   "field", "brook", "stone", "haven", "ridge", "gate", "leaf",
                            "bridge", "light", "water", "hill",  "crest", "view",  "mere", "ford"};
constexpr sv kGermanA[] = {"Linden", "Sonnen", "Eichen",  "Berg",   "Wald",   "Rosen", "Birken",
                           "Tannen", "Stern",  "Kranich", "Falken", "Buchen", "Ahorn", "Wiesen"};
constexpr sv kGermanB[] = {"hof", "feld", "haus", "garten", "tal", "stein", "bach", "au", "berg", "brunn"};

std::vector<sv> english_nouns() {
    return {"Home", "Imports", "Trading", "Living", "Interiors", "Home & Garden", "Decor", "Goods", "Design"};
}

// Hand-laid data table: keep clang-format away.
// clang-format off
const std::vector<CountryDef>& countries() {
    static const std::vector<CountryDef> c = {
        {"US", 160, "en", 100, "USD", true, "ENL", {}, english_nouns(), {"LLC", "LLC", "Inc.", "Corp."}, {"New York",
         "Los Angeles", "Chicago", "Seattle", "Atlanta", "Dallas", "Miami", "Portland", "Denver", "Boston"},
         "furniture basketry decor.festive lighting ceramics.garden"},
        {"JP", 90, "ja", 55, "JPY", false, "SNL", {"Sakura", "Fuji", "Yamato", "Hinode", "Kaede", "Midori", "Asahi",
         "Tsubaki", "Hikari", "Aoi", "Matsu", "Kiku", "Nishiki", "Kotobuki", "Momiji", "Hoshi", "Tsuru", "Kasumi",
         "Hanabi", "Sora", "Umi", "Kaze", "Yuki", "Tomoe", "Izumi", "Shiro", "Kinari", "Wakaba"}, {"Zakka", "Shoji",
         "Trading", "Interior", "Kogei", "Lifestyle", "Bussan", "Shokai", "Design"}, {"K.K.", "Co., Ltd."}, {"Tokyo",
         "Osaka", "Kyoto", "Nagoya", "Yokohama", "Fukuoka", "Kobe"},
         "ceramics wood.lacquerware textiles.silk basketry"},
        {"KR", 70, "ko", 65, "USD", false, "SNL", {"Hanil", "Daehan", "Seorim", "Mirae", "Haneul", "Samjin",
         "Dongbang", "Hwasin", "Jinseong", "Saebyeok", "Bitna", "Gaon", "Areum", "Narae", "Hanbit", "Sejong",
         "Cheongsong", "Dasom", "Hyangi", "Baekje", "Silla", "Gyeol", "Maru", "Onnuri"}, {"Trading", "Living",
         "Interior", "Home", "Design", "Global", "Craft", "Lifestyle"}, {"Co., Ltd.", "Corp."}, {"Seoul", "Busan",
         "Incheon", "Daegu"}, "ceramics textiles.silk wood.lacquerware"},
        {"DE", 60, "de", 75, "EUR", true, "GNL", {}, {"Wohnkultur", "Handel", "Einrichtung", "Import", "Wohndesign",
         "Living"}, {"GmbH", "GmbH", "GmbH & Co. KG"}, {"Hamburg", "Berlin", "München", "Köln", "Frankfurt",
         "Düsseldorf"}, "basketry furniture ceramics.garden"},
        {"FR", 50, "fr", 60, "EUR", true, "NSL", {"Lumière", "du Sud", "Provence", "des Arts", "Côté Jardin",
         "Belle Rive", "du Levant", "Saint-Clair", "de l'Orient", "Azur", "Rivage", "Lotus", "Bois Doré", "Soleil",
         "Bleu Nuit", "du Mékong", "Indochine", "Jardin d'Asie", "Bambou", "Sérénité", "Étoile", "Horizon"},
         {"Maison", "Atelier", "Comptoir", "Galerie", "Boutique", "Salon", "Bazar", "Marché"}, {"SARL", "SAS", "SA"},
         {"Paris", "Lyon", "Marseille", "Bordeaux", "Nantes", "Lille"},
         "textiles basketry ceramics wood.lacquerware"},
        {"GB", 50, "en", 100, "USD", true, "ENL", {}, english_nouns(), {"Ltd"}, {"London", "Manchester", "Bristol",
         "Leeds", "Edinburgh", "Birmingham"}, "basketry ceramics decor"},
        {"NL", 40, "nl", 90, "EUR", true, "SNL", {"Amstel", "Zeeland", "Delft", "Oranje", "Linde", "Zonnehof",
         "Molen", "Tulp", "Duin", "Eiland", "Waterland", "Vecht", "Zeewind", "Lindeboom", "Noorderlicht", "Polder",
         "Rietland", "Zuiderzee", "Havenlicht", "Kempenland", "Heide", "Bloesem", "Eikenhof", "Vlinder", "Berkenhof",
         "Dijkhuis", "Sterrenhof", "Wilgenhof", "Boomgaard", "Zonnebloem"}, {"Wonen", "Interieur", "Import", "Handel",
         "Design", "Living", "Home"}, {"B.V."}, {"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"},
         "basketry furniture lighting"},
        {"AU", 40, "en", 100, "USD", true, "ENL", {}, english_nouns(), {"Pty Ltd"}, {"Sydney", "Melbourne",
         "Brisbane", "Perth", "Adelaide"}, "furniture basketry ceramics.garden"},
        {"CA", 30, "en en en fr", 85, "USD", true, "ENL", {}, english_nouns(), {"Inc.", "Ltd."}, {"Toronto",
         "Vancouver", "Montréal", "Calgary", "Ottawa"}, "furniture basketry"},
        {"IT", 30, "it", 60, "EUR", true, "NSL", {"Bella", "Toscana", "del Sole", "Veneta", "Lume", "Aurora",
         "dei Fiori", "Serena", "Antica", "Luna", "Mediterranea", "Artigiana", "del Borgo", "Riviera", "Laguna",
         "Tramonto", "Bianca", "d'Oriente", "Nobile", "Verde", "Armonia", "Ulivo"}, {"Casa", "Arredo", "Bottega",
         "Galleria", "Emporio"}, {"S.r.l.", "S.r.l.", "S.p.A."}, {"Milano", "Roma", "Firenze", "Torino", "Bologna",
         "Napoli"}, "furniture textiles ceramics"},
        {"ES", 30, "es", 60, "EUR", true, "NSL", {"Mediterráneo", "del Sol", "Ibérica", "Levante", "Alhambra", "Luna",
         "Natural", "Oriente", "Brisa", "Olivo", "Sevillana", "Mar Azul", "Arena", "Palmera", "Terracota",
         "Atlántico", "Bambú", "Estrella", "Bahía", "Sierra"}, {"Casa", "Hogar", "Decoración", "Artesanía", "Estilo"},
         {"S.L.", "S.L.", "S.A."}, {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"},
         "basketry mats ceramics"},
        {"BE", 20, "nl fr", 85, "EUR", true, "SNL", {"Flandria", "Brabant", "Ardenne", "Escaut", "Lys", "Kempen",
         "Zenne", "Sonian"}, {"Interieur", "Home", "Décor", "Trading", "Wonen"}, {"BV", "SRL", "NV"}, {"Antwerpen",
         "Brussel", "Gent", "Liège"}, "basketry furniture"},
        {"SE", 20, "sv", 95, "USD", true, "SNL", {"Nordic", "Skandi", "Fjäll", "Björk", "Ljus", "Sjö", "Gran", "Lind",
         "Ek", "Vind", "Skog", "Strand", "Havs", "Sol", "Fjärd", "Äng", "Björkhem", "Granhult", "Lindhem", "Ekholm"},
         {"Living", "Hem", "Design", "Inredning", "Handel", "Hemma", "Interiör"}, {"AB"}, {"Stockholm", "Göteborg",
         "Malmö", "Uppsala"}, "lighting textiles.home basketry ceramics"},
        {"DK", 20, "da", 95, "USD", true, "SNL", {"Nordisk", "Hygge", "Kronborg", "Lys", "Strand", "Fyr", "Bøg",
         "Sund", "Klit", "Hav", "Skov", "Fjord", "Nord", "Solsikke"}, {"Bolig", "Design", "Living", "Interiør",
         "Import"}, {"ApS", "A/S"}, {"København", "Aarhus", "Odense"}, "lighting basketry ceramics"},
        {"NO", 15, "no", 95, "USD", true, "SNL", {"Fjord", "Nordlys", "Polar", "Fjell", "Bjørk", "Havn", "Lofoten",
         "Trolltind", "Nordkapp", "Fjordhus", "Skog", "Isbre", "Vidde", "Lyngen"}, {"Interiør", "Hjem", "Design",
         "Import", "Handel", "Bolig"}, {"AS"}, {"Oslo", "Bergen", "Trondheim", "Stavanger"},
         "lighting textiles.home"},
        {"FI", 10, "fi", 95, "EUR", true, "SNL", {"Kuusi", "Revontuli", "Järvi", "Koivu", "Saimaa", "Tuuli", "Lumi",
         "Kallio", "Aalto", "Meri", "Metsä", "Kivi", "Helmi", "Pohjola"}, {"Design", "Sisustus", "Koti", "Import",
         "Kauppa", "Talo"}, {"Oy"}, {"Helsinki", "Tampere", "Turku", "Espoo"}, "lighting textiles.home"},
        {"CH", 15, "de de fr it", 85, "USD", true, "GNL", {}, {"Wohnen", "Interieur", "Handel", "Design"}, {"AG",
         "GmbH", "SA"}, {"Zürich", "Genève", "Basel", "Bern", "Lausanne"}, "furniture inlay ceramics"},
        {"AT", 10, "de", 75, "EUR", true, "GNL", {}, {"Wohnkultur", "Handel", "Einrichtung"}, {"GmbH"}, {"Wien",
         "Graz", "Linz", "Salzburg"}, "basketry furniture"},
        {"PL", 15, "pl", 70, "USD", true, "SNL", {"Wisła", "Bursztyn", "Mazowsze", "Lipa", "Sosna", "Orzeł", "Warta",
         "Tatra", "Jantar", "Bałtyk", "Wawel", "Podhale", "Mazury", "Kaszuby", "Zorza"}, {"Dom", "Dekor", "Wnętrza",
         "Import", "Design", "Meble"}, {"Sp. z o.o."}, {"Warszawa", "Kraków", "Gdańsk", "Wrocław", "Poznań"},
         "basketry decor.festive"},
        {"CZ", 10, "cs", 70, "USD", true, "SNL", {"Vltava", "Bohemia", "Morava", "Lípa", "Šumava", "Krkonoše",
         "Labe"}, {"Interiér", "Dekor", "Import", "Domov", "Design"}, {"s.r.o.", "a.s."}, {"Praha", "Brno",
         "Ostrava"}, "basketry decor.festive glass"},
        {"RU", 20, "ru", 40, "USD", false, "LSN", {"Severny", "Baltika", "Volga", "Ural", "Zolotoy", "Sibir", "Neva",
         "Berezka", "Yantar", "Kama", "Sever", "Zarya", "Raduga", "Altai", "Baikal", "Vesna"}, {"Dom", "Dekor",
         "Torg", "Import", "Interier", "Stil", "Interiery", "Market"}, {"OOO"}, {"Moskva", "Sankt-Peterburg", "Kazan",
         "Yekaterinburg", "Novosibirsk"}, "wood.lacquerware inlay ceramics"},
        {"CN", 40, "zh", 50, "USD", false, "CSNL", {"Huamei", "Hengda", "Tianyi", "Xinhe", "Dongfang", "Yongsheng",
         "Jiahe", "Ruixiang", "Hongtai", "Jinyuan"}, {"Trading", "Import & Export", "Home Furnishing",
         "Arts & Crafts", "Household Products"}, {"Co., Ltd."}, {"Shanghai", "Guangzhou", "Shenzhen", "Yiwu",
         "Hangzhou", "Xiamen", "Beijing", "Ningbo"}, "wood.carving stone furniture.wood textiles.silk"},
        {"TW", 25, "zh", 55, "USD", false, "SNL", {"Hsin Yi", "Yung Feng", "Ta Tung", "Chia Hsin", "Fu Hsing",
         "Chien Mei", "Kuo Hua", "Jui Feng", "Heng Chang", "Tai Feng", "Chin Hsing", "Hua Mei", "Sheng Yuan",
         "Kang Ning", "Lien Fa", "Pao Shan", "Ming Tai", "Yuan Ta", "Te Hsing", "Hung Yi"}, {"Trading", "Enterprise",
         "Living", "Industrial", "International", "Home"}, {"Co., Ltd.", "Corp."}, {"Taipei", "Taichung", "Kaohsiung",
         "Tainan"}, "ceramics wood.carving"},
        {"HK", 20, "zh", 90, "USD", false, "SNL", {"Pacific Rim", "Golden Harbour", "Victoria", "Kowloon", "Jade",
         "Lucky Star", "Silver Bay", "Dragon Gate", "Orient Pearl", "Harbourfront", "Peak View", "Golden Lotus",
         "Eastern Star", "Bamboo Grove", "Red Lantern", "Jade Garden"}, {"Trading", "Sourcing", "Homeware", "Gifts",
         "Enterprises"}, {"Limited", "Co., Ltd"}, {"Kowloon", "Central", "Tsim Sha Tsui", "Kwun Tong"},
         "ceramics decor"},
        {"SG", 20, "en", 100, "USD", false, "SNL", {"Straits", "Marina", "Kallang", "Tanjong", "Serangoon", "Bukit",
         "Clementi", "Jurong", "Lion Gate", "Bedok", "Bishan", "Changi", "Sentosa", "Katong", "Tiong Bahru",
         "Novena"}, {"Trading", "Living", "Home", "Lifestyle", "Décor", "Home Décor", "Sourcing"}, {"Pte Ltd",
         "Pte. Ltd."}, {"Jurong", "Tampines", "Ang Mo Kio"}, "furniture ceramics"},
        {"MY", 15, "ms", 85, "USD", false, "SNL", {"Mutiara", "Seri", "Permata", "Bintang", "Nusantara", "Cahaya",
         "Delima", "Kenanga", "Melati", "Intan", "Bunga Raya", "Suria", "Anggun", "Harmoni", "Mawar", "Teratai"},
         {"Kraf", "Hiasan", "Trading", "Home", "Perabot"}, {"Sdn Bhd"}, {"Kuala Lumpur", "Penang", "Johor Bahru",
         "Kuching"}, "furniture basketry"},
        {"TH", 15, "th", 60, "USD", false, "SNL", {"Siam", "Chao Phraya", "Lanna", "Sukhothai", "Rattana",
         "Ayutthaya", "Mekong", "Benjarong", "Sabai", "Chaiyo", "Sawasdee", "Kanok", "Nakorn", "Siri", "Thanya",
         "Ratchada"}, {"Trading", "Decor", "Living", "Import", "Home", "Interior"}, {"Co., Ltd."}, {"Bangkok",
         "Chiang Mai", "Phuket", "Pattaya"}, "ceramics lighting"},
        {"ID", 10, "id", 70, "USD", false, "LSN", {"Nusantara", "Bali", "Cahaya", "Sinar", "Mandiri", "Garuda",
         "Jaya", "Lestari", "Sentosa", "Makmur"}, {"Dekor", "Niaga", "Interior", "Kriya", "Abadi"}, {"PT"},
         {"Jakarta", "Surabaya", "Denpasar", "Bandung"}, "ceramics textiles"},
        {"PH", 10, "en", 100, "USD", false, "SNL", {"Mabuhay", "Luzon", "Cebu", "Visayas", "Pacific", "Bayanihan",
         "Sampaguita", "Narra", "Bicol"}, {"Trading", "Home", "Crafts", "Imports", "Living"}, {"Inc.", "Corporation"},
         {"Manila", "Cebu", "Davao", "Makati"}, "ceramics furniture"},
        {"IN", 20, "en en hi", 100, "USD", false, "SNL", {"Shree", "Ganga", "Lakshmi", "Royal", "Jaipur", "Saraswati",
         "Kaveri", "Sagar", "Utsav", "Shubh", "Anand", "Deepam", "Sanskriti", "Vedic"}, {"Exports", "Impex",
         "Home Decor", "Traders", "Handicrafts"}, {"Pvt. Ltd.", "LLP"}, {"Mumbai", "New Delhi", "Jaipur", "Bengaluru",
         "Chennai"}, "textiles lighting"},
        {"AE", 20, "ar", 90, "USD", false, "SNL", {"Al Noor", "Al Safa", "Desert Rose", "Al Waha", "Gulf Star",
         "Al Bustan", "Palm Crest", "Al Marjan", "Sands"}, {"General Trading", "Home Furnishing", "Décor", "Trading",
         "Interiors"}, {"LLC", "FZE", "FZCO"}, {"Dubai", "Abu Dhabi", "Sharjah"}, "furniture metal inlay stone"},
        {"SA", 10, "ar", 80, "USD", false, "SNL", {"Al Nakheel", "Najd", "Al Waha", "Al Yasmin", "Al Hamra",
         "Red Sea", "Al Dana", "Al Reem", "Al Majd", "Al Fajr", "Al Noor", "Tuwaiq"}, {"Trading", "Home Furnishing",
         "Décor"}, {"Co.", "Est."}, {"Riyadh", "Jeddah", "Dammam"}, "furniture metal inlay stone"},
        {"IL", 10, "he", 90, "USD", false, "SNL", {"Carmel", "Galil", "Negev", "Yam", "Tamar", "Arava", "Shaked",
         "Gefen", "Ofir", "Hermon", "Kinneret", "Tavor", "Zohar", "Ella"}, {"Home", "Design", "Import", "Living",
         "Interiors"}, {"Ltd."}, {"Tel Aviv", "Haifa", "Jerusalem"}, "ceramics textiles"},
        {"TR", 10, "tr", 70, "USD", false, "SNL", {"Anadolu", "Boğaziçi", "Ege", "Marmara", "Kapadokya", "Lale",
         "Toros", "Akdeniz", "Nazar", "Efes"}, {"Ev Dekorasyon", "Dış Ticaret", "Tasarım", "İthalat", "Mobilya"},
         {"A.Ş.", "Ltd. Şti."}, {"İstanbul", "Ankara", "İzmir", "Antalya"}, "textiles ceramics"},
        {"ZA", 10, "en", 100, "USD", false, "SNL", {"Cape", "Protea", "Kalahari", "Highveld", "Karoo", "Umhlanga",
         "Baobab", "Drakensberg", "Fynbos"}, {"Imports", "Home", "Living", "Trading", "Décor"}, {"(Pty) Ltd"},
         {"Cape Town", "Johannesburg", "Durban"}, "basketry furniture"},
        {"BR", 10, "pt", 50, "USD", false, "NSL", {"Tropical", "Paulista", "Carioca", "Ipê", "do Sol", "Brasil",
         "Jacarandá", "Mar Azul", "Bahia", "Aurora"}, {"Casa", "Arte", "Decorações", "Ateliê", "Empório"}, {"Ltda.",
         "S.A."}, {"São Paulo", "Rio de Janeiro", "Curitiba", "Belo Horizonte"}, "furniture basketry"},
        {"MX", 10, "es", 60, "USD", false, "NSL", {"Jalisco", "del Pacífico", "Oaxaca", "Sol", "Maya", "Colonial",
         "Azul", "Jacaranda", "Bugambilia", "Luna", "Talavera", "Cielito", "Nopal", "Puebla"}, {"Casa", "Artesanías",
         "Decoraciones", "Hogar", "Galería"}, {"S.A. de C.V."}, {"Ciudad de México", "Guadalajara", "Monterrey"},
         "ceramics furniture"},
        {"CL", 5, "es", 60, "USD", false, "NSL", {"Andina", "del Pacífico", "Austral", "Aconcagua", "Patagonia",
         "Lago", "Copihue", "Valparaíso"}, {"Casa", "Hogar", "Importadora", "Decoración"}, {"SpA", "Ltda."},
         {"Santiago", "Valparaíso", "Concepción"}, "furniture basketry"},
        {"NZ", 10, "en", 100, "USD", true, "ENL", {}, english_nouns(), {"Limited", "Ltd"}, {"Auckland", "Wellington",
         "Christchurch"}, "furniture basketry"},
        {"IE", 10, "en", 100, "EUR", true, "ENL", {}, english_nouns(), {"Ltd"}, {"Dublin", "Cork", "Galway"},
         "basketry textiles"},
    };
    return c;
}
// clang-format on

// Export markets named in exhibitor profiles (all among the importer countries).
struct Market {
    sv code;
    int weight;
    sv name_vi;
    sv name_en;
};
constexpr Market kMarkets[] = {
    {"US", 20, "Hoa Kỳ", "the United States"},
    {"JP", 14, "Nhật Bản", "Japan"},
    {"KR", 8, "Hàn Quốc", "South Korea"},
    {"DE", 10, "Đức", "Germany"},
    {"FR", 8, "Pháp", "France"},
    {"GB", 7, "Anh", "the United Kingdom"},
    {"NL", 7, "Hà Lan", "the Netherlands"},
    {"AU", 7, "Úc", "Australia"},
    {"ES", 4, "Tây Ban Nha", "Spain"},
    {"IT", 5, "Ý", "Italy"},
    {"CA", 4, "Canada", "Canada"},
    {"BE", 3, "Bỉ", "Belgium"},
    {"SE", 3, "Thụy Điển", "Sweden"},
    {"DK", 3, "Đan Mạch", "Denmark"},
    {"CN", 5, "Trung Quốc", "China"},
    {"TW", 4, "Đài Loan", "Taiwan"},
    {"SG", 3, "Singapore", "Singapore"},
    {"RU", 3, "Nga", "Russia"},
    {"AE", 2, "các Tiểu vương quốc Ả Rập Thống nhất", "the United Arab Emirates"},
    {"PL", 2, "Ba Lan", "Poland"},
    {"CH", 2, "Thụy Sĩ", "Switzerland"},
    {"NZ", 1, "New Zealand", "New Zealand"},
    {"HK", 2, "Hồng Kông", "Hong Kong"},
    {"TH", 2, "Thái Lan", "Thailand"},
    {"IN", 1, "Ấn Độ", "India"},
};

constexpr sv kBuyerTypes[] = {"wholesaler",     "retail_chain",     "e_commerce", "interior_designer",
                              "sourcing_agent", "department_store", "gift_shop"};
constexpr int kBuyerTypeWeights[] = {25, 12, 20, 12, 10, 6, 15};

constexpr sv kPriceTiers[] = {"budget", "mid", "premium", "luxury"};

// ---------------------------------------------------------------------------
// 4. Factories
// ---------------------------------------------------------------------------

constexpr std::uint64_t kDomainCounts = 0x636F756E7473ULL;       // "counts"
constexpr std::uint64_t kDomainExhibitor = 0x6578686962ULL;      // "exhib"
constexpr std::uint64_t kDomainImporter = 0x696D706F7274ULL;     // "import"
constexpr std::uint64_t kDomainCountries = 0x636F756E747279ULL;  // "country"
constexpr std::uint64_t kDomainTax = 0x746178ULL;                // "tax"

// Products per exhibitor, 1..8, mean ~4.8.
constexpr int kProductCountWeights[] = {5, 8, 11, 15, 17, 15, 11, 8};

// Resolved indices over the static tables, built once.
struct Model {
    std::vector<int> village_weights;
    std::vector<std::vector<std::size_t>> village_categories;  // category indices per village
    std::vector<std::vector<int>> village_category_weights;
    std::vector<std::vector<std::size_t>> producers;  // per category: villages making it (named only)
    std::vector<std::vector<int>> producer_weights;
    std::vector<int> country_weights;
    std::vector<int> market_weights;

    static const Model& get() {
        static const Model m = build();
        return m;
    }

private:
    static Model build() {
        const auto& cats = catalogue();
        const auto& vs = villages();
        auto category_index = [&](sv code) {
            for (std::size_t i = 0; i < cats.size(); ++i)
                if (cats[i].code == code) return i;
            throw std::logic_error("demo: unknown category " + std::string(code));
        };
        Model m;
        m.producers.resize(cats.size());
        m.producer_weights.resize(cats.size());
        for (std::size_t vi = 0; vi < vs.size(); ++vi) {
            const VillageDef& v = vs[vi];
            province(v.province);  // validates
            m.village_weights.push_back(v.weight);
            std::vector<std::size_t> idx;
            std::vector<int> w;
            for (const auto& [code, weight] : v.categories) {
                const std::size_t ci = category_index(code);
                idx.push_back(ci);
                w.push_back(weight);
                if (!v.name.empty()) {
                    m.producers[ci].push_back(vi);
                    m.producer_weights[ci].push_back(v.weight * weight);
                }
            }
            m.village_categories.push_back(std::move(idx));
            m.village_category_weights.push_back(std::move(w));
        }
        for (const CategoryDef& c : cats)
            for (const Noun& n : c.nouns)
                if (n.min_cents <= 0 || n.max_cents < n.min_cents)
                    throw std::logic_error("demo: bad price for " + std::string(c.code));
        for (const CategoryDef& c : cats)
            for (const Modifier& mod : c.mods)
                for (sv mat : split(mod.materials, ',')) material_vi(mat);
        // A category whose modifiers are all local styles needs a matching
        // tag on every named village that makes it.
        for (const VillageDef& v : vs) {
            if (v.name.empty()) continue;
            for (const auto& [code, weight] : v.categories) {
                const CategoryDef& c = cats[category_index(code)];
                bool common = false;
                bool matched = false;
                for (const Modifier& mod : c.mods) {
                    common = common || mod.tag.empty();
                    matched = matched || (!mod.tag.empty() && has_word(v.tags, mod.tag));
                }
                if (!common && !matched)
                    throw std::logic_error("demo: no style of " + std::string(code) + " for " + std::string(v.name));
            }
        }
        for (const CountryDef& c : countries()) m.country_weights.push_back(c.weight);
        for (const Market& mk : kMarkets) m.market_weights.push_back(mk.weight);
        return m;
    }
};

// Chooses an item for a village. Items tagged with one of the village's tags
// are its local speciality, untagged items the common repertoire. Modifiers
// (`prefer_local`) come from the local set 60% of the time, always for a
// "strict" village; nouns draw from local and common alike. With no local
// item the common ones are used, and with neither (an exporter asking for an
// all-local category) any item.
template <class T>
const T& pick_for_village(Rng& rng, const std::vector<T>& items, sv village_tags, bool prefer_local) {
    std::vector<std::size_t> local;
    std::vector<std::size_t> common;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].tag.empty())
            common.push_back(i);
        else if (has_word(village_tags, items[i].tag))
            local.push_back(i);
    }
    auto from = [&](const std::vector<std::size_t>& idx) -> const T& {
        return items[idx[static_cast<std::size_t>(rng.below(idx.size()))]];
    };
    if (!local.empty()) {
        if (common.empty()) return from(local);
        if (prefer_local) return has_word(village_tags, "strict") || rng.chance(60) ? from(local) : from(common);
        std::vector<std::size_t> all = common;
        all.insert(all.end(), local.begin(), local.end());
        return from(all);
    }
    if (common.empty()) return items[static_cast<std::size_t>(rng.below(items.size()))];
    return from(common);
}

void add_unique(std::vector<std::string>& list, sv value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.emplace_back(value);
}

enum class Kind { llc, jsc, coop, workshop, sole };

struct Artisan {
    std::string name;  // "Nguyễn Văn Hùng"
    int title = 0;     // 0 Nghệ nhân, 1 Nghệ nhân Ưu tú, 2 Nghệ nhân Nhân dân
};

constexpr sv kArtisanTitleVi[] = {"Nghệ nhân", "Nghệ nhân Ưu tú", "Nghệ nhân Nhân dân"};
constexpr sv kArtisanTitleEn[] = {"artisan", "Meritorious Artisan", "People's Artisan"};

// Price multiplier per tier, percent of the mid-tier price.
constexpr int kTierPricePct[] = {65, 100, 170, 300};

struct ProductText {
    sv vi;
    sv en;
};
const ProductText kProductClosers[] = {
    {"Nhận làm theo mẫu và in logo của khách hàng.", "Custom designs and private labels welcome."},
    {"Đóng gói từng chiếc, phù hợp vận chuyển đường biển.", "Individually packed for sea freight."},
    {"Mỗi sản phẩm là độc bản, màu sắc có thể khác đôi chút.", "Each piece is unique; colours may vary slightly."},
    {"Có thể điều chỉnh kích thước và màu sắc theo yêu cầu.", "Size and colour can be adjusted on request."},
    {"Không sử dụng hóa chất độc hại, thân thiện với môi trường.", "Eco-friendly, made without harmful chemicals."},
    {"Hàng có sẵn mẫu, giao mẫu trong 7 ngày.", "Samples available within 7 days."},
};

// Makes exhibitor i from its own PRNG stream; names, websites and tax codes
// are unique across the population, so make() is called for 0, 1, 2, ... in
// order.
class ExhibitorFactory {
public:
    ExhibitorFactory(std::uint64_t seed, const Sizes& sizes) : m_(Model::get()), seed_(seed), total_(sizes.exhibitors) {
        plan_product_counts(sizes);
        Rng tax(mix(seed, kDomainTax));
        // Multiplier coprime with 10^7 (odd, not a multiple of 5): a bijection.
        do {
            tax_mul_ = 1000003 + 2 * static_cast<std::int64_t>(tax.below(4000000));
        } while (tax_mul_ % 5 == 0);
        tax_add_ = static_cast<std::int64_t>(tax.below(10000000));
    }

    ExhibitorWithProducts make(int index) {
        Rng rng(mix(mix(seed_, kDomainExhibitor), static_cast<std::uint64_t>(index)));
        const auto& vs = villages();
        const std::size_t vi = rng.weighted(m_.village_weights);
        const VillageDef& v = vs[vi];
        const bool exporter = v.name.empty();
        const Province& prov = province(v.province);

        ExhibitorWithProducts out;
        Exhibitor& e = out.exhibitor;
        e.province = std::string(v.province);
        e.craft_village = std::string(v.name);

        // Small, remote or ethnic-minority villages ("strict" styles) are mostly
        // cooperatives and family workshops.
        const bool small_village = has_word(v.tags, "strict");
        const Kind kind = exporter        ? (rng.chance(65) ? Kind::llc : Kind::jsc)
                          : small_village ? static_cast<Kind>(rng.weighted({15, 0, 40, 40, 5}))
                                          : static_cast<Kind>(rng.weighted({38, 7, 15, 30, 10}));
        const bool company = kind == Kind::llc || kind == Kind::jsc;

        // Categories (never more than products, so each gets at least one).
        const int product_count = counts_[static_cast<std::size_t>(index)];
        std::size_t want = exporter ? static_cast<std::size_t>(rng.between(2, 4))
                                    : static_cast<std::size_t>(1 + rng.weighted({55, 32, 13}));
        want = std::min(want, static_cast<std::size_t>(product_count));
        std::vector<std::size_t> cat_idx;
        for (std::size_t k : weighted_distinct(rng, m_.village_category_weights[vi], want))
            cat_idx.push_back(m_.village_categories[vi][k]);
        const auto& cats = catalogue();
        for (std::size_t ci : cat_idx) e.categories.emplace_back(cats[ci].code);
        const CategoryDef& main_cat = cats[cat_idx.front()];

        make_names(rng, e, v, kind, exporter);
        e.tax_code = tax_code(index, v.tax_prefix);

        // Price tier, shifted by the village's reputation.
        static const std::vector<int> tier_weights[] = {{40, 42, 15, 3}, {22, 44, 25, 9}, {8, 34, 40, 18}};
        const int tier = static_cast<int>(rng.weighted(tier_weights[std::clamp(v.tier_bias, -1, 1) + 1]));
        e.price_tier = std::string(kPriceTiers[tier]);

        // Size of the business.
        const bool bulky = has_flag(main_cat, 'f') || main_cat.code == "stone.carving";
        std::int64_t workers = 0;
        switch (kind) {
            case Kind::workshop:
                workers = rng.between(4, 30);
                break;
            case Kind::coop:
                workers = rng.between(20, 250);
                break;
            case Kind::sole:
                workers = rng.between(10, 80);
                break;
            default:
                workers = small_village ? rng.between(15, 90) : rng.between(25, 500);
                break;
        }
        // Pieces per worker and month: furniture and stone are slow, fine
        // handwork slower still per piece than baskets or bowls.
        static constexpr sv slow_crafts[] = {"art.",
                                             "inlay.",
                                             "wood.carving",
                                             "textiles.embroidery",
                                             "textiles.brocade",
                                             "metal.silverware",
                                             "jewellery.silver"};
        bool slow = false;
        for (sv prefix : slow_crafts) slow = slow || main_cat.code.substr(0, prefix.size()) == prefix;
        std::int64_t capacity = workers * (bulky  ? rng.between(3, 12)
                                           : slow ? rng.between(8, 40)
                                                  : rng.between(60, 250));
        capacity = round_to(std::max<std::int64_t>(capacity, 50), capacity >= 10000 ? 1000 : 50);
        e.monthly_capacity = capacity;
        std::int64_t moq = company              ? rng.between(100, 2000)
                           : kind == Kind::coop ? rng.between(100, 1000)
                                                : rng.between(50, 500);
        if (bulky) moq = std::max<std::int64_t>(50, moq / 4);
        e.moq = std::clamp<std::int64_t>(round_to(moq, moq >= 500 ? 50 : 10), 50, 2000);
        e.lead_time_days = std::clamp<std::int64_t>(round_to(rng.between(25, 75) + (bulky ? 15 : 0), 5), 20, 90);

        // Certifications.
        bool wood_based = false;
        bool textile = false;
        for (std::size_t ci : cat_idx) {
            wood_based = wood_based || has_flag(cats[ci], 'w') || has_flag(cats[ci], 'f');
            textile = textile || has_flag(cats[ci], 't');
        }
        std::vector<std::string> certs;
        if (!exporter && rng.chance(40)) {
            const std::size_t level = rng.weighted({60, 33, 7});
            certs.emplace_back(kCertifications[level]);
        }
        auto maybe = [&](sv code, int pct) {
            if (rng.chance(pct)) certs.emplace_back(code);
        };
        maybe("FSC", wood_based ? (company ? 25 : 6) : 0);
        maybe("BSCI", company ? 20 : 4);
        maybe("SMETA", company ? 8 : 1);
        maybe("SEDEX", company ? 10 : 2);
        maybe("SA8000", company ? 2 : 0);
        maybe("WFTO", kind == Kind::coop ? 12 : 3);
        maybe("FAIRTRADE", kind == Kind::coop ? 3 : 1);
        maybe("ISO9001", company ? 15 : 3);
        maybe("ISO14001", company ? 5 : 0);
        maybe("GOTS", textile ? 6 : 0);
        maybe("OEKO_TEX", textile ? 10 : 0);
        std::sort(certs.begin(), certs.end(),
                  [](const std::string& a, const std::string& b) { return cert_rank(a) < cert_rank(b); });
        e.certifications = std::move(certs);

        // Export markets and languages.
        std::size_t market_count = 0;
        switch (kind) {
            case Kind::workshop:
                market_count = static_cast<std::size_t>(rng.weighted({35, 35, 20, 10}));
                break;
            case Kind::coop:
                market_count = static_cast<std::size_t>(rng.weighted({20, 30, 25, 15, 10}));
                break;
            case Kind::sole:
                market_count = static_cast<std::size_t>(rng.between(0, 4));
                break;
            default:
                market_count = static_cast<std::size_t>(rng.between(exporter ? 3 : 1, exporter ? 8 : 6));
                break;
        }
        std::vector<std::size_t> markets = weighted_distinct(rng, m_.market_weights, market_count);
        for (std::size_t k : markets) e.export_markets.emplace_back(kMarkets[k].code);
        auto sells_to = [&](sv code) {
            return std::find(e.export_markets.begin(), e.export_markets.end(), code) != e.export_markets.end();
        };
        e.languages.emplace_back("vi");
        const int en_pct = exporter ? 95 : company ? 70 : kind == Kind::coop ? 40 : kind == Kind::sole ? 35 : 25;
        if (rng.chance(en_pct)) e.languages.emplace_back("en");
        if (rng.chance(sells_to("FR") ? 25 : 4)) e.languages.emplace_back("fr");
        if (rng.chance(sells_to("JP") ? 20 : 2)) e.languages.emplace_back("ja");
        if (rng.chance(sells_to("CN") || sells_to("TW") ? 30 : 4)) e.languages.emplace_back("zh");
        if (rng.chance(sells_to("KR") ? 20 : 2)) e.languages.emplace_back("ko");

        // Artisan leading the workshop, if any.
        std::optional<Artisan> artisan;
        if (!exporter && rng.chance(v.artisan_pct)) {
            Artisan a;
            a.name = person_name(rng);
            a.title = static_cast<int>(rng.weighted({75, 21, 4}));
            artisan = std::move(a);
        }

        // Products.
        std::unordered_set<std::string> product_names;
        for (int k = 0; k < product_count; ++k) {
            const std::size_t ci = k < static_cast<int>(cat_idx.size())
                                       ? cat_idx[static_cast<std::size_t>(k)]
                                       : cat_idx[static_cast<std::size_t>(rng.below(cat_idx.size()))];
            out.products.push_back(make_product(rng, e, v, cats[ci], tier, artisan, product_names));
        }
        for (const Product& p : out.products)
            for (const std::string& mat : p.materials) add_unique(e.materials, mat);

        describe(rng, e, v, prov, kind, cat_idx, workers, artisan, out.products);
        return out;
    }

private:
    void plan_product_counts(const Sizes& sizes) {
        Rng rng(mix(seed_, kDomainCounts));
        counts_.resize(static_cast<std::size_t>(sizes.exhibitors));
        const std::vector<int> count_weights(std::begin(kProductCountWeights), std::end(kProductCountWeights));
        std::int64_t sum = 0;
        for (int& c : counts_) {
            c = 1 + static_cast<int>(rng.weighted(count_weights));
            sum += c;
        }
        // Nudge to the exact target, keeping every count in 1..8.
        const std::int64_t target = std::clamp<std::int64_t>(sizes.products, sizes.exhibitors, 8LL * sizes.exhibitors);
        while (!counts_.empty() && sum != target) {
            int& c = counts_[static_cast<std::size_t>(rng.below(counts_.size()))];
            if (sum > target && c > 1) {
                --c;
                --sum;
            } else if (sum < target && c < 8) {
                ++c;
                ++sum;
            }
        }
    }

    // 10-digit enterprise tax code: 2-digit province prefix, 7-digit serial,
    // check digit (weights 31,29,23,19,17,13,7,5,3; 10 - sum mod 11). The
    // serial is a bijection of a slot number; slots index + k*total are
    // reserved for this exhibitor, so codes are unique by construction.
    std::string tax_code(int index, int prefix) const {
        static constexpr int weights[] = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        for (std::int64_t slot = index;; slot += std::max(total_, 1)) {
            const std::int64_t serial = (tax_mul_ * (slot % 10000000) + tax_add_) % 10000000;
            std::string digits = (prefix < 10 ? "0" : "") + std::to_string(prefix);
            std::string s = std::to_string(serial);
            digits += std::string(7 - s.size(), '0') + s;
            int sum = 0;
            for (std::size_t i = 0; i < 9; ++i) sum += (digits[i] - '0') * weights[i];
            const int check = 10 - sum % 11;
            if (check == 10 || check == 11) continue;
            digits += static_cast<char>('0' + check);
            return digits;
        }
    }

    void make_names(Rng& rng, Exhibitor& e, const VillageDef& v, Kind kind, bool exporter) {
        std::string trade_vi(v.trade_vi);
        std::string trade_en(v.trade_en);
        if (exporter && rng.chance(50)) {
            trade_vi = "Xuất nhập khẩu " + trade_vi;
            trade_en += " Import-Export";
        }
        const std::string village_en = ascii_fold(v.name);
        std::string brand;  // the distinctive part of the name, also used for the website
        for (int attempt = 0;; ++attempt) {
            brand = brand_name(rng);
            const std::string brand_en = ascii_fold(brand);
            std::string vi;
            std::string en;
            switch (kind) {
                case Kind::llc: {
                    const bool with_village = !v.name.empty() && rng.chance(40);
                    vi = "Công ty TNHH " + trade_vi + " " + brand + (with_village ? " " + std::string(v.name) : "");
                    en = brand_en + (with_village ? " " + village_en : "") + " " + trade_en + " Co., Ltd";
                    break;
                }
                case Kind::jsc:
                    vi = "Công ty Cổ phần " + trade_vi + " " + brand;
                    en = brand_en + " " + trade_en + " Joint Stock Company";
                    break;
                case Kind::coop: {
                    const sv form = rng.chance(50) ? "HTX " : "Hợp tác xã ";
                    if (attempt == 0) {
                        brand = std::string(v.name);
                        vi = std::string(form) + trade_vi + " " + brand;
                        en = village_en + " " + trade_en + " Cooperative";
                    } else {
                        vi = std::string(form) + trade_vi + " " + brand + " " + std::string(v.name);
                        en = brand_en + " " + village_en + " " + trade_en + " Cooperative";
                    }
                    break;
                }
                case Kind::workshop:
                    if (rng.chance(60)) {
                        brand = person_name(rng);
                    }
                    vi = "Cơ sở " + trade_vi + " " + brand;
                    en = ascii_fold(brand) + " " + trade_en + " Workshop";
                    break;
                case Kind::sole:
                    vi = "Doanh nghiệp tư nhân " + trade_vi + " " + brand;
                    en = brand_en + " " + trade_en + " Private Enterprise";
                    break;
            }
            if (attempt >= 40) {  // astronomically rare at demo scales
                vi += " " + std::to_string(attempt);
                en += " " + std::to_string(attempt);
            }
            // Both names must be new: "HTX ..." and "Hợp tác xã ..." or "Hưng"
            // and "Hùng" differ in Vietnamese but not in English.
            if (names_.count(vi) == 0 && names_en_.count(en) == 0) {
                names_.insert(vi);
                names_en_.insert(en);
                e.name = std::move(vi);
                e.name_en = std::move(en);
                break;
            }
        }

        const int site_pct = kind == Kind::llc || kind == Kind::jsc ? 90
                             : kind == Kind::sole                   ? 60
                             : kind == Kind::coop                   ? 45
                                                                    : 35;
        if (!rng.chance(site_pct)) return;
        static constexpr sv tlds[] = {".vn", ".com.vn", ".com"};
        const sv tld = tlds[rng.weighted({45, 30, 25})];
        const std::string base = slugify(v.trade_vi, 0) + slugify(brand, 0);
        std::string host = base + std::string(tld);
        if (!sites_.insert(host).second) {
            host = base + slugify(v.name.empty() ? v.province : v.name, 0) + std::string(tld);
            for (int n = 2; !sites_.insert(host).second; ++n) host = base + std::to_string(n) + std::string(tld);
        }
        e.website = "https://" + host;
    }

    Product make_product(Rng& rng, const Exhibitor& e, const VillageDef& v, const CategoryDef& cat, int tier,
                         const std::optional<Artisan>& artisan, std::unordered_set<std::string>& used) {
        // Exporters commission from the villages that make the category.
        const VillageDef* origin = &v;
        const std::size_t ci = static_cast<std::size_t>(&cat - catalogue().data());
        if (v.name.empty() && !m_.producers[ci].empty())
            origin = &villages()[m_.producers[ci][rng.weighted(m_.producer_weights[ci])]];

        Product p;
        p.category = std::string(cat.code);
        p.currency = "USD";
        const Noun* noun = nullptr;
        const Modifier* mod = nullptr;
        const Suffix* suffix = nullptr;
        for (int attempt = 0; attempt < 20; ++attempt) {
            noun = &pick_for_village(rng, cat.nouns, origin->tags, false);
            mod = &pick_for_village(rng, cat.mods, origin->tags, true);
            suffix = rng.chance(45) ? &rng.pick(cat.suffixes) : nullptr;
            // No "Bộ đũa ... bộ 6 chiếc" (a set sold in sets) and no
            // "vẽ tay vẽ hoa cúc" (a word repeated from the modifier).
            if (suffix != nullptr) {
                const sv first = split(suffix->vi, ' ').front();
                if ((noun->vi.substr(0, 3) == "Bộ" && first == "bộ") || has_word(mod->vi, first)) suffix = nullptr;
            }
            p.name_vi = std::string(noun->vi) + " " + std::string(mod->vi);
            p.name_en = capitalize(std::string(mod->en) + " " + std::string(noun->en));
            if (suffix != nullptr) {
                p.name_vi += " " + std::string(suffix->vi);
                p.name_en += " " + std::string(suffix->en);
            }
            if (used.insert(p.name_vi).second) break;
        }
        for (sv mat : split(mod->materials, ',')) add_unique(p.materials, mat);
        if (suffix != nullptr)
            for (sv mat : split(suffix->materials, ',')) add_unique(p.materials, mat);

        // FOB price range: a point in the noun's range (skewed to the cheap
        // end), scaled by the tier; the range covers sizes and finishes.
        const std::int64_t u = rng.between(0, 1000);
        std::int64_t base = noun->min_cents + (noun->max_cents - noun->min_cents) * u * u / 1000000;
        if (suffix != nullptr) base = base * suffix->price_pct / 100;
        auto round_price = [](std::int64_t cents) {
            const std::int64_t step = cents < 1000 ? 5 : cents < 10000 ? 50 : 100;
            return std::max<std::int64_t>(step, round_to(cents, step));
        };
        const std::int64_t low = base * kTierPricePct[tier] / 100;
        p.fob_price_min = round_price(low);
        p.fob_price_max = std::max(round_price(low * rng.between(115, 220) / 100), p.fob_price_min);

        // Minimum order: dear pieces and art sell in small lots.
        if (cat.code.substr(0, 4) == "art.")
            p.moq = std::clamp<std::int64_t>(round_to(e.moq / 10, 5), 5, 50);
        else if (p.fob_price_min >= 10000)
            p.moq = std::clamp<std::int64_t>(round_to(e.moq / 10, 5), 5, 100);
        else if (p.fob_price_min >= 2000)
            p.moq = std::clamp<std::int64_t>(round_to(e.moq / 4, 10), 10, 300);
        else if (p.fob_price_min >= 800)
            p.moq = std::clamp<std::int64_t>(round_to(e.moq / 2, 10), 20, 1000);
        else
            p.moq = round_to(e.moq * rng.between(100, 200) / 100, 10);

        p.village = std::string(origin->name);
        const bool by_artisan = artisan.has_value() && rng.chance(60);
        if (by_artisan) p.artisan = std::string(kArtisanTitleVi[artisan->title]) + " " + artisan->name;

        // Description.
        const Province& prov = province(origin->province);
        const std::string village_en = ascii_fold(origin->name);
        std::vector<std::string> mats_vi;
        for (const std::string& mat : p.materials) mats_vi.emplace_back(material_vi(mat));
        if (v.name.empty()) {
            p.description_vi = p.name_vi + " được đặt làm tại làng nghề " + std::string(origin->name) + " (" +
                               std::string(prov.name_vi) + ") và kiểm tra chất lượng trước khi xuất khẩu.";
            p.description_en = p.name_en + ", made to order in " + village_en + " craft village (" +
                               std::string(prov.name_en) + ") and quality-checked before export.";
        } else {
            p.description_vi = p.name_vi + " làm thủ công tại làng nghề " + std::string(origin->name) + ", " +
                               std::string(prov.name_vi) + ".";
            p.description_en =
                p.name_en + ", handmade in " + village_en + " craft village, " + std::string(prov.name_en) + ".";
        }
        p.description_vi += " Chất liệu: " + join_list(mats_vi, "và") + ".";
        p.description_en += " Materials: " + join_list(p.materials, "and") + ".";
        if (by_artisan) {
            p.description_vi += " Mẫu do " + p.artisan + " thiết kế.";
            p.description_en +=
                " Designed by " + std::string(kArtisanTitleEn[artisan->title]) + " " + artisan->name + ".";
        } else if (rng.chance(60)) {
            const ProductText& t = kProductClosers[rng.below(std::size(kProductClosers))];
            p.description_vi += " " + std::string(t.vi);
            p.description_en += " " + std::string(t.en);
        }
        return p;
    }

    void describe(Rng& rng, Exhibitor& e, const VillageDef& v, const Province& prov, Kind kind,
                  const std::vector<std::size_t>& cat_idx, std::int64_t workers, const std::optional<Artisan>& artisan,
                  const std::vector<Product>& products) {
        const auto& cats = catalogue();
        std::vector<std::string> cats_vi;
        std::vector<std::string> cats_en;
        for (std::size_t ci : cat_idx) {
            cats_vi.emplace_back(cats[ci].phrase_vi);
            cats_en.emplace_back(cats[ci].phrase_en);
        }
        const std::string list_vi = join_list(cats_vi, "và");
        const std::string list_en = join_list(cats_en, "and");
        const std::string village_en = ascii_fold(v.name);
        const int year = static_cast<int>(rng.between(1988, 2022));

        std::string vi;
        std::string en;
        if (v.name.empty()) {
            std::vector<std::string> sources;
            for (const Product& p : products)
                if (!p.village.empty() && sources.size() < 3) add_unique(sources, p.village);
            std::vector<std::string> sources_en;
            for (const std::string& s : sources) sources_en.push_back(ascii_fold(s));
            vi = e.name + " là doanh nghiệp xuất khẩu " + list_vi + " có trụ sở tại " + std::string(prov.name_vi);
            en = e.name_en + " is an exporter of " + list_en + " based in " + std::string(prov.name_en);
            if (!sources.empty()) {
                vi += ", đặt hàng trực tiếp tại các làng nghề " + join_list(sources, "và");
                en += ", sourcing directly from the craft villages of " + join_list(sources_en, "and");
            }
            vi += ".";
            en += ".";
        } else if (rng.chance(50)) {
            static constexpr sv kind_vi[] = {"doanh nghiệp", "doanh nghiệp", "hợp tác xã", "cơ sở sản xuất gia đình",
                                             "doanh nghiệp tư nhân"};
            static constexpr sv kind_en[] = {"a company", "a company", "a cooperative", "a family workshop",
                                             "a private enterprise"};
            const auto k = static_cast<std::size_t>(kind);
            vi = e.name + " là " + std::string(kind_vi[k]) + " tại làng nghề " + std::string(v.name) + " (" +
                 std::string(prov.name_vi) + "), chuyên sản xuất " + list_vi + ".";
            en = e.name_en + " is " + std::string(kind_en[k]) + " in " + village_en + " craft village (" +
                 std::string(prov.name_en) + ") specialising in " + list_en + ".";
        } else {
            vi = "Từ năm " + std::to_string(year) + ", " + e.name + " sản xuất " + list_vi + " tại làng nghề " +
                 std::string(v.name) + ", " + std::string(prov.name_vi) + ".";
            en = "Since " + std::to_string(year) + ", " + e.name_en + " has made " + list_en + " in " + village_en +
                 " craft village, " + std::string(prov.name_en) + ".";
        }

        // Second sentence: markets.
        if (e.export_markets.empty()) {
            vi += " Chúng tôi đang tìm kiếm đối tác nhập khẩu đầu tiên.";
            en += " We are looking for our first import partners.";
        } else {
            std::vector<std::string> names_vi;
            std::vector<std::string> names_en;
            for (const std::string& code : e.export_markets)
                for (const Market& mk : kMarkets)
                    if (mk.code == code) {
                        names_vi.emplace_back(mk.name_vi);
                        names_en.emplace_back(mk.name_en);
                    }
            vi += " Sản phẩm đã xuất khẩu sang " + join_list(names_vi, "và") + ".";
            en += " Our products are exported to " + join_list(names_en, "and") + ".";
        }

        // Third sentence (sometimes): people and capacity, tradition or artisan.
        const int third = static_cast<int>(rng.below(10));
        if (artisan.has_value() && third < 5) {
            vi += " " + std::string(kArtisanTitleVi[artisan->title]) + " " + artisan->name +
                  " trực tiếp chỉ đạo sản xuất.";
            en += " Production is led by " + std::string(kArtisanTitleEn[artisan->title]) + " " + artisan->name + ".";
        } else if ((kind == Kind::workshop || kind == Kind::coop) && !v.name.empty() && third < 7) {
            const auto generations = rng.between(2, 5);
            vi += " Nghề được truyền qua " + std::to_string(generations) + " thế hệ.";
            en += " The craft has been handed down over " + std::to_string(generations) + " generations.";
        } else if (third < 8) {
            vi += " Với " + group_digits(workers, '.') + " lao động, năng lực sản xuất khoảng " +
                  group_digits(e.monthly_capacity, '.') + " sản phẩm mỗi tháng.";
            en += " With " + group_digits(workers, ',') + " workers, we make about " +
                  group_digits(e.monthly_capacity, ',') + " pieces a month.";
        }
        e.description_vi = std::move(vi);
        e.description_en = std::move(en);
    }

    const Model& m_;
    std::uint64_t seed_;
    int total_;
    std::vector<int> counts_;
    std::int64_t tax_mul_ = 1;
    std::int64_t tax_add_ = 0;
    std::unordered_set<std::string> names_;
    std::unordered_set<std::string> names_en_;
    std::unordered_set<std::string> sites_;
};

// Makes importer i from its own PRNG stream; countries are planned for the
// whole population up front, names are unique, so make() is called in order.
class ImporterFactory {
public:
    ImporterFactory(std::uint64_t seed, const Sizes& sizes) : m_(Model::get()), seed_(seed) {
        plan_countries(sizes.importers);
    }

    Importer make(int index) {
        Rng rng(mix(mix(seed_, kDomainImporter), static_cast<std::uint64_t>(index)));
        const auto& cs = countries();
        const CountryDef& c = cs[country_of_[static_cast<std::size_t>(index)]];
        Importer im;
        im.country = std::string(c.code);
        const std::size_t bt =
            rng.weighted(std::vector<int>(std::begin(kBuyerTypeWeights), std::end(kBuyerTypeWeights)));
        im.buyer_type = std::string(kBuyerTypes[bt]);
        im.name = unique_name(rng, c);

        // Categories.
        const auto& cats = catalogue();
        std::vector<int> weights;
        for (const CategoryDef& cat : cats) {
            int w = cat.demand * 10;
            for (sv prefix : split(c.favourites, ' '))
                if (cat.code.substr(0, prefix.size()) == prefix) {
                    w *= 3;
                    break;
                }
            if (im.buyer_type == "interior_designer" && has_flag(cat, 'i')) w *= 3;
            if (im.buyer_type == "gift_shop" && has_flag(cat, 'g')) w *= 3;
            if (im.buyer_type == "department_store" && (has_flag(cat, 'g') || has_flag(cat, 'i'))) w *= 2;
            if (im.buyer_type == "e_commerce" && has_flag(cat, 'f')) w /= 3;
            weights.push_back(w);
        }
        const std::size_t n_cats = 1 + rng.weighted({35, 35, 20, 10});
        bool wood_based = false;
        bool textile = false;
        for (std::size_t ci : weighted_distinct(rng, weights, n_cats)) {
            im.categories.emplace_back(cats[ci].code);
            wood_based = wood_based || has_flag(cats[ci], 'w') || has_flag(cats[ci], 'f');
            textile = textile || has_flag(cats[ci], 't');
        }

        // Required certifications.
        const bool big_retail = im.buyer_type == "retail_chain" || im.buyer_type == "department_store";
        const int require_pct = c.strict ? (big_retail ? 55 : 22) : (big_retail ? 15 : 5);
        if (rng.chance(require_pct)) {
            std::vector<sv> codes;
            std::vector<int> w;
            auto option = [&](sv code, int weight) {
                if (weight > 0) {
                    codes.push_back(code);
                    w.push_back(weight);
                }
            };
            if (c.strict) {
                option("BSCI", 40);
                option("FSC", wood_based ? 40 : 5);
                option("SMETA", 15);
                option("SEDEX", 10);
                option("WFTO", 6);
                option("ISO9001", 6);
                option("OEKO_TEX", textile ? 15 : 0);
                option("GOTS", textile ? 4 : 0);
            } else {
                option("ISO9001", 50);
                option("BSCI", 30);
                option("FSC", wood_based ? 20 : 0);
            }
            const std::size_t n = rng.chance(80) ? 1 : 2;
            std::vector<std::string> req;
            for (std::size_t k : weighted_distinct(rng, w, n)) req.emplace_back(codes[k]);
            std::sort(req.begin(), req.end(),
                      [](const std::string& a, const std::string& b) { return cert_rank(a) < cert_rank(b); });
            im.required_certifications = std::move(req);
        }

        // Price tier, order size, lead time, budget by buyer type.
        static const std::vector<int> tier_weights[] = {{35, 45, 17, 3}, {30, 50, 18, 2}, {35, 45, 17, 3},
                                                        {3, 27, 45, 25}, {40, 45, 13, 2}, {5, 35, 45, 15},
                                                        {25, 50, 22, 3}};
        im.price_tier = std::string(kPriceTiers[rng.weighted(tier_weights[bt])]);
        static constexpr std::int64_t qty[][2] = {{1000, 20000}, {2000, 20000}, {100, 3000}, {100, 1500},
                                                  {500, 15000},  {500, 8000},   {100, 1000}};
        const std::int64_t q = rng.between(qty[bt][0], qty[bt][1]);
        im.order_quantity = std::clamp<std::int64_t>(round_to(q, q >= 2000 ? 100 : 50), 100, 20000);
        im.max_lead_time_days =
            im.buyer_type == "e_commerce" ? round_to(rng.between(30, 75), 5) : round_to(rng.between(45, 120), 5);
        static constexpr std::int64_t budget_usd[][2] = {{200000, 3000000}, {500000, 5000000}, {30000, 500000},
                                                         {20000, 300000},   {200000, 3000000}, {300000, 4000000},
                                                         {10000, 150000}};
        const std::int64_t usd = round_to(rng.between(budget_usd[bt][0], budget_usd[bt][1]), 5000);
        const bool local_currency = c.currency != "USD" && rng.chance(70);
        if (local_currency && c.currency == "EUR") {
            im.annual_budget = Money{round_to(usd * 92 / 100, 1000) * 100, "EUR"};
        } else if (local_currency && c.currency == "JPY") {
            im.annual_budget = Money{round_to(usd * 150, 1000000), "JPY"};  // JPY has no minor unit
        } else {
            im.annual_budget = Money{usd * 100, "USD"};
        }

        // Languages.
        const std::vector<sv> primaries = split(c.languages, ' ');
        const sv primary = primaries[static_cast<std::size_t>(rng.below(primaries.size()))];
        im.languages.emplace_back(primary);
        if (primary != "en" && rng.chance(c.english_pct)) im.languages.emplace_back("en");
        if (c.code == "SG" && rng.chance(30)) im.languages.emplace_back("zh");
        if (c.code == "CH" && primary != "fr" && rng.chance(30)) im.languages.emplace_back("fr");
        if (rng.chance(3)) add_unique(im.languages, "vi");  // Vietnamese-speaking staff
        return im;
    }

private:
    // Weighted draw per importer, then every country present at least once
    // (when there are at least as many importers as countries).
    void plan_countries(int n) {
        Rng rng(mix(seed_, kDomainCountries));
        const std::size_t k = countries().size();
        country_of_.resize(static_cast<std::size_t>(n));
        std::vector<int> count(k, 0);
        for (auto& c : country_of_) {
            c = rng.weighted(m_.country_weights);
            ++count[c];
        }
        if (static_cast<std::size_t>(n) < k) return;
        for (std::size_t missing = 0; missing < k; ++missing) {
            if (count[missing] > 0) continue;
            for (;;) {
                auto& slot = country_of_[static_cast<std::size_t>(rng.below(country_of_.size()))];
                if (count[slot] > 1) {
                    --count[slot];
                    slot = missing;
                    ++count[missing];
                    break;
                }
            }
        }
    }

    std::string compose(Rng& rng, const CountryDef& c) {
        std::string out;
        for (char part : c.pattern) {
            std::string piece;
            switch (part) {
                case 'S':
                    piece = std::string(rng.pick(c.stems));
                    break;
                case 'N':
                    piece = std::string(rng.pick(c.nouns));
                    break;
                case 'L':
                    piece = std::string(rng.pick(c.legals));
                    break;
                case 'C':
                    piece = std::string(rng.pick(c.cities));
                    break;
                case 'E':
                    // One draw per statement: the order of evaluation of the
                    // operands of + is unspecified and differs between compilers.
                    piece = std::string(pick_from(rng, kEnglishA));
                    piece += pick_from(rng, kEnglishB);
                    piece = capitalize(to_lower_ascii(piece));
                    break;
                case 'G':
                    piece = std::string(pick_from(rng, kGermanA));
                    piece += pick_from(rng, kGermanB);
                    break;
                default:
                    break;
            }
            if (!out.empty()) out += ' ';
            out += piece;
        }
        return out;
    }

    // Unique within the population: the country's pattern first, then a
    // branch office ("Oakridge Home LLC (Chicago)"), then a numbered branch
    // ("... (Chicago #2)"), which only very large populations reach.
    std::string unique_name(Rng& rng, const CountryDef& c) {
        std::string name;
        for (int attempt = 0; attempt < 8; ++attempt) {
            name = compose(rng, c);
            if (names_.insert(name).second) return name;
        }
        for (int attempt = 0; attempt < 4; ++attempt) {
            const std::string branch = name + " (" + std::string(rng.pick(c.cities)) + ")";
            if (names_.insert(branch).second) return branch;
        }
        const std::string base = name + " (" + std::string(rng.pick(c.cities)) + " #";
        for (int& n = next_branch_[base];;) {
            std::string numbered = base + std::to_string(++n + 1) + ")";
            if (names_.insert(numbered).second) return numbered;
        }
    }

    const Model& m_;
    std::uint64_t seed_;
    std::vector<std::size_t> country_of_;
    std::unordered_set<std::string> names_;
    std::unordered_map<std::string, int> next_branch_;  // last number used per "name (city #"
};

}  // namespace

// ---------------------------------------------------------------------------
// 5. Public functions
// ---------------------------------------------------------------------------

std::optional<Scale> parse_scale(std::string_view name) {
    if (name == "small") return Scale::small;
    if (name == "hanoi") return Scale::hanoi;
    if (name == "canton") return Scale::canton;
    return std::nullopt;
}

std::string_view to_string(Scale scale) {
    switch (scale) {
        case Scale::small:
            return "small";
        case Scale::hanoi:
            return "hanoi";
        case Scale::canton:
            return "canton";
    }
    return "small";
}

Sizes sizes_for(Scale scale) {
    switch (scale) {
        case Scale::small:
            return {50, 120, 240};
        case Scale::hanoi:
            return {1250, 3200, 6000};
        case Scale::canton:
            return {25000, 200000, 120000};
    }
    return {50, 120, 240};
}

Fair demo_fair() {
    Fair f;
    f.name_vi = "Hội chợ Hàng thủ công mỹ nghệ xuất khẩu Hà Nội 2026";
    f.name_en = "Hanoi Handicraft Export Fair 2026";
    f.venue = "Trung tâm Hội chợ Triển lãm Quốc gia (VEC), Đông Anh, Hà Nội";
    f.city = "Hà Nội";
    f.time_zone = "Asia/Ho_Chi_Minh";
    f.start_date = "2026-12-03";
    f.end_date = "2026-12-06";
    f.status = "open";
    return f;
}

void generate_each(Scale scale, std::uint64_t seed, const ExhibitorSink& on_exhibitor,
                   const ImporterSink& on_importer) {
    generate_each(sizes_for(scale), seed, on_exhibitor, on_importer);
}

void generate_each(const Sizes& sizes, std::uint64_t seed, const ExhibitorSink& on_exhibitor,
                   const ImporterSink& on_importer) {
    if (on_exhibitor) {
        ExhibitorFactory factory(seed, sizes);
        for (int i = 0; i < sizes.exhibitors; ++i) on_exhibitor(factory.make(i));
    }
    if (on_importer) {
        ImporterFactory factory(seed, sizes);
        for (int i = 0; i < sizes.importers; ++i) on_importer(factory.make(i));
    }
}

Population generate(Scale scale, std::uint64_t seed) {
    const Sizes sizes = sizes_for(scale);
    Population p;
    p.fair = demo_fair();
    p.exhibitors.reserve(static_cast<std::size_t>(sizes.exhibitors));
    p.importers.reserve(static_cast<std::size_t>(sizes.importers));
    generate_each(
        scale, seed, [&](ExhibitorWithProducts&& e) { p.exhibitors.push_back(std::move(e)); },
        [&](Importer&& i) { p.importers.push_back(std::move(i)); });
    return p;
}

const ReferenceCodes& reference_codes() {
    static const ReferenceCodes codes = [] {
        ReferenceCodes r;
        for (const CategoryDef& c : catalogue()) r.categories.emplace_back(c.code);
        for (const Province& p : kProvinces) r.provinces.emplace_back(p.code);
        for (const CountryDef& c : countries()) r.countries.emplace_back(c.code);
        for (const Market& m : kMarkets) add_unique(r.countries, m.code);
        for (sv c : kCertifications) r.certifications.emplace_back(c);
        return r;
    }();
    return codes;
}

}  // namespace fairmatch::server::demo
