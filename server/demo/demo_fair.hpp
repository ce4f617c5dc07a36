#pragma once
// Demo fair generator: a deterministic, realistic population for the Hanoi
// handicraft export fair (exhibitors from real craft villages with their
// products, importers from 40 countries).
//
// Standard library only; produces the plain structs of domain/types.hpp.
// Ids, fair_id, exhibitor_id, hs_code and the timestamps are left empty/0:
// the loader assigns them; owner_user_id and status keep their defaults (no
// owner, approved). Every reference code emitted (category, province,
// country, certification) exists in schema/0002_reference.sql.
//
// Determinism: the output depends only on (scale, seed). The generator uses
// its own PRNG (xoshiro256**) and integer-only choice functions, so the same
// inputs give byte-identical output with any compiler, standard library or
// platform.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/text.hpp"
#include "server/domain/types.hpp"

namespace fairmatch::server::demo {

enum class Scale { small, hanoi, canton };

// "small" | "hanoi" | "canton"; anything else gives nullopt.
std::optional<Scale> parse_scale(std::string_view name);
std::string_view to_string(Scale scale);

struct Sizes {
    int exhibitors;
    int importers;
    int products;  // exact total number of products generated
};

// small 50/120/240, hanoi 1250/3200/6000, canton 25000/200000/120000.
Sizes sizes_for(Scale scale);

struct ExhibitorWithProducts {
    Exhibitor exhibitor;
    std::vector<Product> products;
};

struct Population {
    Fair fair;
    std::vector<ExhibitorWithProducts> exhibitors;
    std::vector<Importer> importers;
};

// The demo fair itself (status "open", 3-6 December 2026, Hanoi). Does not
// depend on scale or seed.
Fair demo_fair();

// The whole population at once. Canton scale holds ~345,000 records; use
// generate_each to stream instead.
Population generate(Scale scale, std::uint64_t seed);

using ExhibitorSink = std::function<void(ExhibitorWithProducts&&)>;
using ImporterSink = std::function<void(Importer&&)>;

// Streams the same records generate() returns, in the same order: all
// exhibitors first, then all importers. An empty sink skips that half (the
// other half is unaffected). Exceptions thrown by a sink propagate.
void generate_each(Scale scale, std::uint64_t seed, const ExhibitorSink& on_exhibitor, const ImporterSink& on_importer);
// The same population rules at any size (benchmarks): `sizes.products` is
// the total number of products to spread over the exhibitors.
void generate_each(const Sizes& sizes, std::uint64_t seed, const ExhibitorSink& on_exhibitor,
                   const ImporterSink& on_importer);

// Every code the generator can emit, per reference table, in a fixed order.
struct ReferenceCodes {
    std::vector<std::string> categories;
    std::vector<std::string> provinces;
    std::vector<std::string> countries;
    std::vector<std::string> certifications;
};
const ReferenceCodes& reference_codes();

// The text helpers the generator uses, now shared (server/domain/text.hpp).
using text::ascii_fold;
using text::slugify;

}  // namespace fairmatch::server::demo
