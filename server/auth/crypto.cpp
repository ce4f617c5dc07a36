#include "server/auth/crypto.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace fairmatch::server::auth {

namespace {
constexpr auto kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

// Passwords of 10+ characters that appear at the top of leaked-password
// lists, plus Vietnamese favourites ("matkhau" = password, "anhyeuem" = I
// love you). Shorter ones are already refused by the length rule.
constexpr std::array<std::string_view, 48> kCommon = {
    "0123456789", "1111111111", "1234567890", "0987654321", "123456789a", "123456789q", "1234567890a",
    "1q2w3e4r5t", "1qaz2wsx3edc", "abc1234567", "abcdefghij", "asdfghjkl1", "football12", "iloveyou12",
    "password12", "password123", "password1234", "password!1", "passw0rd123", "qwerty1234", "qwerty12345",
    "qwertyuiop", "qwertyuiop1", "welcome123", "letmein123", "sunshine12", "princess12", "dragon1234",
    "monkey1234", "superman12", "baseball12", "trustno1trustno1", "zaq12wsxcde", "aaaaaaaaaa", "matkhau123",
    "matkhau1234", "matkhaucuatoi", "anhyeuem123", "anhyeuem1234", "emyeuanh123", "123456aA@", "vietnam123",
    "vietnam1234", "hanoi12345", "saigon12345", "admin12345", "administrator", "changeme123"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::size_t utf8_chars(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
}  // namespace

void init_crypto() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    });
}

std::string hash_password(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), kOps, kMem) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
    if (stored_hash.empty()) return false;
    std::string h(stored_hash);
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view stored_hash) {
    std::string h(stored_hash);
    return crypto_pwhash_str_needs_rehash(h.c_str(), kOps, kMem) != 0;
}

void verify_dummy(std::string_view password) {
    static const std::string dummy = hash_password("not a real password, only for equal timing");
    (void)verify_password(dummy, password);
}

std::optional<std::string> password_problem(std::string_view password, std::string_view email) {
    if (utf8_chars(password) < 10) return "Must be at least 10 characters.";
    if (password.size() > 256) return "Must be at most 256 bytes.";
    auto p = lower(password);
    auto e = lower(email);
    auto at = e.find('@');
    if (p == e || (at != std::string::npos && at >= 4 && p == e.substr(0, at)))
        return "Must not be your email address.";
    for (auto c : kCommon)
        if (p == c) return "Is one of the most common passwords; choose another.";
    return std::nullopt;
}

std::string random_string(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string random_token() { return random_string(32); }

std::string token_hash(std::string_view token) {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

}  // namespace fairmatch::server::auth
