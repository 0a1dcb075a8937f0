// Service numbers: format, parsing, and the check character against EVERY single-character typo
// and EVERY adjacent swap (exhaustive over positions and symbols, for many numbers and all kinds).
#include "test_support.h"

#include "core/service_number.h"

#include <array>
#include <set>

using namespace aftercare::core;

namespace {

// Deterministic test bytes (SplitMix64): the numbers under test are reproducible.
struct TestBytes {
    std::uint64_t state;
    std::array<std::uint8_t, kServiceNumberRandomBytes> Next() {
        std::array<std::uint8_t, kServiceNumberRandomBytes> bytes{};
        for (std::size_t index = 0; index < bytes.size(); index += 8) {
            state += 0x9E3779B97F4A7C15ull;
            std::uint64_t value = state;
            value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
            value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
            value ^= value >> 31;
            for (std::size_t shift = 0; shift < 8; ++shift) bytes[index + shift] = static_cast<std::uint8_t>(value >> (8 * shift));
        }
        return bytes;
    }
};

std::string Compact(const std::string& display) {
    std::string compact;
    for (char character : display) {
        if (character != '-') compact.push_back(character);
    }
    return compact;
}

constexpr TicketKind kKinds[] = {TicketKind::Repair,    TicketKind::Return,       TicketKind::Exchange,
                                 TicketKind::Complaint, TicketKind::Consultation, TicketKind::Suggestion};

} // namespace

TEST_CASE("generated numbers: kind prefix, alphabet, grouping, check character", "[service_number]") {
    TestBytes random{42};
    std::set<std::string> seen;
    for (TicketKind kind : kKinds) {
        for (int round = 0; round < 200; ++round) {
            const auto bytes = random.Next();
            const auto number = GenerateServiceNumber(kind, bytes);
            REQUIRE(number.Ok());
            const std::string& display = number.Value();
            REQUIRE(display.size() == 14);
            CHECK(display[4] == '-');
            CHECK(display[9] == '-');
            CHECK(display[0] == KindPrefix(kind));
            const std::string compact = Compact(display);
            for (char symbol : compact) CHECK(kServiceNumberAlphabet.find(symbol) != std::string_view::npos);
            CHECK(HasValidCheckCharacter(compact));
            seen.insert(display);
            const auto parsed = ParseServiceNumber(display);
            REQUIRE(parsed.Ok());
            CHECK(parsed.Value().kind == kind);
            CHECK(parsed.Value().display == display);
            CHECK(parsed.Value().compact == compact);
        }
    }
    CHECK(seen.size() == 200 * std::size(kKinds)); // not sequential, no collisions in this sample
}

TEST_CASE("the alphabet has no look-alikes and a prime size", "[service_number]") {
    CHECK(kServiceNumberAlphabet.size() == 31);
    for (char excluded : {'0', '1', 'O', 'I', 'L'}) CHECK(kServiceNumberAlphabet.find(excluded) == std::string_view::npos);
    std::set<char> kinds;
    for (TicketKind kind : kKinds) {
        CHECK(kServiceNumberAlphabet.find(KindPrefix(kind)) != std::string_view::npos);
        kinds.insert(KindPrefix(kind));
    }
    CHECK(kinds.size() == std::size(kKinds)); // one letter per kind
}

TEST_CASE("generation is unbiased rejection sampling over caller bytes", "[service_number]") {
    // Bytes >= 248 are skipped; the rest map by value mod 31.
    std::vector<std::uint8_t> bytes = {255, 248, 0, 1, 2, 3, 4, 5, 6, 7, 8, 30, 31};
    const auto number = GenerateServiceNumber(TicketKind::Repair, bytes);
    REQUIRE(number.Ok());
    CHECK(Compact(number.Value()).substr(0, 11) == "R23456789AZ");
    const std::vector<std::uint8_t> too_few(9, 1);
    const auto refused = GenerateServiceNumber(TicketKind::Repair, too_few);
    REQUIRE_FALSE(refused.Ok());
    CHECK(refused.GetError().code == "insufficient_randomness");
}

TEST_CASE("parsing is case-insensitive and ignores separators", "[service_number]") {
    TestBytes random{7};
    const auto bytes = random.Next();
    const std::string display = GenerateServiceNumber(TicketKind::Complaint, bytes).Value();
    const std::string compact = Compact(display);
    std::string lower;
    for (char character : display) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
    CHECK(ParseServiceNumber(lower).Value().display == display);
    CHECK(ParseServiceNumber(" " + compact.substr(0, 6) + " " + compact.substr(6) + " ").Value().display == display);
    // Full-width input from a Chinese IME: "Ｃ" is U+FF23 and "－" is U+FF0D.
    std::string full_width;
    for (char character : display) {
        const unsigned code_point = character == '-' ? 0xFF0D : 0xFF01 + static_cast<unsigned>(character - 0x21);
        full_width.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        full_width.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        full_width.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
    CHECK(ParseServiceNumber(full_width).Value().display == display);
}

TEST_CASE("parse errors say what is wrong", "[service_number]") {
    CHECK(ParseServiceNumber("").GetError().code == "empty");
    CHECK(ParseServiceNumber("R7KX-4M9Q").GetError().code == "bad_length");
    CHECK(ParseServiceNumber("R7KX-4M9Q-P2H0").GetError().code == "bad_character");
    CHECK(ParseServiceNumber("R7KX-4M9Q-P2H0").GetError().field == "service_number");
    CHECK(ParseServiceNumber("R7KX-4M9Q-P2H#").GetError().code == "bad_character");
    CHECK(ParseServiceNumber("工单号").GetError().code == "bad_character");
    const std::string valid = "R7KX4M9QP2H";
    const std::string number = valid + ComputeCheckCharacter(valid);
    CHECK(ParseServiceNumber(number).Ok());
    // A prefix that is no kind is reported as such (the check character is recomputed to isolate it).
    const std::string bad_kind_body = "A7KX4M9QP2H";
    CHECK(ParseServiceNumber(bad_kind_body + ComputeCheckCharacter(bad_kind_body)).GetError().code == "unknown_kind");
}

TEST_CASE("EXHAUSTIVE: every single-character substitution is rejected", "[service_number]") {
    TestBytes random{2024};
    long checked = 0;
    for (TicketKind kind : kKinds) {
        for (int round = 0; round < 100; ++round) {
            const auto bytes = random.Next();
            const std::string compact = Compact(GenerateServiceNumber(kind, bytes).Value());
            for (std::size_t position = 0; position < compact.size(); ++position) {
                for (char replacement : kServiceNumberAlphabet) {
                    if (replacement == compact[position]) continue;
                    std::string typo = compact;
                    typo[position] = replacement;
                    INFO(compact << " -> " << typo);
                    REQUIRE_FALSE(HasValidCheckCharacter(typo));
                    REQUIRE_FALSE(ParseServiceNumber(typo).Ok());
                    ++checked;
                }
            }
        }
    }
    CHECK(checked == static_cast<int>(std::size(kKinds)) * 100 * 12 * 30);
}

TEST_CASE("EXHAUSTIVE: every adjacent swap of distinct characters is rejected", "[service_number]") {
    TestBytes random{99};
    long checked = 0;
    for (TicketKind kind : kKinds) {
        for (int round = 0; round < 100; ++round) {
            const auto bytes = random.Next();
            const std::string compact = Compact(GenerateServiceNumber(kind, bytes).Value());
            for (std::size_t position = 0; position + 1 < compact.size(); ++position) {
                if (compact[position] == compact[position + 1]) continue; // a swap that changes nothing
                std::string swapped = compact;
                std::swap(swapped[position], swapped[position + 1]);
                INFO(compact << " -> " << swapped);
                REQUIRE_FALSE(HasValidCheckCharacter(swapped));
                REQUIRE_FALSE(ParseServiceNumber(swapped).Ok());
                ++checked;
            }
        }
    }
    CHECK(checked > 5 * 100 * 10);
}

TEST_CASE("EXHAUSTIVE: every symbol pair at every position and every adjacent position pair", "[service_number]") {
    // Independent of particular numbers: for each position, each original symbol and each
    // replacement; for each adjacent pair of positions, each ordered pair of distinct symbols.
    const std::string filler(kServiceNumberLength - 1, '2');
    long substitutions = 0;
    long swaps = 0;
    for (TicketKind kind : kKinds) {
        for (std::size_t position = 0; position < kServiceNumberLength - 1; ++position) {
            for (char original : kServiceNumberAlphabet) {
                std::string body = filler;
                body[0] = KindPrefix(kind);
                if (position > 0) body[position] = original;
                const std::string number = body + ComputeCheckCharacter(body);
                REQUIRE(HasValidCheckCharacter(number));
                // Substitutions at this position and at the check position.
                for (std::size_t target : {position, kServiceNumberLength - 1}) {
                    for (char replacement : kServiceNumberAlphabet) {
                        if (replacement == number[target]) continue;
                        std::string typo = number;
                        typo[target] = replacement;
                        REQUIRE_FALSE(HasValidCheckCharacter(typo));
                        ++substitutions;
                    }
                }
                // Swaps of this position with its right neighbour, for every neighbour symbol.
                for (char neighbour : kServiceNumberAlphabet) {
                    std::string pair_body = body;
                    if (position + 1 < kServiceNumberLength - 1) pair_body[position + 1] = neighbour;
                    const std::string pair_number = pair_body + ComputeCheckCharacter(pair_body);
                    if (pair_number[position] == pair_number[position + 1]) continue;
                    std::string swapped = pair_number;
                    std::swap(swapped[position], swapped[position + 1]);
                    REQUIRE_FALSE(HasValidCheckCharacter(swapped));
                    ++swaps;
                }
            }
        }
    }
    CHECK(substitutions > 100000);
    CHECK(swaps > 40000);

    // A typo in the kind letter that lands on another kind is caught by the check too.
    const std::string body = "R7KX4M9QP2H";
    const std::string number = body + ComputeCheckCharacter(body);
    for (TicketKind kind : kKinds) {
        if (KindPrefix(kind) == 'R') continue;
        std::string typo = number;
        typo[0] = KindPrefix(kind);
        CHECK(ParseServiceNumber(typo).GetError().code == "bad_check");
    }
}
