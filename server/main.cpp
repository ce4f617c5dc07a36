#include <cstdio>
#include <exception>
#include <string>

#include "server/commands.hpp"

int main(int argc, char** argv) {
    using namespace fairmatch::server;
    if (argc < 2) return cli::usage(2);
    std::string cmd = argv[1];
    cli::Args args(argv + 2, argv + argc);
    try {
        if (cmd == "serve") return cli::serve(args);
        if (cmd == "demo") return cli::demo(args);
        if (cmd == "migrate") return cli::migrate(args);
        if (cmd == "backup") return cli::backup(args);
        if (cmd == "user") return cli::user(args);
        if (cmd == "token") return cli::token(args);
        if (cmd == "outbox") return cli::outbox(args);
        if (cmd == "bench-matching") return cli::bench_matching(args);
        if (cmd == "schedule-dzn") return cli::schedule_dzn(args);
        if (cmd == "--help" || cmd == "-h" || cmd == "help") return cli::usage(0);
        std::fprintf(stderr, "fairmatch: unknown command '%s'\n", cmd.c_str());
        return cli::usage(2);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fairmatch %s: %s\n", cmd.c_str(), e.what());
        return 1;
    }
}
