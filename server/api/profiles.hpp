#pragma once
// Reading and rendering exhibitor and importer profiles, shared by their
// handlers, the participants list and the CSV import.

#include <nlohmann/json.hpp>

#include "server/domain/reference_data.hpp"
#include "server/domain/types.hpp"

namespace fairmatch::server::api {

// Validates `body` into `e` (all fields when `creating`, else only those
// present); throws the 422 Problem listing every invalid field.
void read_exhibitor(const nlohmann::json& body, Exhibitor& e, bool creating, const ReferenceData& ref);
void read_importer(const nlohmann::json& body, Importer& i, bool creating, const ReferenceData& ref);

// With participation status (and, for importers, private fields) when `insider`.
nlohmann::json exhibitor_to_json(const Exhibitor& e, bool insider);
nlohmann::json importer_to_json(const Importer& i, bool insider);

}  // namespace fairmatch::server::api
