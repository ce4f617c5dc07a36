#pragma once
// The subcommands of the fairmatch executable. Each returns the process
// exit code; arguments exclude the program and command names.
#include <string>
#include <vector>

namespace fairmatch::server::cli {
using Args = std::vector<std::string>;
int serve(const Args& args);
int demo(const Args& args);
int migrate(const Args& args);
int backup(const Args& args);
int user(const Args& args);
int token(const Args& args);
int outbox(const Args& args);
int bench_matching(const Args& args);
int schedule_dzn(const Args& args);
int usage(int code);
}  // namespace fairmatch::server::cli
