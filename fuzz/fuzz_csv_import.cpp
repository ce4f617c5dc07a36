// libFuzzer target: the CSV importer (parser and per-row validation) as an
// organizer's dry run, POST /api/v1/fairs/{fair}/imports/{kind}?dry_run=true
// with a text/csv body, through App::handle on a real database. The first
// byte chooses exhibitors or importers; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/harness.hpp"
#include "server/log.hpp"

using namespace fairmatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::FuzzServer* server = [] {
        server::set_access_log(false);
        return new fuzz::FuzzServer();  // a dry run writes nothing: no reset needed
    }();
    if (size < 1) return 0;
    const char* kind = data[0] & 1 ? "importers" : "exhibitors";
    server::http::Request req;
    req.method = "POST";
    req.target = "/api/v1/fairs/" + std::to_string(server->fair_id()) + "/imports/" + kind + "?dry_run=true";
    req.request_id = "fuzz";
    req.headers.emplace_back("authorization", "Bearer " + std::string(fuzz::bearer_token(fuzz::Caller::organizer)));
    req.headers.emplace_back("content-type", "text/csv; charset=utf-8");
    req.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
    server->begin_input();
    auto res = server->dispatch(req);
    fuzz::check_response(res, "CSV import");
    // A dry run answers the report (200), or says what is wrong with the file.
    if (res.status != 200 && res.status != 413 && res.status != 422) {
        std::fprintf(stderr, "FUZZ FINDING: CSV dry run answered %d: %s\n", res.status, res.body.c_str());
        std::abort();
    }
    return 0;
}
