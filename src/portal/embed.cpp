// Embedding in a vendor's site; see embed.h.
#include "embed.h"

#include "app.h"
#include "router.h"

#include "api/core_json.h"
#include "api/customer_wire.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace aftercare::portal {
namespace {

using Json = nlohmann::json;

std::string StringField(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get_ref<const std::string&>() : std::string();
}

ImVec4 Mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

void ApplyPrefill(Prefill& prefill, const Json& fields) {
    if (!fields.is_object()) return;
    // Kept short: these go into form fields, never into markup or requests unvalidated.
    auto take = [&](const char* key, std::string& out) {
        std::string value = StringField(fields, key);
        if (!value.empty() && value.size() <= 64) out = std::move(value);
    };
    take("serial", prefill.serial);
    take("product", prefill.product);
    take("order", prefill.order);
}

} // namespace

std::optional<ImVec4> ParseHexColour(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6) return std::nullopt;
    unsigned value = 0;
    for (char c : text) {
        value <<= 4;
        if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
        else return std::nullopt;
    }
    return ImVec4(static_cast<float>((value >> 16) & 0xFF) / 255.0f, static_cast<float>((value >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(value & 0xFF) / 255.0f, 1.0f);
}

void ApplyBrandColour(Palette& palette, const ImVec4& brand) {
    const ImVec4 white(1, 1, 1, 1), black(0, 0, 0, 1);
    palette.brand = brand;
    palette.brand_hover = Mix(brand, white, 0.2f);
    palette.brand_active = Mix(brand, black, 0.2f);
    palette.brand_soft = Mix(brand, white, 0.9f);
}

void ApplyEmbedParameters(AppState& state, std::string_view config_json) {
    const Json config = Json::parse(config_json, nullptr, /*allow_exceptions=*/false);
    if (!config.is_object()) return;
    state.embed.embedded = true;
    if (const std::string lang = StringField(config, "lang"); !lang.empty()) state.language = LanguageFromTag(lang);
    if (const auto brand = ParseHexColour(StringField(config, "brand"))) {
        ApplyBrandColour(state.theme.palette, *brand);
        ApplyTheme(state.theme);
    }
    std::string vendor = StringField(config, "vendor");
    if (vendor.size() <= 64) state.embed.vendor_name = std::move(vendor);
    ApplyPrefill(state.embed.prefill, config);
}

void HandleEmbedCommand(AppState& state, std::string_view message_json) {
    const Json message = Json::parse(message_json, nullptr, /*allow_exceptions=*/false);
    if (!message.is_object()) return;
    const std::string type = StringField(message, "type");
    if (type == "aftercare:prefill") {
        if (const auto fields = message.find("fields"); fields != message.end()) ApplyPrefill(state.embed.prefill, *fields);
    } else if (type == "aftercare:open") {
        std::string hash = "#/" + StringField(message, "screen");
        if (const auto params = message.find("params"); params != message.end() && params->is_object()) {
            if (const std::string number = StringField(*params, "number"); !number.empty()) {
                hash += "/" + EncodeQueryValue(number);
            }
            if (const std::string q = StringField(*params, "q"); !q.empty()) hash += "?q=" + EncodeQueryValue(q);
            ApplyPrefill(state.embed.prefill, *params);
        }
        Navigate(state, ParseRoute(hash));  // an unknown screen goes home
    }
}

void NotifyEmbedder(Host& host, std::string_view type, const std::string& detail_json) {
    Json detail = Json::parse(detail_json, nullptr, /*allow_exceptions=*/false);
    if (detail.is_discarded()) detail = Json::object();
    host.PostToEmbedder(Json{{"type", type}, {"detail", std::move(detail)}}.dump());
}

void NotifyTicketCreated(Host& host, const api::CreateTicketResponse& created) {
    NotifyEmbedder(host, "aftercare:ticket-created",
                   Json{{"serviceNumber", created.service_number}, {"kind", created.ticket.kind}}.dump());
}

} // namespace aftercare::portal
