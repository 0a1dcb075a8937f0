// The ticket page's requests; see ticket_session.h.
#include "screens/ticket_session.h"

#include "app.h"
#include "embed.h"
#include "net/customer_requests.h"
#include "net/poll_pacing.h"
#include "net/vendor_policy.h"
#include "screens/ticket_tokens.h"
#include "screens/timeline_pages.h"
#include "widgets/feedback.h"

#include "core/service_number.h"
#include "core/validation.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace aftercare::portal {
namespace {

requests::TicketAccess AccessOf(const TicketPageState& page) { return {page.display, page.token}; }

std::string DraftKey(const TicketPageState& page) { return "tracking.message-draft." + page.compact; }

int LastSequence(const api::TicketView& view) { return view.timeline.empty() ? 0 : view.timeline.back().sequence; }

// Every answer carrying the whole view goes through here: the view, the clock and the sequence
// the live updates continue from.
void TakeView(TicketPageState& page, api::TicketView view, Host& host) {
    // A ticket seen open that is now resolved: the embedding page may want to know (a vendor's
    // "your repair is done" banner). Only a change seen live counts, not an old resolution.
    const bool was_open = page.view.IsLoaded() && page.view.value->state != core::TicketState::Resolved;
    if (was_open && view.state == core::TicketState::Resolved) {
        NotifyEmbedder(host, "aftercare:ticket-resolved", nlohmann::json{{"serviceNumber", view.service_number}}.dump());
    }
    page.clock_offset = static_cast<double>(view.sla.evaluated_at - host.NowUnixSeconds());
    page.last_sequence = std::max(page.last_sequence, LastSequence(view));
    // The view carries the newest page only: older events the customer paged in stay shown.
    KeepPagedHistory(page.view.value ? &*page.view.value : nullptr, view);
    page.view.Succeed(std::move(view));
}

void StartOver(TicketPageState& page, std::string compact, std::string display) {
    const int generation = page.generation + 1;
    page = TicketPageState{};
    page.generation = generation;
    page.compact = std::move(compact);
    page.display = std::move(display);
}

void LoadView(AppState& state, Host& host) {
    TicketPageState& page = state.ticket;
    const int generation = page.generation;
    page.view.StartLoading();
    requests::LoadTicket(
        state.api, AccessOf(page),
        [&state, &host, generation](api::TicketView view) {
            if (state.ticket.generation != generation) return;
            TakeView(state.ticket, std::move(view), host);
        },
        [&state, generation](ApiError error) {
            if (state.ticket.generation != generation) return;
            if (error.kind == ApiError::Kind::Unauthorized) state.ticket.expired = true;
            state.ticket.view.Fail(std::move(error));
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
    const int generation = page.generation;
    requests::LoadTicket(
        state.api, AccessOf(page),
        [&state, &host, generation](api::TicketView view) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.refresh_in_flight = false;
            TakeView(p, std::move(view), host);
            if (std::exchange(p.refresh_again, false)) RefreshView(state, host);
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.refresh_in_flight = false;
            p.refresh_again = false;
            if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
            // Otherwise the page keeps what it shows; the live connection reports trouble.
        });
}

bool OnThisPage(const AppState& state, int generation) {
    return state.ticket.generation == generation && state.route.screen == Screen::Track && !state.route.param.empty();
}

} // namespace

std::string MessageDraftKey(const AppState& state) { return DraftKey(state.ticket); }

double ServerNow(const AppState& state, double device_now) { return device_now + state.ticket.clock_offset; }

bool SyncTicketRoute(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    const auto parsed = core::ParseServiceNumber(state.route.param);
    if (!parsed) {
        if (!page.invalid_number) StartOver(page, {}, {});
        page.invalid_number = true;
        return true;
    }
    const core::ParsedServiceNumber& number = parsed.Value();
    const double now = ui.host.NowUnixSeconds();
    const int frame = ImGui::GetFrameCount();
    const bool reentered = page.last_frame >= 0 && frame - page.last_frame > 1;
    page.last_frame = frame;

    if (page.compact != number.compact) {
        StartOver(page, number.compact, number.display);
        page.last_frame = frame;
        if (auto draft = ui.host.LoadLocal(DraftKey(page))) page.message = *draft;
    }

    // A tracking link (#/track/<number>?t=<token>): keep the token on this device, then take it
    // out of the address bar and history, so it is not shared with the next copied link.
    const std::string link_token = QueryValue(state.route.query, "t");
    if (!link_token.empty()) {
        SaveTicketToken(ui.host, page.compact, page.display, link_token, 0);
        if (link_token != page.token) {
            page.token = link_token;
            page.expired = false;
            LoadView(state, ui.host);
        }
        NavigateReplacing(state, Route{Screen::Track, page.display, {}});
        return true;
    }

    if (page.token.empty()) {
        if (auto stored = LoadTicketToken(ui.host, page.compact, now)) page.token = *stored;
    }
    if (page.token.empty() || page.expired) {
        // No way in without the phone digits: the lookup form, with the number filled in.
        if (page.expired) ForgetTicketToken(ui.host, page.compact);
        state.track.notice_key = page.signed_out ? "track.notice.signed_out"
                                 : page.expired  ? "track.notice.expired"
                                                 : "track.notice.verify";
        state.track.number = page.display;
        state.track.last4.clear();
        NavigateReplacing(state, Route{Screen::Track, {}, "n=" + page.display});
        StartOver(page, {}, {});
        return false;
    }
    EnsureVendorPolicy(state);
    if (page.view.IsIdle()) {
        LoadView(state, ui.host);
    } else if (reentered && page.view.IsLoaded()) {
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
    if (page.earlier_in_flight || !page.view.IsLoaded()) return;
    page.earlier_in_flight = true;
    page.earlier_failure.reset();
    const int generation = page.generation;
    requests::LoadEarlierEvents(
        state.api, AccessOf(page), OldestHeld(*page.view.value),
        [&state, generation](api::EventsResponse events) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.earlier_in_flight = false;
            if (p.view.IsLoaded()) PrependEarlier(*p.view.value, events);
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
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
    if (!page.view.IsLoaded() || page.poll_in_flight || page.expired || page.signing_out) return;
    const double now = ui.host.NowUnixSeconds();
    if (now < page.poll_due_at) {
        ui.host.RequestRedrawAfter(page.poll_due_at - now);
        return;
    }
    page.poll_in_flight = true;
    page.poll_sent_at = now;
    const int generation = page.generation;
    Host& host = ui.host;
    requests::WaitForEvents(
        state.api, AccessOf(page), page.last_sequence,
        [&state, &host, generation](api::EventsResponse events) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.poll_in_flight = false;
            if (p.signing_out) return; // its token is ending: nothing more is asked with it
            p.live_error.reset();
            const PollAnswer answer{.ok = true, .news = !events.events.empty(),
                                    .held_seconds = host.NowUnixSeconds() - p.poll_sent_at,
                                    .failures = p.poll_failures + 1};
            const double delay = NextPollDelay(answer, host);
            p.poll_failures = delay > 0 ? answer.failures : 0;
            p.poll_due_at = host.NowUnixSeconds() + delay;
            if (events.events.empty() || !p.view.IsLoaded()) return;
            // An answer is one page: continue from the last event it carried (never from the
            // ticket's last sequence, which would skip the rest), at once when more follow.
            p.last_sequence = std::max(p.last_sequence, events.events.back().sequence);
            if (events.has_later) p.poll_due_at = 0;
            // Show the new events at once; the full view (actions, SLA) follows.
            api::TicketView& view = *p.view.value;
            for (core::TimelineEvent& event : events.events) {
                if (event.sequence == LastSequence(view) + 1) view.timeline.push_back(std::move(event));
            }
            view.state = events.state;
            if (OnThisPage(state, generation)) RefreshView(state, host);
        },
        [&state, &host, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
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
    const int generation = page.generation;
    const std::string sent = page.message;
    Host& host = ui.host;
    requests::SendMessage(
        state.api, AccessOf(page), sent,
        [&state, &host, generation, sent](api::TicketView view) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.message_sending = false;
            p.message_sent = true;
            // Typing may have gone on while it was sent: keep whatever came after.
            if (p.message == sent) p.message.clear();
            if (p.message.empty()) {
                host.RemoveLocal(DraftKey(p));
            } else {
                host.SaveLocal(DraftKey(p), p.message);
            }
            TakeView(p, std::move(view), host);
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.message_sending = false;
            if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
            if (error.kind == ApiError::Kind::Rejected && error.field == "text") {
                p.message_error = Localized(error.message, state.language);
            } else {
                p.message_failure = std::move(error);
            }
        });
}

void RunTicketAction(AppState& state, Ui& ui, core::Action action, std::string note) {
    TicketPageState& page = state.ticket;
    if (page.action_in_flight) return;
    if (!requests::IsCustomerAction(action)) return;
    page.action_in_flight = true;
    page.action_failure.reset();
    const int generation = page.generation;
    Host& host = ui.host;
    requests::TakeAction(
        state.api, AccessOf(page), action, std::move(note),
        [&state, &host, generation, action](api::TicketView view) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.action_in_flight = false;
            p.dialog = TicketDialog::None;
            if (action == core::Action::Reopen) p.reopen_note.clear();
            if (action == core::Action::CustomerReply) p.reply.clear();
            TakeView(p, std::move(view), host);
        },
        [&state, &host, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.action_in_flight = false;
            if (error.kind == ApiError::Kind::Unauthorized) p.expired = true;
            // Refused because the ticket moved on (staff acted meanwhile): show why, and what it is now.
            if (error.kind == ApiError::Kind::Rejected) RefreshView(state, host);
            p.action_failure = std::move(error);
        });
}

void SignOutEverywhere(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    if (page.action_in_flight) return;
    page.action_in_flight = true;
    page.signing_out = true;
    page.action_failure.reset();
    const int generation = page.generation;
    Host& host = ui.host;
    requests::SignOutEverywhere(
        state.api, AccessOf(page),
        [&state, &host, generation](api::SignOutResponse) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
            p.action_in_flight = false;
            p.dialog = TicketDialog::None;
            // Nothing of this ticket stays on this device; the next frame shows the lookup form.
            host.RemoveLocal(DraftKey(p));
            p.message.clear();
            p.signed_out = true;
            p.expired = true;
        },
        [&state, generation](ApiError error) {
            TicketPageState& p = state.ticket;
            if (p.generation != generation) return;
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
