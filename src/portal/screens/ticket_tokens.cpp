// Ticket tokens on this device; see ticket_tokens.h.
#include "screens/ticket_tokens.h"

#include "api/customer_wire.h"
#include "core/service_number.h"
#include "router.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr const char* kRecentKey = "tracking.recent";
constexpr size_t kRecentMax = 5;

std::string TokenKey(std::string_view compact) { return "tracking.token." + std::string(compact); }

nlohmann::json ParseStored(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
}

void SaveRecent(Host& host, const std::vector<std::string>& numbers) {
    host.SaveLocal(kRecentKey, nlohmann::json(numbers).dump());
}

} // namespace

std::vector<std::string> RecentTickets(Host& host) {
    std::vector<std::string> numbers;
    const nlohmann::json stored = ParseStored(host.LoadLocal(kRecentKey));
    if (!stored.is_array()) return numbers;
    for (const nlohmann::json& item : stored) {
        // Only well-formed numbers: storage is shared with whatever else ran on this origin.
        if (!item.is_string()) continue;
        auto parsed = core::ParseServiceNumber(item.get_ref<const std::string&>());
        if (parsed && numbers.size() < kRecentMax) numbers.push_back(parsed.Value().display);
    }
    return numbers;
}

void SaveTicketToken(Host& host, std::string_view compact, std::string_view display, const std::string& token,
                     std::int64_t expires_at) {
    host.SaveLocal(TokenKey(compact), nlohmann::json{{"token", token}, {"expires_at", expires_at}}.dump());
    std::vector<std::string> recent = RecentTickets(host);
    std::erase(recent, std::string(display));
    recent.insert(recent.begin(), std::string(display));
    if (recent.size() > kRecentMax) recent.resize(kRecentMax);
    SaveRecent(host, recent);
}

std::optional<std::string> LoadTicketToken(Host& host, std::string_view compact, double now) {
    const nlohmann::json stored = ParseStored(host.LoadLocal(TokenKey(compact)));
    if (!stored.is_object()) return std::nullopt;
    const auto token = stored.find("token");
    const auto expires = stored.find("expires_at");
    if (token == stored.end() || !token->is_string()) return std::nullopt;
    // Builds before LinkToken kept whatever followed a link's `t=`, text glued to the token included;
    // sent as it was, the browser refused the request as if the network were down.
    const std::string_view text = TokenText(token->get_ref<const std::string&>());
    if (text.empty()) return std::nullopt;
    if (expires != stored.end() && expires->is_number_integer()) {
        const std::int64_t at = expires->get<std::int64_t>();
        if (at > 0 && static_cast<double>(at) <= now) {
            ForgetTicketToken(host, compact);
            return std::nullopt;
        }
    }
    return std::string(text);
}

void ForgetTicketToken(Host& host, std::string_view compact) {
    host.RemoveLocal(TokenKey(compact));
    std::vector<std::string> recent = RecentTickets(host);
    std::erase_if(recent, [&](const std::string& number) {
        auto parsed = core::ParseServiceNumber(number);
        return parsed && parsed.Value().compact == compact;
    });
    SaveRecent(host, recent);
}

void KeepCreatedTicketToken(Host& host, const api::CreateTicketResponse& created) {
    auto number = core::ParseServiceNumber(created.service_number);
    if (!number) return;
    SaveTicketToken(host, number.Value().compact, number.Value().display, created.access_token,
                    created.token_expires_at);
}

} // namespace aftercare::portal
