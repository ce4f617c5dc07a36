#include "server/meetings/fill_ins.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "matching/top_k.hpp"
#include "server/recommend/reason_text.hpp"

namespace fairmatch::server::meetings {

namespace {
constexpr std::size_t kTopK = 30;  // matches looked at per participant on the top-k path
constexpr std::size_t kReasons = 2;
}  // namespace

std::string fill_in_reason(const recommend::FairPopulation& fp, const matching::Scorer& scorer,
                           const ReferenceData& reference, std::uint32_t importer, std::uint32_t exhibitor) {
    auto x = scorer.explain(fp.population, importer, exhibitor);
    // The parts that gave the most points, each with its first reason.
    std::vector<const matching::PartExplanation*> parts;
    for (const auto& p : x.parts)
        if (p.points > 0 && !p.reasons.empty()) parts.push_back(&p);
    std::stable_sort(parts.begin(), parts.end(), [](auto* a, auto* b) { return a->points > b->points; });
    nlohmann::json j = nlohmann::json::object();
    for (const char* lang : {"vi", "en"}) {
        std::string text;
        for (std::size_t i = 0; i < parts.size() && i < kReasons; ++i) {
            if (!text.empty()) text += "; ";
            text += recommend::reason_text(parts[i]->reasons.front(), fp.vocabulary, reference, lang);
        }
        j[lang] = text;
    }
    return j.dump();
}

std::vector<FillInCandidate> recommend_fill_ins(const recommend::FairPopulation& fp, const matching::Scorer& scorer,
                                                const ReferenceData& reference, const FillInSources& src) {
    struct Pair {
        std::uint32_t importer, exhibitor;
        int score;
    };
    std::vector<Pair> pairs;
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
    auto consider = [&](std::uint32_t i, std::uint32_t e, int score) {
        if (score <= 0) return;
        const auto& imp = fp.importers[i];
        const auto& exh = fp.exhibitors[e];
        if (!src.importers.count(imp.id) || !src.exhibitors.count(exh.id)) return;
        if (src.requested.count({imp.id, exh.id})) return;
        if (seen.emplace(i, e).second) pairs.push_back({i, e, score});
    };
    std::vector<std::uint32_t> importers, exhibitors;
    for (auto id : src.importers)
        if (auto i = fp.population.find_importer(id)) importers.push_back(*i);
    for (auto id : src.exhibitors)
        if (auto e = fp.population.find_exhibitor(id)) exhibitors.push_back(*e);
    if (importers.empty() || exhibitors.empty()) return {};

    if (importers.size() * exhibitors.size() <= kExhaustivePairs) {
        for (auto i : importers)
            for (auto e : exhibitors) {
                auto s = scorer.score(fp.population, i, e);
                if (!s.excluded) consider(i, e, s.score);
            }
    } else {
        for (auto i : importers)
            for (const auto& m : matching::top_exhibitors_for(fp.population, scorer, i, {.k = kTopK}))
                consider(i, m.index, m.score());
        for (auto e : exhibitors)
            for (const auto& m : matching::top_importers_for(fp.population, scorer, e, {.k = kTopK}))
                consider(m.index, e, m.score());
    }

    // Published fill-ins keep their place in each quota; then the best new pairs.
    std::map<Id, int> taken_importer, taken_exhibitor;
    std::vector<FillInCandidate> out;
    std::set<std::pair<Id, Id>> chosen;
    for (const auto& p : src.published) {
        if (!src.importers.count(p.importer_id) || !src.exhibitors.count(p.exhibitor_id)) continue;
        if (!chosen.emplace(p.importer_id, p.exhibitor_id).second) continue;
        ++taken_importer[p.importer_id];
        ++taken_exhibitor[p.exhibitor_id];
        out.push_back(p);
    }
    std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
        if (a.score != b.score) return a.score > b.score;
        return std::pair(fp.importers[a.importer].id, fp.exhibitors[a.exhibitor].id) <
               std::pair(fp.importers[b.importer].id, fp.exhibitors[b.exhibitor].id);
    });
    for (const auto& p : pairs) {
        Id imp = fp.importers[p.importer].id, exh = fp.exhibitors[p.exhibitor].id;
        if (chosen.count({imp, exh})) continue;
        if (taken_importer[imp] >= src.per_participant || taken_exhibitor[exh] >= src.per_participant) continue;
        ++taken_importer[imp];
        ++taken_exhibitor[exh];
        chosen.emplace(imp, exh);
        out.push_back({imp, exh, p.score, std::nullopt, fill_in_reason(fp, scorer, reference, p.importer, p.exhibitor)});
    }
    return out;
}

}  // namespace fairmatch::server::meetings
