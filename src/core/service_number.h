// Service numbers (服务编号): random, unguessable, look-alike-free, with a check character and the kind in the prefix.
#pragma once

#include "result.h"
#include "vocabulary.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace aftercare::core {

// 31 symbols: digits 2-9 and letters without I, L, O (no 0/O or 1/I/L confusion). 31 is prime,
// which is what lets a weighted check sum catch every single substitution and adjacent swap.
inline constexpr std::string_view kServiceNumberAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// Layout: kind letter + 10 random symbols (31^10 ~ 2^49.5) + check symbol = 12 symbols,
// shown in groups of four: "R7KX-4M9Q-P2HC". Kind letters: R repair, T return (退), E exchange,
// C complaint, Q consultation (咨询 / query), S suggestion (建议).
inline constexpr std::size_t kServiceNumberBodyLength = 10;
inline constexpr std::size_t kServiceNumberLength = 12;
// Bytes the caller should draw from a CSPRNG: enough for rejection sampling to almost never run out.
inline constexpr std::size_t kServiceNumberRandomBytes = 32;

char KindPrefix(TicketKind kind);

// Makes a number from caller-supplied random bytes (core does no I/O). Error "insufficient_randomness"
// in the astronomically rare case the bytes run out; draw new bytes and call again.
Result<std::string> GenerateServiceNumber(TicketKind kind, std::span<const std::uint8_t> random_bytes);

struct ParsedServiceNumber {
    TicketKind kind = TicketKind::Repair;
    std::string compact; // 12 upper-case symbols, the storage key
    std::string display; // grouped with hyphens, the wire and UI form
};

// Case-insensitive; ignores spaces and hyphens (ASCII and full-width). 0/O/1/I/L are not in the
// alphabet, so they are reported as an invalid character rather than guessed at. Errors (field
// "service_number"): empty, bad_length, bad_character, unknown_kind, bad_check.
Result<ParsedServiceNumber> ParseServiceNumber(std::string_view text);

// The check symbol for the first 11 symbols of a compact number (upper case, in the alphabet).
char ComputeCheckCharacter(std::string_view compact_without_check);
bool HasValidCheckCharacter(std::string_view compact);

} // namespace aftercare::core
