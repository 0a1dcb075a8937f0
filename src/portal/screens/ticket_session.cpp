// The ticket page's requests; see ticket_session.h.
#include "screens/ticket_session.h"

#include "app.h"
#include "net/customer_requests.h"
#include "net/poll_pacing.h"
#include "net/vendor_policy.h"
#include "screens/open_ticket.h"
#include "screens/ticket_tokens.h"
#include "screens/timeline_pages.h"
#include "widgets/feedback.h"

#include "core/service_number.h"
#include "core/validation.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

requests::TicketAccess AccessOf(const OpenTicket& ticket) { return {ticket.display, ticket.token}; }

std::string DraftKey(const OpenTicket& ticket) { return "tracking.message-draft." + ticket.compact; }

int LastSequence(const api::TicketView& view) { return view.timeline.empty() ? 0 : view.timeline.back().sequence; }

// Every answer carrying the whole view goes through here: the view, and the sequence the live
// updates continue from.
void TakePageView(AppState& state, api::TicketView view, Host& host) {
    state.ticket.last_sequence = std::max(state.ticket.last_sequence, LastSequence(view));
    TakeView(state.open_ticket, std::move(view), host);
}

// The page's own state starts afresh for the ticket now open (here, or on the rate screen).
void ResetPage(AppState& state) {
    TicketPageState& page = state.ticket;
    page = TicketPageState{};
    page.generation = state.open_ticket.generation;
    if (state.open_ticket.view.IsLoaded()) page.last_sequence = LastSequence(*state.open_ticket.view.value);
}

void LoadView(AppState& state, Host& host) {
    OpenTicket& ticket = state.open_ticket;
    const int generation = ticket.generation;
    ticket.view.StartLoading();
    requests::LoadTicket(
        state.api, AccessOf(ticket),
        [&state, &host, generation](api::TicketView view) {
            if (state.open_ticket.generation != generation) return;
            TakePageView(state, std::move(view), host);
        },
        [&state, generation](ApiError error) {
            if (state.open_ticket.generation != generation) return;
            if (error.kind == ApiError::Kind::Unauthorized) state.ticket.expired = true;
            state.open_ticket.view.Fail(std::move(error));
        });
}

// A quiet reload that keeps the page on screen while it runs; a second request while one is in
// flight is folded into one more after it.
void RefreshView(AppState& state, Host& host) {
    TicketPageState& page = state.ticket;
    if (page.refresh_in_flight) {
        page.refresh_again = true;
        return;
    }
    page.refresh_in_flight = true;
    const int generation = state.open_ticket.generation;
    requests::LoadTicket(
        state.api, AccessOf(state.open_ticket),
        [&state, &host, generation](api::TicketView view) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.refresh_in_flight = false;
            TakePageView(state, std::move(view), host);
            if (std::exchange(p.refresh_again, false)) RefreshView(state, host);
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.refresh_in_flight = false;
            p.refresh_again = false;
            if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
            // Otherwise the page keeps what it shows; the live connection reports trouble.
        });
}

bool OnThisPage(const AppState& state, int generation) {
    return state.open_ticket.generation == generation && state.route.screen == Screen::Track && !state.route.param.empty();
}

} // namespace

std::string MessageDraftKey(const AppState& state) { return DraftKey(state.open_ticket); }

double ServerNow(const AppState& state, double device_now) { return device_now + state.open_ticket.clock_offset; }

bool SyncTicketRoute(AppState& state, Ui& ui) {
    OpenTicket& ticket = state.open_ticket;
    TicketPageState& page = state.ticket;
    const auto parsed = core::ParseServiceNumber(state.route.param);
    if (!parsed) {
        if (!page.invalid_number) {
            OpenAnother(ticket, {}, {});
            ResetPage(state);
        }
        page.invalid_number = true;
        return true;
    }
    const core::ParsedServiceNumber& number = parsed.Value();
    const double now = ui.host.NowUnixSeconds();
    const int frame = ImGui::GetFrameCount();
    bool reentered = page.last_frame >= 0 && frame - page.last_frame > 1;
    page.last_frame = frame;

    if (ticket.compact != number.compact) OpenAnother(ticket, number.compact, number.display);
    if (page.generation != ticket.generation) {
        // Another ticket, opened here or on the rate screen. One the rate screen loaded is shown
        // at once and refreshed, as on coming back to it.
        ResetPage(state);
        page.last_frame = frame;
        reentered = true;
        if (auto draft = ui.host.LoadLocal(DraftKey(ticket))) page.message = *draft;
    }

    // A tracking link (#/track/<number>?t=<token>): keep the token on this device, then take it
    // out of the address bar and history, so it is not shared with the next copied link.
    const std::string link_token = LinkToken(state.route.query);
    if (!link_token.empty()) {
        // Kept in a task after this frame, usually the page's first: on a phone that frame is the
        // longest task of the start, and this first write of JSON was 13–27 % of it (issue 22).
        state.api.Transport().Defer([&host = ui.host, compact = ticket.compact, display = ticket.display,
                                     link_token] { SaveTicketToken(host, compact, display, link_token, 0); },
                                    HttpTransport::Redraw::No);
        if (link_token != ticket.token) {
            ticket.token = link_token;
            page.expired = false;
            LoadView(state, ui.host);
        }
        NavigateReplacing(state, Route{Screen::Track, ticket.display, {}});
        return true;
    }

    if (ticket.token.empty()) {
        if (auto stored = LoadTicketToken(ui.host, ticket.compact, now)) ticket.token = *stored;
    }
    if (ticket.token.empty() || page.expired) {
        // No way in without the phone digits: the lookup form, with the number filled in.
        if (page.expired) ForgetTicketToken(ui.host, ticket.compact);
        state.track.notice_key = page.signed_out ? "track.notice.signed_out"
                                 : page.expired  ? "track.notice.expired"
                                                 : "track.notice.verify";
        state.track.number = ticket.display;
        state.track.last4.clear();
        NavigateReplacing(state, Route{Screen::Track, {}, "n=" + ticket.display});
        OpenAnother(ticket, {}, {});
        return false;
    }
    EnsureVendorPolicy(state);
    if (ticket.view.IsIdle()) {
        LoadView(state, ui.host);
    } else if (reentered && ticket.view.IsLoaded()) {
        RefreshView(state, ui.host);  // it may have moved on while the customer was elsewhere
    }
    return true;
}

void ReloadTicket(AppState& state, Ui& ui) {
    EnsureVendorPolicy(state, /*retry_failed=*/true);
    LoadView(state, ui.host);
}

void LoadEarlierEvents(AppState& state, Ui&) {
    TicketPageState& page = state.ticket;
    const OpenTicket& ticket = state.open_ticket;
    if (page.earlier_in_flight || !ticket.view.IsLoaded()) return;
    page.earlier_in_flight = true;
    page.earlier_failure.reset();
    const int generation = state.open_ticket.generation;
    const int before = OldestHeld(*ticket.view.value);
    requests::LoadEarlierEvents(
        state.api, AccessOf(ticket), before,
        [&state, generation, before](api::EventsResponse events) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.earlier_in_flight = false;
            OpenTicket& now = state.open_ticket;
            if (now.view.IsLoaded()) PrependEarlier(*now.view.value, before, events);
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.earlier_in_flight = false;
            if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
            p.earlier_failure = std::move(error);
        });
}

void ReconnectLive(AppState& state) {
    state.ticket.poll_due_at = 0;
    state.ticket.poll_failures = 0;
}

void PumpLiveUpdates(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    if (!state.open_ticket.view.IsLoaded() || page.poll_in_flight || page.expired || page.signing_out) return;
    const double now = ui.host.NowUnixSeconds();
    if (now < page.poll_due_at) {
        ui.host.RequestRedrawAfter(page.poll_due_at - now);
        return;
    }
    page.poll_in_flight = true;
    page.poll_sent_at = now;
    const int generation = state.open_ticket.generation;
    Host& host = ui.host;
    const int after = page.last_sequence;
    requests::WaitForEvents(
        state.api, AccessOf(state.open_ticket), after,
        [&state, &host, generation, after](api::EventsResponse events) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.poll_in_flight = false;
            if (p.signing_out) return; // its token is ending: nothing more is asked with it
            p.live_error.reset();
            const PollAnswer answer{.ok = true, .news = !events.events.empty(),
                                    .held_seconds = host.NowUnixSeconds() - p.poll_sent_at,
                                    .failures = p.poll_failures + 1};
            const double delay = NextPollDelay(answer, host);
            p.poll_failures = delay > 0 ? answer.failures : 0;
            p.poll_due_at = host.NowUnixSeconds() + delay;
            OpenTicket& ticket = state.open_ticket;
            if (events.events.empty() || !ticket.view.IsLoaded()) return;
            // An answer is one page: continue from the last event it carried (never from the
            // ticket's last sequence, which would skip the rest), at once when more follow.
            p.last_sequence = std::max(p.last_sequence, events.events.back().sequence);
            if (events.has_later) p.poll_due_at = 0;
            // Show the new events at once; the full view (actions, SLA) follows.
            // They follow the view's last event when that is what was asked after (sequences may
            // skip staff-only events, so "+ 1" cannot tell).
            api::TicketView& view = *ticket.view.value;
            if (after == LastSequence(view))
                for (core::TimelineEvent& event : events.events) view.timeline.push_back(std::move(event));
            view.state = events.state;
            if (OnThisPage(state, generation)) RefreshView(state, host);
        },
        [&state, &host, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.poll_in_flight = false;
            if (error.kind == ApiError::Kind::Unauthorized) {
                p.expired = true;
                return;
            }
            p.poll_failures += 1;
            p.poll_due_at = host.NowUnixSeconds() +
                            NextPollDelay({.failures = p.poll_failures, .retry_after_seconds = error.retry_after_seconds},
                                          host);
            p.live_error = std::move(error);
        });
}

void SendTicketMessage(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    if (page.message_sending) return;
    const core::FieldErrors errors = core::ValidateMessage(page.message);
    if (!errors.empty()) {
        page.message_error = Localized(errors.front().message, state.language);
        return;
    }
    page.message_error.clear();
    page.message_failure.reset();
    page.message_sent = false;
    page.message_sending = true;
    const int generation = state.open_ticket.generation;
    const std::string sent = page.message;
    Host& host = ui.host;
    requests::SendMessage(
        state.api, AccessOf(state.open_ticket), sent,
        [&state, &host, generation, sent](api::TicketView view) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.message_sending = false;
            p.message_sent = true;
            // Typing may have gone on while it was sent: keep whatever came after.
            if (p.message == sent) p.message.clear();
            if (p.message.empty()) {
                host.RemoveLocal(DraftKey(state.open_ticket));
            } else {
                host.SaveLocal(DraftKey(state.open_ticket), p.message);
            }
            TakePageView(state, std::move(view), host);
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.message_sending = false;
            if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
            if (error.kind == ApiError::Kind::Rejected && error.field == "text") {
                p.message_error = Localized(error.message, state.language);
            } else {
                p.message_failure = std::move(error);
            }
        });
}

// How a refused or failed action on the page ends: said above the actions; an expired link asks
// for the lookup again; refused because the ticket moved on (staff acted meanwhile), it shows why
// and what the ticket is now.
requests::Fail ActionFailed(AppState& state, Host& host, int generation) {
    return [&state, &host, generation](ApiError error) {
        TicketPageState& p = state.ticket;
        if (state.open_ticket.generation != generation) return;
        p.action_in_flight = false;
        if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
        if (error.kind == ApiError::Kind::Rejected) RefreshView(state, host);
        p.action_failure = std::move(error);
    };
}

void RunTicketAction(AppState& state, Ui& ui, core::Action action, std::string note) {
    TicketPageState& page = state.ticket;
    if (page.action_in_flight) return;
    if (!requests::IsCustomerAction(action)) return;
    page.action_in_flight = true;
    page.action_failure.reset();
    const int generation = state.open_ticket.generation;
    Host& host = ui.host;
    requests::TakeAction(
        state.api, AccessOf(state.open_ticket), action, std::move(note),
        [&state, &host, generation, action](api::TicketView view) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.action_in_flight = false;
            p.dialog = TicketDialog::None;
            if (action == core::Action::Reopen) p.reopen_note.clear();
            if (action == core::Action::CustomerReply) p.reply.clear();
            TakePageView(state, std::move(view), host);
        },
        ActionFailed(state, host, generation));
}

void AnswerQuote(AppState& state, Ui& ui, bool accept) {
    TicketPageState& page = state.ticket;
    if (page.action_in_flight) return;
    page.action_in_flight = true;
    page.action_failure.reset();
    const int generation = state.open_ticket.generation;
    Host& host = ui.host;
    requests::AnswerQuote(
        state.api, AccessOf(state.open_ticket), accept,
        [&state, &host, generation](api::TicketView view) {
            if (state.open_ticket.generation != generation) return;
            state.ticket.action_in_flight = false;
            TakePageView(state, std::move(view), host);
        },
        ActionFailed(state, host, generation));
}

void SignOutEverywhere(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    if (page.action_in_flight) return;
    page.action_in_flight = true;
    page.signing_out = true;
    page.action_failure.reset();
    const int generation = state.open_ticket.generation;
    Host& host = ui.host;
    requests::SignOutEverywhere(
        state.api, AccessOf(state.open_ticket),
        [&state, &host, generation](api::SignOutResponse) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.action_in_flight = false;
            p.dialog = TicketDialog::None;
            // Nothing of this ticket stays on this device; the next frame shows the lookup form.
            host.RemoveLocal(DraftKey(state.open_ticket));
            p.message.clear();
            p.signed_out = true;
            p.expired = true;
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (state.open_ticket.generation != generation) return;
            p.action_in_flight = false;
            p.signing_out = false;
            // Already signed out elsewhere: this page's session has ended all the same.
            if (error.kind == ApiError::Kind::Unauthorized) {
                p.dialog = TicketDialog::None;
                p.expired = true;
                return;
            }
            p.action_failure = std::move(error);
        });
}

} // namespace aftercare::portal
