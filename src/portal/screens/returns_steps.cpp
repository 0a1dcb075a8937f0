// The returns wizard's steps: the order, the item and reason, the verdict, and the request.
#include "screens/returns_parts.h"

#include "app.h"
#include "dates.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/button_row.h"
#include "widgets/choice_chips.h"
#include "widgets/feedback.h"
#include "widgets/verdict_card.h"

#include <array>
#include <vector>

namespace aftercare::portal {
namespace {

constexpr core::ReturnReason kReasons[] = {core::ReturnReason::NoReason, core::ReturnReason::DeadOnArrival,
                                           core::ReturnReason::QualityProblem, core::ReturnReason::WrongItem};

float FullWidth() { return ImGui::GetContentRegionAvail().x; }

void Gap(const Ui& ui, float em) { ImGui::Dummy(ImVec2(0, ui.theme.Em(em))); }

// A field's edit clears the error shown for it: the customer is fixing it.
void ClearErrorOnEdit(ReturnsState& r, const TextFieldResult& result, const char* field) {
    if (result.changed) r.errors.erase(field);
}

// The remote states every step that needs the order draws the same way. True when it is loaded.
bool EnsureOrder(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    if (r.order.IsIdle()) LookUpOrder(state);  // a draft restored after a reload
    if (r.order.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *r.order.error, "order-error")) LookUpOrder(state);
        return false;
    }
    if (!r.order.IsLoaded()) {
        LoadingIndicator(ui, state.Tr("returns.order.loading"));
        return false;
    }
    return true;
}

void DrawOrderSummary(AppState& state, Ui& ui, const api::OrderLookupResponse& order) {
    const Palette& p = ui.theme.palette;
    std::string line = state.strings.Format(state.language, "returns.order.summary",
                                            {{"order", order.order_number}, {"phone", order.phone_masked}});
    if (order.delivered_at) {
        const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
        line += state.strings.Format(
            state.language, "returns.order.delivered",
            {{"date", FormatInstantDay(state.strings, state.language, *order.delivered_at, ui.host.UtcOffsetMinutes(), now)}});
    }
    Paragraph(ui, TextStyle::Small, line, p.text_muted);
}

} // namespace

void DrawOrderStep(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##order");
    Heading(ui, TextStyle::Title3, state.Tr("returns.order.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("returns.order.help"), p.text_muted);
    Gap(ui, 0.25f);
    const std::string order_hint = state.Tr("returns.order.number.hint");
    ClearErrorOnEdit(r,
                     TextField(ui, "order-number", state.Tr("returns.order.number"), r.draft.order_number,
                               {.hint = order_hint.c_str(), .error = FieldError(r, "order_number"), .required = true}),
                     "order_number");
    const std::string phone_hint = state.Tr("returns.order.phone.hint");
    const TextFieldResult phone =
        TextField(ui, "order-phone", state.Tr("returns.order.phone"), r.draft.phone,
                  {.hint = phone_hint.c_str(), .error = FieldError(r, "phone"), .required = true, .numeric = true});
    ClearErrorOnEdit(r, phone, "phone");
    if (r.order.IsFailed() &&
        ErrorBanner(ui, state.strings, state.language, *r.order.error, "order-error")) {
        LookUpOrder(state);
    }
    Gap(ui, 0.25f);
    const bool loading = r.order.IsLoading();
    if (Button(ui, "find-order", state.Tr(loading ? "returns.order.finding" : "returns.order.find"),
               {.width = FullWidth(), .enabled = !loading, .icon = ICON_SEARCH}) ||
        (phone.submitted && !loading)) {
        LookUpOrder(state);
    }
    EndCard(ui);
}

void DrawItemStep(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    const Palette& p = ui.theme.palette;
    if (!EnsureOrder(state, ui)) return;
    const api::OrderLookupResponse& order = *r.order.value;

    BeginCard(ui, "##item");
    if (Button(ui, "change-order", state.Tr("returns.order.change"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        GoToStep(state, ReturnsStep::Order);
    }
    DrawOrderSummary(state, ui, order);
    Gap(ui, 0.25f);
    if (!order.delivered_at) {
        // Nothing can be sent back before it arrives: say so, and offer another order.
        Heading(ui, TextStyle::Title3, state.Tr("returns.not_delivered.title"), 2);
        const std::string& hotline = state.policy.contact.hotline;
        Paragraph(ui, TextStyle::Body,
                  hotline.empty() ? state.Tr("returns.not_delivered.body")
                                  : state.strings.Format(state.language, "returns.not_delivered.body.hotline",
                                                         {{"hotline", hotline}}),
                  p.text, Role::Status);
        EndCard(ui);
        return;
    }

    Heading(ui, TextStyle::Title3, state.Tr("returns.item.title"), 2);
    std::vector<std::string> keys, hints;
    std::vector<ChoiceOption> items;
    int chosen = -1;
    for (const api::OrderItem& item : order.items) {
        keys.push_back(ItemKey(item));
        hints.push_back(item.serial.empty() ? std::string()
                                            : state.strings.Format(state.language, "returns.item.serial",
                                                                   {{"serial", item.serial}}));
    }
    for (size_t i = 0; i < order.items.size(); ++i) {
        items.push_back({keys[i].c_str(), order.items[i].model, hints[i]});
        if (keys[i] == r.draft.item) chosen = static_cast<int>(i);
    }
    if (ChoiceGroup(ui, "items", {}, items, chosen, {.style = ChoiceStyle::Cards, .error = FieldError(r, "item")})) {
        r.draft.item = keys[static_cast<size_t>(chosen)];
        r.errors.erase("item");
    }

    Gap(ui, 0.5f);
    Heading(ui, TextStyle::Title3, state.Tr("returns.reason.title"), 2);
    std::array<ChoiceOption, std::size(kReasons)> reasons;
    int reason = -1;
    for (size_t i = 0; i < std::size(kReasons); ++i) {
        reasons[i] = {core::ToString(kReasons[i]).data(), state.Tr(ReasonKey(kReasons[i])), {}};
        if (r.draft.reason == kReasons[i]) reason = static_cast<int>(i);
    }
    if (ChoiceGroup(ui, "reasons", {}, reasons, reason, {.error = FieldError(r, "reason")})) {
        r.draft.reason = kReasons[static_cast<size_t>(reason)];
        r.errors.erase("reason");
    }
    // Only a no-reason return depends on the item being complete; a defect never does.
    if (r.draft.reason == core::ReturnReason::NoReason) {
        Gap(ui, 0.25f);
        const ChoiceOption condition[] = {{"intact", state.Tr("returns.intact.yes"), {}},
                                          {"not-intact", state.Tr("returns.intact.no"), {}}};
        int intact = r.draft.item_intact ? 0 : 1;
        if (ChoiceGroup(ui, "condition", state.Tr("returns.intact.label"), condition, intact)) {
            r.draft.item_intact = intact == 0;
        }
    }
    Gap(ui, 0.5f);
    if (Button(ui, "check", state.Tr("returns.check"), {.width = FullWidth(), .icon = ICON_SHIELD})) {
        CheckEligibility(state);
    }
    EndCard(ui);
}

void DrawVerdictStep(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    const Palette& p = ui.theme.palette;
    if (!EnsureOrder(state, ui)) return;
    if (r.refund.IsIdle() && r.exchange.IsIdle()) {
        CheckEligibility(state);
        if (r.draft.step != ReturnsStep::Verdict) return;  // the restored choice was incomplete
    }
    for (Remote<core::ReturnsDecision>* slot : {&r.refund, &r.exchange}) {
        if (!slot->IsFailed()) continue;
        if (ErrorBanner(ui, state.strings, state.language, *slot->error, "verdict-error")) CheckEligibility(state);
        if (Button(ui, "verdict-back", state.Tr("returns.reason.change"), {.kind = ButtonKind::Secondary})) {
            GoToStep(state, ReturnsStep::Item);
        }
        return;
    }
    if (!r.refund.IsLoaded() || !r.exchange.IsLoaded()) {
        LoadingIndicator(ui, state.Tr("returns.verdict.loading"));
        return;
    }

    const core::ReturnsDecision& refund = *r.refund.value;
    const core::ReturnsDecision& exchange = *r.exchange.value;
    const bool granted = refund.granted || exchange.granted;
    // The decision that speaks for the verdict: a granted one, else the refusal of a refund.
    const core::ReturnsDecision& deciding = refund.granted || !exchange.granted ? refund : exchange;
    const char* title_key = "returns.verdict.refused";
    if (refund.granted && exchange.granted) {
        title_key = "returns.verdict.both";
    } else if (refund.granted) {
        title_key = "returns.verdict.refund";
    } else if (exchange.granted) {
        title_key = exchange.remedy == core::Remedy::FreeRepairOrReplacement ? "returns.verdict.replacement"
                                                                            : "returns.verdict.exchange";
    }
    BeginVerdictCard(ui, "##verdict", granted ? Verdict::Granted : Verdict::Refused, state.Tr(title_key),
                     Localized(deciding.reason, state.language));
    const core::ReturnsPolicy& policy = state.policy.returns;
    // The two unconditional rules name a day limit only when the vendor set one.
    std::string rule_key = RuleKey(deciding.rule);
    if ((deciding.rule == core::ReturnsRule::DeadOnArrival && policy.dead_on_arrival_days) ||
        (deciding.rule == core::ReturnsRule::WrongItem && policy.wrong_item_days))
        rule_key += ".limited";
    const std::string rule = state.strings.Format(
        state.language, rule_key,
        {{"days", std::to_string(policy.no_reason_days)},
         {"doa_days", std::to_string(policy.dead_on_arrival_days.value_or(0))},
         {"wrong_days", std::to_string(policy.wrong_item_days.value_or(0))}});
    Paragraph(ui, TextStyle::Small, state.strings.Format(state.language, "returns.verdict.rule", {{"rule", rule}}),
              p.text_muted);
    if (!granted) {
        Paragraph(ui, TextStyle::Body,
                  state.strings.Format(state.language, "returns.verdict.offer",
                                       {{"remedy", Localized(core::Label(deciding.remedy), state.language)}}),
                  p.text);
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    if (granted) {
        if (Button(ui, "continue", state.Tr("returns.verdict.continue"), {.icon = ICON_ARROW_RIGHT})) {
            if (!r.draft.remedy || !DecisionFor(r, *r.draft.remedy)->granted) {
                r.draft.remedy = refund.granted ? core::Remedy::Refund : core::Remedy::Exchange;
            }
            r.draft.step = ReturnsStep::Request;
        }
    } else {
        if (Button(ui, "repair", state.Tr("returns.verdict.repair"), {.icon = ICON_WRENCH})) {
            // What the order proved goes with the customer: the wizard opens filled in.
            const api::OrderLookupResponse& order = *r.order.value;
            const api::OrderItem* item = ChosenItem(r);
            StartRepairFor(state, {.serial = item ? item->serial : std::string(),
                                   .model = item ? item->model : std::string(),
                                   .purchase_date = order.purchase_date,
                                   .order_number = order.order_number});
        }
    }
    const std::string& other = state.Tr("returns.reason.change");
    SameLineIfFits(NaturalButtonWidth(ui, other));
    if (Button(ui, "other-reason", other, {.kind = ButtonKind::Secondary})) {
        GoToStep(state, ReturnsStep::Item);
    }
    EndVerdictCard(ui);
}

void DrawRequestStep(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    const Palette& p = ui.theme.palette;
    if (!EnsureOrder(state, ui)) return;
    const core::ReturnsDecision* refund = DecisionFor(r, core::Remedy::Refund);
    const core::ReturnsDecision* exchange = DecisionFor(r, core::Remedy::Exchange);
    if (refund == nullptr || exchange == nullptr) {
        r.draft.step = ReturnsStep::Verdict;  // the verdicts are needed first (a reload lost them)
        return;
    }

    BeginCard(ui, "##request");
    if (Button(ui, "back-verdict", state.Tr("returns.request.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        r.draft.step = ReturnsStep::Verdict;
    }
    Heading(ui, TextStyle::Title3, state.Tr("returns.remedy.title"), 2);
    const std::string refund_hint =
        refund->granted ? state.Tr("returns.remedy.refund.hint") : Localized(refund->reason, state.language);
    const std::string exchange_hint =
        exchange->granted ? state.Tr(exchange->remedy == core::Remedy::FreeRepairOrReplacement
                                         ? "returns.remedy.replacement.hint"
                                         : "returns.remedy.exchange.hint")
                          : Localized(exchange->reason, state.language);
    const ChoiceOption remedies[] = {
        {"refund", state.Tr("returns.remedy.refund"), refund_hint, nullptr, refund->granted},
        {"exchange", state.Tr("returns.remedy.exchange"), exchange_hint, nullptr, exchange->granted},
    };
    int remedy = r.draft.remedy == core::Remedy::Refund ? 0 : r.draft.remedy == core::Remedy::Exchange ? 1 : -1;
    if (ChoiceGroup(ui, "remedy", {}, remedies, remedy,
                    {.style = ChoiceStyle::Cards, .error = FieldError(r, "remedy"), .card_min_width_em = 14.0f})) {
        r.draft.remedy = remedy == 0 ? core::Remedy::Refund : core::Remedy::Exchange;
        r.errors.erase("remedy");
    }

    Gap(ui, 0.5f);
    Heading(ui, TextStyle::Title3, state.Tr("returns.contact.title"), 2);
    ClearErrorOnEdit(r,
                     TextField(ui, "name", state.Tr("returns.contact.name"), r.draft.name,
                               {.error = FieldError(r, "name"), .required = true}),
                     "name");
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "returns.contact.phone", {{"phone", r.order.value->phone_masked}}),
              p.text_muted);
    const std::string email_hint = state.Tr("notify.email.hint");
    const char* email_help = EmailHelpKey(state);
    ClearErrorOnEdit(r,
                     TextField(ui, "email", state.Tr("notify.email.label"), r.draft.email,
                               {.hint = email_hint.c_str(),
                                .help = email_help ? std::string_view(state.Tr(email_help)) : std::string_view(),
                                .error = FieldError(r, "email")}),
                     "email");
    DrawNotifyChoice(state, ui, r.draft.notify, r.draft.email);
    if (r.draft.remedy == core::Remedy::Exchange) {
        const std::string hint = state.Tr("returns.address.hint");
        ClearErrorOnEdit(r,
                         TextField(ui, "address", state.Tr("returns.address.label"), r.draft.address,
                                   {.hint = hint.c_str(), .error = FieldError(r, "address"), .required = true}),
                         "address");
    }
    const std::string note_hint = state.Tr("returns.note.hint");
    ClearErrorOnEdit(r,
                     TextField(ui, "note", state.Tr("returns.note.label"), r.draft.note,
                               {.hint = note_hint.c_str(), .error = FieldError(r, "note"), .multiline = true,
                                .height_em = 4.0f}),
                     "note");
    if (const std::string_view form = FieldError(r, "form"); !form.empty()) {
        Paragraph(ui, TextStyle::Small, form, p.danger, Role::Alert);
    }
    if (r.submitted.IsFailed() &&
        ErrorBanner(ui, state.strings, state.language, *r.submitted.error, "submit-error")) {
        SubmitReturn(state, ui);
    }
    Gap(ui, 0.25f);
    const bool sending = r.submitted.IsLoading();
    if (Button(ui, "submit", state.Tr(sending ? "returns.submitting" : "returns.submit"),
               {.width = FullWidth(), .enabled = !sending, .icon = ICON_CHECK})) {
        SubmitReturn(state, ui);
    }
    EndCard(ui);
}

} // namespace aftercare::portal
