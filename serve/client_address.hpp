// Who a request comes from, as rate limits, storage quotas, lookup budgets and idempotency scopes
// count it. Behind a load balancer every connection comes from the balancer, so its address says
// nothing; the balancer's X-Forwarded-For does, but only a proxy the operator trusts may say it,
// or any client could choose its own address and reset its budgets (--trusted-proxies).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::serve {

// Address ranges written as CIDR ("10.0.0.0/8", "2001:db8::/32") or single addresses ("127.0.0.1").
class AddressRanges {
public:
    // "10.0.0.0/8 ::1, 192.168.1.5": spaces or commas between entries. Nullopt when an entry is not
    // an IPv4 or IPv6 address with an optional prefix length in range.
    static std::optional<AddressRanges> Parse(std::string_view text);

    // False for anything that is not an address (a Unix socket's empty peer, a typo).
    bool Contains(std::string_view address) const;
    bool empty() const { return ranges_.empty(); }

private:
    struct Range {
        std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6 (::ffff:a.b.c.d)
        int prefix_bits = 128;
    };
    std::vector<Range> ranges_;
};

// The client of a request that reached us from `peer`:
// - when `peer` is not a trusted proxy, the peer itself (X-Forwarded-For is the client's own claim);
// - when it is, the rightmost X-Forwarded-For address that is not a trusted proxy (each proxy
//   appends the address it saw; those left of the first untrusted one could be made up by the
//   client). Failing that (no header, only proxies in it, or something that is not an address where
//   the client should be), the last proxy the chain vouches for: never a claim it cannot.
// `forwarded_for` is every X-Forwarded-For header's value joined by commas, in order.
// The answer is a key, not an address to connect to: IPv6 clients count by their /64, since one
// subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
std::string ClientKey(std::string_view peer, std::string_view forwarded_for, const AddressRanges& trusted_proxies);

}  // namespace aftercare::serve
