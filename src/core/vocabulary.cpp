// Wire names and zh/en labels of the domain enums, one table per enum so a name is written once.
#include "vocabulary.h"

#include <iterator>

namespace aftercare::core {

namespace {

// Labels are held once, so Label() hands out references that live as long as the program.
template <class E> struct Entry {
    E value;
    std::string_view name;
    LocalizedText label;
};

// A label that one audience reads differently; the wire name stays in the enum's own table.
template <class E> struct AudienceLabel {
    E value;
    LocalizedText label;
};

template <class Row, std::size_t N, class E> const Row& Find(const Row (&table)[N], E value) {
    for (const auto& entry : table) {
        if (entry.value == value) return entry;
    }
    return table[0]; // unreachable for a complete table; the tests check every enumerator
}

template <class E, std::size_t N> bool Parse(const Entry<E> (&table)[N], std::string_view text, E& out) {
    for (const auto& entry : table) {
        if (entry.name == text) {
            out = entry.value;
            return true;
        }
    }
    return false;
}

template <class Row, std::size_t N, class E> const LocalizedText& LabelOf(const Row (&table)[N], E value) {
    return Find(table, value).label;
}

const Entry<TicketKind> kKinds[] = {
    {TicketKind::Repair, "repair", {"报修", "Repair"}},
    {TicketKind::Return, "return", {"退货", "Return"}},
    {TicketKind::Exchange, "exchange", {"换货", "Exchange"}},
    {TicketKind::Complaint, "complaint", {"投诉", "Complaint"}},
    {TicketKind::Consultation, "consultation", {"咨询", "Consultation"}},
    {TicketKind::Suggestion, "suggestion", {"建议", "Suggestion"}},
};

const Entry<Priority> kPriorities[] = {
    {Priority::General, "general", {"一般", "General"}},
    {Priority::Serious, "serious", {"严重", "Serious"}},
    {Priority::Urgent, "urgent", {"紧急", "Urgent"}},
};

const Entry<TicketState> kStates[] = {
    {TicketState::Submitted, "submitted", {"待受理", "Submitted"}},
    {TicketState::Accepted, "accepted", {"已受理", "Accepted"}},
    {TicketState::Assigned, "assigned", {"已派工", "Assigned"}},
    {TicketState::InProgress, "in_progress", {"处理中", "In progress"}},
    {TicketState::WaitingCustomer, "waiting_customer", {"待客户回复", "Waiting for customer"}},
    {TicketState::AwaitingItem, "awaiting_item", {"待寄回商品", "Awaiting item"}},
    {TicketState::ItemReceived, "item_received", {"已收到商品", "Item received"}},
    {TicketState::Resolved, "resolved", {"已解决", "Resolved"}},
    {TicketState::Confirmed, "confirmed", {"客户已确认", "Confirmed"}},
    {TicketState::Closed, "closed", {"已关闭", "Closed"}},
    {TicketState::Cancelled, "cancelled", {"已取消", "Cancelled"}},
    {TicketState::Rejected, "rejected", {"已拒绝", "Rejected"}},
};

// The customer reads about their own ticket: "待您回复" where staff read "待客户回复".
const AudienceLabel<TicketState> kCustomerStates[] = {
    {TicketState::Submitted, {"已提交", "Submitted"}},
    {TicketState::Accepted, {"已受理", "Accepted"}},
    {TicketState::Assigned, {"已派工", "Engineer assigned"}},
    {TicketState::InProgress, {"处理中", "In progress"}},
    {TicketState::WaitingCustomer, {"待您回复", "Waiting for your reply"}},
    {TicketState::AwaitingItem, {"待寄回商品", "Awaiting your item"}},
    {TicketState::ItemReceived, {"已收到商品", "Item received"}},
    {TicketState::Resolved, {"已解决，待确认", "Resolved – please confirm"}},
    {TicketState::Confirmed, {"已完成", "Completed"}},
    {TicketState::Closed, {"已关闭", "Closed"}},
    {TicketState::Cancelled, {"已取消", "Cancelled"}},
    {TicketState::Rejected, {"未受理", "Declined"}},
};

const AudienceLabel<TicketKind> kCustomerKinds[] = {
    {TicketKind::Repair, {"报修", "Repair"}},
    {TicketKind::Return, {"退货", "Return"}},
    {TicketKind::Exchange, {"换货", "Exchange"}},
    {TicketKind::Complaint, {"投诉", "Complaint"}},
    {TicketKind::Consultation, {"咨询", "Question"}},
    {TicketKind::Suggestion, {"建议", "Suggestion"}},
};

const Entry<Action> kActions[] = {
    {Action::Accept, "accept", {"受理", "accept"}},
    {Action::Assign, "assign", {"派工", "assign"}},
    {Action::Start, "start", {"开始处理", "start work"}},
    {Action::RequestInfo, "request_info", {"请客户补充信息", "request information"}},
    {Action::CustomerReply, "customer_reply", {"客户回复", "customer reply"}},
    {Action::Resume, "resume", {"恢复处理", "resume"}},
    {Action::Approve, "approve", {"批准退换", "approve"}},
    {Action::ReceiveItem, "receive_item", {"确认收到商品", "receive item"}},
    {Action::Resolve, "resolve", {"解决", "resolve"}},
    {Action::Confirm, "confirm", {"确认解决", "confirm"}},
    {Action::Reopen, "reopen", {"重新打开", "reopen"}},
    {Action::Cancel, "cancel", {"取消", "cancel"}},
    {Action::Reject, "reject", {"拒绝", "reject"}},
    {Action::Close, "close", {"关闭", "close"}},
    {Action::Escalate, "escalate", {"升级", "escalate"}},
    {Action::Reprioritize, "reprioritize", {"调整优先级", "change priority"}},
    {Action::Reschedule, "reschedule", {"改约上门时间", "reschedule the visit"}},
};

const Entry<ActorRole> kRoles[] = {
    {ActorRole::Customer, "customer", {"客户", "customer"}},
    {ActorRole::Staff, "staff", {"客服人员", "staff"}},
    {ActorRole::System, "system", {"系统", "system"}},
};

const Entry<EscalationLevel> kEscalations[] = {
    {EscalationLevel::None, "none", {"未升级", "not escalated"}},
    {EscalationLevel::DepartmentManager, "department_manager", {"部门经理", "department manager"}},
    {EscalationLevel::GeneralManager, "general_manager", {"总经理", "general manager"}},
};

const Entry<EventType> kEventTypes[] = {
    {EventType::Created, "created", {"创建", "created"}},
    {EventType::Transition, "transition", {"状态变更", "state change"}},
    {EventType::Message, "message", {"留言", "message"}},
    {EventType::Attachment, "attachment", {"附件", "attachment"}},
    {EventType::Escalation, "escalation", {"升级", "escalation"}},
    {EventType::Rating, "rating", {"评价", "rating"}},
    {EventType::Work, "work", {"工作记录", "work record"}},
    {EventType::Note, "note", {"内部备注", "internal note"}},
    {EventType::QualityIncident, "quality_incident", {"重大质量问题", "quality incident"}},
    {EventType::FollowUp, "followup", {"回访", "follow-up call"}},
};

const Entry<WorkKind> kWorkKinds[] = {
    {WorkKind::Diagnosis, "diagnosis", {"故障诊断", "diagnosis"}},
    {WorkKind::PartReserved, "part_reserved", {"备件（有库存）", "spare part in stock"}},
    {WorkKind::PartOrdered, "part_ordered", {"备件（已订货）", "spare part ordered"}},
    {WorkKind::PartFitted, "part_fitted", {"备件已更换", "spare part fitted"}},
    {WorkKind::PartShipped, "part_shipped", {"备件已发出", "spare part shipped"}},
    {WorkKind::Departure, "departure", {"工程师已出发", "engineer on the way"}},
    {WorkKind::Arrival, "arrival", {"工程师到达现场", "engineer arrived on site"}},
    {WorkKind::ServiceReport, "service_report", {"服务报告", "service report"}},
    {WorkKind::SignOff, "sign_off", {"客户已签字确认", "customer signed to confirm"}},
    {WorkKind::SignOffLater, "sign_off_later", {"客户稍后在网上确认", "customer to confirm online later"}},
    {WorkKind::Quote, "quote", {"维修报价", "repair quote"}},
    {WorkKind::QuoteAccepted, "quote_accepted", {"客户已接受报价", "customer accepted the quote"}},
    {WorkKind::QuoteDeclined, "quote_declined", {"客户未接受报价", "customer declined the quote"}},
    {WorkKind::InterimPlan, "interim_plan", {"应急方案", "interim plan"}},
};

const Entry<FaultCause> kFaultCauses[] = {
    {FaultCause::ProductDefect, "product_defect", {"产品质量问题", "Product defect"}},
    {FaultCause::WearAndTear, "wear_and_tear", {"正常使用损耗", "Normal wear"}},
    {FaultCause::CustomerCaused, "customer_caused", {"人为损坏（买方原因）", "Customer-caused damage"}},
    {FaultCause::Environment, "environment", {"使用环境（电源、温湿度等）", "Environment (power, heat, damp)"}},
    {FaultCause::NoFaultFound, "no_fault_found", {"未发现故障", "No fault found"}},
};

const Entry<RepairOutcome> kRepairOutcomes[] = {
    {RepairOutcome::Repaired, "repaired", {"已修复", "Repaired"}},
    {RepairOutcome::Replaced, "replaced", {"已换机", "Unit replaced"}},
    {RepairOutcome::NotRepairable, "not_repairable", {"无法修复", "Not repairable"}},
};

// "quality" is the repair's quality: the wire name the complaint form used before product quality
// had its own category.
const Entry<ComplaintCategory> kComplaintCategories[] = {
    {ComplaintCategory::Attitude, "attitude", {"服务态度", "Staff attitude"}},
    {ComplaintCategory::Late, "late", {"响应或上门不及时", "Late response or visit"}},
    {ComplaintCategory::RepairQuality, "quality", {"维修质量", "Repair quality"}},
    {ComplaintCategory::ProductQuality, "product", {"产品质量", "Product quality"}},
    {ComplaintCategory::Charges, "charges", {"收费问题", "Charges"}},
    {ComplaintCategory::Other, "other", {"其他", "Something else"}},
};

const Entry<SlaClock> kClocks[] = {
    {SlaClock::FirstResponse, "first_response", {"首次响应", "first response"}},
    {SlaClock::Dispatch, "dispatch", {"派工出发", "dispatch"}},
    {SlaClock::Arrival, "arrival", {"到达现场", "arrival on site"}},
    {SlaClock::Resolution, "resolution", {"解决", "resolution"}},
};

const Entry<DeadlineStatus> kDeadlineStatuses[] = {
    {DeadlineStatus::NotApplicable, "not_applicable", {"不适用", "not applicable"}},
    {DeadlineStatus::NotStarted, "not_started", {"未开始", "not started"}},
    {DeadlineStatus::Running, "running", {"计时中", "running"}},
    {DeadlineStatus::Paused, "paused", {"已暂停", "paused"}},
    {DeadlineStatus::MetOnTime, "met_on_time", {"按时完成", "met on time"}},
    {DeadlineStatus::MetLate, "met_late", {"超时完成", "met late"}},
    {DeadlineStatus::Overdue, "overdue", {"已超时", "overdue"}},
    {DeadlineStatus::Stopped, "stopped", {"已停止", "stopped"}},
};

const Entry<ReturnReason> kReturnReasons[] = {
    {ReturnReason::NoReason, "no_reason", {"无理由", "no reason"}},
    {ReturnReason::DeadOnArrival, "dead_on_arrival", {"开箱损坏", "dead on arrival"}},
    {ReturnReason::QualityProblem, "quality_problem", {"质量问题", "quality problem"}},
    {ReturnReason::WrongItem, "wrong_item", {"与订单不符", "wrong item"}},
};

const Entry<Remedy> kRemedies[] = {
    {Remedy::Refund, "refund", {"退货退款", "return and refund"}},
    {Remedy::Exchange, "exchange", {"换货", "exchange"}},
    {Remedy::FreeRepairOrReplacement, "free_repair_or_replacement", {"免费维修或更换", "free repair or replacement"}},
    {Remedy::FreeRepair, "free_repair", {"免费维修", "free repair"}},
    {Remedy::PaidRepair, "paid_repair", {"付费维修", "paid repair"}},
};

const Entry<ReturnsRule> kReturnsRules[] = {
    {ReturnsRule::NoReasonWindow, "no_reason_window", {"十五天无理由退换货", "no-reason return window"}},
    {ReturnsRule::DeadOnArrival, "dead_on_arrival", {"开箱损坏无条件换货", "dead on arrival"}},
    {ReturnsRule::QualityInWarranty, "quality_in_warranty", {"保修期内质量问题", "quality problem in warranty"}},
    {ReturnsRule::WrongItem, "wrong_item", {"与订单不符", "wrong item"}},
    {ReturnsRule::NotDelivered, "not_delivered", {"尚未签收", "not delivered"}},
    {ReturnsRule::ItemNotIntact, "item_not_intact", {"商品不完好", "item not intact"}},
    {ReturnsRule::WindowExpired, "window_expired", {"已超过退换期限", "window expired"}},
    {ReturnsRule::OutOfWarranty, "out_of_warranty", {"已过保修期", "out of warranty"}},
};

const Entry<WarrantyRule> kWarrantyRules[] = {
    {WarrantyRule::InWarranty, "in_warranty", {"在保修期内", "in warranty"}},
    {WarrantyRule::KeyPartRestarted, "key_part_restarted", {"关键部件更换后重新计算质保期", "key part warranty restarted"}},
    {WarrantyRule::Expired, "expired", {"已过保修期", "expired"}},
    {WarrantyRule::CustomerDamage, "customer_damage", {"人为损坏", "customer damage"}},
    {WarrantyRule::NotYetStarted, "not_yet_started", {"保修尚未开始", "not yet started"}},
};

const Entry<ServiceMode> kServiceModes[] = {
    {ServiceMode::Remote, "remote", {"远程指导", "Remote help"}},
    {ServiceMode::OnSite, "on_site", {"上门维修", "On-site visit"}},
    {ServiceMode::DropOff, "drop_off", {"送修到服务网点", "Drop-off at a service centre"}},
    {ServiceMode::MailIn, "mail_in", {"寄修", "Mail-in repair"}},
};

const Entry<VisitSlot> kVisitSlots[] = {
    {VisitSlot::Morning, "morning", {"上午 9:00–12:00", "Morning 9:00–12:00"}},
    {VisitSlot::Afternoon, "afternoon", {"下午 13:00–18:00", "Afternoon 13:00–18:00"}},
    {VisitSlot::Evening, "evening", {"晚上 18:00–21:00", "Evening 18:00–21:00"}},
};

const Entry<Channel> kChannels[] = {
    {Channel::Web, "web", {"网站", "Web"}},
    {Channel::Kiosk, "kiosk", {"自助终端", "Kiosk"}},
    {Channel::Embed, "embed", {"商家网站嵌入", "Vendor site"}},
    {Channel::Phone, "phone", {"电话", "Phone"}},
    {Channel::WalkIn, "walk_in", {"到店", "Walk-in"}},
    {Channel::Email, "email", {"邮件", "E-mail"}},
};

} // namespace

#define AFTERCARE_ENUM_FUNCTIONS(Type, table)                                                       \
    std::string_view ToString(Type value) { return Find(table, value).name; }                       \
    bool FromString(std::string_view text, Type& out) { return Parse(table, text, out); }

AFTERCARE_ENUM_FUNCTIONS(TicketKind, kKinds)
AFTERCARE_ENUM_FUNCTIONS(Priority, kPriorities)
AFTERCARE_ENUM_FUNCTIONS(TicketState, kStates)
AFTERCARE_ENUM_FUNCTIONS(Action, kActions)
AFTERCARE_ENUM_FUNCTIONS(ActorRole, kRoles)
AFTERCARE_ENUM_FUNCTIONS(EscalationLevel, kEscalations)
AFTERCARE_ENUM_FUNCTIONS(EventType, kEventTypes)
AFTERCARE_ENUM_FUNCTIONS(WorkKind, kWorkKinds)
AFTERCARE_ENUM_FUNCTIONS(SlaClock, kClocks)
AFTERCARE_ENUM_FUNCTIONS(DeadlineStatus, kDeadlineStatuses)
AFTERCARE_ENUM_FUNCTIONS(ReturnReason, kReturnReasons)
AFTERCARE_ENUM_FUNCTIONS(Remedy, kRemedies)
AFTERCARE_ENUM_FUNCTIONS(ReturnsRule, kReturnsRules)
AFTERCARE_ENUM_FUNCTIONS(WarrantyRule, kWarrantyRules)
AFTERCARE_ENUM_FUNCTIONS(ServiceMode, kServiceModes)
AFTERCARE_ENUM_FUNCTIONS(VisitSlot, kVisitSlots)
AFTERCARE_ENUM_FUNCTIONS(Channel, kChannels)
AFTERCARE_ENUM_FUNCTIONS(FaultCause, kFaultCauses)
AFTERCARE_ENUM_FUNCTIONS(RepairOutcome, kRepairOutcomes)
AFTERCARE_ENUM_FUNCTIONS(ComplaintCategory, kComplaintCategories)

#undef AFTERCARE_ENUM_FUNCTIONS

const LocalizedText& Label(TicketKind value, Audience audience) {
    return audience == Audience::Customer ? LabelOf(kCustomerKinds, value) : LabelOf(kKinds, value);
}
Audience AudienceOf(ActorRole role) { return role == ActorRole::Customer ? Audience::Customer : Audience::Staff; }

const LocalizedText& Label(Priority value) { return LabelOf(kPriorities, value); }
const LocalizedText& Label(TicketState value, Audience audience) {
    return audience == Audience::Customer ? LabelOf(kCustomerStates, value) : LabelOf(kStates, value);
}
const LocalizedText& Label(Action value) { return LabelOf(kActions, value); }
const LocalizedText& Label(ActorRole value) { return LabelOf(kRoles, value); }
const LocalizedText& Label(EscalationLevel value) { return LabelOf(kEscalations, value); }
const LocalizedText& Label(EventType value) { return LabelOf(kEventTypes, value); }
const LocalizedText& Label(WorkKind value) { return LabelOf(kWorkKinds, value); }
const LocalizedText& Label(SlaClock value) { return LabelOf(kClocks, value); }
const LocalizedText& Label(ReturnReason value) { return LabelOf(kReturnReasons, value); }
const LocalizedText& Label(Remedy value) { return LabelOf(kRemedies, value); }
const LocalizedText& Label(ServiceMode value) { return LabelOf(kServiceModes, value); }
const LocalizedText& Label(VisitSlot value) { return LabelOf(kVisitSlots, value); }
const LocalizedText& Label(Channel value) { return LabelOf(kChannels, value); }
const LocalizedText& Label(FaultCause value) { return LabelOf(kFaultCauses, value); }
const LocalizedText& Label(RepairOutcome value) { return LabelOf(kRepairOutcomes, value); }
const LocalizedText& Label(ComplaintCategory value) { return LabelOf(kComplaintCategories, value); }

bool IsSelfServiceChannel(Channel channel) {
    return channel == Channel::Web || channel == Channel::Kiosk || channel == Channel::Embed;
}

bool IsTerminal(TicketState state) {
    return state == TicketState::Closed || state == TicketState::Cancelled || state == TicketState::Rejected;
}

bool IsPausedState(TicketState state) {
    return state == TicketState::WaitingCustomer || state == TicketState::AwaitingItem;
}

} // namespace aftercare::core
