// Service number generation, normalisation and the mod-31 weighted check character.
#include "service_number.h"

#include <array>

namespace aftercare::core {

namespace {

constexpr std::uint32_t kModulus = 31; // == kServiceNumberAlphabet.size(), prime

static_assert(kServiceNumberAlphabet.size() == kModulus);
// Weights 1..12 are all non-zero mod 31 (single substitutions change the sum) and adjacent
// weights differ by exactly 1 (adjacent swaps change it by the symbols' difference).
static_assert(kServiceNumberLength < kModulus);

struct KindLetter {
    TicketKind kind;
    char letter;
};

constexpr KindLetter kKindLetters[] = {
    {TicketKind::Repair, 'R'},    {TicketKind::Return, 'T'},       {TicketKind::Exchange, 'E'},
    {TicketKind::Complaint, 'C'}, {TicketKind::Consultation, 'Q'}, {TicketKind::Suggestion, 'S'},
};

int SymbolValue(char symbol) {
    const std::size_t index = kServiceNumberAlphabet.find(symbol);
    return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

std::uint32_t WeightedSum(std::string_view symbols) {
    std::uint32_t sum = 0;
    for (std::size_t index = 0; index < symbols.size(); ++index) {
        sum = (sum + static_cast<std::uint32_t>(index + 1) * static_cast<std::uint32_t>(SymbolValue(symbols[index]))) %
              kModulus;
    }
    return sum;
}

std::uint32_t ModularInverse(std::uint32_t value) {
    // Fermat: value^(p-2) mod p.
    std::uint32_t result = 1;
    std::uint32_t base = value % kModulus;
    for (std::uint32_t exponent = kModulus - 2; exponent > 0; exponent >>= 1) {
        if (exponent & 1) result = result * base % kModulus;
        base = base * base % kModulus;
    }
    return result;
}

std::string Display(std::string_view compact) {
    std::string display;
    for (std::size_t index = 0; index < compact.size(); ++index) {
        if (index > 0 && index % 4 == 0) display.push_back('-');
        display.push_back(compact[index]);
    }
    return display;
}

Error NumberError(const char* code, std::string zh, std::string en) {
    return MakeError(code, std::move(zh), std::move(en), "service_number");
}

// Full-width forms typed through a Chinese IME (Ａ１－) count as their ASCII twins; separators vanish.
// Returns false on a byte sequence that is neither.
bool Normalize(std::string_view text, std::string& out) {
    std::size_t index = 0;
    while (index < text.size()) {
        const auto byte = static_cast<unsigned char>(text[index]);
        if (byte == ' ' || byte == '-' || byte == '\t' || byte == '_') {
            ++index;
            continue;
        }
        if (byte < 0x80) {
            out.push_back(byte >= 'a' && byte <= 'z' ? static_cast<char>(byte - 'a' + 'A') : static_cast<char>(byte));
            ++index;
            continue;
        }
        // U+3000 ideographic space: E3 80 80. U+FF01..U+FF5E full-width ASCII: EF BC 81..EF BD 9E.
        if (index + 2 < text.size()) {
            const auto second = static_cast<unsigned char>(text[index + 1]);
            const auto third = static_cast<unsigned char>(text[index + 2]);
            if (byte == 0xE3 && second == 0x80 && third == 0x80) {
                index += 3;
                continue;
            }
            if (byte == 0xEF && (second == 0xBC || second == 0xBD) && third >= 0x80 && third <= 0xBF) {
                const unsigned code_point = 0xF000u | ((second & 0x3Fu) << 6) | (third & 0x3Fu);
                if (code_point >= 0xFF01 && code_point <= 0xFF5E) {
                    const char ascii = static_cast<char>(code_point - 0xFF01 + 0x21);
                    if (ascii != '-') out.push_back(ascii >= 'a' && ascii <= 'z' ? static_cast<char>(ascii - 'a' + 'A') : ascii);
                    index += 3;
                    continue;
                }
            }
        }
        return false;
    }
    return true;
}

} // namespace

char KindPrefix(TicketKind kind) {
    for (const auto& entry : kKindLetters) {
        if (entry.kind == kind) return entry.letter;
    }
    return 'R';
}

char ComputeCheckCharacter(std::string_view compact_without_check) {
    const std::uint32_t partial = WeightedSum(compact_without_check);
    const std::uint32_t check_weight = static_cast<std::uint32_t>(compact_without_check.size() + 1);
    // Solve partial + check_weight * value == 0 (mod 31).
    const std::uint32_t value = (kModulus - partial) % kModulus * ModularInverse(check_weight) % kModulus;
    return kServiceNumberAlphabet[value];
}

bool HasValidCheckCharacter(std::string_view compact) {
    if (compact.size() != kServiceNumberLength) return false;
    for (char symbol : compact) {
        if (SymbolValue(symbol) < 0) return false;
    }
    return WeightedSum(compact) == 0;
}

Result<std::string> GenerateServiceNumber(TicketKind kind, std::span<const std::uint8_t> random_bytes) {
    std::string compact(1, KindPrefix(kind));
    // Rejection sampling: 248 = 8 * 31, so bytes below it map onto the alphabet without bias.
    constexpr std::uint8_t kLimit = static_cast<std::uint8_t>(256 - 256 % kModulus);
    for (std::uint8_t byte : random_bytes) {
        if (compact.size() == 1 + kServiceNumberBodyLength) break;
        if (byte >= kLimit) continue;
        compact.push_back(kServiceNumberAlphabet[byte % kModulus]);
    }
    if (compact.size() != 1 + kServiceNumberBodyLength) {
        return MakeError("insufficient_randomness", "随机数不足，无法生成服务编号",
                         "Not enough random bytes to make a service number");
    }
    compact.push_back(ComputeCheckCharacter(compact));
    return Display(compact);
}

Result<ParsedServiceNumber> ParseServiceNumber(std::string_view text) {
    std::string compact;
    if (!Normalize(text, compact)) {
        return NumberError("bad_character", "服务编号只包含字母和数字", "A service number has only letters and digits");
    }
    if (compact.empty()) return NumberError("empty", "请输入服务编号", "Enter the service number");
    if (compact.size() != kServiceNumberLength) {
        return NumberError("bad_length", "服务编号应为 12 位（如 R7KX-4M9Q-P2HC）",
                           "A service number has 12 characters (like R7KX-4M9Q-P2HC)");
    }
    for (char symbol : compact) {
        if (SymbolValue(symbol) < 0) {
            const std::string shown(1, symbol);
            return NumberError("bad_character", "服务编号中不会出现字符“" + shown + "”（不使用 0、1、I、L、O），请核对",
                               "Service numbers never contain '" + shown + "' (0, 1, I, L and O are not used); please check");
        }
    }
    ParsedServiceNumber parsed;
    bool known_kind = false;
    for (const auto& entry : kKindLetters) {
        if (entry.letter == compact[0]) {
            parsed.kind = entry.kind;
            known_kind = true;
        }
    }
    if (!known_kind) {
        return NumberError("unknown_kind", "服务编号的首字母不正确，请核对", "The first letter of the service number is wrong; please check");
    }
    if (!HasValidCheckCharacter(compact)) {
        return NumberError("bad_check", "服务编号有误，可能输错了一位或两位顺序颠倒，请核对",
                           "This service number is not valid: a character may be mistyped or two swapped; please check");
    }
    parsed.display = Display(compact);
    parsed.compact = std::move(compact);
    return parsed;
}

} // namespace aftercare::core
