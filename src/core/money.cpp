// Bounded, overflow-checked money arithmetic.
#include "money.h"

#include <cstdio>
#include <string>

namespace aftercare::core {

std::optional<Fen> AddFen(Fen a, Fen b) {
    Fen sum = 0;
    if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
    return sum;
}

std::string FormatMoney(Fen fen) {
    char buffer[48];
    const long long whole = static_cast<long long>(fen / 100);
    const int cents = static_cast<int>(fen % 100 < 0 ? -(fen % 100) : fen % 100);
    std::snprintf(buffer, sizeof buffer, "¥%lld.%02d", whole, cents);
    return buffer;
}

std::optional<Error> CheckAmountFen(Fen value, std::string_view field) {
    if (value >= 0 && value <= kMaxAmountFen) return std::nullopt;
    return MakeError("out_of_range", "金额须在 0 到 1000 万元之间", "The amount must be between 0 and CNY 10,000,000.",
                     std::string(field));
}

}  // namespace aftercare::core
