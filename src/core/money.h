// Money: integer fen (1/100 CNY), bounded inputs and overflow-checked sums, so no amount a customer
// or a policy can send turns a price negative or wraps it around.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "result.h"

namespace aftercare::core {

// Money is integer fen (1/100 CNY): no floating point in prices.
using Fen = std::int64_t;

// The largest amount any input may carry: ¥10,000,000 (10^9 fen). Far above any repair, and small
// enough that adding a handful of bounded amounts can never come near INT64_MAX.
inline constexpr Fen kMaxAmountFen = 1'000'000'000;

// a + b, or nullopt when it would overflow.
std::optional<Fen> AddFen(Fen a, Fen b);

// "¥150.00": how every screen, message and printed report shows an amount.
std::string FormatMoney(Fen fen);

// An amount a client sends: 0..kMaxAmountFen, else "out_of_range" naming `field`.
std::optional<Error> CheckAmountFen(Fen value, std::string_view field);

}  // namespace aftercare::core
