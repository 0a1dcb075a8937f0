// The "notify me by" choices and the submitted page's promise; see notify_choice.h.
#include "screens/notify_choice.h"

#include "app.h"
#include "widgets.h"
#include "widgets/dropdown.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

bool Offers(const AppState& state, std::string_view email, bool& sms, bool& mail) {
    sms = state.channels.sms;
    mail = state.channels.email && !Blank(email);
    return sms || mail;
}

} // namespace

const char* EmailHelpKey(const AppState& state) { return state.channels.email ? "notify.email.help" : nullptr; }

void DrawNotifyChoice(AppState& state, Ui& ui, NotifyChoice& choice, std::string_view email) {
    bool sms = false;
    bool mail = false;
    if (!Offers(state, email, sms, mail)) return;
    const Palette& p = ui.theme.palette;
    Paragraph(ui, TextStyle::Small, state.Tr("notify.title"), p.text_muted);
    if (sms) CheckBox(ui, "notify-sms", state.Tr("notify.sms"), choice.by_sms);
    if (mail) CheckBox(ui, "notify-email", state.Tr("notify.email"), choice.by_email);
    const bool none = (!sms || !choice.by_sms) && (!mail || !choice.by_email);
    // Said plainly, so unticking everything is a choice made knowingly, not a surprise later.
    if (none) Paragraph(ui, TextStyle::Small, state.Tr("notify.none"), p.warning, Role::Status);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
}

std::string NotifySummary(const AppState& state, const NotifyChoice& choice, std::string_view email) {
    bool sms = false;
    bool mail = false;
    if (!Offers(state, email, sms, mail)) return {};
    std::string words;
    if (sms && choice.by_sms) words = state.Tr("notify.summary.sms");
    if (mail && choice.by_email) {
        if (!words.empty()) words += state.Tr("notify.summary.separator");
        words += state.Tr("notify.summary.email");
    }
    return words.empty() ? state.Tr("notify.summary.none") : words;
}

void ApplyNotifyChoice(const AppState& state, const NotifyChoice& choice, core::TicketDraft& draft) {
    draft.language = state.language == Language::En ? "en" : "zh-CN";
    bool sms = false;
    bool mail = false;
    if (!Offers(state, draft.customer.email, sms, mail)) return;  // no choice shown: the server's default
    std::vector<std::string> channels;
    if (sms && choice.by_sms) channels.push_back("sms");
    // A channel the customer was not offered keeps its default (on) when it has a contact, so an
    // e-mail typed while only SMS exists here is still used if the vendor adds e-mail later.
    if (!sms && !Blank(draft.customer.phone)) channels.push_back("sms");
    if (!Blank(draft.customer.email) && (!mail || choice.by_email)) channels.push_back("email");
    draft.notify_by = std::move(channels);
}

void WriteNotifyChoice(api::Json& draft, const NotifyChoice& choice) {
    draft["notify_sms"] = choice.by_sms;
    draft["notify_email"] = choice.by_email;
}

void ReadNotifyChoice(const api::Json& draft, NotifyChoice& choice) {
    if (auto it = draft.find("notify_sms"); it != draft.end() && it->is_boolean()) choice.by_sms = it->get<bool>();
    if (auto it = draft.find("notify_email"); it != draft.end() && it->is_boolean()) choice.by_email = it->get<bool>();
}

std::string NotifyPromise(const AppState& state, const api::CreateTicketResponse& created) {
    const auto& channels = created.notify_channels;
    const bool sms = std::find(channels.begin(), channels.end(), "sms") != channels.end();
    const bool mail = std::find(channels.begin(), channels.end(), "email") != channels.end();
    if (sms && mail) return state.Tr("notify.promise.both");
    if (sms) return state.Tr("notify.promise.sms");
    if (mail) return state.Tr("notify.promise.email");
    return {};
}

} // namespace aftercare::portal
