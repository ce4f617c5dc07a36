#pragma once
#include "server/domain/reference_data.hpp"

namespace fairmatch::server::store {
class Connection;
// Reads the reference tables (categories, countries, provinces,
// certifications), ordered by code, and indexes them.
ReferenceData load_reference_data(Connection& db);
}  // namespace fairmatch::server::store
