// libFuzzer target: the .dzn reader (matching/dzn.cpp). Malformed text must
// end in DznError and nothing else; a small instance that parses is also
// turned into a scheduling problem and solved briefly, and the schedule is
// checked against the instance (ranges, one meeting per table and slot, one
// meeting per participant and slot, forbidden slots).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>
#include <utility>

#include "matching/dzn.hpp"

using namespace fairmatch::matching;

namespace {
[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "FUZZ FINDING: %s\n", what);
    std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    B2bInstance inst;
    try {
        inst = parse_dzn(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const DznError&) {
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "FUZZ FINDING: parse_dzn threw something else than DznError: %s\n", e.what());
        std::abort();
    }
    if (inst.businesses > 40 || inst.meetings.size() > 80 || inst.total_slots > 30 || inst.tables > 10) return 0;
    (void)to_schedule_problem(inst);
    B2bSolveOptions opt;
    opt.seed = 1;
    opt.effort = 0.002;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
    opt.out_of_time = [deadline] { return std::chrono::steady_clock::now() > deadline; };
    auto sol = solve_b2b(inst, opt);
    std::set<std::pair<int, int>> tables_used, people_busy;
    for (const auto& a : sol.meetings) {
        if (a.meeting < 1 || a.meeting > static_cast<int>(inst.meetings.size())) finding("meeting id out of range");
        if (a.slot < 1 || a.slot > inst.total_slots) finding("slot out of range");
        if (a.table < 1 || a.table > inst.tables) finding("table out of range");
        if (!tables_used.insert({a.slot, a.table}).second) finding("two meetings at one table in one slot");
        const auto& m = inst.meetings[a.meeting - 1];
        for (int p : {m.first, m.second}) {
            if (!people_busy.insert({a.slot, p}).second) finding("a participant in two meetings in one slot");
            if (p >= 1 && p <= static_cast<int>(inst.forbidden.size()))
                for (int s : inst.forbidden[p - 1])
                    if (s == a.slot) finding("a meeting in a forbidden slot of a participant");
        }
    }
    return 0;
}
