#include "server/recommend/fair_population.hpp"

#include <algorithm>
#include <map>

namespace fairmatch::server::recommend {

namespace {

// Index of a code in a list, adding it when there is room.
struct Indexer {
    std::vector<std::string>* list;
    std::size_t capacity;
    std::unordered_map<std::string, std::size_t> index;

    std::optional<std::size_t> get(const std::string& code) {
        auto it = index.find(code);
        if (it != index.end()) return it->second;
        if (list->size() >= capacity) return std::nullopt;
        list->push_back(code);
        index.emplace(code, list->size() - 1);
        return list->size() - 1;
    }
    std::optional<std::size_t> find(const std::string& code) const {
        auto it = index.find(code);
        if (it == index.end()) return std::nullopt;
        return it->second;
    }
};

std::uint8_t tier(const std::string& t) {
    if (t == "budget") return 0;
    if (t == "premium") return 2;
    if (t == "luxury") return 3;
    return 1;
}

template <class T>
std::uint32_t clamp32(T v) {
    return static_cast<std::uint32_t>(std::clamp<long long>(static_cast<long long>(v), 0, 0xFFFFFFFFLL));
}
template <class T>
std::uint16_t clamp16(T v) {
    return static_cast<std::uint16_t>(std::clamp<long long>(static_cast<long long>(v), 0, 0xFFFF));
}

}  // namespace

static CodeIndex make_index(const matching::Vocabulary& v) {
    CodeIndex l;
    for (std::size_t i = 0; i < v.categories.size(); ++i) l.categories[v.categories[i]] = i;
    for (std::size_t i = 0; i < v.certifications.size(); ++i) l.certifications[v.certifications[i]] = i;
    for (std::size_t i = 0; i < v.languages.size(); ++i) l.languages[v.languages[i]] = i;
    for (std::size_t i = 0; i < v.countries.size(); ++i) l.countries[v.countries[i]] = i;
    for (std::size_t i = 0; i < v.buyer_types.size(); ++i) l.buyer_types[v.buyer_types[i]] = i;
    return l;
}

template <class Set>
static Set to_set(const std::vector<std::string>& codes, const std::unordered_map<std::string, std::size_t>& index) {
    Set s;
    for (const auto& c : codes)
        if (auto it = index.find(c); it != index.end() && it->second < Set::size()) s.set(it->second);
    return s;
}

matching::ImporterProfile to_profile(const Importer& i, const FairPopulation& fp) {
    const CodeIndex& l = fp.index;
    matching::ImporterProfile p;
    p.id = i.id;
    if (auto it = l.countries.find(i.country); it != l.countries.end()) p.country = static_cast<std::uint8_t>(it->second);
    if (auto it = l.buyer_types.find(i.buyer_type); it != l.buyer_types.end())
        p.buyer_type = static_cast<std::uint8_t>(it->second);
    p.categories = to_set<matching::Set64>(i.categories, l.categories);
    p.required_certifications = to_set<matching::Set64>(i.required_certifications, l.certifications);
    p.languages = to_set<matching::Set64>(i.languages, l.languages);
    p.price_tier = tier(i.price_tier);
    p.order_quantity = clamp32(i.order_quantity);
    p.max_lead_time_days = clamp16(i.max_lead_time_days);
    return p;
}

matching::ExhibitorProfile to_profile(const Exhibitor& e, const FairPopulation& fp) {
    const CodeIndex& l = fp.index;
    matching::ExhibitorProfile p;
    p.id = e.id;
    p.categories = to_set<matching::Set64>(e.categories, l.categories);
    p.certifications = to_set<matching::Set64>(e.certifications, l.certifications);
    p.languages = to_set<matching::Set64>(e.languages, l.languages);
    p.export_markets = to_set<matching::Set256>(e.export_markets, l.countries);
    p.price_tier = tier(e.price_tier);
    p.moq = clamp32(e.moq);
    p.monthly_capacity = clamp32(e.monthly_capacity);
    p.lead_time_days = clamp16(e.lead_time_days);
    return p;
}

std::shared_ptr<const FairPopulation> build_population(const ReferenceData& ref, std::vector<Exhibitor> exhibitors,
                                                       std::vector<Importer> importers) {
    auto fp = std::make_shared<FairPopulation>();
    auto& v = fp->vocabulary;
    // Categories in reference order (at most 64); the taxonomy groups those
    // sharing an HS code.
    std::map<std::string, std::uint32_t> hs_group;
    matching::Taxonomy taxonomy;
    for (const auto& c : ref.categories) {
        if (v.categories.size() >= matching::max_categories) break;
        v.categories.push_back(c.code);
        auto g = hs_group.emplace(c.hs_code, static_cast<std::uint32_t>(hs_group.size())).first->second;
        taxonomy.set_group(v.categories.size() - 1, g);
    }
    for (const auto& c : ref.certifications)
        if (v.certifications.size() < 64) v.certifications.push_back(c.code);
    for (const auto& c : ref.countries)
        if (v.countries.size() < 256) v.countries.push_back(c.code);
    for (auto b : buyer_types()) v.buyer_types.emplace_back(b);
    // Languages as they occur (fairs use a few dozen at most).
    Indexer langs{&v.languages, 64, {}};
    for (const auto& e : exhibitors)
        for (const auto& l : e.languages) langs.get(l);
    for (const auto& i : importers)
        for (const auto& l : i.languages) langs.get(l);

    fp->index = make_index(v);
    fp->population = matching::Population(taxonomy);
    fp->population.reserve(exhibitors.size(), importers.size());
    std::sort(exhibitors.begin(), exhibitors.end(), [](const Exhibitor& a, const Exhibitor& b) { return a.id < b.id; });
    std::sort(importers.begin(), importers.end(), [](const Importer& a, const Importer& b) { return a.id < b.id; });
    fp->exhibitors = std::move(exhibitors);
    fp->importers = std::move(importers);
    for (const auto& e : fp->exhibitors) fp->population.add_exhibitor(to_profile(e, *fp));
    for (const auto& i : fp->importers) fp->population.add_importer(to_profile(i, *fp));
    return fp;
}

WeightsResult weights_from_fields(const std::vector<std::pair<std::string, long long>>& fields) {
    WeightsResult r;
    for (const auto& [name, value] : fields) {
        int* target = nullptr;
        for (auto p : matching::all_parts)
            if (matching::to_string(p) == name) target = &r.weights.weight(p);
        if (name == "hs_group_credit") target = &r.weights.hs_group_credit;
        if (name == "interpreter_credit") target = &r.weights.interpreter_credit;
        if (name == "other_market_credit") target = &r.weights.other_market_credit;
        if (!target) {
            r.errors.push_back({name, "is not a weight"});
            continue;
        }
        if (value < -1000000 || value > 1000000) {
            r.errors.push_back({name, "is out of range"});
            continue;
        }
        *target = static_cast<int>(value);
    }
    if (r.errors.empty()) r.errors = r.weights.validate();
    return r;
}

std::vector<std::pair<std::string, int>> weights_fields(const matching::Weights& w) {
    std::vector<std::pair<std::string, int>> out;
    for (auto p : matching::all_parts) out.emplace_back(std::string(matching::to_string(p)), w.weight(p));
    out.emplace_back("hs_group_credit", w.hs_group_credit);
    out.emplace_back("interpreter_credit", w.interpreter_credit);
    out.emplace_back("other_market_credit", w.other_market_credit);
    return out;
}

}  // namespace fairmatch::server::recommend
