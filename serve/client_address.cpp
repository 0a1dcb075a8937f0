// Client addresses behind trusted proxies; see client_address.hpp.
#include "client_address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace aftercare::serve {
namespace {

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

struct Parsed {
    std::array<std::uint8_t, 16> bytes{};
    bool v4 = false;
};

// An IPv4 or IPv6 address (IPv6 may be bracketed, as in "[::1]"); IPv4 becomes IPv4-mapped IPv6.
std::optional<Parsed> ParseAddress(std::string_view text) {
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    char buffer[INET6_ADDRSTRLEN];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    Parsed parsed;
    in_addr v4{};
    if (inet_pton(AF_INET, buffer, &v4) == 1) {
        parsed.v4 = true;
        parsed.bytes[10] = parsed.bytes[11] = 0xff;
        std::memcpy(parsed.bytes.data() + 12, &v4, 4);
        return parsed;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, buffer, &v6) != 1) return std::nullopt;
    std::memcpy(parsed.bytes.data(), &v6, 16);
    // An IPv4 client seen by a dual-stack socket is the same client as over IPv4.
    static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    parsed.v4 = std::memcmp(parsed.bytes.data(), kMapped, 12) == 0;
    return parsed;
}

bool SamePrefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int bits) {
    const int whole = bits / 8;
    if (std::memcmp(a.data(), b.data(), static_cast<std::size_t>(whole)) != 0) return false;
    const int rest = bits % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

std::string KeyOf(const Parsed& address) {
    char text[INET6_ADDRSTRLEN];
    if (address.v4) {
        inet_ntop(AF_INET, address.bytes.data() + 12, text, sizeof text);
        return text;
    }
    std::array<std::uint8_t, 16> network{};
    std::memcpy(network.data(), address.bytes.data(), 8);
    inet_ntop(AF_INET6, network.data(), text, sizeof text);
    return std::string(text) + "/64";
}

}  // namespace

std::optional<AddressRanges> AddressRanges::Parse(std::string_view text) {
    AddressRanges ranges;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find_first_of(" ,\t", at);
        const std::string_view entry = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        at = end == std::string_view::npos ? text.size() : end + 1;
        if (entry.empty()) continue;
        const std::size_t slash = entry.find('/');
        const auto address = ParseAddress(entry.substr(0, slash));
        if (!address) return std::nullopt;
        Range range{address->bytes, 128};
        if (slash != std::string_view::npos) {
            const std::string_view bits = entry.substr(slash + 1);
            int prefix = -1;
            const auto [end_of_number, error] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
            const int most = address->v4 ? 32 : 128;
            if (error != std::errc() || end_of_number != bits.data() + bits.size() || prefix < 0 || prefix > most)
                return std::nullopt;
            range.prefix_bits = address->v4 ? 96 + prefix : prefix;
        }
        ranges.ranges_.push_back(range);
    }
    return ranges;
}

bool AddressRanges::Contains(std::string_view text) const {
    const auto address = ParseAddress(Trim(text));
    if (!address) return false;
    for (const Range& range : ranges_) {
        if (SamePrefix(range.bytes, address->bytes, range.prefix_bits)) return true;
    }
    return false;
}

std::string ClientKey(std::string_view peer, std::string_view forwarded_for, const AddressRanges& trusted_proxies) {
    const auto peer_address = ParseAddress(peer);
    if (!peer_address) return std::string(peer);
    if (trusted_proxies.empty() || !trusted_proxies.Contains(peer)) return KeyOf(*peer_address);
    // From the right: skip the trusted proxies' own addresses; the first other one is the client.
    std::optional<Parsed> client;
    std::string_view rest = forwarded_for;
    while (!rest.empty()) {
        const std::size_t comma = rest.rfind(',');
        const std::string_view entry = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
        if (entry.empty()) continue;
        const auto address = ParseAddress(entry);
        if (!address) break;  // not what a proxy writes: trust nothing from here on
        client = address;
        if (!trusted_proxies.Contains(entry)) break;
    }
    return KeyOf(client ? *client : *peer_address);
}

}  // namespace aftercare::serve
