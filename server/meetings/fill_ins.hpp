#pragma once
// Fill-in candidates for a scheduler run: pairs of an importer and an
// exhibitor who both let the organizer fill their free slots, taken from the
// matching engine's scores, never a pair that has (or had) a participant's
// request of any status (a declined request never comes back as a fill-in).
// Each participant gets at most `per_participant` candidates, the best
// scores first. No SQL and no JSON beyond the reason text.

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "matching/score.hpp"
#include "server/domain/reference_data.hpp"
#include "server/meetings/schedule_input.hpp"
#include "server/recommend/fair_population.hpp"

namespace fairmatch::server::meetings {

constexpr int kFillInsPerParticipant = 3;
// Up to this many consenting pairs are scored one by one; beyond it each
// participant's top matches from the pruned top-k search are used.
constexpr std::size_t kExhaustivePairs = 250000;

struct FillInSources {
    std::set<Id> importers, exhibitors;          // approved and accepting fill-ins
    std::set<std::pair<Id, Id>> requested;       // (importer, exhibitor) with a participant's request
    std::vector<FillInCandidate> published;      // fill-ins published earlier and still open
    int per_participant = kFillInsPerParticipant;
};

// Published fill-ins come first (kept with their request and score while
// both still accept); new pairs fill the rest of each participant's quota.
std::vector<FillInCandidate> recommend_fill_ins(const recommend::FairPopulation& fp, const matching::Scorer& scorer,
                                                const ReferenceData& reference, const FillInSources& sources);

// {"vi": "...", "en": "..."}: the pair's strongest reasons in both languages.
std::string fill_in_reason(const recommend::FairPopulation& fp, const matching::Scorer& scorer,
                           const ReferenceData& reference, std::uint32_t importer, std::uint32_t exhibitor);

}  // namespace fairmatch::server::meetings
