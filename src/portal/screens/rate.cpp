// Rate screen: the route, the ticket's token, the lookup when there is none, the ticket, the
// rating request and the form's draft on the device; the cards are in rate_cards.cpp.
#include "screens/rate_parts.h"

#include "app.h"
#include "embed.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "screens/open_ticket.h"
#include "screens/ticket_tokens.h"
#include "widgets.h"
#include "widgets/column.h"
#include "widgets/feedback.h"

#include "api/wire_reader.h"
#include "core/service_number.h"
#include "core/validation.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace aftercare::portal {
namespace {

std::string DraftKey(const OpenTicket& ticket) { return "draft.rate." + ticket.compact; }

void LoadForm(AppState& state, Host& host) {
    RateState& r = state.rate;
    r.form = RateForm{};
    r.saved_form.clear();
    const auto stored = host.LoadLocal(DraftKey(state.open_ticket));
    if (!stored) return;
    const api::Json json = api::Json::parse(*stored, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return;
    if (auto it = json.find("stars"); it != json.end() && it->is_array() && it->size() == r.form.stars.size()) {
        for (size_t i = 0; i < r.form.stars.size(); ++i) {
            const api::Json& value = (*it)[i];
            if (value.is_number_integer()) r.form.stars[i] = std::clamp(value.get<int>(), 0, 5);
        }
    }
    if (auto it = json.find("solved"); it != json.end() && it->is_number_integer()) {
        r.form.solved = std::clamp(it->get<int>(), -1, 1);
    }
    if (auto it = json.find("comment"); it != json.end() && it->is_string()) r.form.comment = it->get<std::string>();
    r.saved_form = *stored;
}

void SaveForm(AppState& state, Host& host) {
    RateState& r = state.rate;
    const OpenTicket& ticket = state.open_ticket;
    if (ticket.compact.empty() || !ticket.view.IsLoaded() || ticket.view.value->rating) return;
    std::string json = api::Json{{"stars", r.form.stars}, {"solved", r.form.solved}, {"comment", r.form.comment}}.dump();
    if (json == r.saved_form) return;
    host.SaveLocal(DraftKey(ticket), json);
    r.saved_form = std::move(json);
}

// The route names the ticket, which becomes the open one; its token is held already (from its
// ticket page), comes from the link (?t=) or from this device.
void FollowRoute(AppState& state, Host& host) {
    RateState& r = state.rate;
    OpenTicket& ticket = state.open_ticket;
    const std::string param = state.route.param;
    auto parsed = core::ParseServiceNumber(param);
    const std::string compact = parsed ? parsed.Value().compact : param;
    if (r.route_taken && compact == r.route_number && compact == ticket.compact) return;
    if (compact != r.route_number) {
        const std::string typed_number = r.lookup_number;
        r = RateState{};
        r.lookup_number = typed_number;
    }
    r.route_number = compact;
    r.route_taken = true;
    if (!parsed) {
        if (!param.empty()) r.lookup_number = param;  // a mistyped link: let the customer correct it
        return;
    }
    if (ticket.compact != compact) OpenAnother(ticket, compact, parsed.Value().display);
    r.lookup_number = ticket.display;
    // A link may carry the token (#/rate/<number>?t=...); otherwise this device may hold one.
    const std::string link_token = LinkToken(state.route.query);
    if (!link_token.empty() && link_token != ticket.token) {
        ticket.token = link_token;
        ticket.view.Reset();
    }
    if (ticket.token.empty()) {
        if (auto stored = LoadTicketToken(host, compact, host.NowUnixSeconds())) ticket.token = *stored;
    }
    if (ticket.token.empty()) return;
    LoadForm(state, host);
    if (ticket.view.IsIdle()) LoadRatedTicket(state, host);
}

void Lookup(AppState& state, Host& host) {
    RateState& r = state.rate;
    r.errors.clear();
    for (const core::Error& error : core::ValidateLookup(r.lookup_number, r.lookup_last4)) {
        r.errors[error.field] = Localized(error.message, state.language);
    }
    if (!r.errors.empty()) return;
    r.lookup.StartLoading();
    requests::LookUpTicket(
        state.api, r.lookup_number, r.lookup_last4,
        [&state, &host](api::LookupResponse found) {
            if (auto number = core::ParseServiceNumber(found.service_number)) {
                SaveTicketToken(host, number.Value().compact, number.Value().display, found.access_token,
                                found.token_expires_at);
            }
            state.rate.lookup.Succeed(found);
            // The address bar follows the ticket; the route is taken again, with the stored token.
            state.rate.route_taken = false;
            Navigate(state, Route{Screen::Rate, found.service_number, {}});
        },
        [&state](ApiError error) {
            RateState& now = state.rate;
            if (error.kind == ApiError::Kind::NotFound || error.kind == ApiError::Kind::Rejected) {
                now.lookup.Reset();
                now.errors[error.field == "service_number" ? "service_number" : "phone_last4"] =
                    DescribeError(state.strings, state.language, error);
                return;
            }
            now.lookup.Fail(std::move(error));
        });
}

void DrawLookup(AppState& state, Ui& ui) {
    RateState& r = state.rate;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##lookup");
    Heading(ui, TextStyle::Title3, state.Tr("rate.lookup.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("rate.lookup.help"), p.text_muted);
    auto field_error = [&r](const char* field) {
        const auto it = r.errors.find(field);
        return it == r.errors.end() ? std::string_view() : std::string_view(it->second);
    };
    const std::string number_hint = state.Tr("rate.lookup.number.hint");
    if (TextField(ui, "number", state.Tr("rate.lookup.number"), r.lookup_number,
                  {.hint = number_hint.c_str(), .error = field_error("service_number"), .required = true})
            .changed) {
        r.errors.erase("service_number");
    }
    const std::string last4_hint = state.Tr("rate.lookup.last4.hint");
    const TextFieldResult last4 =
        TextField(ui, "last4", state.Tr("rate.lookup.last4"), r.lookup_last4,
                  {.hint = last4_hint.c_str(), .error = field_error("phone_last4"), .required = true, .numeric = true});
    if (last4.changed) r.errors.erase("phone_last4");
    if (r.lookup.IsFailed() && ErrorBanner(ui, state.strings, state.language, *r.lookup.error, "lookup-error")) {
        Lookup(state, ui.host);
    }
    const bool loading = r.lookup.IsLoading();
    if (Button(ui, "find", state.Tr(loading ? "rate.lookup.finding" : "rate.lookup.find"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !loading, .icon = ICON_SEARCH}) ||
        (last4.submitted && !loading)) {
        Lookup(state, ui.host);
    }
    EndCard(ui);
}

} // namespace

core::Rating RatingFromForm(const RateForm& form) {
    core::Rating rating;
    rating.quality = form.stars[0];
    rating.speed = form.stars[1];
    rating.attitude = form.stars[2];
    rating.scope = form.stars[3];
    rating.guarantee = form.stars[4];
    rating.solved = form.solved == 1;
    rating.comment = form.comment;
    return rating;
}

std::array<int, 5> StarsOf(const core::Rating& rating) {
    return {rating.quality, rating.speed, rating.attitude, rating.scope, rating.guarantee};
}

void LoadRatedTicket(AppState& state, Host& host) {
    OpenTicket& ticket = state.open_ticket;
    ticket.view.StartLoading();
    const int generation = ticket.generation;
    requests::LoadTicket(
        state.api, {ticket.display, ticket.token},
        [&state, &host, generation](api::TicketView view) {
            if (state.open_ticket.generation == generation) TakeView(state.open_ticket, std::move(view), host);
        },
        [&state, &host, generation](ApiError error) {
            OpenTicket& now = state.open_ticket;
            if (now.generation != generation) return;
            if (error.kind == ApiError::Kind::Unauthorized || error.kind == ApiError::Kind::NotFound) {
                // The token no longer opens this ticket: ask for the phone digits again.
                ForgetTicketToken(host, now.compact);
                now.token.clear();
                now.view.Reset();
                state.rate.errors["phone_last4"] = DescribeError(state.strings, state.language, error);
                return;
            }
            now.view.Fail(std::move(error));
        });
}

void SubmitRating(AppState& state, Ui& ui) {
    RateState& r = state.rate;
    r.errors.clear();
    const core::Rating rating = RatingFromForm(r.form);
    for (const core::Error& error : core::ValidateRating(rating)) {
        r.errors[error.field] = Localized(error.message, state.language);
    }
    for (size_t i = 0; i < r.form.stars.size(); ++i) {
        if (r.form.stars[i] == 0) r.errors[kRateDimensions[i].id] = state.Tr("rate.stars.required");
    }
    if (r.form.solved < 0) r.errors["solved"] = state.Tr("rate.solved.required");
    if (!r.errors.empty()) return;

    r.sent.StartLoading();
    const OpenTicket& ticket = state.open_ticket;
    const int generation = ticket.generation;
    requests::RateService(
        state.api, {ticket.display, ticket.token}, rating,
        [&state, &host = ui.host, generation](api::TicketView view) {
            if (state.open_ticket.generation != generation) return;
            RateState& now = state.rate;
            host.RemoveLocal(DraftKey(state.open_ticket));
            now.saved_form.clear();
            now.sent.Succeed({});
            now.just_rated = true;
            now.scroll_to_top = true;
            NotifyEmbedder(host, "aftercare:rated", nlohmann::json{{"serviceNumber", view.service_number}}.dump());
            TakeView(state.open_ticket, std::move(view), host);
        },
        [&state, &host = ui.host, generation](ApiError error) {
            if (state.open_ticket.generation != generation) return;
            RateState& now = state.rate;
            if (error.code == "already_rated" || error.code == "illegal_transition") {
                // Rated meanwhile (another tab, a lost answer) or not resolved after all: show the
                // ticket as it is now, with a kind word rather than an error.
                now.sent.Reset();
                now.already_rated = error.code == "already_rated";
                now.scroll_to_top = true;
                LoadRatedTicket(state, host);
                return;
            }
            now.sent.Fail(std::move(error));
        });
}

void StartRating(AppState& state, std::string_view service_number) {
    state.rate.route_taken = false;  // take the route again: the form's draft, the view if missing
    Navigate(state, Route{Screen::Rate, std::string(service_number), {}});
}

void DrawRate(AppState& state, Ui& ui) {
    RateState& r = state.rate;
    FollowRoute(state, ui.host);

    if (std::exchange(r.scroll_to_top, false)) ImGui::SetScrollY(0.0f);
    BeginNarrowColumn(ui, 40.0f);
    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Home, {}, {}});
    }
    Heading(ui, TextStyle::Title1, state.Tr("rate.title"), 1);
    Paragraph(ui, TextStyle::Body, state.Tr("rate.subtitle"), ui.theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));

    const OpenTicket& open = state.open_ticket;
    if (open.token.empty()) {
        DrawLookup(state, ui);
    } else if (open.view.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *open.view.error, "ticket-error")) {
            LoadRatedTicket(state, ui.host);
        }
    } else if (!open.view.IsLoaded()) {
        LoadingIndicator(ui, state.Tr("rate.loading"));
    } else {
        const api::TicketView& ticket = *open.view.value;
        DrawTicketSummary(state, ui, ticket);
        ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
        if (ticket.rating) {
            DrawGivenRating(state, ui, *ticket.rating);
        } else if (ticket.state == core::TicketState::Resolved || ticket.state == core::TicketState::Confirmed ||
                   ticket.state == core::TicketState::Closed) {
            DrawRatingForm(state, ui);
        } else {
            DrawNotYetRatable(state, ui, ticket);
        }
    }
    EndNarrowColumn(ui);
    SaveForm(state, ui.host);
}

} // namespace aftercare::portal
