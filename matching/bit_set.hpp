#pragma once
// Fixed-size bit sets for the matching engine's compact profiles.
//
// BitSet<64> holds category, certification, language and buyer-type indices;
// BitSet<256> holds countries (ISO 3166-1 has fewer than 256 codes). Unlike
// std::bitset, the words are reachable, so Population can store them column
// by column, and set algebra (intersects, is_subset_of) is one pass over the
// words.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>

namespace fairmatch::matching {

template <std::size_t Bits>
class BitSet {
    static_assert(Bits > 0 && Bits % 64 == 0, "BitSet size must be a positive multiple of 64");

public:
    static constexpr std::size_t word_count = Bits / 64;

    constexpr BitSet() = default;

    // Sets the listed bits. Throws std::out_of_range if one is >= Bits.
    constexpr BitSet(std::initializer_list<std::size_t> bits) {
        for (std::size_t b : bits) set(b);
    }

    static constexpr BitSet from_words(const std::array<std::uint64_t, word_count>& words) {
        BitSet s;
        s.words_ = words;
        return s;
    }

    static constexpr std::size_t size() { return Bits; }

    // Throws std::out_of_range if bit >= Bits (as std::bitset does).
    constexpr BitSet& set(std::size_t bit) {
        check(bit);
        words_[bit / 64] |= std::uint64_t{1} << (bit % 64);
        return *this;
    }
    constexpr BitSet& reset(std::size_t bit) {
        check(bit);
        words_[bit / 64] &= ~(std::uint64_t{1} << (bit % 64));
        return *this;
    }
    constexpr bool test(std::size_t bit) const {
        check(bit);
        return ((words_[bit / 64] >> (bit % 64)) & 1U) != 0;
    }

    constexpr bool any() const {
        for (auto w : words_)
            if (w != 0) return true;
        return false;
    }
    constexpr bool none() const { return !any(); }
    constexpr std::size_t count() const {
        std::size_t n = 0;
        for (auto w : words_) n += static_cast<std::size_t>(std::popcount(w));
        return n;
    }
    constexpr bool intersects(const BitSet& o) const {
        for (std::size_t i = 0; i < word_count; ++i)
            if ((words_[i] & o.words_[i]) != 0) return true;
        return false;
    }
    // True when every bit of *this is also in o (the empty set is a subset of anything).
    constexpr bool is_subset_of(const BitSet& o) const {
        for (std::size_t i = 0; i < word_count; ++i)
            if ((words_[i] & ~o.words_[i]) != 0) return false;
        return true;
    }

    constexpr std::uint64_t word(std::size_t i) const { return words_[i]; }
    constexpr const std::array<std::uint64_t, word_count>& words() const { return words_; }

    // Calls f(bit) for every set bit, in increasing order.
    template <class F>
    constexpr void for_each(F&& f) const {
        for (std::size_t i = 0; i < word_count; ++i) {
            std::uint64_t w = words_[i];
            while (w != 0) {
                f(i * 64 + static_cast<std::size_t>(std::countr_zero(w)));
                w &= w - 1;
            }
        }
    }

    constexpr BitSet& operator&=(const BitSet& o) {
        for (std::size_t i = 0; i < word_count; ++i) words_[i] &= o.words_[i];
        return *this;
    }
    constexpr BitSet& operator|=(const BitSet& o) {
        for (std::size_t i = 0; i < word_count; ++i) words_[i] |= o.words_[i];
        return *this;
    }
    // Set difference: the bits of *this that are not in o.
    constexpr BitSet& operator-=(const BitSet& o) {
        for (std::size_t i = 0; i < word_count; ++i) words_[i] &= ~o.words_[i];
        return *this;
    }
    friend constexpr BitSet operator&(BitSet a, const BitSet& b) { return a &= b; }
    friend constexpr BitSet operator|(BitSet a, const BitSet& b) { return a |= b; }
    friend constexpr BitSet operator-(BitSet a, const BitSet& b) { return a -= b; }
    friend constexpr bool operator==(const BitSet&, const BitSet&) = default;

private:
    static constexpr void check(std::size_t bit) {
        if (bit >= Bits) throw std::out_of_range("BitSet: bit index out of range");
    }

    std::array<std::uint64_t, word_count> words_{};
};

using Set64 = BitSet<64>;
using Set256 = BitSet<256>;

}  // namespace fairmatch::matching
