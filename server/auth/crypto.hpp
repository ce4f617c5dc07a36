#pragma once
// Password hashing (argon2id via libsodium) and random tokens. Thread-safe;
// call init_crypto() once before use.

#include <optional>
#include <string>
#include <string_view>

namespace fairmatch::server::auth {

// Initialises libsodium; throws std::runtime_error if it cannot.
void init_crypto();

// argon2id with libsodium's interactive limits. Takes about 0.1 s and 64 MiB.
std::string hash_password(std::string_view password);
// Constant-time check of `password` against an argon2id string from
// hash_password. An empty stored hash never verifies.
bool verify_password(std::string_view stored_hash, std::string_view password);
// True when the stored hash was made with other parameters than today's.
bool needs_rehash(std::string_view stored_hash);
// Spends the same effort as a real verification, for unknown accounts, so
// that timing does not tell whether an email is registered.
void verify_dummy(std::string_view password);

// Why a new password is refused, or nullopt when it is acceptable: at least
// 10 characters, not the email (nor its local part), not a common password.
std::optional<std::string> password_problem(std::string_view password, std::string_view email);

// 256 random bits, base64url without padding (43 characters).
std::string random_token();
// A short random string for CSRF tokens and file names (base64url).
std::string random_string(std::size_t bytes);
// Hex BLAKE2b-256 of a token: what the database stores instead of it.
std::string token_hash(std::string_view token);

}  // namespace fairmatch::server::auth
