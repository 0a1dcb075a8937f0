// Ticket lookup form; see track.h.
#include "screens/track.h"

#include "app.h"
#include "icons.h"
#include "labels.h"
#include "net/customer_requests.h"
#include "screens/open_ticket.h"
#include "screens/ticket_page.h"
#include "screens/ticket_status.h"
#include "screens/ticket_tokens.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include "core/service_number.h"
#include "core/validation.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace aftercare::portal {
namespace {

// Where the customer finds the number: the messages are named only when this server sends them.
const char* NumberHelpKey(const api::Channels& channels) {
    if (channels.sms && channels.email) return "track.number.help_sms_email";
    if (channels.sms) return "track.number.help_sms";
    if (channels.email) return "track.number.help_email";
    return "track.number.help";
}

constexpr const char* kDraftKey = "tracking.lookup-draft";
constexpr float kFormMaxWidthEm = 30.0f;

// What to say about the number while it is typed: nothing yet, how many symbols are missing, a
// definite error (a character never used, the wrong first letter, a wrong check character), or
// that it is valid.
struct NumberCheck {
    std::string error;
    std::string help;
};

NumberCheck CheckNumber(const AppState& state, const std::string& text, bool tried) {
    NumberCheck check;
    const auto parsed = core::ParseServiceNumber(text);
    if (parsed) {
        check.help = state.strings.Format(state.language, "track.number.valid",
                                          {{"kind", KindLabel(state, parsed.Value().kind, core::Audience::Customer)}});
        return check;
    }
    const core::Error& error = parsed.GetError();
    if (error.code == "empty") {
        if (tried) check.error = state.Tr("track.number.required");
        return check;
    }
    if (error.code != "bad_length") {
        check.error = Localized(error.message, state.language);
        return check;
    }
    // Too short or too long. Pad with a valid symbol to learn whether what is there so far is
    // right (characters, first letter) from core itself; a wrong check is expected then.
    for (int missing = 1; missing < static_cast<int>(core::kServiceNumberLength); ++missing) {
        const auto padded = core::ParseServiceNumber(text + std::string(static_cast<size_t>(missing), '2'));
        if (!padded && padded.GetError().code == "bad_length") continue;
        if (!padded && padded.GetError().code != "bad_check") {
            check.error = Localized(padded.GetError().message, state.language);
        } else if (tried) {
            check.error = Localized(error.message, state.language);
        } else {
            check.help = missing == 1 ? state.Tr("track.number.more_one")
                                      : state.strings.Format(state.language, "track.number.more",
                                                             {{"n", std::to_string(missing)}});
        }
        return check;
    }
    check.error = Localized(error.message, state.language);  // longer than 12
    return check;
}

std::string CheckLast4(const AppState& state, const std::string& digits, bool tried) {
    const bool digits_only = std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits_only || digits.size() > 4) return state.Tr("track.last4.error");
    if (tried && core::CheckPhoneLast4(digits)) return state.Tr("track.last4.error");
    return {};
}

void SaveDraft(AppState& state, Ui& ui) {
    ui.host.SaveLocal(kDraftKey, nlohmann::json{{"number", state.track.number}, {"last4", state.track.last4}}.dump());
}

void LoadDraft(AppState& state, Ui& ui) {
    TrackState& track = state.track;
    track.draft_loaded = true;
    const auto text = ui.host.LoadLocal(kDraftKey);
    if (!text) return;
    const nlohmann::json draft = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!draft.is_object()) return;
    const auto number = draft.find("number");
    const auto last4 = draft.find("last4");
    if (track.number.empty() && number != draft.end() && number->is_string()) track.number = number->get<std::string>();
    if (track.last4.empty() && last4 != draft.end() && last4->is_string()) track.last4 = last4->get<std::string>();
}

void Submit(AppState& state, Ui& ui) {
    TrackState& track = state.track;
    track.tried = true;
    track.last4_error_server.clear();
    if (!core::ValidateLookup(track.number, track.last4).empty() || track.lookup.IsLoading()) return;
    track.lookup.StartLoading();
    const std::string number = track.number;
    Host& host = ui.host;
    requests::LookUpTicket(
        state.api, track.number, track.last4,
        [&state, &host, number](api::LookupResponse response) {
            TrackState& t = state.track;
            t.lookup.Succeed(response);
            const auto parsed = core::ParseServiceNumber(response.service_number);
            if (!parsed) return;
            SaveTicketToken(host, parsed.Value().compact, parsed.Value().display, response.access_token,
                            response.token_expires_at);
            // The form did its job: next time it starts empty.
            host.RemoveLocal(kDraftKey);
            t.number.clear();
            t.last4.clear();
            t.tried = false;
            t.notice_key.clear();
            // The ticket page starts afresh with the new token, even if it showed this ticket before.
            OpenAnother(state.open_ticket, {}, {});
            Navigate(state, Route{Screen::Track, parsed.Value().display, {}});
        },
        [&state](ApiError error) {
            TrackState& t = state.track;
            if (error.kind == ApiError::Kind::Rejected && error.field == "phone_last4") {
                t.last4_error_server = Localized(error.message, state.language);
            }
            t.lookup.Fail(std::move(error));
        });
}

// The lookup failure in the customer's words. A wrong number and a wrong phone read the same:
// the server never says which was wrong, and neither do we.
void DrawFailure(AppState& state, Ui& ui, const ApiError& error) {
    const Palette& p = ui.theme.palette;
    switch (error.kind) {
    case ApiError::Kind::NotFound:
        Paragraph(ui, TextStyle::Body, state.Tr("track.no_match"), p.danger, Role::Alert);
        break;
    case ApiError::Kind::RateLimited:
        Paragraph(ui, TextStyle::Body,
                  state.strings.Format(state.language, "track.rate_limited",
                                       {{"wait", FormatWait(state.strings, state.language,
                                                            error.retry_after_seconds > 0 ? error.retry_after_seconds : 60)}}),
                  p.danger, Role::Alert);
        break;
    case ApiError::Kind::Rejected:
        if (!state.track.last4_error_server.empty()) break;  // shown under the field
        [[fallthrough]];
    default:
        if (ErrorBanner(ui, state.strings, state.language, error, "lookup-error")) Submit(state, ui);
        break;
    }
}

void DrawRecent(AppState& state, Ui& ui) {
    const std::vector<std::string> recent = RecentTickets(ui.host);
    if (recent.empty()) return;
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.5f)));
    BeginCard(ui, "##recent");
    Heading(ui, TextStyle::Title3, state.Tr("track.recent.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("track.recent.hint"), ui.theme.palette.text_muted);
    for (const std::string& number : recent) {
        ImGui::PushID(number.c_str());
        if (Button(ui, "open", number,
                   {.kind = ButtonKind::Quiet, .width = ImGui::GetContentRegionAvail().x, .icon = ICON_TICKET})) {
            Navigate(state, Route{Screen::Track, number, {}});
        }
        ImGui::PopID();
    }
    EndCard(ui);
}

// The page's emblem: the search icon on a soft brand disc, as on the home screen's card.
void DrawBadge(Ui& ui) {
    const Theme& theme = ui.theme;
    const float size = theme.Em(3.25f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(pos.x + size * 0.5f, pos.y + size * 0.5f);
    draw->AddCircleFilled(centre, size * 0.5f, ToU32(theme.palette.brand_soft));
    PushTextStyle(theme, TextStyle::Title1);
    const ImVec2 icon = ImGui::CalcTextSize(ICON_SEARCH);
    draw->AddText(ImVec2(centre.x - icon.x * 0.5f, centre.y - icon.y * 0.5f), ToU32(theme.palette.brand), ICON_SEARCH);
    ImGui::PopFont();
}

void DrawLookup(AppState& state, Ui& ui) {
    TrackState& track = state.track;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    if (!track.draft_loaded) LoadDraft(state, ui);
    // A link to #/track?n=<number> (from a ticket link without a token) fills the number in.
    const std::string route_number = QueryValue(state.route.query, "n");
    if (route_number != track.route_number) {
        track.route_number = route_number;
        if (!route_number.empty()) track.number = route_number;
    }

    // A centred column of comfortable width for the form.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, theme.Em(kFormMaxWidthEm));
    BeginColumn(ui, ImGui::GetCursorPosX() + (avail - width) * 0.5f, width);

    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Home, {}, {}});
    }
    DrawBadge(ui);
    Heading(ui, TextStyle::Title1, state.Tr("track.title"), 1);
    Paragraph(ui, TextStyle::Body, state.Tr("track.subtitle"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    BeginCard(ui, "##form");
    if (!track.notice_key.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
        ImGui::TextUnformatted(ICON_LOCK);
        ImGui::PopStyleColor();
        ImGui::SameLine(ImGui::GetCursorStartPos().x + theme.Em(1.5f));
        Paragraph(ui, TextStyle::Body, state.Tr(track.notice_key), p.text, Role::Status);
    }
    const NumberCheck number_check = CheckNumber(state, track.number, track.tried);
    const std::string number_hint = state.Tr("track.number.hint");
    const std::string number_help = number_check.help.empty() ? state.Tr(NumberHelpKey(state.channels)) : number_check.help;
    const TextFieldResult number_field =
        TextField(ui, "number", state.Tr("track.number.label"), track.number,
                  {.hint = number_hint.c_str(), .help = number_help, .error = number_check.error, .required = true});
    const std::string last4_error =
        track.last4_error_server.empty() ? CheckLast4(state, track.last4, track.tried) : track.last4_error_server;
    const std::string last4_hint = state.Tr("track.last4.hint");
    const TextFieldResult last4_field =
        TextField(ui, "last4", state.Tr("track.last4.label"), track.last4,
                  {.hint = last4_hint.c_str(), .error = last4_error, .required = true, .numeric = true});
    if (number_field.changed || last4_field.changed) {
        if (last4_field.changed) track.last4_error_server.clear();
        if (track.lookup.IsFailed()) track.lookup.Reset();
        SaveDraft(state, ui);
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.1f)));
    const bool busy = track.lookup.IsLoading();
    if (Button(ui, "submit", state.Tr(busy ? "track.searching" : "track.submit"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !busy, .icon = ICON_SEARCH}) ||
        number_field.submitted || last4_field.submitted) {
        Submit(state, ui);
    }
    if (track.lookup.IsFailed()) DrawFailure(state, ui, *track.lookup.error);
    EndCard(ui);

    DrawRecent(state, ui);
    EndColumn(ui);
}

} // namespace

void DrawTrack(AppState& state, Ui& ui) {
    if (state.route.param.empty()) {
        DrawLookup(state, ui);
    } else {
        DrawTicketPage(state, ui);
    }
}

} // namespace aftercare::portal
