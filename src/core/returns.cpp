// Returns/exchange eligibility: each decision names its rule and explains itself in zh and en.
#include "returns.h"

#include "warranty.h"

#include <string>

namespace aftercare::core {

namespace {

struct Context {
    const ReturnsQuery& query;
    const Policy& policy;
    UtcOffsetMinutes offset;
    DayNumber delivered_day;
    std::int64_t day_number;
    Remedy wanted;
};

// Last second of a window of `days` days after the delivery day, in the customer's time zone.
UnixSeconds WindowEnd(const Context& context, int days) {
    return LocalDayStart(context.delivered_day + days + 1, context.offset) - 1;
}

std::string WindowEndDate(const Context& context, int days) {
    return FormatIsoDate(CivilFromDays(context.delivered_day + days));
}

ReturnsDecision Decide(const Context& context, bool granted, Remedy remedy, ReturnsRule rule, std::string zh,
                       std::string en, std::optional<UnixSeconds> window_ends_at) {
    ReturnsDecision decision;
    decision.granted = granted;
    decision.remedy = remedy;
    decision.rule = rule;
    decision.reason = LocalizedText{std::move(zh), std::move(en)};
    decision.day_number = context.day_number;
    decision.window_ends_at = window_ends_at;
    return decision;
}

WarrantyDecision WarrantyFor(const Context& context) {
    WarrantyQuery warranty;
    warranty.coverage_start = context.query.warranty_start.value_or(CivilFromDays(context.delivered_day));
    warranty.today = LocalDate(context.query.now, context.offset);
    return EvaluateWarranty(warranty, context.policy);
}

std::string DayZh(const Context& context) { return "签收后第 " + std::to_string(context.day_number) + " 天"; }
std::string DayEn(const Context& context) { return "day " + std::to_string(context.day_number) + " after delivery"; }

} // namespace

ReturnsDecision EvaluateReturn(const ReturnsQuery& query, const Policy& policy) {
    const UtcOffsetMinutes offset =
        IsValidUtcOffset(query.customer_utc_offset_minutes) ? query.customer_utc_offset_minutes : kChinaUtcOffset;
    const DayNumber delivered_day = LocalDayNumber(query.delivered_at, offset);
    const Context context{query,
                          policy,
                          offset,
                          delivered_day,
                          LocalDayNumber(query.now, offset) - delivered_day,
                          query.wanted == Remedy::Exchange ? Remedy::Exchange : Remedy::Refund};
    const LocalizedText wanted = Label(context.wanted);
    const auto& returns = policy.returns;

    if (query.now < query.delivered_at) {
        return Decide(context, false, context.wanted, ReturnsRule::NotDelivered, "商品尚未签收，签收后才能申请退换货",
                      "The item has not been delivered yet; returns open after delivery", std::nullopt);
    }

    // The two unconditional remedies (§12 1.2, §13 3) hold whatever the day, unless the vendor set a limit.
    auto within = [&](const std::optional<int>& limit) { return !limit || context.day_number <= *limit; };
    auto limit_end = [&](const std::optional<int>& limit) {
        return limit ? std::optional<UnixSeconds>(WindowEnd(context, *limit)) : std::nullopt;
    };

    if (query.reason == ReturnReason::WrongItem && within(returns.wrong_item_days)) {
        return Decide(context, true, context.wanted, ReturnsRule::WrongItem,
                      "收到的商品与订单不符（" + DayZh(context) + "），无条件" + wanted.zh,
                      "The item does not match the order (" + DayEn(context) + "): " + wanted.en +
                          " granted unconditionally",
                      limit_end(returns.wrong_item_days));
    }

    if (query.reason == ReturnReason::DeadOnArrival && within(returns.dead_on_arrival_days)) {
        if (context.wanted == Remedy::Exchange) {
            return Decide(context, true, Remedy::Exchange, ReturnsRule::DeadOnArrival,
                          "开箱损坏（" + DayZh(context) + "），无条件更换同型号或同等功能的商品",
                          "Dead on arrival (" + DayEn(context) +
                              "): unconditional exchange for the same or an equivalent model",
                          limit_end(returns.dead_on_arrival_days));
        }
        // A refund of a DOA item is a no-reason return: inside that window it is granted below;
        // after it, the unconditional exchange is what is offered.
        if (context.day_number > returns.no_reason_days) {
            const std::string days = std::to_string(returns.no_reason_days);
            return Decide(context, false, Remedy::Exchange, ReturnsRule::DeadOnArrival,
                          DayZh(context) + "，已过 " + days + " 天无理由退货期限，不能退款；开箱损坏可无条件更换同型号或同等功能的商品",
                          "On " + DayEn(context) + ", past the " + days +
                              "-day no-reason window: no refund, but a dead-on-arrival item is exchanged "
                              "unconditionally for the same or an equivalent model",
                          limit_end(returns.dead_on_arrival_days));
        }
    }

    const bool defect = query.reason == ReturnReason::DeadOnArrival || query.reason == ReturnReason::QualityProblem ||
                        query.reason == ReturnReason::WrongItem;
    const std::string no_reason_days = std::to_string(returns.no_reason_days);
    if (context.day_number <= returns.no_reason_days) {
        if (!defect && !query.item_intact) {
            const WarrantyDecision warranty = WarrantyFor(context);
            return Decide(context, false, warranty.in_warranty ? Remedy::FreeRepair : Remedy::PaidRepair,
                          ReturnsRule::ItemNotIntact,
                          "无理由退换货要求商品及配件完好，当前商品不完好，可申请维修",
                          "A no-reason return needs the item complete and undamaged; a repair is offered instead",
                          WindowEnd(context, returns.no_reason_days));
        }
        return Decide(context, true, context.wanted, ReturnsRule::NoReasonWindow,
                      DayZh(context) + "，在 " + no_reason_days + " 天无理由退换货期限内（截至 " +
                          WindowEndDate(context, returns.no_reason_days) + "），可" + wanted.zh,
                      "On " + DayEn(context) + ", within the " + no_reason_days + "-day no-reason window (until " +
                          WindowEndDate(context, returns.no_reason_days) + "): " + wanted.en + " granted",
                      WindowEnd(context, returns.no_reason_days));
    }

    const WarrantyDecision warranty = WarrantyFor(context);
    if (query.reason == ReturnReason::QualityProblem || query.reason == ReturnReason::DeadOnArrival) {
        const UnixSeconds warranty_end = LocalDayStart(DaysFromCivil(warranty.covered_until) + 1, offset) - 1;
        if (warranty.in_warranty) {
            return Decide(context, context.wanted == Remedy::Exchange, Remedy::FreeRepairOrReplacement,
                          ReturnsRule::QualityInWarranty,
                          DayZh(context) + "，已过 " + no_reason_days + " 天无理由期限；质量问题在保修期内（至 " +
                              FormatIsoDate(warranty.covered_until) + "），检测后免费维修或更换",
                          "On " + DayEn(context) + ", past the " + no_reason_days +
                              "-day no-reason window; a quality problem in warranty (until " +
                              FormatIsoDate(warranty.covered_until) + ") gets a free repair or replacement after inspection",
                          warranty_end);
        }
        return Decide(context, false, Remedy::PaidRepair, ReturnsRule::OutOfWarranty,
                      "已过保修期（" + FormatIsoDate(warranty.covered_until) + " 结束），不能退换货，可付费维修",
                      "The warranty ended on " + FormatIsoDate(warranty.covered_until) +
                          "; no return or exchange, a paid repair is offered",
                      warranty_end);
    }

    return Decide(context, false, warranty.in_warranty ? Remedy::FreeRepair : Remedy::PaidRepair,
                  ReturnsRule::WindowExpired,
                  DayZh(context) + "，已超过 " + no_reason_days + " 天无理由退换货期限（截至 " +
                      WindowEndDate(context, returns.no_reason_days) + "），可申请维修",
                  "On " + DayEn(context) + ", the " + no_reason_days + "-day no-reason window (until " +
                      WindowEndDate(context, returns.no_reason_days) + ") has passed; a repair is offered instead",
                  WindowEnd(context, returns.no_reason_days));
}

FieldErrors ValidateReturnsQuery(const ReturnsQuery& query) {
    FieldErrors errors;
    if (query.wanted != Remedy::Refund && query.wanted != Remedy::Exchange) {
        errors.push_back(MakeError("invalid_value", "请选择退货或换货", "Choose a refund or an exchange", "wanted"));
    }
    if (!IsValidUtcOffset(query.customer_utc_offset_minutes)) {
        errors.push_back(MakeError("out_of_range", "时区偏移无效", "Invalid time zone offset", "utc_offset_minutes"));
    }
    if (query.warranty_start) {
        const UtcOffsetMinutes offset =
            IsValidUtcOffset(query.customer_utc_offset_minutes) ? query.customer_utc_offset_minutes : kChinaUtcOffset;
        if (!IsValidCivilDate(*query.warranty_start)) {
            errors.push_back(MakeError("invalid_date", "购买日期无效", "Invalid purchase date", "purchase_date"));
        } else if (DaysFromCivil(*query.warranty_start) > LocalDayNumber(query.delivered_at, offset) + 1) {
            errors.push_back(MakeError("invalid_date", "购买日期不能晚于签收日期", "The purchase date cannot be after delivery",
                                       "purchase_date"));
        }
    }
    return errors;
}

} // namespace aftercare::core
