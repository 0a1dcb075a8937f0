// The domain's named values (kinds, priorities, states, actions, rules) with their wire names and zh/en labels.
#pragma once

#include "text.h"

#include <cstddef>
#include <string_view>

namespace aftercare::core {

// Wire names are snake_case and never change once shipped; labels are for people and may.
// Every enum here has ToString() (wire name), FromString() (false when unknown) and Label().

// A suggestion (建议, §17 (3)1) "搜集客户意见、建议") is read and answered like a consultation but has
// no answer deadline: the standard times complaints, not ideas.
enum class TicketKind { Repair, Return, Exchange, Complaint, Consultation, Suggestion };

// What a complaint is about, chosen by the customer (or the agent taking it) so that complaints can
// be analysed by cause (§17 (3)4) "认真分析总结造成客户投诉的原因").
enum class ComplaintCategory { Attitude, Late, RepairQuality, ProductQuality, Charges, Other };
// Every category, in the order forms, charts and counts list them.
inline constexpr ComplaintCategory kAllComplaintCategories[] = {
    ComplaintCategory::Attitude,       ComplaintCategory::Late,    ComplaintCategory::RepairQuality,
    ComplaintCategory::ProductQuality, ComplaintCategory::Charges, ComplaintCategory::Other};

// The customer states the priority when asking for help (一般/严重/紧急); staff may re-triage on accept.
enum class Priority { General, Serious, Urgent };

// Service flow (售后服务流程). AwaitingItem / ItemReceived are the return-and-exchange leg: the
// vendor approved, the customer ships the item back, the vendor receives and inspects it.
enum class TicketState {
    Submitted,
    Accepted,
    Assigned,
    InProgress,
    WaitingCustomer, // SLA clocks paused: staff asked the customer for information
    AwaitingItem,    // SLA clocks paused: return/exchange approved, item on its way back
    ItemReceived,
    Resolved,
    Confirmed,
    Closed,
    Cancelled,
    Rejected,
};

enum class Action {
    Accept,        // staff: register and confirm (受理); may re-triage the priority
    Assign,        // staff: dispatch to an engineer/handler (派工), also reassign
    Start,         // staff: work begins (engineer on site / diagnosis); starts urgent's resolution clock
    RequestInfo,   // staff: ask the customer something; pauses the clock
    CustomerReply, // customer: answer a RequestInfo; resumes
    Resume,        // staff: resume without a portal reply (customer answered by phone)
    Approve,       // staff: return/exchange approved, waiting for the item
    ReceiveItem,   // staff: returned item arrived
    Resolve,       // staff: fixed / answered / refunded / exchanged
    Confirm,       // customer: confirms the resolution
    Reopen,        // customer: not fixed after all, within the reopen window
    Cancel,        // customer: withdraw before anyone is dispatched
    Reject,        // staff: refuse (not eligible, duplicate), with a reason
    Close,         // staff after confirmation, or system once the reopen window has passed
    Escalate,      // system on SLA breach, or staff by hand: one level up, no state change
    Reprioritize,  // staff: change the priority (with a reason) at any open stage; no state change
    Reschedule,    // staff: move an on-site repair's booked visit, agreed with the customer; no state change
};

enum class ActorRole { Customer, Staff, System };

enum class EscalationLevel { None, DepartmentManager, GeneralManager };

// Note, QualityIncident and FollowUp (a follow-up call's record, core/followup.h) are staff-only
// (core::IsStaffOnly): the customer never sees or hears of them.
enum class EventType { Created, Transition, Message, Attachment, Escalation, Rating, Work, Note, QualityIncident, FollowUp };

// What a staff work record (EventType::Work) says: the engineer's diagnosis, a spare part taken
// from stock (fitted within the policy's in-stock hours) or ordered (shipped within the ship
// hours) and its completion, the engineer leaving for and arriving on site, the service report
// left with the customer, and how the customer signed off a finished on-site job: signed on the
// engineer's phone, or to confirm later on the portal. Out of warranty a quote comes first, and the
// customer accepts or declines it on the portal before paid work starts. InterimPlan is the stop-gap
// agreed with the customer while the fault lasts (§19 "与用户商定故障期间的应急方案，包括提供备用件
// 应急等措施"): a loan unit or part, in the engineer's words.
enum class WorkKind {
    Diagnosis, PartReserved, PartOrdered, PartFitted, PartShipped, Departure, Arrival, ServiceReport,
    SignOff, SignOffLater, Quote, QuoteAccepted, QuoteDeclined, InterimPlan
};

// What caused a repaired fault (售后服务报告单 故障原因). CustomerCaused (买方原因) decides the
// warranty: such damage is never free, and a part replaced for it never restarts a warranty.
enum class FaultCause { ProductDefect, WearAndTear, CustomerCaused, Environment, NoFaultFound };

// How the repair ended (维修结果).
enum class RepairOutcome { Repaired, Replaced, NotRepairable };

enum class SlaClock { FirstResponse, Dispatch, Arrival, Resolution };
inline constexpr std::size_t kSlaClockCount = 4;

enum class DeadlineStatus {
    NotApplicable, // this clock does not exist for this ticket (e.g. dispatch "at an agreed time")
    NotStarted,    // the clock has not started (urgent resolution counts from arrival)
    Running,
    Paused,        // waiting on the customer
    MetOnTime,
    MetLate,
    Overdue,       // running and past its deadline
    Stopped,       // ticket cancelled/rejected before the clock was met
};

// Why the customer asks to return or exchange.
enum class ReturnReason { NoReason, DeadOnArrival, QualityProblem, WrongItem };

// What the customer gets (or is offered instead).
enum class Remedy { Refund, Exchange, FreeRepairOrReplacement, FreeRepair, PaidRepair };

// The rule that decided a returns/exchange request.
enum class ReturnsRule {
    NoReasonWindow,    // 十五天无理由退换货
    DeadOnArrival,     // 开箱损坏: unconditional exchange, same or equivalent model
    QualityInWarranty, // quality problem in warranty: free repair or replacement
    WrongItem,         // mismatch with the order: return and refund
    NotDelivered,      // refusal: no delivery yet (or delivery date in the future)
    ItemNotIntact,     // refusal: no-reason return needs the item complete
    WindowExpired,     // refusal: outside every window; repair offered instead
    OutOfWarranty,     // refusal: quality problem after warranty; paid repair offered
};

// How the customer wants a repair handled (报修服务方式).
enum class ServiceMode {
    Remote,  // guidance by phone or video first; many faults are settled without a visit
    OnSite,  // an engineer visits the address at the preferred slot
    DropOff, // the customer brings the unit to a service centre
    MailIn,  // the customer ships the unit; it is shipped back to the address when repaired
};

// How a ticket came in (A10/A20 来电来函登记). The customer's own portal knows which of the first
// three it is (a tab, the kiosk, a vendor's iframe); staff intake records the other three.
enum class Channel { Web, Kiosk, Embed, Phone, WalkIn, Email };
// Every channel, in the order the statistics list them.
inline constexpr Channel kAllChannels[] = {Channel::Web,   Channel::Kiosk,  Channel::Embed,
                                        Channel::Phone, Channel::WalkIn, Channel::Email};

// The part of the day a customer prefers for an on-site visit.
enum class VisitSlot { Morning, Afternoon, Evening };

enum class WarrantyRule {
    InWarranty,       // within the standard period from purchase/acceptance
    KeyPartRestarted, // covered because a key part replaced in warranty restarted its period
    Expired,
    CustomerDamage,   // damage caused by the customer is never free
    NotYetStarted,    // purchase date after "today": bad input, treated as not covered
};

std::string_view ToString(TicketKind value);
std::string_view ToString(Priority value);
std::string_view ToString(TicketState value);
std::string_view ToString(Action value);
std::string_view ToString(ActorRole value);
std::string_view ToString(EscalationLevel value);
std::string_view ToString(EventType value);
std::string_view ToString(WorkKind value);
std::string_view ToString(SlaClock value);
std::string_view ToString(DeadlineStatus value);
std::string_view ToString(ReturnReason value);
std::string_view ToString(Remedy value);
std::string_view ToString(ReturnsRule value);
std::string_view ToString(WarrantyRule value);
std::string_view ToString(ServiceMode value);
std::string_view ToString(VisitSlot value);
std::string_view ToString(Channel value);
std::string_view ToString(FaultCause value);
std::string_view ToString(RepairOutcome value);
std::string_view ToString(ComplaintCategory value);

bool FromString(std::string_view text, TicketKind& out);
bool FromString(std::string_view text, Priority& out);
bool FromString(std::string_view text, TicketState& out);
bool FromString(std::string_view text, Action& out);
bool FromString(std::string_view text, ActorRole& out);
bool FromString(std::string_view text, EscalationLevel& out);
bool FromString(std::string_view text, EventType& out);
bool FromString(std::string_view text, WorkKind& out);
bool FromString(std::string_view text, SlaClock& out);
bool FromString(std::string_view text, DeadlineStatus& out);
bool FromString(std::string_view text, ReturnReason& out);
bool FromString(std::string_view text, Remedy& out);
bool FromString(std::string_view text, ReturnsRule& out);
bool FromString(std::string_view text, WarrantyRule& out);
bool FromString(std::string_view text, ServiceMode& out);
bool FromString(std::string_view text, VisitSlot& out);
bool FromString(std::string_view text, Channel& out);
bool FromString(std::string_view text, FaultCause& out);
bool FromString(std::string_view text, RepairOutcome& out);
bool FromString(std::string_view text, ComplaintCategory& out);

// Who reads a label. Customers read about their own ticket ("待您回复", "Waiting for your reply");
// staff read about the customer's ("待客户回复"). Enums whose wording is the same for both take none.
enum class Audience { Customer, Staff };
// Whose words a message for `role` uses: the customer's own, or staff's (the system writes as staff).
Audience AudienceOf(ActorRole role);

const LocalizedText& Label(TicketKind value, Audience audience);
const LocalizedText& Label(Priority value);
const LocalizedText& Label(TicketState value, Audience audience);
const LocalizedText& Label(Action value);
const LocalizedText& Label(ActorRole value);
const LocalizedText& Label(EscalationLevel value);
const LocalizedText& Label(EventType value);
const LocalizedText& Label(WorkKind value);
const LocalizedText& Label(SlaClock value);
const LocalizedText& Label(ReturnReason value);
const LocalizedText& Label(Remedy value);
const LocalizedText& Label(ServiceMode value);
const LocalizedText& Label(VisitSlot value); // with its hours, e.g. "上午 9:00–12:00"
const LocalizedText& Label(Channel value);
const LocalizedText& Label(FaultCause value);
const LocalizedText& Label(RepairOutcome value);
const LocalizedText& Label(ComplaintCategory value);

// Channels a customer's own portal may claim (web, kiosk, embed); the others are staff intake's.
bool IsSelfServiceChannel(Channel channel);

// Terminal states accept no further transition (only reading).
bool IsTerminal(TicketState state);
// States in which every SLA clock is paused because the ticket waits on the customer.
bool IsPausedState(TicketState state);

} // namespace aftercare::core
