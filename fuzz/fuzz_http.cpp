// libFuzzer target: raw bytes as they arrive on a connection -> Beast's
// request parser with our header and body limits -> our Request -> the
// router -> App::handle on the real DB executor, over a temporary database
// seeded with the small demo fair. The first byte chooses the caller
// (anonymous, organizer, exhibitor owning a profile, importer owning one);
// the rest is one or more pipelined HTTP/1.1 requests.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/harness.hpp"
#include "server/log.hpp"

using namespace fairmatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::FuzzServer* server = [] {
        server::set_access_log(false);
        auto* s = new fuzz::FuzzServer();
        // Back to the seeded database every 100 inputs (every input when
        // replaying): some inputs revoke the callers' tokens or fill tables.
        const char* every = std::getenv("FAIRMATCH_FUZZ_RESET_EVERY");
        s->reset_every(every ? static_cast<unsigned>(std::atoi(every)) : 100);
        return s;
    }();
    if (size < 1) return 0;
    auto who = static_cast<fuzz::Caller>(data[0] % 4);
    server->feed(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), who);
    return 0;
}
