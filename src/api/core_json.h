// JSON for core domain types (enums by wire name, dates as "YYYY-MM-DD", instants as Unix seconds).
#pragma once

#include "api/wire_reader.h"
#include "core/rating.h"
#include "core/result.h"
#include "core/returns.h"
#include "core/sla.h"
#include "core/text.h"
#include "core/ticket.h"
#include "core/validation.h"
#include "core/vocabulary.h"
#include "core/warranty.h"
#include "core/work_log.h"

// These live in aftercare::core because nlohmann finds to_json/from_json by argument-dependent lookup.
namespace aftercare::core {

#define AFTERCARE_WIRE_ENUM(Type)                                                                  \
    void to_json(::aftercare::api::Json& json_value, Type value);                                    \
    void from_json(const ::aftercare::api::Json& json_value, Type& value)

AFTERCARE_WIRE_ENUM(TicketKind);
AFTERCARE_WIRE_ENUM(Priority);
AFTERCARE_WIRE_ENUM(TicketState);
AFTERCARE_WIRE_ENUM(Action);
AFTERCARE_WIRE_ENUM(ActorRole);
AFTERCARE_WIRE_ENUM(EscalationLevel);
AFTERCARE_WIRE_ENUM(EventType);
AFTERCARE_WIRE_ENUM(WorkKind);
AFTERCARE_WIRE_ENUM(SlaClock);
AFTERCARE_WIRE_ENUM(DeadlineStatus);
AFTERCARE_WIRE_ENUM(ReturnReason);
AFTERCARE_WIRE_ENUM(Remedy);
AFTERCARE_WIRE_ENUM(ReturnsRule);
AFTERCARE_WIRE_ENUM(WarrantyRule);
AFTERCARE_WIRE_ENUM(ServiceMode);
AFTERCARE_WIRE_ENUM(VisitSlot);
AFTERCARE_WIRE_ENUM(Channel);
AFTERCARE_WIRE_ENUM(FaultCause);
AFTERCARE_WIRE_ENUM(RepairOutcome);
AFTERCARE_WIRE_ENUM(ComplaintCategory);

#undef AFTERCARE_WIRE_ENUM

// "YYYY-MM-DD"
void to_json(::aftercare::api::Json& json_value, const CivilDate& value);
void from_json(const ::aftercare::api::Json& json_value, CivilDate& value);

AFTERCARE_WIRE_TYPE(LocalizedText);   // {"zh","en"}
AFTERCARE_WIRE_TYPE(Error);           // {"code","message":{"zh","en"},"field"}
AFTERCARE_WIRE_TYPE(Actor);           // {"role","id"}
AFTERCARE_WIRE_TYPE(CustomerContact); // {"name","phone","email"}
AFTERCARE_WIRE_TYPE(ProductInfo);     // {"model","serial","purchase_date","order_number","delivered_at"}
AFTERCARE_WIRE_TYPE(VisitWindow);     // {"date","slot"}
AFTERCARE_WIRE_TYPE(RepairDetails);   // {"mode","visit","fault_category","faulty_part"}
AFTERCARE_WIRE_TYPE(ComplaintDetails);  // {"category","related_ticket"}
AFTERCARE_WIRE_TYPE(ComplaintFindings); // {"root_cause","corrective_action"}
AFTERCARE_WIRE_TYPE(TicketDraft);     // the create-ticket body
AFTERCARE_WIRE_TYPE(PartUsed);        // {"part_number","name","new_serial","original","quantity","unit_cost_fen"}
AFTERCARE_WIRE_TYPE(Quote);           // {"parts","customer_caused","charges"}
AFTERCARE_WIRE_TYPE(ServiceReport);   // {"diagnosis","cause","actions","parts","labour_minutes","outcome","charges"}
AFTERCARE_WIRE_TYPE(FollowUpCall);    // {"reached"}: a follow-up call's outcome
AFTERCARE_WIRE_TYPE(WorkRecord);      // {"kind","part","due_at","completes","quote","report"}
AFTERCARE_WIRE_TYPE(TimelineEvent);
AFTERCARE_WIRE_TYPE(Ticket);          // full ticket, for the server's store
AFTERCARE_WIRE_TYPE(Deadline);
AFTERCARE_WIRE_TYPE(SlaStatus);
AFTERCARE_WIRE_TYPE(Rating);
AFTERCARE_WIRE_TYPE(SatisfactionStats);
AFTERCARE_WIRE_TYPE(ReturnsDecision);
AFTERCARE_WIRE_TYPE(WarrantyDecision);
AFTERCARE_WIRE_TYPE(ChargeEstimate);
AFTERCARE_WIRE_TYPE(PartReplacement);
AFTERCARE_WIRE_TYPE(AttachmentMeta);
AFTERCARE_WIRE_TYPE(PartCommitment);  // {"sequence","part","in_stock","promised_at","due_at","done_at"}

} // namespace aftercare::core
