#pragma once
// Text helpers for Vietnamese: folding to ASCII for accent-insensitive
// search and slugs.

#include <string>
#include <string_view>

namespace fairmatch::server::text {

// Decodes one UTF-8 code point at s[i], advancing i; an invalid byte gives
// U+FFFD and advances by one.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Folds Vietnamese (and common Latin) letters to ASCII, keeping case:
// "Bát Tràng" -> "Bat Trang", "Đông Hồ" -> "Dong Ho"; combining marks are
// dropped; other characters are kept as they are.
std::string ascii_fold(std::string_view utf8);

// Lowercase ASCII slug: ascii_fold, then letters and digits kept, every
// other run becomes one separator: slugify("Bát Tràng", '-') == "bat-trang";
// separator 0 drops them.
std::string slugify(std::string_view utf8, char separator = '-');

}  // namespace fairmatch::server::text
