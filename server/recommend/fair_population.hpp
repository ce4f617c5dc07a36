#pragma once
// The bridge from stored profiles to the matching engine: codes become
// small indices (the engine's Vocabulary), profiles become the engine's
// plain structs. No SQL and no JSON here.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "matching/population.hpp"
#include "matching/reason.hpp"
#include "matching/score.hpp"
#include "server/domain/reference_data.hpp"
#include "server/domain/types.hpp"

namespace fairmatch::server::recommend {

// Code -> engine index, per list of the vocabulary.
struct CodeIndex {
    std::unordered_map<std::string, std::size_t> categories, certifications, languages, countries, buyer_types;
};

struct FairPopulation {
    matching::Population population;
    matching::Vocabulary vocabulary;
    CodeIndex index;
    std::vector<Exhibitor> exhibitors;  // index i = engine exhibitor index i
    std::vector<Importer> importers;
};

// Builds the engine's view of one fair's approved participants. Codes that
// do not fit the engine's fixed sets (more than 64 categories, languages or
// certifications in use) are left out of the score, never misattributed.
std::shared_ptr<const FairPopulation> build_population(const ReferenceData& reference,
                                                       std::vector<Exhibitor> exhibitors,
                                                       std::vector<Importer> importers);

matching::ImporterProfile to_profile(const Importer& i, const FairPopulation& fp);
matching::ExhibitorProfile to_profile(const Exhibitor& e, const FairPopulation& fp);

// Weights from their JSON form ({"category": 35, ...}); unknown or
// ill-typed fields are reported as field errors.
struct WeightsResult {
    matching::Weights weights;
    std::vector<matching::FieldError> errors;
};
WeightsResult weights_from_fields(const std::vector<std::pair<std::string, long long>>& fields);
std::vector<std::pair<std::string, int>> weights_fields(const matching::Weights& w);

}  // namespace fairmatch::server::recommend
