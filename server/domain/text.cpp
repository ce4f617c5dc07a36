#include "server/domain/text.hpp"

#include <unordered_map>

namespace fairmatch::server::text {

namespace {
using sv = std::string_view;
}  // namespace

// Decodes one UTF-8 code point at s[i], advancing i. Invalid bytes decode as
// themselves (one byte).
char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    if ((b0 & 0xE0) == 0xC0) {
        const int c1 = cont(1);
        if (c1 >= 0) {
            i += 2;
            return (static_cast<char32_t>(b0 & 0x1F) << 6) | static_cast<char32_t>(c1);
        }
    } else if ((b0 & 0xF0) == 0xE0) {
        const int c1 = cont(1);
        const int c2 = cont(2);
        if (c1 >= 0 && c2 >= 0) {
            i += 3;
            return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(c1) << 6) |
                   static_cast<char32_t>(c2);
        }
    } else if ((b0 & 0xF8) == 0xF0) {
        const int c1 = cont(1);
        const int c2 = cont(2);
        const int c3 = cont(3);
        if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
            i += 4;
            return (static_cast<char32_t>(b0 & 0x07) << 18) | (static_cast<char32_t>(c1) << 12) |
                   (static_cast<char32_t>(c2) << 6) | static_cast<char32_t>(c3);
        }
    }
    ++i;
    return 0xFFFD;
}

// Code point -> ASCII letter, built from the precomposed letters below.
const std::unordered_map<char32_t, char>& fold_table() {
    static const std::unordered_map<char32_t, char> table = [] {
        struct Row {
            char base;
            sv letters;
        };
        static constexpr Row rows[] = {
            {'a', "àáảãạăằắẳẵặâầấẩẫậäåā"},
            {'A', "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ"},
            {'e', "èéẻẽẹêềếểễệëē"},
            {'E', "ÈÉẺẼẸÊỀẾỂỄỆËĒ"},
            {'i', "ìíỉĩịîïī"},
            {'I', "ÌÍỈĨỊÎÏĪ"},
            {'o', "òóỏõọôồốổỗộơờớởỡợöøō"},
            {'O', "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌ"},
            {'u', "ùúủũụưừứửữựûüū"},
            {'U', "ÙÚỦŨỤƯỪỨỬỮỰÛÜŪ"},
            {'y', "ỳýỷỹỵÿ"},
            {'Y', "ỲÝỶỸỴŸ"},
            {'d', "đ"},
            {'D', "Đ"},
            {'c', "ç"},
            {'C', "Ç"},
            {'n', "ñ"},
            {'N', "Ñ"},
            {'s', "ş"},
            {'S', "Ş"},
            {'g', "ğ"},
            {'G', "Ğ"},
            {'l', "ł"},
            {'L', "Ł"},
            {'z', "żź"},
            {'Z', "ŻŹ"},
        };
        std::unordered_map<char32_t, char> t;
        for (const Row& row : rows) {
            std::size_t i = 0;
            while (i < row.letters.size()) t.emplace(decode_utf8(row.letters, i), row.base);
        }
        return t;
    }();
    return table;
}

std::string ascii_fold(std::string_view utf8) {
    const auto& table = fold_table();
    std::string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t start = i;
        const char32_t cp = decode_utf8(utf8, i);
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp >= 0x300 && cp <= 0x36F) {
            // combining mark (decomposed input): dropped
        } else if (auto it = table.find(cp); it != table.end()) {
            out += it->second;
        } else if (cp == 0xDF) {
            out += "ss";
        } else if (cp == 0xC6 || cp == 0xE6) {
            out += cp == 0xC6 ? "AE" : "ae";
        } else {
            out.append(utf8.substr(start, i - start));
        }
    }
    return out;
}

std::string slugify(std::string_view utf8, char separator) {
    const std::string folded = ascii_fold(utf8);
    std::string out;
    bool pending = false;
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            pending = true;
            continue;
        }
        if (pending && !out.empty() && separator != 0) out += separator;
        pending = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace fairmatch::server::text
