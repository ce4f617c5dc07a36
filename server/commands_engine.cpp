// Subcommands that run the matching engine without a server:
// bench-matching (top-k for every importer of a generated population) and
// schedule-dzn (the meeting scheduler on a b2b-jair instance).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "matching/dzn.hpp"
#include "matching/score.hpp"
#include "matching/top_k.hpp"
#include "server/commands.hpp"
#include "server/demo/demo_fair.hpp"
#include "server/recommend/fair_population.hpp"
#include "server/store/migrations.hpp"
#include "server/store/reference_repository.hpp"
#include "server/store/sqlite.hpp"

namespace fairmatch::server::cli {

namespace {

long number_after(const Args& args, const std::string& name, long fallback, long min, long max) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != name) continue;
        std::size_t used = 0;
        long v = 0;
        try {
            v = std::stol(args[i + 1], &used);
        } catch (...) {
            used = 0;
        }
        if (used != args[i + 1].size() || v < min || v > max)
            throw std::invalid_argument(name + " must be a number from " + std::to_string(min) + " to " +
                                        std::to_string(max));
        return v;
    }
    return fallback;
}

void check_options(const Args& args, std::initializer_list<const char*> with_value, std::size_t positional) {
    std::size_t seen_positional = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        bool known = false;
        for (auto v : with_value) {
            if (args[i] == v) {
                if (i + 1 >= args.size()) throw std::invalid_argument("missing value after " + args[i]);
                ++i;
                known = true;
            }
        }
        if (known) continue;
        if (!args[i].starts_with("--") && seen_positional < positional) {
            ++seen_positional;
            continue;
        }
        throw std::invalid_argument("unexpected argument " + args[i]);
    }
    if (seen_positional < positional) throw std::invalid_argument("missing FILE");
}

}  // namespace

int bench_matching(const Args& args) {
    check_options(args, {"--exhibitors", "--importers", "--k", "--threads", "--seed", "--check-sample"}, 0);
    int n_exh = static_cast<int>(number_after(args, "--exhibitors", 1250, 1, 1'000'000));
    int n_imp = static_cast<int>(number_after(args, "--importers", 3200, 1, 5'000'000));
    auto k = static_cast<std::size_t>(number_after(args, "--k", 20, 1, 1000));
    auto threads = static_cast<unsigned>(number_after(args, "--threads", 1, 0, 256));
    auto seed = static_cast<std::uint64_t>(number_after(args, "--seed", 2026, 0, 1L << 62));
    auto sample = number_after(args, "--check-sample", 0, 0, 1'000'000);

    // Reference data as the server has it: an in-memory database, migrated.
    store::Connection mem(":memory:");
    store::migrate(mem);
    auto reference = store::load_reference_data(mem);

    auto t0 = std::chrono::steady_clock::now();
    std::vector<Exhibitor> exhibitors;
    std::vector<Importer> importers;
    exhibitors.reserve(static_cast<std::size_t>(n_exh));
    importers.reserve(static_cast<std::size_t>(n_imp));
    demo::Sizes sizes{n_exh, n_imp, n_exh};
    demo::generate_each(
        sizes, seed,
        [&](demo::ExhibitorWithProducts&& e) {
            e.exhibitor.id = static_cast<Id>(exhibitors.size() + 1);
            exhibitors.push_back(std::move(e.exhibitor));
        },
        [&](Importer&& i) {
            i.id = static_cast<Id>(importers.size() + 1);
            importers.push_back(std::move(i));
        });
    auto fp = recommend::build_population(reference, std::move(exhibitors), std::move(importers));
    double prepare = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    matching::Scorer scorer;
    auto t1 = std::chrono::steady_clock::now();
    auto all = matching::top_k_all(fp->population, scorer, matching::Direction::exhibitors_for_importers,
                                   {.k = k, .threads = threads});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();

    nlohmann::json out = {{"exhibitors", n_exh}, {"importers", n_imp},         {"k", k},
                          {"threads", threads},  {"pairs_scored", all.pairs_scored}, {"seconds", seconds},
                          {"prepare_seconds", prepare}};
    if (sample > 0) {
        std::mt19937_64 rng(seed);
        long mismatches = 0;
        for (long s = 0; s < sample; ++s) {
            auto i = static_cast<std::uint32_t>(rng() % fp->population.importer_count());
            auto exhaustive = matching::top_exhibitors_for(fp->population, scorer, i, {.k = k, .prune = false});
            auto got = all.for_importers[i];
            if (!std::equal(exhaustive.begin(), exhaustive.end(), got.begin(), got.end())) ++mismatches;
        }
        out["check_sample"] = sample;
        out["mismatches"] = mismatches;
    }
    std::printf("%s\n", out.dump().c_str());
    return 0;
}

int schedule_dzn(const Args& args) {
    check_options(args, {"--seconds", "--seed"}, 1);
    std::string file;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--seconds" || args[i] == "--seed") {
            ++i;
            continue;
        }
        file = args[i];
    }
    auto seconds = static_cast<double>(number_after(args, "--seconds", 10, 1, 3600));
    auto seed = static_cast<std::uint64_t>(number_after(args, "--seed", 1, 0, 1L << 62));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::invalid_argument("cannot read " + file);
    std::ostringstream text;
    text << in.rdbuf();
    matching::B2bInstance instance;
    try {
        instance = matching::parse_dzn(text.str());
    } catch (const matching::DznError& e) {
        throw std::invalid_argument(file + ":" + std::to_string(e.line()) + ": " + e.what());
    }
    auto solution = matching::solve_b2b(instance, seed, seconds);
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& m : solution.meetings)
        meetings.push_back({{"meeting", m.meeting}, {"slot", m.slot}, {"table", m.table}});
    nlohmann::json out = {{"meetings", meetings}, {"breaks", solution.breaks}, {"unscheduled", solution.unscheduled}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
}

}  // namespace fairmatch::server::cli
