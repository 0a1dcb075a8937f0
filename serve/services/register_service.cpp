// Register service: audited imports, delivery events and product histories.
#include "services/register_service.hpp"

#include <sstream>

#include "core/validation.h"
#include "core/warranty.h"
#include "import/values.hpp"
#include "services/domain_error.hpp"
#include "store/register.hpp"

namespace aftercare::serve::register_service {
namespace {

using Json = nlohmann::json;
constexpr int kHistoryTickets = 100;

} // namespace

api::ImportReport Import(Services& services, const std::string& who, import::Kind kind, import::Format format,
                         bool dry_run, const std::string& body) {
    import::Options options;
    options.kind = kind;
    options.format = format;
    options.dry_run = dry_run;
    options.context.now = services.now();
    std::istringstream in(body);
    const import::Report report = import::Run(services.store, in, options);
    const std::int64_t now = services.now();
    services.store.Write([&](StoreTx& tx) {
        tx.InsertAudit({0,
                        now,
                        who,
                        dry_run ? "import_check" : "import",
                        0,
                        {},
                        std::string(import::KindName(kind)) + ": " + std::to_string(report.rows) + " rows, " +
                            std::to_string(report.changed) + " changed, " +
                            std::to_string(report.error_rows) + " refused" +
                            (report.written ? "" : ", nothing written")});
    });
    return import::ToWire(report);
}

Json RecordDelivery(Services& services, const std::string& who, const std::string& order_number,
                    const Json& body) {
    if (auto error = core::CheckOrderNumber(order_number)) throw DomainError(ErrorKind::InvalidValue, *error);
    if (!body.contains("delivered_at") || !body["delivered_at"].is_string())
        throw DomainError(ErrorKind::InvalidValue, "required", "请填写签收时间 delivered_at",
                          "Give delivered_at.", "delivered_at");
    for (const auto& [key, value] : body.items())
        if (key != "delivered_at")
            throw DomainError(ErrorKind::BadRequest, "unknown_field", "未知字段：" + key,
                              "Unknown field: " + key, key);
    const auto delivered_at =
        import::ParseLooseInstant(body["delivered_at"].get<std::string>(), core::kChinaUtcOffset);
    if (!delivered_at)
        throw DomainError(ErrorKind::InvalidValue, "invalid_date", "时间无法识别，请写成 2026-03-01 14:30",
                          "Unreadable time; write 2026-03-01 14:30", "delivered_at");
    const std::int64_t now = services.now();
    if (*delivered_at > now)
        throw DomainError(ErrorKind::InvalidValue, "future_date", "时间不能晚于现在",
                          "The time is in the future", "delivered_at");
    bool found = false;
    services.store.Write([&](StoreTx& tx) {
        found = tx.Register().RecordDelivery(order_number, *delivered_at);
        if (found) tx.InsertAudit({0, now, who, "delivery", 0, {}, order_number});
    });
    if (!found)
        throw DomainError(ErrorKind::NotFound, "order_not_found", "没有这个订单", "No order has this number.",
                          "order_number");
    return Json{{"order_number", order_number}, {"delivered_at", *delivered_at}};
}

api::ProductHistory ProductHistory(Services& services, const std::string& serial_text) {
    auto serial = core::NormalizeSerial(serial_text);
    if (!serial) throw DomainError(ErrorKind::InvalidValue, serial.GetError());
    api::ProductHistory out;
    out.serial = serial.Value();
    if (auto product = services.store.FindProduct(serial.Value())) {
        out.registered = true;
        out.model = product->model;
        out.replacements = product->replacements;
        out.purchase_date = product->purchase_date;
        if (product->purchase_date) {
            const auto policy = services.Policy();
            core::WarrantyQuery query;
            query.coverage_start = *product->purchase_date;
            query.today = core::LocalDate(services.now(), core::kChinaUtcOffset);
            query.replacements = product->replacements;
            out.warranty = core::EvaluateWarranty(query, *policy);
            // Each key part's own period, so staff see a restarted warranty at a glance.
            for (const auto& part : policy->warranty.key_parts) {
                core::WarrantyQuery part_query = query;
                part_query.faulty_part = part;
                const auto decision = core::EvaluateWarranty(part_query, *policy);
                // Listed when the part's own period outlasts the product's (a replacement restarted it).
                if (decision.covered_until > decision.product_covered_until) out.key_parts.push_back({part, decision});
            }
        }
    }
    for (std::int64_t id : services.store.Register().TicketIdsForSerial(serial.Value(), kHistoryTickets)) {
        auto stored = services.store.LoadTicketById(id);
        if (!stored) continue;
        out.tickets.push_back(api::HistoryItemOf(stored->ticket));
    }
    return out;
}

api::CustomerHistory CustomerHistory(Services& services, std::int64_t ticket_id) {
    auto current = services.store.LoadTicketById(ticket_id);
    if (!current) throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单", "No ticket matches.");
    api::CustomerHistory out;
    const std::string& phone = current->ticket.details.customer.phone;
    // One more than shown, to tell whether older ones exist.
    auto ids = services.store.Register().TicketIdsForPhone(phone, kHistoryTickets + 1);
    out.more = static_cast<int>(ids.size()) > kHistoryTickets;
    if (out.more) ids.pop_back();
    for (std::int64_t id : ids) {
        auto stored = id == ticket_id ? current : services.store.LoadTicketById(id);
        if (stored) out.tickets.push_back(api::HistoryItemOf(stored->ticket));
    }
    return out;
}

} // namespace aftercare::serve::register_service
