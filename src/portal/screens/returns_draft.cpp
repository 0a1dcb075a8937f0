// The returns draft on the device: written as the customer types and chooses, read back when the
// screen first draws, removed once the request is submitted.
#include "screens/returns_parts.h"

#include "app.h"

#include "api/wire_reader.h"

namespace aftercare::portal {
namespace {

constexpr const char* kDraftKey = "draft.returns";

constexpr std::pair<ReturnsStep, std::string_view> kSteps[] = {
    {ReturnsStep::Order, "order"},
    {ReturnsStep::Item, "item"},
    {ReturnsStep::Verdict, "verdict"},
    {ReturnsStep::Request, "request"},
};

std::string Serialize(const ReturnsDraft& draft) {
    api::Json json{{"order_number", draft.order_number}, {"phone", draft.phone}, {"item", draft.item},
                   {"item_intact", draft.item_intact},   {"name", draft.name},   {"address", draft.address},
                   {"note", draft.note},                 {"email", draft.email}, {"step", "order"}};
    WriteNotifyChoice(json, draft.notify);
    for (const auto& [step, name] : kSteps) {
        if (step == draft.step) json["step"] = name;
    }
    if (draft.reason) json["reason"] = core::ToString(*draft.reason);
    if (draft.remedy) json["remedy"] = core::ToString(*draft.remedy);
    return json.dump();
}

// Reads what is readable and leaves the rest at its default: a draft from an older version, or one
// edited by hand, must never stop the screen from working.
void Deserialize(const std::string& text, ReturnsDraft& draft) {
    const api::Json json = api::Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return;
    auto read_string = [&json](const char* key, std::string& out) {
        if (auto it = json.find(key); it != json.end() && it->is_string()) out = it->get<std::string>();
    };
    read_string("order_number", draft.order_number);
    read_string("phone", draft.phone);
    read_string("item", draft.item);
    read_string("name", draft.name);
    read_string("address", draft.address);
    read_string("note", draft.note);
    read_string("email", draft.email);
    ReadNotifyChoice(json, draft.notify);
    if (auto it = json.find("item_intact"); it != json.end() && it->is_boolean()) draft.item_intact = it->get<bool>();
    std::string text_value;
    read_string("reason", text_value);
    if (core::ReturnReason reason; FromString(text_value, reason)) draft.reason = reason;
    text_value.clear();
    read_string("remedy", text_value);
    if (core::Remedy remedy; FromString(text_value, remedy) &&
                             (remedy == core::Remedy::Refund || remedy == core::Remedy::Exchange)) {
        draft.remedy = remedy;
    }
    text_value.clear();
    read_string("step", text_value);
    for (const auto& [step, name] : kSteps) {
        if (name == text_value) draft.step = step;
    }
}

} // namespace

void LoadReturnsDraft(AppState& state, Host& host) {
    ReturnsState& r = state.returns;
    r.draft_loaded = true;
    if (const auto stored = host.LoadLocal(kDraftKey)) {
        Deserialize(*stored, r.draft);
        r.saved_draft = *stored;
    }
}

void SaveReturnsDraft(AppState& state, Host& host) {
    ReturnsState& r = state.returns;
    if (r.draft.step == ReturnsStep::Done) return;
    std::string json = Serialize(r.draft);
    if (json == r.saved_draft) return;
    host.SaveLocal(kDraftKey, json);
    r.saved_draft = std::move(json);
}

void ClearReturnsDraft(AppState& state, Host& host) {
    host.RemoveLocal(kDraftKey);
    state.returns.saved_draft.clear();
}

} // namespace aftercare::portal
