// The repair draft: persistence, the create-ticket body and step validation; see repair_draft.h.
#include "screens/repair_draft.h"

#include "api/core_json.h"
#include "core/time.h"
#include "core/validation.h"

#include <algorithm>

namespace aftercare::portal {

void ReadFields(api::WireReader& reader, RepairDraft& draft) {
    reader.Optional("serial", draft.serial);
    reader.Optional("purchase_date", draft.purchase_date);
    reader.Optional("model", draft.model);
    reader.Optional("faulty_part", draft.faulty_part);
    reader.Optional("order_number", draft.order_number);
    reader.Optional("order_serial", draft.order_serial);
    reader.Optional("fault_category", draft.fault_category);
    reader.Optional("description", draft.description);
    reader.Optional("mode", draft.mode);
    reader.Optional("address", draft.address);
    reader.Optional("visit_date", draft.visit_date);
    reader.Optional("visit_slot", draft.visit_slot);
    reader.Optional("priority", draft.priority);
    reader.Optional("name", draft.name);
    reader.Optional("phone", draft.phone);
    reader.Optional("email", draft.email);
    reader.Optional("notify_sms", draft.notify.by_sms);
    reader.Optional("notify_email", draft.notify.by_email);
    reader.Optional("attempt_key", draft.attempt_key);
    reader.Optional("attempt_body", draft.attempt_body);
}

namespace {

core::LocalizedText Both(const StringTable& strings, std::string_view key) {
    return {strings.Get(Language::ZhCN, key), strings.Get(Language::En, key)};
}

// Which step shows a field. Server and core field names, plus the wizard's own choices.
struct FieldStep {
    std::string_view prefix;
    RepairStep step;
};
// First match wins: the specific repair.* fields come before the "repair." prefix.
constexpr FieldStep kFieldSteps[] = {
    {"product.", RepairStep::Product},    {kFaultyPartField, RepairStep::Product},
    {kSubjectField, RepairStep::Fault},   {kDescriptionField, RepairStep::Fault},
    {kFaultCategoryField, RepairStep::Fault},
    {kAddressField, RepairStep::Service}, {kPriorityField, RepairStep::Service},
    {"repair.", RepairStep::Service},  // i18n: not a key
    {"customer.", RepairStep::Contact},
};

} // namespace

const char* FaultCategoryLabelKey(std::string_view id) {
    for (const FaultCategory& category : kFaultCategories) {
        if (category.id == id) return category.label_key;
    }
    return nullptr;
}

std::string SaveDraft(const RepairDraft& draft) {
    api::Json json{{"serial", draft.serial},
                   {"purchase_date", draft.purchase_date},
                   {"model", draft.model},
                   {"faulty_part", draft.faulty_part},
                   {"order_number", draft.order_number},
                   {"order_serial", draft.order_serial},
                   {"fault_category", draft.fault_category},
                   {"description", draft.description},
                   {"address", draft.address},
                   {"visit_date", draft.visit_date},
                   {"priority", draft.priority},
                   {"name", draft.name},
                   {"phone", draft.phone},
                   {"email", draft.email},
                   {"notify_sms", draft.notify.by_sms},
                   {"notify_email", draft.notify.by_email},
                   {"attempt_key", draft.attempt_key},
                   {"attempt_body", draft.attempt_body}};
    if (draft.mode) json["mode"] = *draft.mode;
    if (draft.visit_slot) json["visit_slot"] = *draft.visit_slot;
    return api::DumpJson(json);
}

RepairDraft LoadDraft(std::string_view json) {
    core::Result<RepairDraft> draft = api::ParseWire<RepairDraft>(json);
    return draft ? std::move(draft).Value() : RepairDraft{};
}

bool NeedsAddress(const RepairDraft& draft) {
    return draft.mode == core::ServiceMode::OnSite || draft.mode == core::ServiceMode::MailIn;
}

bool NeedsVisit(const RepairDraft& draft) { return draft.mode == core::ServiceMode::OnSite; }

core::TicketDraft ToTicketDraft(const RepairDraft& draft, const StringTable& strings, Language language,
                                core::UtcOffsetMinutes utc_offset) {
    core::TicketDraft ticket;
    ticket.kind = core::TicketKind::Repair;
    ticket.priority = draft.priority;
    ticket.customer = {draft.name, draft.phone, draft.email};
    ticket.product.model = draft.model;
    ticket.product.serial = draft.serial;
    ticket.product.purchase_date = core::ParseIsoDate(draft.purchase_date);
    ticket.product.order_number = draft.order_number;
    if (const char* key = FaultCategoryLabelKey(draft.fault_category)) ticket.subject = strings.Get(language, key);
    ticket.description = draft.description;
    if (NeedsAddress(draft)) ticket.address = draft.address;
    if (draft.mode) {
        core::RepairDetails repair;
        repair.mode = *draft.mode;
        repair.fault_category = draft.fault_category;
        repair.faulty_part = draft.faulty_part;
        const auto visit_date = core::ParseIsoDate(draft.visit_date);
        if (NeedsVisit(draft) && visit_date && draft.visit_slot) repair.visit = core::VisitWindow{*visit_date, *draft.visit_slot};
        ticket.repair = std::move(repair);
    }
    ticket.utc_offset_minutes = utc_offset;
    return ticket;
}

RepairStep StepOfField(std::string_view field) {
    for (const FieldStep& entry : kFieldSteps) {
        if (field.substr(0, entry.prefix.size()) == entry.prefix) return entry.step;
    }
    return RepairStep::Review;
}

FieldErrorMap ValidateStep(RepairStep step, const RepairDraft& draft, const StepCheck& check,
                           const StringTable& strings, core::UnixSeconds now, core::UtcOffsetMinutes utc_offset) {
    FieldErrorMap errors;
    // What the server checks, in the server's words, kept to this step's fields.
    core::TicketDraft ticket = ToTicketDraft(draft, strings, Language::ZhCN, utc_offset);
    for (core::Error& error : core::ValidateTicketDraft(ticket, now)) {
        if (step != RepairStep::Review && StepOfField(error.field) != step) continue;
        // The subject is made from the category: its only possible problem is a missing category.
        if (error.field == kSubjectField) continue;
        // The visit's date and its slot are chosen together, and their errors shown together.
        const std::string field(error.field == kVisitDateField ? kVisitField : std::string_view(error.field));
        errors.emplace(field, std::move(error.message));
    }
    auto wants = [step](RepairStep of) { return step == of || step == RepairStep::Review; };
    // What the wizard asks for on top of the server's rules.
    if (wants(RepairStep::Product)) {
        if (draft.serial.find_first_not_of(" \t") == std::string::npos) {
            errors.emplace(kSerialField, Both(strings, "repair.error.serial_required"));
        }
        if (check.purchase_date_required && draft.purchase_date.empty()) {
            errors.emplace(kPurchaseDateField, Both(strings, "repair.error.purchase_date_required"));
        } else if (!draft.purchase_date.empty() && !core::ParseIsoDate(draft.purchase_date)) {
            errors.emplace(kPurchaseDateField, Both(strings, "repair.error.purchase_date_format"));
        }
    }
    if (wants(RepairStep::Fault) && FaultCategoryLabelKey(draft.fault_category) == nullptr) {
        errors.emplace(kFaultCategoryField, Both(strings, "repair.error.category_required"));
    }
    if (wants(RepairStep::Service)) {
        if (!draft.mode) errors.emplace(kModeField, Both(strings, "repair.error.mode_required"));
        if (NeedsVisit(draft) && (draft.visit_date.empty() || !draft.visit_slot)) {
            errors.insert_or_assign(std::string(kVisitField), Both(strings, "repair.error.visit_required"));
        }
    }
    return errors;
}

} // namespace aftercare::portal
