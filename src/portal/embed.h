// Embedding in a vendor's site (web/embed.js on their page, this portal in an iframe): the
// vendor's colour, name, language, starting screen and prefilled fields; commands from the page
// (open a screen, prefill fields); events to it (ticket created, resolved, rated).
#pragma once

#include "theme.h"

#include <optional>
#include <string>
#include <string_view>

namespace aftercare::api {
struct CreateTicketResponse;
} // namespace aftercare::api

namespace aftercare::portal {

struct AppState;
class Host;

// Fields a vendor page (or a kiosk, or a link) hands to the forms that ask for them.
struct Prefill {
    std::string serial;
    std::string product;
    std::string order;
};

struct EmbedConfig {
    bool embedded = false;
    std::string vendor_name;  // replaces the portal's own name in the top bar and the title
    Prefill prefill;
};

// "#E60012" or "E60012" → colour; nullopt for anything else (a vendor's typo changes nothing).
std::optional<ImVec4> ParseHexColour(std::string_view text);

// The brand colour and the shades derived from it (hover, pressed, tinted backgrounds).
void ApplyBrandColour(Palette& palette, const ImVec4& brand);

// Reads the JSON the platform found in the iframe's URL (see web/embed_bridge.js) into the app.
void ApplyEmbedParameters(AppState& state, std::string_view config_json);

// A command posted by the embedding page: {"type":"aftercare:open","screen":"track","params":{...}}
// or {"type":"aftercare:prefill","fields":{...}}. Anything else is ignored.
void HandleEmbedCommand(AppState& state, std::string_view message_json);

// Tells the embedding page something happened ("aftercare:ticket-created", {"serviceNumber":...}).
void NotifyEmbedder(Host& host, std::string_view type, const std::string& detail_json);

// "aftercare:ticket-created" {serviceNumber, kind}: every screen that creates a ticket calls it.
void NotifyTicketCreated(Host& host, const api::CreateTicketResponse& created);

} // namespace aftercare::portal
