// Repair step 3, the service: how the customer wants it handled (remote help, an on-site visit
// with an address and a slot, drop-off, mail-in) and how urgent it is, each urgency explained in
// plain words with the vendor's actual deadlines from the policy.
#include "screens/repair_steps.h"
#include "time_format.h"

#include "app.h"
#include "format.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/feedback.h"
#include "widgets/option_cards.h"

#include "core/money.h"
#include "core/validation.h"

namespace aftercare::portal {
namespace {

constexpr int kVisitDaysShown = 7;  // a week of days to pick from (core accepts up to kVisitBookingDays)

struct ModeChoice {
    core::ServiceMode mode;
    const char* icon;
    const char* description_key;
};
constexpr ModeChoice kModes[] = {
    {core::ServiceMode::Remote, ICON_HEADPHONES, "repair.mode.remote.description"},
    {core::ServiceMode::OnSite, ICON_HOME, "repair.mode.on_site.description"},
    {core::ServiceMode::DropOff, ICON_BUILDING, "repair.mode.drop_off.description"},
    {core::ServiceMode::MailIn, ICON_TRUCK, "repair.mode.mail_in.description"},
};

struct UrgencyChoice {
    core::Priority priority;
    const char* icon;
    const char* what_key;
};
constexpr UrgencyChoice kUrgencies[] = {
    {core::Priority::General, ICON_CLOCK, "repair.urgency.general"},
    {core::Priority::Serious, ICON_WARNING, "repair.urgency.serious"},
    {core::Priority::Urgent, ICON_BOLT, "repair.urgency.urgent"},
};

// The last hour of a slot, to grey out today's slots that are already over.
int SlotEndHour(core::VisitSlot slot) {
    switch (slot) {
    case core::VisitSlot::Morning: return 12;
    case core::VisitSlot::Afternoon: return 18;
    case core::VisitSlot::Evening: return 21;
    }
    return 24;
}

// "Reply within 2 hours / visit at a time agreed with you / fixed within 8 hours", one a line, from
// the policy.
std::string Promises(const AppState& state, core::Priority priority, bool on_site) {
    const StringTable& s = state.strings;
    const Language lang = state.language;
    const core::PrioritySla& sla = state.policy.sla.For(priority);
    auto time = [&](int minutes) { return FormatDuration(s, lang, minutes); };
    std::string text = s.Format(lang, "repair.urgency.reply", {{"time", time(sla.first_response_minutes)}});
    if (on_site) {
        text += "\n";
        text += sla.dispatch_minutes ? s.Format(lang, "repair.urgency.dispatch", {{"time", time(*sla.dispatch_minutes)}})
                                     : s.Get(lang, "repair.urgency.dispatch_agreed");
    }
    text += "\n";
    // The promise names where the allowance counts from, as core/sla.cpp counts it.
    const char* resolve_key = "repair.urgency.resolve";
    if (sla.resolution_from == core::ResolutionClockStart::WorkStarted) resolve_key = "repair.urgency.resolve_on_site";
    if (sla.resolution_from == core::ResolutionClockStart::BookedVisit && on_site) resolve_key = "repair.urgency.resolve_booked";
    text += s.Format(lang, resolve_key, {{"time", time(sla.resolution_minutes)}});
    return text;
}

void DrawVisit(AppState& state, Ui& ui) {
    RepairDraft& draft = state.repair.draft;
    const core::UtcOffsetMinutes offset = ui.host.UtcOffsetMinutes();
    const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
    const core::CivilDate today = core::LocalDate(now, offset);
    const int hour_now = static_cast<int>((now - core::LocalDayStart(core::DaysFromCivil(today), offset)) / 3600);

    std::vector<std::string> day_labels, day_values;
    for (int i = 0; i < kVisitDaysShown; ++i) {
        const core::CivilDate day = core::AddDays(today, i);
        day_labels.push_back(FormatDay(state.strings, state.language, day, today));
        day_values.push_back(core::FormatIsoDate(day));
    }
    std::vector<ChoiceOption> days;
    int day = -1;
    for (int i = 0; i < kVisitDaysShown; ++i) {
        days.push_back({.label = day_labels[static_cast<size_t>(i)]});
        if (draft.visit_date == day_values[static_cast<size_t>(i)]) day = i;
    }
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
    if (ChoiceGroup(ui, "visit-day", state.Tr("repair.visit.day"), days, day, {.required = true})) {
        draft.visit_date = day_values[static_cast<size_t>(day)];
        ClearFieldError(state, kVisitField);
    }
    ScrollIntoViewIfAsked(state, kVisitField);

    constexpr core::VisitSlot kSlots[] = {core::VisitSlot::Morning, core::VisitSlot::Afternoon, core::VisitSlot::Evening};
    std::vector<std::string> slot_labels;
    for (core::VisitSlot slot : kSlots) slot_labels.push_back(Localized(core::Label(slot), state.language));
    std::vector<ChoiceOption> slots;
    int slot = -1;
    const bool is_today = draft.visit_date == core::FormatIsoDate(today);
    for (size_t i = 0; i < std::size(kSlots); ++i) {
        slots.push_back({.label = slot_labels[i], .enabled = !is_today || hour_now < SlotEndHour(kSlots[i])});
        if (draft.visit_slot == kSlots[i]) slot = static_cast<int>(i);
    }
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
    if (ChoiceGroup(ui, "visit-slot", state.Tr("repair.visit.slot"), slots, slot,
                    {.error = FieldError(state, kVisitField), .required = true})) {
        draft.visit_slot = kSlots[slot];
        ClearFieldError(state, kVisitField);
    }
}

void DrawMode(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    RepairDraft& draft = repair.draft;
    // Out of warranty, the on-site choice says what a visit costs.
    std::string on_site_fee;
    if (repair.warranty.IsLoaded() && repair.warranty.value->estimate && !repair.warranty.value->estimate->free &&
        repair.warranty.value->estimate->on_site_fen > 0) {
        on_site_fee = state.strings.Format(state.language, "repair.mode.on_site.fee",
                                           {{"amount", core::FormatMoney(repair.warranty.value->estimate->on_site_fen)}});
    }
    std::vector<std::string> labels, descriptions;
    for (const ModeChoice& choice : kModes) {
        labels.push_back(Localized(core::Label(choice.mode), state.language));
        descriptions.push_back(state.Tr(choice.description_key));
        if (choice.mode == core::ServiceMode::OnSite && !on_site_fee.empty()) descriptions.back() += " " + on_site_fee;
    }
    std::vector<ChoiceOption> options;
    int selected = -1;
    for (size_t i = 0; i < std::size(kModes); ++i) {
        options.push_back({.label = labels[i], .hint = descriptions[i], .icon = kModes[i].icon});
        if (draft.mode == kModes[i].mode) selected = static_cast<int>(i);
    }
    if (OptionCards(ui, "mode", state.Tr("repair.mode"), options, selected,
                    {.error = FieldError(state, kModeField), .required = true, .columns = 2})) {
        draft.mode = kModes[selected].mode;
        ClearFieldError(state, kModeField);
    }
    ScrollIntoViewIfAsked(state, kModeField);

    if (NeedsAddress(draft)) {
        ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
        const std::string hint = state.Tr("repair.address.hint");
        const bool mail = draft.mode == core::ServiceMode::MailIn;
        if (TextField(ui, "address", state.Tr(mail ? "repair.address.mail_in" : "repair.address.on_site"), draft.address,
                      {.hint = hint.c_str(), .error = FieldError(state, kAddressField), .required = true})
                .changed) {
            ClearFieldError(state, kAddressField);
        }
        ScrollIntoViewIfAsked(state, kAddressField);
    }
    if (NeedsVisit(draft)) DrawVisit(state, ui);
}

void DrawUrgency(AppState& state, Ui& ui) {
    RepairDraft& draft = state.repair.draft;
    const bool on_site = draft.mode == core::ServiceMode::OnSite;
    std::vector<std::string> labels, descriptions;
    for (const UrgencyChoice& choice : kUrgencies) {
        labels.push_back(Localized(core::Label(choice.priority), state.language));
        descriptions.push_back(state.Tr(choice.what_key) + "\n" + Promises(state, choice.priority, on_site));
    }
    std::vector<ChoiceOption> options;
    int selected = 0;
    for (size_t i = 0; i < std::size(kUrgencies); ++i) {
        options.push_back({.label = labels[i], .hint = descriptions[i], .icon = kUrgencies[i].icon});
        if (draft.priority == kUrgencies[i].priority) selected = static_cast<int>(i);
    }
    // The card's heading names the group (the mirror still names each choice and explains it).
    if (OptionCards(ui, "urgency", {}, options, selected,
                    {.error = FieldError(state, kPriorityField), .required = true, .columns = 1})) {
        draft.priority = kUrgencies[selected].priority;
    }
}

} // namespace

void DrawServiceStep(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    BeginCard(ui, "##service");
    Heading(ui, TextStyle::Title2, state.Tr("repair.service.title"), 2);
    Paragraph(ui, TextStyle::Body, state.Tr("repair.service.subtitle"), theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawMode(state, ui);
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    BeginCard(ui, "##urgency");
    Heading(ui, TextStyle::Title3, state.Tr("repair.urgency.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("repair.urgency.subtitle"), theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawUrgency(state, ui);
    EndCard(ui);
}

} // namespace aftercare::portal
