// Matching engine benchmarks (Google Benchmark).
//
//   HanoiBothDirections      top-20 both directions for everyone, 1,250 exhibitors × 3,200
//                            importers, one thread (target: ≤ 150 ms)
//   TenthCantonImporters     top-20 exhibitors for every importer, 25,000 exhibitors × 20,000
//                            importers (a tenth of Canton scale), two threads
//   HanoiOneImporter / HanoiOneExhibitor   one recommendation request
//   HanoiExplain             one pair's score with its reasons
//   HanoiExhaustive          the unpruned reference, for comparison
//
// Populations come from matching::random_population with fixed seeds.
// Counters: pairs_scored (pairs fully worked out) and pairs (all pairs).

#include <benchmark/benchmark.h>

#include <cstdint>

#include "matching/random_population.hpp"
#include "matching/top_k.hpp"

namespace fm = fairmatch::matching;

namespace {

const fm::Population& hanoi() {
    static const fm::Population pop = fm::random_population(1250, 3200, 2024);
    return pop;
}

const fm::Population& tenth_canton() {
    static const fm::Population pop = fm::random_population(25000, 20000, 2025);
    return pop;
}

void set_counters(benchmark::State& state, const fm::AllMatches& r, const fm::Population& pop) {
    state.counters["pairs_scored"] = static_cast<double>(r.pairs_scored);
    state.counters["pairs"] = static_cast<double>(pop.exhibitor_count()) * static_cast<double>(pop.importer_count());
}

void HanoiBothDirections(benchmark::State& state) {
    const auto& pop = hanoi();
    const fm::Scorer scorer;
    const auto threads = static_cast<unsigned>(state.range(0));
    fm::AllMatches r;
    for (auto _ : state) {
        r = fm::top_k_all(pop, scorer, fm::Direction::both, {.k = 20, .threads = threads});
        benchmark::DoNotOptimize(r);
    }
    set_counters(state, r, pop);
}
BENCHMARK(HanoiBothDirections)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void HanoiExhaustive(benchmark::State& state) {
    const auto& pop = hanoi();
    const fm::Scorer scorer;
    fm::AllMatches r;
    for (auto _ : state) {
        r = fm::top_k_all(pop, scorer, fm::Direction::both, {.k = 20, .threads = 1, .prune = false});
        benchmark::DoNotOptimize(r);
    }
    set_counters(state, r, pop);
}
BENCHMARK(HanoiExhaustive)->Unit(benchmark::kMillisecond)->UseRealTime();

void TenthCantonImporters(benchmark::State& state) {
    const auto& pop = tenth_canton();
    const fm::Scorer scorer;
    const auto threads = static_cast<unsigned>(state.range(0));
    fm::AllMatches r;
    for (auto _ : state) {
        r = fm::top_k_all(pop, scorer, fm::Direction::exhibitors_for_importers, {.k = 20, .threads = threads});
        benchmark::DoNotOptimize(r);
    }
    set_counters(state, r, pop);
}
BENCHMARK(TenthCantonImporters)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void HanoiOneImporter(benchmark::State& state) {
    const auto& pop = hanoi();
    const fm::Scorer scorer;
    std::uint32_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(fm::top_exhibitors_for(pop, scorer, i));
        i = (i + 1) % static_cast<std::uint32_t>(pop.importer_count());
    }
}
BENCHMARK(HanoiOneImporter)->Unit(benchmark::kMicrosecond);

void HanoiOneExhibitor(benchmark::State& state) {
    const auto& pop = hanoi();
    const fm::Scorer scorer;
    std::uint32_t e = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(fm::top_importers_for(pop, scorer, e));
        e = (e + 1) % static_cast<std::uint32_t>(pop.exhibitor_count());
    }
}
BENCHMARK(HanoiOneExhibitor)->Unit(benchmark::kMicrosecond);

void HanoiExplain(benchmark::State& state) {
    const auto& pop = hanoi();
    const fm::Scorer scorer;
    std::uint32_t n = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(scorer.explain(pop, n % 3200, n % 1250));
        ++n;
    }
}
BENCHMARK(HanoiExplain)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
